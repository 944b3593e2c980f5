// EncryptionKey (Azure) arguments and their pure resolution: every default applied and every weakening
// named, before anything registers.
import { DerivedName, Validator, argKeys, validateDerivedNames } from "../../core";
import {
  AZURE_COMMON_KEYS,
  AzureCommonArgs,
  AzureResolved,
  azureResolved,
  resolveAzureBase,
} from "../common";
import { AZURE_LOG_KEYS, AzureLogArgs, WorkspaceChoice, resolveWorkspace, retentionOf } from "../logs";
import { KEY_VAULT_NAME } from "../naming";

export interface EncryptionKeyArgs extends AzureCommonArgs, AzureLogArgs {
  /**
   * Days after which the key rotates to a new version (at most 365). Each version expires 30 days after
   * its rotation is due, so a stalled rotation is noticed before data becomes unreadable. Set when the key
   * is created: ARM creates a key once and never updates it, so a new value is ignored for an existing key
   * (docs/adr/0017-azure-key-properties-fixed-at-creation.md); change an existing key's policy with
   * `az keyvault key rotation-policy update`.
   * @default 365
   */
  readonly rotationDays?: number;
  /**
   * RSA key size in bits. Set when the key is created and ignored after, like `rotationDays`: a bigger
   * key is a new `EncryptionKey` the data is moved to.
   * @default 3072
   */
  readonly keySize?: 2048 | 3072 | 4096;
}

/** The keys of {@link EncryptionKeyArgs}, checked against it by the compiler; any other key is refused. */
export const ENCRYPTION_KEY_ARG_KEYS = argKeys<EncryptionKeyArgs>()([
  ...AZURE_COMMON_KEYS,
  ...AZURE_LOG_KEYS,
  "rotationDays",
  "keySize",
]);

/** EncryptionKey arguments with every default applied. */
export interface ResolvedEncryptionKeyArgs extends AzureResolved {
  /** Where the vault's audit logs go. */
  readonly workspace: WorkspaceChoice;
  readonly rotationDays: number;
  readonly keySize: number;
}

/**
 * The vault's physical name: the provider auto-names it from its child name `<name>-kv` plus 8 random
 * characters; `keyName` turns a consumer's name into the name of the key it creates (`<name>-key`).
 */
export function vaultNamed(keyName: (name: string) => string = (n) => n): DerivedName {
  return {
    what: "the key vault",
    rule: KEY_VAULT_NAME,
    prefix: (name) => `${keyName(name)}-kv`,
    random: 8,
  };
}

/** Resolves EncryptionKey arguments; throws a GroundworkInputError on bad input. */
export function resolveEncryptionKeyArgs(
  v: Validator,
  args: EncryptionKeyArgs,
  inheritedProtect?: boolean,
): ResolvedEncryptionKeyArgs {
  const base = resolveAzureBase(v, args, {
    component: "azure.EncryptionKey",
    keys: ENCRYPTION_KEY_ARG_KEYS,
    inheritedProtect,
  });
  validateDerivedNames(v, [vaultNamed()]);
  const rotationDays = v.integer("rotationDays", args.rotationDays, 30, 365, 365);
  const keySize = v.integer("keySize", args.keySize, 2048, 4096, 3072);
  if (![2048, 3072, 4096].includes(keySize))
    v.fail("keySize", keySize, "is not supported", "2048, 3072 or 4096");
  const workspace = resolveWorkspace(v, args, base.profile.logRetentionDays);
  return {
    ...azureResolved(base, [], { logRetentionDays: retentionOf(workspace) }),
    workspace,
    rotationDays,
    keySize,
  };
}
