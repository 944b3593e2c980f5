// Azure (`@groundwork/infra/azure`): the shared vocabulary conformed to Azure's rules: tags, storage
// account names and, when components arrive (their own issue), sizes in `azure/sizes.ts`. No provider SDK yet.
export { azureTags } from "./tags";
export { AZURE_STORAGE_ACCOUNT_NAME } from "./naming";

// Deprecated since 0.2.0, removed in 0.3.0: the by-kind naming API this module used to re-export.
export { NAME_RULES, nameProblem, shapeName } from "../core/deprecated";
/** @deprecated since 0.2.0: use {@link AZURE_STORAGE_ACCOUNT_NAME} with `nameProblemFor`/`shapeNameFor` from core. */
export const STORAGE_ACCOUNT_NAME_RULE = "azureStorageAccount" as const;
