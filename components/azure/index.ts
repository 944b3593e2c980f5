// Azure: the shared vocabulary, conformed to Azure's rules. Components (network, Key Vault, storage
// account, compute, PostgreSQL flexible server) arrive in their own issue; no provider SDK is imported yet.
export { azureTags } from "../core/tags";
export { NAME_RULES, nameProblem, shapeName } from "../core/naming";
/** The naming rule Azure storage account names follow. */
export const STORAGE_ACCOUNT_NAME_RULE = "azureStorageAccount" as const;
