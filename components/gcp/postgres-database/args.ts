// PostgresDatabase arguments and their pure resolution: placement, version, size, backups and key
// decided, every default applied and every weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Shape,
  Validator,
  argKeys,
  isDeferred,
  pathShape,
  strictArgs,
  validateDerivedNames,
} from "../../core";
import { DatabaseSettingArgs, resolveDatabaseSettings } from "../../core/database-settings";
import { Labels, ResolvedGcpCommon, resolvedGcpCommon } from "../common";
import { validateRegion } from "../locations";
import { GCP_RESOURCE_NAME, gcpAutoNamed } from "../naming";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { Network } from "../network";
import { GCP_SIZES } from "../sizes";

/** The TLS modes accepted: encrypted only, or that plus a trusted client certificate. */
export const SQL_SSL_MODES = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"] as const;
export type SqlSslMode = (typeof SQL_SSL_MODES)[number];

const NETWORK_EXPECTED =
  "a Network made with privateServices: true, or a network id (projects/<p>/global/networks/<n>) " +
  "whose private services connection exists";
/** A network id, as Cloud SQL's `privateNetwork` takes it. */
const NETWORK_ID: Shape = {
  ...pathShape("projects/{project}/global/networks/{network}", {
    what: "a network id",
    example: "projects/acme/global/networks/core",
  }),
  expected: NETWORK_EXPECTED,
};

/**
 * Arguments of `PostgresDatabase`. Any other key is refused (naming the closest valid one). The instance
 * is auto-named `<name>-instance-` plus 7 random characters, which must make a valid RFC 1035 name.
 */
export interface PostgresDatabaseArgs extends DatabaseSettingArgs {
  /**
   * Environment profile: tier, disk, backups, high availability, deletion protection and `protect`.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra labels for the instance (`settings.userLabels`) and key. `environment`, `managed-by` and
   * `component` are always set.
   * @default - only the Groundwork labels
   */
  readonly labels?: Labels;
  /**
   * Where the private IP lives: a `Network` made with `privateServices: true` (the instance waits for
   * its Service Networking connection), or a network id whose connection exists already.
   */
  readonly network: Network | pulumi.Input<string>;
  /**
   * The instance's region, one of `GCP_REGIONS`; a key the database creates is made there, and a given
   * key must be there too (checked when both are known). It may differ from the Network's: private
   * services access peers the whole VPC, so the private IP is reachable from every region of the network.
   * Fixed at creation: another region is a new instance (restore a backup into it; `protect` and deletion
   * protection refuse the replacement in staging and prod).
   * @default - the Network's region when a Network is given, else the provider's (`gcp:region`)
   */
  readonly region?: pulumi.Input<string>;
  /**
   * Customer-managed key: an `EncryptionKey` or a crypto key id in the instance's region. The Cloud SQL
   * service identity is granted on it before the instance is created. Cloud SQL takes the key at creation
   * only (`encryptionKeyName` forces a new instance), so a different key is a new, empty instance: keep the
   * key, and let Cloud KMS rotate it (new key versions change nothing here).
   * @default - a new `EncryptionKey` named `<name>-key` in the instance's region
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * PostgreSQL major version, 14 to 17. A higher version upgrades the instance in place (Cloud SQL's
   * major version upgrade; `databaseVersion` updates in place in the provider), with downtime; a lower
   * one is refused by Cloud SQL.
   * @default "16"
   */
  readonly engineVersion?: string;
  /**
   * Machine tier (`db-custom-<vCPUs>-<MiB>` or a predefined tier).
   * @default - `GCP_SIZES[environment].databaseTier`
   */
  readonly tier?: string;
  /**
   * Initial SSD size in GB; the disk grows automatically up to `maxDiskSizeGb`. Used at creation only:
   * Cloud SQL grows the disk and the instance ignores later changes to this size, which would otherwise
   * ask for a shrink. To grow the disk now, raise `maxDiskSizeGb` and resize with
   * `gcloud sql instances patch --storage-size`; disks never shrink.
   * @default - `GCP_SIZES[environment].databaseDiskGb`
   */
  readonly diskSizeGb?: number;
  /**
   * Autoresize ceiling in GB, at least `diskSizeGb`.
   * @default - `GCP_SIZES[environment].databaseMaxDiskGb`
   */
  readonly maxDiskSizeGb?: number;
  /**
   * TLS required of clients.
   * @default "ENCRYPTED_ONLY"
   */
  readonly sslMode?: SqlSslMode;
  /**
   * The database to create: 1-63 letters, digits or `_`, starting with a letter. Another name is another
   * database: the old one is left in the instance with its data (`deletionPolicy: "ABANDON"`), not dropped.
   * @default "app"
   */
  readonly databaseName?: string;
}

