// Google Cloud: the shared vocabulary, conformed to Google Cloud's rules. Components (network, KMS,
// bucket, Cloud Run, Cloud SQL) arrive in their own issue; this module imports no provider SDK yet.
export { gcpLabels, conformGcpLabel } from "../core/tags";
export { NAME_RULES, nameProblem, shapeName } from "../core/naming";
/** The naming rule Google Cloud resource names follow (RFC 1035). */
export const RESOURCE_NAME_RULE = "gcpResource" as const;
