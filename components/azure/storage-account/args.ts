// StorageAccount arguments and their pure resolution: every default applied and every weakening named,
// before anything registers.
import * as pulumi from "@pulumi/pulumi";
import { Validator, argKeys, nameProblemFor, shortHash, validateDerivedNames } from "../../core";
import { AzureCommonArgs, AzureResolved, azureResolved, resolveAzureBase } from "../common";
import { EncryptionKey } from "../encryption-key";
import { vaultNamed } from "../encryption-key/args";
import { AzureLogArgs, WorkspaceChoice, resolveWorkspace, retentionOf } from "../logs";
import { AZURE_STORAGE_ACCOUNT_NAME } from "../naming";
import { Network, networkWithTier } from "../network";
import { AZURE_SIZES } from "../sizes";

export interface StorageAccountArgs extends AzureCommonArgs, AzureLogArgs {
  /**
   * The key that encrypts the account, through a user-assigned identity the component creates and grants.
   * @default - a new EncryptionKey `<name>-key` in the same resource group
   */
  readonly encryptionKey?: EncryptionKey;
  /**
   * The account name: 3-24 lowercase letters and digits, unique across Azure.
   * @default - the component name's letters and digits (16 at most) and a hash of subscription, project,
   *   stack and name: unique across organisations, and stable from run to run
   */
  readonly accountName?: string;
  /** Private blob containers to create, by name (3-63 lowercase letters, digits and single hyphens). @default - none */
  readonly containers?: string[];
  /**
   * Reach the account over its public endpoint, from `allowedIpRanges` only (the network rule set still
   * denies by default). A recorded weakening.
   * @default false - private endpoints only
   */
  readonly publicNetworkAccess?: boolean;
  /** Public IP ranges (CIDR or address) let through when `publicNetworkAccess` is on. @default - none */
  readonly allowedIpRanges?: string[];
  /**
   * Allow shared-key (account key and SAS) authorization. Some tools still need it; a recorded
   * weakening. Without it, use Entra ID (`--auth-mode login`, `DefaultAzureCredential`).
   * @default false
   */
  readonly sharedKeyAccess?: boolean;
  /**
   * Days deleted blobs and containers are kept (1 to 365). Below the profile's backup retention is a
   * weakened default.
   * @default - the profile's backup retention: 7 days in dev, 14 in staging, 30 in prod
   */
  readonly softDeleteDays?: number;
  /**
   * The network the account is reached from: a private endpoint for blobs in its `private` tier
   * (`<name>-blob-pe`), registered in the network's `privatelink.blob.core.windows.net` zone, so the
   * account's usual host name resolves to a private address inside the network.
   * @default - none: with public network access off, nothing reaches the account until you add a private
   *   endpoint of your own
   */
  readonly network?: Network;
}

/** The keys of {@link StorageAccountArgs}, checked against it by the compiler; any other key is refused. */
export const STORAGE_ACCOUNT_ARG_KEYS = argKeys<StorageAccountArgs>()([
  "environment",
  "tags",
  "resourceGroup",
  "location",
  "protect",
  "logRetentionDays",
  "logWorkspaceId",
  "encryptionKey",
  "accountName",
  "containers",
  "publicNetworkAccess",
  "allowedIpRanges",
  "sharedKeyAccess",
  "softDeleteDays",
  "network",
]);

/** StorageAccount arguments with every default applied. */
export interface ResolvedStorageAccountArgs extends AzureResolved {
  readonly workspace: WorkspaceChoice;
  readonly encryptionKey: EncryptionKey | undefined;
  /** The caller's account name; `undefined` for the default, made from the subscription at construction. */
  readonly accountName: string | undefined;
  readonly sku: string;
  readonly containers: string[];
  readonly publicNetworkAccess: boolean;
  readonly allowedIpRanges: string[];
  readonly sharedKeyAccess: boolean;
  readonly softDeleteDays: number;
  readonly network: Network | undefined;
}

const CONTAINER = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
const IP_RANGE = /^\d{1,3}(\.\d{1,3}){3}(\/([0-9]|[12][0-9]|30))?$/;

/**
 * The default account name: the component name's letters and digits (16 at most) and a hash of
 * subscription, project, stack and name. Account names are global: the subscription keeps two
 * organisations deploying the same project and stack apart, the rest two stacks in one subscription; the
 * name stays the same from one run to the next, so nothing is replaced.
 */
export function defaultAccountName(name: string, subscriptionId: string): string {
  const readable = name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 16);
  return readable + shortHash(`${subscriptionId}/${pulumi.getProject()}/${pulumi.getStack()}/${name}`);
}