/** The keys of {@link PostgresDatabaseArgs}, checked against it by the compiler; any other key is refused. */
export const POSTGRES_DATABASE_ARG_KEYS = argKeys<PostgresDatabaseArgs>()([
  "environment",
  "labels",
  "network",
  "region",
  "encryptionKey",
  "engineVersion",
  "tier",
  "diskSizeGb",
  "maxDiskSizeGb",
  "databaseName",
  "sslMode",
  "backupRetentionDays",
  "multiAz",
  "deletionProtection",
  "protect",
]);

/** Where the private IP lives: the network id, and what the instance must wait for. */
export interface SqlPlacement {
  readonly networkId: pulumi.Input<string>;
  readonly region: pulumi.Input<string> | undefined;
  readonly waitFor: pulumi.Resource[];
}

/** PostgresDatabase arguments with every default applied. */
export interface ResolvedPostgresDatabaseArgs extends ResolvedGcpCommon {
  readonly placement: SqlPlacement;
  readonly databaseVersion: string;
  readonly tier: string;
  readonly diskSizeGb: number;
  readonly maxDiskSizeGb: number;
  readonly databaseName: string;
  readonly sslMode: SqlSslMode;
  readonly backupRetentionDays: number;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly key: KeyChoice;
}

function placement(v: Validator, args: PostgresDatabaseArgs): SqlPlacement {
  validateRegion(v, "region", args.region);
  const network = v.required("network", args.network, NETWORK_EXPECTED);
  if (network instanceof Network) {
    const connection = network.privateServicesConnection;
    if (connection === undefined)
      v.fail("network", "(a Network)", "has no private services connection", NETWORK_EXPECTED);
    // No region check, unlike ContainerService: the peering is VPC-wide, so any region reaches the IP.
    return { networkId: network.networkId, region: args.region ?? network.region, waitFor: [connection] };
  }
  if (typeof network !== "string" && !isDeferred(network))
    v.fail("network", network, "is not a network", NETWORK_EXPECTED);
  // A plain id is checked now, an Output once known (the instance takes the checked value).
  return {
    networkId: v.shape("network", network as pulumi.Input<string>, NETWORK_ID),
    region: args.region,
    waitFor: [],
  };
}

function sizing(v: Validator, args: PostgresDatabaseArgs, profile: EnvironmentProfile) {
  const sizes = GCP_SIZES[profile.environment];
  const version = args.engineVersion ?? "16";
  if (typeof version !== "string" || !/^1[4-7]$/.test(version))
    v.fail(
      "engineVersion",
      version,
      "is not a supported PostgreSQL version",
      'a major version from "14" to "17"',
    );
  const tier = args.tier ?? sizes.databaseTier;
  if (typeof tier !== "string" || !/^db-[a-z0-9-]+$/.test(tier))
    v.fail("tier", tier, "is not a Cloud SQL tier", "db-custom-<vCPUs>-<MiB>, e.g. db-custom-2-7680");
  const disk = v.integer("diskSizeGb", args.diskSizeGb, 10, 65536, sizes.databaseDiskGb);
  const maxDisk = v.integer(
    "maxDiskSizeGb",
    args.maxDiskSizeGb,
    disk,
    65536,
    Math.max(disk, sizes.databaseMaxDiskGb),
  );
  return { databaseVersion: `POSTGRES_${version}`, tier, disk, maxDisk };
}

/** Resolves PostgresDatabase arguments; throws a GroundworkInputError on bad input. */
export function resolvePostgresDatabaseArgs(
  v: Validator,
  args: PostgresDatabaseArgs,
  profile: EnvironmentProfile,
  inheritedProtect = false,
): ResolvedPostgresDatabaseArgs {
  strictArgs(v, args, POSTGRES_DATABASE_ARG_KEYS);
  const place = placement(v, args);
  const size = sizing(v, args, profile);
  const sslMode = v.oneOf("sslMode", args.sslMode, SQL_SSL_MODES, "ENCRYPTED_ONLY");
  const network = args.network;
  const dataRegion = args.region ?? (network instanceof Network ? network.regionName : undefined);
  const key = resolveKeyChoice(v, args.encryptionKey, "sql", dataRegion);
  // Cloud SQL keeps up to 365 daily backups.
  const db = resolveDatabaseSettings(v, args, profile, { maxBackupDays: 365, inheritedProtect });
  validateDerivedNames(v, [gcpAutoNamed("the instance", GCP_RESOURCE_NAME, "instance")]);
  return {
    ...resolvedGcpCommon(
      v,
      profile,
      { component: "gcp.PostgresDatabase", labels: args.labels, protect: db.protect },
      db.weakened,
    ),
    placement: place,
    databaseVersion: size.databaseVersion,
    tier: size.tier,
    diskSizeGb: size.disk,
    maxDiskSizeGb: size.maxDisk,
    databaseName: db.databaseName,
    sslMode,
    backupRetentionDays: db.backupRetentionDays,
    multiAz: db.multiAz,
    deletionProtection: db.deletionProtection,
    key,
  };
}
