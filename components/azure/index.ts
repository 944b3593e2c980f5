// Azure components (`@groundwork/infra/azure`): the public surface, named export by export so no internal
// builder becomes API by accident. Each module imports `@pulumi/azure-native` sub-paths only, never the
// root (which loads some 490 files). First: a missing SDK is a clear error before any module needs it.
import "./peer";

export { WEAKENED_TAG } from "../core";
export { EncryptionKey, EncryptionKeyArgs } from "./encryption-key";
export { StorageAccount, StorageAccountArgs } from "./storage-account";
export { ContainerService, ContainerServiceArgs } from "./container-service";
export { PostgresAdministrator, PostgresDatabase, PostgresDatabaseArgs } from "./postgres-database";
export { AZURE_NETWORK_TIERS, AzureNetworkTier, Network, NetworkArgs } from "./network";
export { AzureLogArgs } from "./logs";
export { AzureCommonArgs } from "./common";
export {
  AzureGrantee,
  AzurePrincipal,
  GranteeLike,
  PRINCIPAL_TYPES,
  identityGrantee,
  principalGrantee,
} from "./grants";
export { AZURE_ROLES } from "./roles";
export { AZURE_SIZES, AzureSizes } from "./sizes";
export { azureTags } from "./tags";
export { AZURE_STORAGE_ACCOUNT_NAME, KEY_VAULT_NAME } from "./naming";
export { AZURE_REGIONS, pairedRegion } from "./locations";
export { ROLE_PROPAGATION_SECONDS } from "./propagation";

// Deprecated since 0.2.0, removed in 0.3.0: the by-kind naming API this module used to re-export.
export { NAME_RULES, nameProblem, shapeName } from "../core/deprecated";
/** @deprecated since 0.2.0: use {@link AZURE_STORAGE_ACCOUNT_NAME} with `nameProblemFor`/`shapeNameFor` from core. */
export const STORAGE_ACCOUNT_NAME_RULE = "azureStorageAccount" as const;
