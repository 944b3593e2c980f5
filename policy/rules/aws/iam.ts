// AWS IAM rules: no administrator grants, no long-lived keys.
import type { PolicyArgs } from "@pulumi/aws/iam";
import { ResourceRule } from "../../runtime";
import { onInputs, oneOrMany } from "../../runtime/props";
import { isOfType } from "../../runtime/links";
import { T } from "./resource-types";
import { sidOf, statements } from "./documents";

export const iamRules: ResourceRule[] = [
  {
    name: "aws-iam-no-wildcard-admin",
    area: "aws",
    severity: "high",
    description: "IAM policies must not allow `*` actions (or `service:*`) on `*` resources.",
    remediationSteps: "List the actions the workload calls and the ARNs it touches.",
    references: ["CKV_AWS_62", "CKV_AWS_63", "CIS AWS 1.16"],
    validateResource: onInputs<PolicyArgs>(T.iamPolicyDocs, (doc, report) => {
      for (const s of statements(doc.policy)) {
        if (s.Effect !== "Allow") continue;
        const actions = oneOrMany(s.Action).map(String);
        const resources = oneOrMany(s.Resource).map(String);
        if (resources.includes("*") && actions.some((a) => a === "*" || a.endsWith(":*"))) {
          report(`statement ${sidOf(s)} allows ${actions.join(", ")} on "*"`);
        }
      }
    }),
  },
  {
    name: "aws-iam-no-access-keys",
    area: "aws",
    severity: "high",
    description: "Programs must not create long-lived IAM access keys.",
    remediationSteps: "Use roles (IRSA, task roles, OIDC federation for CI) instead of access keys.",
    references: ["CIS AWS 1.14", "Groundwork BASELINE identities"],
    validateResource(args, report) {
      if (isOfType(args, T.accessKey)) report("an IAM access key is created");
    },
  },
];
