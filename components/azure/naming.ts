// Azure physical name rules: what a storage account name may be (the strictest Azure name, global DNS).
import { NameRule } from "../core/naming";

/** Storage account names: 3-24 lowercase letters and digits, no separator of any kind. */
export const AZURE_STORAGE_ACCOUNT_NAME: NameRule = {
  id: "azureStorageAccount",
  minLength: 3,
  maxLength: 24,
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
  maxLength: 24,
  pattern: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/,
  description: "3-24 letters, digits and single hyphens, starting with a letter",
};
