// Google Cloud Run rules: no public invoker, ingress only from inside the VPC or through a load balancer,
// a dedicated service account and a customer-managed key (BASELINE.md, Google Cloud: Cloud Run).
import type { ServiceArgs } from "@pulumi/gcp/cloudrunv2";
import { ResourceRule } from "../../runtime";
import { Inputs, inputsOf, onInputs, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { noPublicGrantRule } from "./iam";
import { T } from "./resource-types";

type Service = Inputs<ServiceArgs>;

const ALL = "INGRESS_TRAFFIC_ALL";

function template(service: Service): Record<string, unknown> {
  return record(service.template);
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
    validateResource: onInputs<ServiceArgs>(T.runService, (service, report) => {
      if ((service.ingress ?? ALL) === ALL) report(`ingress is ${ALL}`);
    }),
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
    validateResource: onInputs<ServiceArgs>(T.runService, (service, report) => {
      const sa = template(service).serviceAccount;
      if (!isSet(template(service), "serviceAccount"))
        report("no template.serviceAccount (runs as the default)");
      else if (typeof sa === "string" && sa.endsWith("-compute@developer.gserviceaccount.com"))
        report(`template.serviceAccount is the Compute Engine default (${sa})`);
    }),
  },
  {
    name: "gcp-cloudrun-cmek",
    area: "gcp",
    severity: "low",
    description: "Cloud Run services encrypt their container images and data under a customer-managed key.",
    remediationSteps: "Set `template.encryptionKey` to a crypto key the Cloud Run service agent may use.",
    references: ["Groundwork BASELINE GCP Cloud Run"],
    validateResource: onInputs<ServiceArgs>(T.runService, (service, report) => {
      if (!isSet(template(service), "encryptionKey")) report("no template.encryptionKey");
    }),
  },
];
