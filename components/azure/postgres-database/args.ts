// PostgresDatabase (Azure) arguments and their pure resolution: every default applied and every weakening
// named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  DerivedName,
  Validator,
  checkedShape,
  argKeys,
  childName,
  strictObject,
  validateDerivedNames,
} from "../../core";
import { checkedInput } from "../../core/validate";
import { DatabaseSettingArgs, resolveDatabaseSettings } from "../../core/database-settings";
import {
  AZURE_COMMON_KEYS,
  AzureCommonArgs,
  AzureResolved,
  azureResolved,
  resolveAzureBase,
} from "../common";
import { EncryptionKey } from "../encryption-key";
import { checkPairedLocation } from "../locations";
import { vaultNamed } from "../encryption-key/args";
import { POSTGRES_SERVER_NAME, azureAutoNamed } from "../naming";
import { AZURE_LOG_KEYS, AzureLogArgs, WorkspaceChoice, resolveWorkspace, retentionOf } from "../logs";
import { Network, networkWithTier } from "../network";
import { AZURE_SIZES, AzureSizes } from "../sizes";
import { POSTGRES_STORAGE_SIZES_GIB } from "./parameters";

const VERSIONS = ["14", "15", "16", "17"] as const;
const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal"] as const;
const ADMINISTRATOR_KEYS = ["objectId", "principalName", "principalType"] as const;

/** An Entra principal that administers the server. */
export interface PostgresAdministrator {
  /** The principal's object id. */
  readonly objectId: pulumi.Input<string>;
  /** Its name as it logs in: a user's UPN, a group's or an identity's display name. */
  readonly principalName: pulumi.Input<string>;
  /** @default "Group" */
  readonly principalType?: (typeof PRINCIPAL_TYPES)[number];
}

export interface PostgresDatabaseArgs extends AzureCommonArgs, AzureLogArgs, DatabaseSettingArgs {
  /** The network whose `data` tier (delegated to PostgreSQL) the server goes in; its VNet gets the DNS link. */
  readonly network: Network;
  /**
   * The key that encrypts the server, through a user-assigned identity the component creates and grants.
   * @default - a new EncryptionKey `<name>-key` in the same resource group
   */
  readonly encryptionKey?: EncryptionKey;
  /**
   * The key for geo-redundant backups: an EncryptionKey in the region paired with `location` (Azure needs
   * one there). Required when `geoRedundantBackup` is on.
   * @default - none
   */
  readonly geoBackupEncryptionKey?: EncryptionKey;
  /** PostgreSQL major version. @default "16" */
  readonly engineVersion?: (typeof VERSIONS)[number];
  /** Server SKU (`Standard_D2ds_v5` …). @default - the profile's, from AZURE_SIZES */
  readonly skuName?: string;
  /** The SKU's tier. @default - the profile's */
  readonly skuTier?: "Burstable" | "GeneralPurpose" | "MemoryOptimized";
  /**
   * Storage in GiB at creation: one of the sizes Azure offers (32, 64, 128, 256, 512, 1024, 2048, 4096,
   * 8192, 16384, 32768). Azure grows it as it fills (auto-grow) and never shrinks it, so it is ignored after
   * creation: grow an existing server with `az postgres flexible-server update --storage-size`.
   * @default - the profile's
   */
  readonly storageGiB?: number;
  /** Entra principals that administer the server. @default - none: add them later as AdministratorsMicrosoftEntra */
  readonly administrators?: PostgresAdministrator[];
  /**
   * Geo-redundant backups; off in prod is a weakened default. Azure sets it when the server is created and
   * never changes it, so a later change is ignored: restore to a new server to change it (and keep the
   * geo-backup key and its identity while the server uses them).
   * @default - on in prod, and wherever `geoBackupEncryptionKey` is given
   */
  readonly geoRedundantBackup?: boolean;
  /**
   * Password authentication next to Entra ID, for tools that cannot use tokens: a recorded weakening,
   * and `administratorLoginPassword` is then required.
   * @default false
   */
  readonly passwordAuth?: boolean;
  /** The password administrator's login, with `passwordAuth`. @default "pgadmin" */
  readonly administratorLogin?: string;
  /** The password administrator's password (a secret), with `passwordAuth` only. */
  readonly administratorLoginPassword?: pulumi.Input<string>;
}

/** The keys of {@link PostgresDatabaseArgs}, checked against it by the compiler; any other key is refused. */
export const POSTGRES_DATABASE_ARG_KEYS = argKeys<PostgresDatabaseArgs>()([
  ...AZURE_COMMON_KEYS,
  ...AZURE_LOG_KEYS,
  ...(["network", "encryptionKey", "geoBackupEncryptionKey", "engineVersion", "skuName", "skuTier"] as const),
  ...(["storageGiB", "databaseName", "administrators", "backupRetentionDays", "geoRedundantBackup"] as const),
  ...(["multiAz", "deletionProtection"] as const),
  ...(["passwordAuth", "administratorLogin", "administratorLoginPassword"] as const),
]);

