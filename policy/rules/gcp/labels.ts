// The Google Cloud instances of the rules every cloud shares: required labels on labelled resources, and
// `protect` on stateful resources in prod.
import { ResourceRule } from "../../runtime";
import { record } from "../../runtime/props";
import { DEFAULT_REQUIRED_TAGS, requiredTagsRule, statefulProtectionRule } from "../common";
import { T } from "./resource-types";

/** Google Cloud resource types whose `labels` input sits at the top level (the ones platforms commonly create). */
export const GCP_LABELLED: readonly string[] = [...T.bucket, ...T.cryptoKey, ...T.runService, ...T.instance];

export const labelRules: ResourceRule[] = [
  requiredTagsRule({
    name: "gcp-required-labels",
    area: "gcp",
    types: GCP_LABELLED,
    path: ["labels"],
    defaultRequired: DEFAULT_REQUIRED_TAGS,
    noun: "label",
    references: ["Groundwork BASELINE tags", "Google Cloud labels best practices"],
  }),
  statefulProtectionRule({
    name: "gcp-stateful-protect-prod",
    area: "gcp",
    types: [...T.bucket, ...T.cryptoKey, ...T.keyRing, ...T.sqlInstance],
    // Cloud SQL keeps its labels under `settings.userLabels`; the others at the top.
    environment: (props) =>
      record(props.labels)["environment"] ?? record(record(props.settings).userLabels)["environment"],
  }),
];
