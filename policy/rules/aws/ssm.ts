// AWS Systems Manager Parameter Store: a parameter whose name announces a secret is a SecureString, and a
// SecureString is encrypted under a customer-managed key (the one key decision, ../keys.ts).
import type { ParameterArgs } from "@pulumi/aws/ssm";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { looksLikeSecretName } from "../../../components/core/secrets";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey, namesCustomerKey } from "../keys";
import { T } from "./resource-types";

export const ssmRules: ResourceRule[] = [
  {
    name: "aws-ssm-parameter-encrypted",
    area: "aws",
    severity: "high",
    description:
      "SSM parameters whose names announce a secret (PASSWORD, TOKEN, API_KEY …) are SecureStrings, and SecureStrings " +
      "are encrypted under a customer-managed key; `customerManagedKey: false` accepts the AWS-managed key aws/ssm.",
    remediationSteps:
      'Set `type: "SecureString"` and `keyId` to a customer-managed key the readers may decrypt.',
    references: ["CKV2_AWS_34", "CKV_AWS_337"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<ParameterArgs>(T.ssmParameter, (parameter, report, args) => {
      const name = String(parameter.name ?? args.name);
      if (parameter.type !== "SecureString") {
        if (looksLikeSecretName(name.split("/").pop() ?? name))
          report(
            `parameter ${JSON.stringify(name)} is a ${String(parameter.type)}: its value is stored in plain text`,
          );
        return;
      }
      if (asksForKey(args, record(parameter.tags).environment) && !namesCustomerKey(args.props, "keyId"))
        report(
          `keyId is not set: the SecureString is encrypted under the AWS-managed key aws/ssm; ${CMK_KNOB_HINT}`,
        );
    }),
  },
];
