// Google Cloud (`@groundwork/infra/gcp`): the shared vocabulary conformed to Google Cloud's rules: labels,
// resource names and, when components arrive (their own issue), sizes in `gcp/sizes.ts`. No provider SDK yet.
export { conformGcpLabel, gcpLabels } from "./labels";
export { GCP_RESOURCE_NAME } from "./naming";

// Deprecated since 0.2.0, removed in 0.3.0: the by-kind naming API this module used to re-export.
export { NAME_RULES, nameProblem, shapeName } from "../core/deprecated";
/** @deprecated since 0.2.0: use {@link GCP_RESOURCE_NAME} with `nameProblemFor`/`shapeNameFor` from core. */
export const RESOURCE_NAME_RULE = "gcpResource" as const;