/** Validates the key (a vault name for one the component creates) and a given account name. */
function resolveKeyAndName(v: Validator, args: StorageAccountArgs): void {
  // A key the component creates must have a vault name Azure takes: checked now, before any child.
  if (args.encryptionKey === undefined) validateDerivedNames(v, [vaultNamed((n) => `${n}-key`)]);
  else if (!(args.encryptionKey instanceof EncryptionKey))
    v.fail(
      "encryptionKey",
      args.encryptionKey,
      "is not an EncryptionKey",
      "an azure EncryptionKey component",
    );
  if (args.accountName !== undefined) {
    const problem = nameProblemFor(AZURE_STORAGE_ACCOUNT_NAME, args.accountName);
    if (problem !== undefined)
      v.fail("accountName", args.accountName, problem, AZURE_STORAGE_ACCOUNT_NAME.description);
  }
}

/** The public endpoint choice: off unless asked, and then still deny-by-default with named ranges. */
function resolveNetworkAccess(
  v: Validator,
  args: StorageAccountArgs,
): { publicNetworkAccess: boolean; allowedIpRanges: string[] } {
  const publicNetworkAccess = v.boolean("publicNetworkAccess", args.publicNetworkAccess, false);
  const allowedIpRanges = v.known(
    "allowedIpRanges",
    args.allowedIpRanges ?? [],
    "makes one network rule per range, checked (never 0.0.0.0) before anything is created",
  );
  v.stringList("allowedIpRanges", allowedIpRanges, "a list of public IPv4 addresses or CIDR ranges");
  allowedIpRanges.forEach((ip, i) => {
    if (!IP_RANGE.test(ip) || ip.startsWith("0.0.0.0"))
      v.fail(
        `allowedIpRanges[${i}]`,
        ip,
        "is not a usable IP range",
        "a public IPv4 address or CIDR up to /30, never 0.0.0.0/0",
      );
  });
  if (allowedIpRanges.length > 0 && !publicNetworkAccess)
    v.fail(
      "allowedIpRanges",
      allowedIpRanges,
      "has no effect without publicNetworkAccess",
      "publicNetworkAccess: true, or no ranges",
    );
  return { publicNetworkAccess, allowedIpRanges: [...allowedIpRanges] };
}

/** Resolves StorageAccount arguments; throws a GroundworkInputError on bad input. */
export function resolveStorageAccountArgs(
  v: Validator,
  args: StorageAccountArgs,
  inheritedProtect?: boolean,
): ResolvedStorageAccountArgs {
  const base = resolveAzureBase(v, args, {
    component: "azure.StorageAccount",
    keys: STORAGE_ACCOUNT_ARG_KEYS,
    inheritedProtect,
  });
  const { profile } = base;
  resolveKeyAndName(v, args);
  const containers = v.known(
    "containers",
    args.containers ?? [],
    "makes one blob container per entry, named by it",
  );
  v.stringList("containers", containers, "a list of container names");
  containers.forEach((c, i) => {
    if (!CONTAINER.test(c))
      v.fail(
        `containers[${i}]`,
        c,
        "is not a valid container name",
        "3-63 lowercase letters, digits and single hyphens",
      );
  });
  const { publicNetworkAccess, allowedIpRanges } = resolveNetworkAccess(v, args);
  const sharedKeyAccess = v.boolean("sharedKeyAccess", args.sharedKeyAccess, false);
  const softDeleteDays = v.integer(
    "softDeleteDays",
    args.softDeleteDays,
    1,
    365,
    profile.backupRetentionDays,
  );
  const workspace = resolveWorkspace(v, args, profile.logRetentionDays);
  const weakened = [
    ...(publicNetworkAccess ? ["publicNetworkAccess"] : []),
    ...(sharedKeyAccess ? ["sharedKeyAccess"] : []),
    ...(softDeleteDays < profile.backupRetentionDays ? ["softDeleteDays"] : []),
  ];
  return {
    ...azureResolved(base, weakened, { logRetentionDays: retentionOf(workspace) }),
    workspace,
    encryptionKey: args.encryptionKey,
    accountName: args.accountName,
    sku: AZURE_SIZES[profile.environment].storageSku,
    containers: [...containers],
    publicNetworkAccess,
    allowedIpRanges,
    sharedKeyAccess,
    softDeleteDays,
    network: args.network === undefined ? undefined : networkWithTier(v, args.network, "private"),
  };
}
