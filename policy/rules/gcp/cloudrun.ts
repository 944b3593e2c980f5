// Google Cloud Run rules: no public invoker, ingress only from inside the VPC or through a load balancer,
// a dedicated service account and a customer-managed key (BASELINE.md, Google Cloud: Cloud Run).
import type { ServiceArgs } from "@pulumi/gcp/cloudrunv2";
import { ResourceRule } from "../../runtime";
import { Inputs, Props, inputsOf, record, recordAt } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { noPublicGrantRule } from "./iam";
import { T } from "./resource-types";

type Service = Inputs<ServiceArgs>;

const ALL = "INGRESS_TRAFFIC_ALL";

function template(service: Service): Record<string, unknown> {
  return record(service.template);
}

/**
 * The v1 `cloudrun.Service` (Knative shape) states the same settings as annotations and `template.spec`:
 * `run.googleapis.com/ingress` on the service (`all` by default), `template.spec.serviceAccountName`, and
 * `run.googleapis.com/encryption-key` on the revision template
 * (https://cloud.google.com/run/docs/reference/rest/v1/namespaces.services).
 */
const V1_INGRESS_ALL = "all";
function v1Annotation(service: Props, at: readonly string[], key: string): unknown {
  return recordAt(service, [...at, "annotations"])[key];
}

export const cloudRunRules: ResourceRule[] = [
  noPublicGrantRule({
    name: "gcp-cloudrun-no-public-invoker",
    severity: "high",
    description:
      "Cloud Run services grant no role (such as `roles/run.invoker`) to `allUsers` or `allAuthenticatedUsers`, " +
      "and keep the IAM invoker check on.",
    remediationSteps:
      "Grant `roles/run.invoker` to the calling service accounts; for a public site, front the service with a load balancer and IAP or Cloud Armor.",
    references: ["CKV_GCP_102"],
    types: T.runIam,
    alsoTypes: T.runService,
    also: (args) =>
      inputsOf<ServiceArgs>(args, T.runService)?.invokerIamDisabled === true
        ? ["invokerIamDisabled is true (anyone who reaches the service may invoke it)"]
        : [],
  }),
  {
    name: "gcp-cloudrun-ingress-restricted",
    area: "gcp",
    severity: "medium",
    description:
      "Cloud Run services accept traffic only from the VPC or an internal/cloud load balancer, not from the whole internet (the default).",
    remediationSteps:
      'Set `ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"` (or `INGRESS_TRAFFIC_INTERNAL_ONLY`).',
    references: ["Groundwork BASELINE GCP Cloud Run"],
    types: [...T.runService, ...T.runServiceV1],
    validateResource(args, report) {
      const v2 = inputsOf<ServiceArgs>(args, T.runService);
      if (v2) {
        if ((v2.ingress ?? ALL) === ALL) report(`ingress is ${ALL}`);
        return;
      }
      const v1 = inputsOf<Props>(args, T.runServiceV1);
      if (!v1) return;
      const ingress = v1Annotation(v1, ["metadata"], "run.googleapis.com/ingress");
      if ((ingress ?? V1_INGRESS_ALL) === V1_INGRESS_ALL)
        report(
          `metadata.annotations["run.googleapis.com/ingress"] is ${ingress === undefined ? "not set (all)" : '"all"'}`,
        );
    },
  },
  {
    name: "gcp-cloudrun-dedicated-service-account",
    area: "gcp",
    severity: "medium",
    description:
      "Cloud Run services run as a dedicated service account, not the Compute Engine default (which has the Editor role in many projects).",
    remediationSteps:
      "Create a service account for the service, grant it only what it needs, and set `template.serviceAccount`.",
    references: ["CIS GCP 4.1", "Groundwork BASELINE GCP Cloud Run"],
    types: [...T.runService, ...T.runServiceV1],
    validateResource(args, report) {
      const v2 = inputsOf<ServiceArgs>(args, T.runService);
      const v1 = v2 ? undefined : inputsOf<Props>(args, T.runServiceV1);
      const [holder, field, where] = v2
        ? [template(v2), "serviceAccount", "template.serviceAccount"]
        : [recordAt(v1, ["template", "spec"]), "serviceAccountName", "template.spec.serviceAccountName"];
      if (!v2 && !v1) return;
      const sa = holder[field];
      if (!isSet(holder, field)) report(`no ${where} (runs as the default)`);
      else if (typeof sa === "string" && sa.endsWith("-compute@developer.gserviceaccount.com"))
        report(`${where} is the Compute Engine default (${sa})`);
    },
  },
  {
    name: "gcp-cloudrun-cmek",
    area: "gcp",
    severity: "low",
    description: "Cloud Run services encrypt their container images and data under a customer-managed key.",
    remediationSteps: "Set `template.encryptionKey` to a crypto key the Cloud Run service agent may use.",
    references: ["Groundwork BASELINE GCP Cloud Run"],
    types: [...T.runService, ...T.runServiceV1],
    validateResource(args, report) {
      const v2 = inputsOf<ServiceArgs>(args, T.runService);
      if (v2) {
        if (!isSet(template(v2), "encryptionKey")) report("no template.encryptionKey");
        return;
      }
      const v1 = inputsOf<Props>(args, T.runServiceV1);
      if (v1 && v1Annotation(v1, ["template", "metadata"], "run.googleapis.com/encryption-key") === undefined)
        report('no template.metadata.annotations["run.googleapis.com/encryption-key"]');
    },
  },
];
