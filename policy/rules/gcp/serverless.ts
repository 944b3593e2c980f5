// Google Cloud serverless rules beyond Cloud Run's own (cloudrun.ts): Cloud Functions take traffic only from
// the VPC or a load balancer, and no Cloud Run or Cloud Functions setting whose name announces a secret holds
// the value (the shared rule of ../secrets.ts).
import type { ResourceValidationArgs } from "@pulumi/policy";
import { ResourceRule } from "../../runtime";
import { Props, inputsOf, record, recordAt, records } from "../../runtime/props";
import { isOfType } from "../../runtime/links";
import { peek } from "../../runtime/unknowns";
import { Setting, reportPlaintextSecrets } from "../secrets";
import { T } from "./resource-types";

/** The ingress setting of a function (1st gen: `ingressSettings`; 2nd gen: `serviceConfig.ingressSettings`). */
function functionIngress(args: ResourceValidationArgs): unknown {
  const props = record(args.props);
  return args.type === "gcp:cloudfunctionsv2/function:Function"
    ? record(props.serviceConfig).ingressSettings
    : props.ingressSettings;
}

/** A `{ NAME: value }` map of environment variables as settings. */
function mapSettings(map: unknown, where: string): Setting[] {
  const variables = record(map);
  return Object.keys(variables).map((name) => ({ name, value: peek(variables, name), where }));
}

/** `[{ name, value }]` environment entries as settings (a `valueSource`/`valueFrom` reference has no `value`). */
function listSettings(list: unknown, where: string): Setting[] {
  return records(list).map((e: Props) => ({ name: peek(e, "name"), value: peek(e, "value"), where }));
}

/** Every plain environment variable of a Cloud Run service (v1 or v2) or a Cloud Function (1st or 2nd gen). */
function serverlessSettings(args: ResourceValidationArgs): Setting[] {
  const props = record(args.props);
  if (isOfType(args, T.runService))
    return records(record(props.template).containers).flatMap((c, i) =>
      listSettings(c.envs, `template.containers[${i}]`),
    );
  if (isOfType(args, T.runServiceV1))
    return records(recordAt(props, ["template", "spec"]).containers).flatMap((c, i) =>
      listSettings(c.envs, `template.spec.containers[${i}]`),
    );
  if (args.type === "gcp:cloudfunctionsv2/function:Function")
    return mapSettings(
      record(props.serviceConfig).environmentVariables,
      "serviceConfig.environmentVariables",
    );
  return inputsOf<Props>(args, T.function)
    ? mapSettings(props.environmentVariables, "environmentVariables")
    : [];
}

export const serverlessRules: ResourceRule[] = [
  {
    name: "gcp-functions-ingress-restricted",
    area: "gcp",
    severity: "medium",
    description:
      "Cloud Functions accept traffic only from the VPC or a load balancer, not from the whole internet (the " +
      "default `ALLOW_ALL`), as Cloud Run services do.",
    remediationSteps:
      'Set `ingressSettings: "ALLOW_INTERNAL_AND_GCLB"` (2nd gen: `serviceConfig.ingressSettings`), or `ALLOW_INTERNAL_ONLY`.',
    references: ["CKV_GCP_124", "Groundwork BASELINE GCP Cloud Run"],
    types: T.function,
    validateResource(args, report) {
      const ingress = functionIngress(args) ?? "ALLOW_ALL";
      if (ingress === "ALLOW_ALL")
        report('ingressSettings is "ALLOW_ALL": the function is reachable from the internet');
    },
  },
  {
    name: "gcp-serverless-no-plaintext-secrets",
    area: "gcp",
    severity: "high",
    description:
      "Cloud Run services and Cloud Functions pass values whose names announce a secret (PASSWORD, TOKEN, API_KEY …) " +
      "from Secret Manager (`valueSource.secretKeyRef`, `secretEnvironmentVariables`), not as plain environment " +
      "values, which anyone with run.services.get or cloudfunctions.functions.get reads.",
    remediationSteps:
      "Store the value in Secret Manager, grant the runtime service account roles/secretmanager.secretAccessor, and " +
      "reference it (`envs: [{ name, valueSource: { secretKeyRef: { secret, version } } }]`).",
    references: ["CIS GCP 1.17"],
    types: [...T.runService, ...T.runServiceV1, ...T.function],
    validateResource(args, report) {
      reportPlaintextSecrets(
        serverlessSettings(args),
        report,
        "environment variable",
        "anyone who may read the service",
      );
    },
  },
];
