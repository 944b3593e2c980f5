// Azure physical name rules: storage accounts and key vaults (global DNS), and the names the provider
// derives from a component's name for its virtual network, log workspace and container app; and the
// shapes of the region names and registry references the components take. Pure: no SDK is loaded, so
// the reference stacks' config checks the same shapes without loading azure-native.
import azureLimits from "../../facts/azure/limits.json";
import { LimitsFile, limitIn } from "../../facts/limits";
import { DerivedName, NameRule, childName } from "../core/naming";
import { Shape, checkedShape, pathShape } from "../core/shapes";

/** One Azure limit by its key in facts/azure/limits.json, with its source there. */
export function azureLimit(key: string): number {
  return limitIn(azureLimits as unknown as LimitsFile, "facts/azure/limits.json", key).value;
}

/** Storage account names: 3-24 lowercase letters and digits, no separator of any kind. */
export const AZURE_STORAGE_ACCOUNT_NAME: NameRule = {
  id: "azureStorageAccount",
  minLength: 3,
  maxLength: azureLimit("names.storageAccount"),
  pattern: /^[a-z0-9]+$/,
  description: "3-24 lowercase letters and digits",
  sanitize: (s) => s.replace(/[^a-z0-9]/g, ""),
  // 24 characters leave little room: a shorter hash, joined without a separator.
  hashLength: 6,
  hashSeparator: "",
};

/** Key Vault names: 3-24 letters, digits and single hyphens, starting with a letter (global DNS). */
export const KEY_VAULT_NAME: NameRule = {
  id: "azureKeyVault",
  minLength: 3,
  maxLength: azureLimit("names.keyVault"),
  pattern: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/,
  description: "3-24 letters, digits and single hyphens, starting with a letter",
};

/** Virtual network names: 2-64 letters, digits, `_`, `.` and `-`, a letter or digit first. */
export const VIRTUAL_NETWORK_NAME: NameRule = {
  id: "azureVirtualNetwork",
  minLength: 2,
  maxLength: azureLimit("names.virtualNetwork"),
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]*[a-zA-Z0-9_]$/,
  description: "2-64 letters, digits, underscores, periods and hyphens, starting with a letter or digit",
};

/** Log Analytics workspace names: 4-63 letters, digits and hyphens, a letter or digit at both ends. */
export const LOG_WORKSPACE_NAME: NameRule = {
  id: "azureLogWorkspace",
  minLength: 4,
  maxLength: azureLimit("names.logWorkspace"),
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$/,
  description: "4-63 letters, digits and hyphens, starting and ending with a letter or digit",
};

/** Container app names: 2-32 lowercase letters, digits and single hyphens, starting with a letter. */
export const CONTAINER_APP_NAME: NameRule = {
  id: "azureContainerApp",
  minLength: 2,
  maxLength: azureLimit("names.containerApp"),
  pattern: /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/,
  description: "2-32 lowercase letters, digits and single hyphens, starting with a letter",
};

/** PostgreSQL flexible server names: 3-63 lowercase letters, digits and hyphens, a letter or digit at both ends (global DNS). */
export const POSTGRES_SERVER_NAME: NameRule = {
  id: "azurePostgresServer",
  minLength: 3,
  maxLength: azureLimit("names.postgresServer"),
  pattern: /^[a-z0-9][a-z0-9-]*[a-z0-9]$/,
  description: "3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit",
};

/** The physical name azure-native makes for an auto-named child `<component>-<suffix>`: 8 random characters added. */
export function azureAutoNamed(what: string, rule: NameRule, suffix: string): DerivedName {
  return { what, rule, prefix: (n) => childName(n, suffix), random: 8 };
}

/** An Azure region's programmatic name (`westeurope`, `northeurope`). */
export const AZURE_LOCATION = /^[a-z][a-z0-9]{2,39}$/;
/** The region name, with what is wrong with one that is not (a display name, a hyphen). */
export const AZURE_LOCATION_SHAPE: Shape = checkedShape(
  AZURE_LOCATION,
  "an Azure region name such as westeurope (lowercase letters and digits)",
  [
    [(l) => !/[\sA-Z]/.test(l), "looks like a display name: region names are lowercase, without spaces"],
    [(l) => /^[a-z0-9]*$/.test(l), "has characters other than lowercase letters and digits"],
    [(l) => /^[a-z]/.test(l), "does not start with a letter"],
    [(l) => l.length >= 3 && l.length <= 40, "is not 3-40 characters long"],
  ],
);
/** A container registry's login server: `<name>.azurecr.io`, the name 5-50 letters and digits. */
export const ACR_HOST = /^[a-z0-9]{5,50}\.azurecr\.io$/;
/** The login server, with what is wrong with one that is not. */
export const ACR_HOST_SHAPE: Shape = checkedShape(ACR_HOST, "a registry host such as contoso.azurecr.io", [
  [(h) => h.endsWith(".azurecr.io"), 'does not end in ".azurecr.io"'],
  [
    (h) => /^[a-z0-9]*\.azurecr\.io$/.test(h),
    "has characters other than lowercase letters and digits in the registry name",
  ],
  [(h) => /^.{5,50}\.azurecr\.io$/.test(h), "has a registry name outside 5-50 characters"],
]);
/** A container registry's resource id. */
export const ACR_REGISTRY_SHAPE: Shape = pathShape(
  "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerRegistry/registries/{registry}",
  {
    what: "a registry resource id",
    example: "/subscriptions/<id>/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso",
    ignoreCase: true,
  },
);
/** A container registry's resource id. */
export const ACR_REGISTRY_ID: RegExp = ACR_REGISTRY_SHAPE.pattern;

/**
 * The AKS cluster component's name: the managed cluster and its node resource group are named from it, and
 * AKS appends `-cluster` where it forms its own names, so 1-44 letters, digits, `_` and `-`, starting with
 * a letter or digit (Microsoft.ContainerService managedClusters: 1-63 characters; the rest is AKS's).
 */
export const AKS_CLUSTER_COMPONENT_NAME: NameRule = {
  id: "aksClusterName",
  minLength: 1,
  maxLength: 44,
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
  description: "1-44 letters, digits, _ and - (AKS adds -cluster), starting with a letter or digit",
};

/** Resource group names: 1-90 letters, digits and `_ . - ( )`, not ending in a period (Microsoft.Resources). */
export const RESOURCE_GROUP_NAME: NameRule = {
  id: "azureResourceGroup",
  minLength: 1,
  maxLength: 90,
  // The length is maxLength's to check: a pattern that bounded it too would read every long name as malformed.
  pattern: /^[-\w.()]*[-\w()]$/,
  description: "1-90 letters, digits and _ . - ( ), not ending in a period",
};
