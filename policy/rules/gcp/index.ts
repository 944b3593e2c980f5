// Every Google Cloud rule (BASELINE.md, Google Cloud section, and the hand-written misconfigurations of
// issue #11), written against raw @pulumi/gcp resources so they hold for any program, in pack order.
import { GroundworkPolicy, resourcePolicy } from "../../runtime";
import { storageRules, storageStackPolicies } from "./storage";
import { networkRules } from "./network";
import { kmsRules } from "./kms";
import { sqlRules } from "./sql";
import { cloudRunRules } from "./cloudrun";
import { computeRules } from "./compute";
import { gkeRules } from "./gke";
import { gkeNodeRules } from "./gke-nodes";
import { labelRules } from "./labels";
import { iamRules } from "./iam";
import { serverlessRules } from "./serverless";
import { cmekRules } from "./cmek";

/** Every Google Cloud policy. */
export const gcpPolicies: GroundworkPolicy[] = [
  ...[...storageRules, ...networkRules, ...kmsRules, ...sqlRules, ...cloudRunRules, ...computeRules]
    .concat(gkeRules, gkeNodeRules, iamRules, serverlessRules, cmekRules, labelRules)
    .map(resourcePolicy),
  ...storageStackPolicies,
];