/** PostgresDatabase arguments with every default applied. */
export interface ResolvedPostgresDatabaseArgs extends AzureResolved {
  readonly workspace: WorkspaceChoice;
  readonly network: Network;
  readonly encryptionKey: EncryptionKey | undefined;
  readonly geoBackupEncryptionKey: EncryptionKey | undefined;
  readonly engineVersion: string;
  readonly skuName: string;
  readonly skuTier: string;
  readonly storageGiB: number;
  readonly databaseName: string;
  readonly administrators: Required<PostgresAdministrator>[];
  readonly backupRetentionDays: number;
  readonly geoRedundantBackup: boolean;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly password: { readonly login: string; readonly password: pulumi.Input<string> } | undefined;
}

function keyArg(v: Validator, field: string, key: unknown): EncryptionKey | undefined {
  if (key !== undefined && !(key instanceof EncryptionKey))
    v.fail(field, key, "is not an EncryptionKey", "an azure EncryptionKey component");
  return key as EncryptionKey | undefined;
}

/** Entra administrators, each with an object id, a name and a type. */
function resolveAdministrators(v: Validator, args: PostgresDatabaseArgs): Required<PostgresAdministrator>[] {
  const admins = args.administrators ?? [];
  if (!Array.isArray(admins)) v.fail("administrators", admins, "is not a list", "a list of Entra principals");
  return admins.map((entry, i) => {
    const field = `administrators[${i}]`;
    // Each entry is strict like the arguments: a mistyped key or a non-string id is refused here.
    const a = strictObject(v, field, entry, ADMINISTRATOR_KEYS, "an Entra administrator");
    for (const [key, what] of [
      ["objectId", "the principal's object id"],
      ["principalName", "the principal's name"],
    ] as const) {
      v.required(`${field}.${key}`, a[key], what);
      v.stringInput(`${field}.${key}`, a[key], what);
    }
    const principalType = v.oneOf(`${field}.principalType`, a.principalType, PRINCIPAL_TYPES, "Group");
    return { objectId: a.objectId, principalName: a.principalName, principalType };
  });
}

/** The administrator login PostgreSQL takes: a lowercase letter, then lowercase letters, digits and _. */
const LOGIN_SHAPE = checkedShape(
  /^[a-z][a-z0-9_]{0,62}$/,
  "a login of 1-63 lowercase letters, digits and _, starting with a letter, not a reserved name",
  [
    [(l) => l.length >= 1 && l.length <= 63, "is not 1-63 characters long"],
    [(l) => /^[a-z]/.test(l), "does not start with a lowercase letter"],
    [(l) => /^[a-z0-9_]*$/.test(l), "has characters other than lowercase letters, digits and _"],
  ],
);

/** Password authentication: off unless asked, and then with a password. */
function resolvePassword(v: Validator, args: PostgresDatabaseArgs): ResolvedPostgresDatabaseArgs["password"] {
  const on = v.boolean("passwordAuth", args.passwordAuth, false);
  const login = args.administratorLogin ?? "pgadmin";
  v.shape("administratorLogin", login, LOGIN_SHAPE);
  if (!on) {
    // The error names the argument given (the password's value stays hidden).
    if (args.administratorLoginPassword !== undefined)
      v.fail(
        "administratorLoginPassword",
        "[secret]",
        "has no effect without passwordAuth",
        "passwordAuth: true",
      );
    if (args.administratorLogin !== undefined)
      v.fail("administratorLogin", login, "has no effect without passwordAuth", "passwordAuth: true");
    return undefined;
  }
  const password = v.required(
    "administratorLoginPassword",
    args.administratorLoginPassword,
    "a password (a secret)",
  );
  // Checked now, or once known when an Output; the value itself is never shown.
  const checked = checkedInput(password, (known: unknown) => {
    if (typeof known !== "string")
      v.fail("administratorLoginPassword", "[secret]", "is not a string", "a password (a secret)");
  });
  return { login, password: checked };
}

/** Version, SKU and storage: the profile's unless given. */
function resolveSizing(
  v: Validator,
  args: PostgresDatabaseArgs,
  sizes: AzureSizes,
): Pick<ResolvedPostgresDatabaseArgs, "engineVersion" | "skuName" | "skuTier" | "storageGiB"> {
  const engineVersion = v.oneOf("engineVersion", args.engineVersion, VERSIONS, "16");
  const skuTier = v.oneOf(
    "skuTier",
    args.skuTier,
    ["Burstable", "GeneralPurpose", "MemoryOptimized"],
    sizes.databaseTier,
  );
  const skuName = v.stringInput("skuName", args.skuName, "an Azure PostgreSQL SKU name") ?? sizes.databaseSku;
  v.shape(
    "skuName",
    skuName,
    checkedShape(/^Standard_[A-Za-z0-9_]+$/, "an Azure PostgreSQL SKU name such as Standard_D2ds_v5", [
      [(s) => s.startsWith("Standard_"), 'does not start with "Standard_"'],
      [(s) => /^[A-Za-z0-9_]+$/.test(s), "has characters other than letters, digits and _"],
    ]),
  );
  const storageGiB = v.integer("storageGiB", args.storageGiB, 32, 32768, sizes.databaseStorageGiB);
  if (!POSTGRES_STORAGE_SIZES_GIB.includes(storageGiB))
    v.fail(
      "storageGiB",
      storageGiB,
      "is not a storage size Azure offers",
      `one of ${POSTGRES_STORAGE_SIZES_GIB.join(", ")} (GiB)`,
    );
  return { engineVersion, skuName, skuTier, storageGiB };
}

/**
 * The server's physical name (a global DNS name), made from the component name. Azure takes server names
 * in lowercase (names are compared without case), so the check and a shortened name are lowercase.
 */
export const SERVER_NAMED: DerivedName = {
  ...azureAutoNamed("the server", POSTGRES_SERVER_NAME, "server"),
  prefix: (n) => childName(n, "server").toLowerCase(),
};

/** Resolves PostgresDatabase arguments; throws a GroundworkInputError on bad input. */
export function resolvePostgresDatabaseArgs(
  v: Validator,
  args: PostgresDatabaseArgs,
  inheritedProtect?: boolean,
): ResolvedPostgresDatabaseArgs {
  const base = resolveAzureBase(v, args, {
    component: "azure.PostgresDatabase",
    keys: POSTGRES_DATABASE_ARG_KEYS,
    inheritedProtect,
  });
  const { profile } = base;
  const network = networkWithTier(v, args.network, "data");
  const encryptionKey = keyArg(v, "encryptionKey", args.encryptionKey);
  validateDerivedNames(v, [SERVER_NAMED]);
  if (encryptionKey === undefined) validateDerivedNames(v, [vaultNamed((n) => `${n}-key`)]);
  const sizing = resolveSizing(v, args, AZURE_SIZES[profile.environment]);
  const workspace = resolveWorkspace(v, args, profile.logRetentionDays);
  const db = resolveDatabaseSettings(v, args, profile, { maxBackupDays: 35, inheritedProtect });
  if (db.backupRetentionDays < 7)
    v.fail("backupRetentionDays", db.backupRetentionDays, "is below what Azure keeps", "from 7 to 35 days");
  // Geo-redundant backups in prod, or wherever the caller gives their key: they need a second key, in the
  // paired region. A key given with geo backups turned off would be silently unused: refused.
  const geoBackupEncryptionKey = keyArg(v, "geoBackupEncryptionKey", args.geoBackupEncryptionKey);
  const geoByDefault = profile.environment === "prod";
  const geoRedundantBackup = v.boolean(
    "geoRedundantBackup",
    args.geoRedundantBackup,
    geoByDefault || geoBackupEncryptionKey !== undefined,
  );
  if (db.multiAz && sizing.skuTier === "Burstable")
    v.fail(
      "multiAz",
      true,
      "is not offered on the Burstable tier",
      "skuTier GeneralPurpose or MemoryOptimized",
    );
  if (geoRedundantBackup && geoBackupEncryptionKey === undefined)
    v.fail(
      "geoBackupEncryptionKey",
      undefined,
      "is required for geo-redundant backups with a customer-managed key",
      "an EncryptionKey in the region paired with location, or geoRedundantBackup: false (a weakening in prod)",
    );
  if (!geoRedundantBackup && geoBackupEncryptionKey !== undefined)
    v.fail(
      "geoBackupEncryptionKey",
      "[EncryptionKey]",
      "is given while geoRedundantBackup is false, so it would encrypt nothing",
      "no geoBackupEncryptionKey, or geoRedundantBackup left on",
    );
  checkPairedLocation(v, "geoBackupEncryptionKey", args.location, geoBackupEncryptionKey?.locationName);
  const password = resolvePassword(v, args);
  const weakened = [
    ...(password ? ["passwordAuth"] : []),
    ...(!geoRedundantBackup && geoByDefault ? ["geoRedundantBackup"] : []),
    // `protect` is recorded once, with the common settings.
    ...db.weakened.filter((w) => w !== "protect"),
  ];
  return {
    ...azureResolved(base, weakened, { logRetentionDays: retentionOf(workspace) }),
    workspace,
    network,
    encryptionKey,
    geoBackupEncryptionKey,
    ...sizing,
    databaseName: db.databaseName,
    administrators: resolveAdministrators(v, args),
    backupRetentionDays: db.backupRetentionDays,
    geoRedundantBackup,
    multiAz: db.multiAz,
    deletionProtection: db.deletionProtection,
    password,
  };
}
