// PostgresDatabase arguments and their pure resolution: version, size, names, backups and key decided,
// every default applied and every weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Tags,
  Validator,
  argKeys,
  shortHash,
  strictArgs,
  validateDerivedNames,
  validateLogRetention,
} from "../../core";
import { DatabaseSettingArgs, PG_NAME, resolveDatabaseSettings } from "../../core/database-settings";
import { awsTags } from "../tags";
import { AWS_SIZES } from "../sizes";
import {
  RDS_PARAMETER_GROUP_NAME,
  RDS_SUBNET_GROUP_NAME,
  SECURITY_GROUP_NAME,
  autoNamed,
  keyAliasNamed,
} from "../naming";
import { requireVpcAndSubnets, ResolvedCommon, resolvedCommon } from "../common";
import { SECURITY_GROUP_ID } from "../arns";
import { RDS_POSTGRES_LIFECYCLE_SOURCE, rdsPostgresMajor } from "../locations";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";

/** Usernames PostgreSQL on RDS reserves. */
export const RESERVED_USERS = ["postgres", "rdsadmin", "rdsrepladmin", "admin", "root", "public"];

/**
 * Arguments of `PostgresDatabase`. Any other key is refused (naming the closest valid one). The
 * component name must make valid names of the parameter group Pulumi auto-names from it
 * (`<name>-params-` plus 7 random characters, lowercased: letters, digits and single hyphens, starting
 * with a letter), of the subnet group, the security group and the key alias of a key it creates; other
 * names are refused before anything registers. The RDS identifier is shaped from the name: lowercased,
 * other characters as hyphens, cut to 50, then `-` and a hash of project, stack and name.
 */
export interface PostgresDatabaseArgs extends DatabaseSettingArgs {
  /**
   * Environment profile: instance size, storage, backups, multi-AZ, deletion protection, log retention
   * and `protect` on the stateful children.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /** The VPC the database lives in (its security group is created there). */
  readonly vpcId: pulumi.Input<string>;
  /** Subnets for the DB subnet group: the network's isolated tier, at least two zones. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Security groups whose members may connect on the database port, named at construction
   * (`<name>-ingress-<index>`); no one else can. After both exist, `database.connections.allowDefaultPortFrom(service)`
   * does the same without the service existing first, and also opens the service's egress.
   * @default - none: nothing can connect until a group is named here or with `connections`
   */
  readonly allowedSecurityGroupIds?: pulumi.Input<string>[];
  /**
   * PostgreSQL major version, `"14"` to `"17"`. RDS upgrades the minor version in the maintenance window
   * (`autoMinorVersionUpgrade` is always on), so a minor pin (`"16.4"`) is refused: once RDS moved to
   * 16.6, the next `up` would ask it for 16.4 back, which it refuses. Raising the major (16 → 17) upgrades
   * the instance in place on the next `up`, with a new parameter group for the new family; RDS cannot go
   * back. A major whose RDS standard support has ended (facts/aws/lifecycle.json) is refused unless
   * `extendedSupport` is true.
   * @default "16"
   */
  readonly engineVersion?: string;
  /**
   * Enrol a new instance in RDS Extended Support, which RDS charges for per vCPU and hour once the major
   * leaves standard support. Without it, RDS upgrades the instance to a supported major on or shortly
   * after that date. Set at creation only: RDS keeps an instance's enrolment for its life, so a change is
   * ignored on an existing instance (an instance created before Groundwork set this is enrolled, as the
   * RDS API enrols by default; it leaves Extended Support by upgrading to a major under standard support).
   * @default false
   */
  readonly extendedSupport?: boolean;
  /**
   * Apply modifications (class, storage, Multi-AZ, parameter group, major version) during the `up` that
   * makes them. `false` leaves them for the maintenance window, and until then every preview shows the
   * same change again, as the provider reads the instance's current values.
   * @default true
   */
  readonly applyImmediately?: boolean;
  /**
   * Instance class, `db.<family>.<size>`.
   * @default - the profile's: db.t4g.micro (dev), db.t4g.medium (staging), db.r6g.large (prod)
   */
  readonly instanceClass?: string;
  /**
   * Initial storage in GiB (gp3).
   * @default - the profile's: 20 (dev), 50 (staging), 100 (prod)
   */
  readonly allocatedStorageGiB?: number;
  /**
   * Storage autoscaling ceiling in GiB.
   * @default - the profile's: 50 (dev), 200 (staging), 1000 (prod)
   */
  readonly maxAllocatedStorageGiB?: number;
  /**
   * The master username; its password is generated and kept in Secrets Manager by RDS, which rotates it
   * every 7 days. Set at creation only: RDS cannot rename it, so a change is ignored after the instance
   * exists (to use another, create a new database and migrate). Applications log in with their own
   * IAM-authenticated users (`grantConnect`), not as the master user.
   * @default "groundwork"
   */
  readonly masterUsername?: string;
  /**
   * Retention of the exported PostgreSQL logs. Below the profile's is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * Customer-managed key for storage, the master secret, Performance Insights and the log groups: an
   * `EncryptionKey` whose `services` include `"logs"`, or a key ARN (whose policy must let CloudWatch
   * Logs use it).
   * @default - a new `EncryptionKey` named `<name>-key`
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
}

/** The keys of {@link PostgresDatabaseArgs}, checked against it by the compiler; any other key is refused. */
export const POSTGRES_DATABASE_ARG_KEYS = argKeys<PostgresDatabaseArgs>()([
  "environment",
  "tags",
  "vpcId",
  "subnetIds",
  "allowedSecurityGroupIds",
  "engineVersion",
  "extendedSupport",
  "applyImmediately",
  "instanceClass",
  "allocatedStorageGiB",
  "maxAllocatedStorageGiB",
  "databaseName",
  "masterUsername",
  "backupRetentionDays",
  "multiAz",
  "deletionProtection",
  "logRetentionDays",
  "encryptionKey",
  "protect",
]);

/** PostgresDatabase arguments with every default applied. */
export interface ResolvedPostgresDatabaseArgs extends ResolvedCommon {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly allowedSecurityGroupIds: pulumi.Input<string>[];
  /** The major version (`"16"`): the instance's engine version and the parameter group family's. */
  readonly engineVersion: string;
  readonly majorVersion: string;
  readonly extendedSupport: boolean;
  readonly applyImmediately: boolean;
  readonly instanceClass: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB: number;
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly backupRetentionDays: number;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly logRetentionDays: number;
  readonly key: KeyChoice;
  /** The RDS identifier, stable per project, stack and name, so the log groups can exist first. */
  readonly identifier: string;
}

/** The network arguments: a VPC, isolated subnets in two zones at least, named source groups. */
function placement(v: Validator, args: PostgresDatabaseArgs) {
  const network = requireVpcAndSubnets(
    v,
    args.vpcId,
    args.subnetIds,
    "the network's isolated subnet ids, at least two zones",
  );
  const allowed = args.allowedSecurityGroupIds ?? [];
  if (!Array.isArray(allowed))
    v.fail("allowedSecurityGroupIds", allowed, "is not a list", `a list of ${SECURITY_GROUP_ID.expected}`);
  const groups = allowed.map((id, i) => v.shape(`allowedSecurityGroupIds[${i}]`, id, SECURITY_GROUP_ID));
  return { ...network, allowed: groups };
}

const MAJORS = '"14", "15", "16" or "17"';

/**
 * The major version: no minor pin (RDS upgrades minors itself), and none past its RDS end of standard
 * support unless the instance may enrol in (paid) Extended Support. `now` is a parameter for the tests.
 */
function engineMajor(v: Validator, args: PostgresDatabaseArgs, extendedSupport: boolean, now: Date): string {
  const engineVersion = args.engineVersion ?? "16";
  if (typeof engineVersion === "string" && /^1[4-7]\.\d+$/.test(engineVersion)) {
    v.fail(
      "engineVersion",
      engineVersion,
      "pins a minor version, but RDS upgrades minors in the maintenance window and would then be asked to downgrade",
      `the major alone (${JSON.stringify(engineVersion.split(".")[0])}); RDS keeps it on the newest minor`,
    );
  }
  if (typeof engineVersion !== "string" || !/^1[4-7]$/.test(engineVersion)) {
    v.fail("engineVersion", engineVersion, "is not a supported PostgreSQL major version", MAJORS);
  }
  const window = rdsPostgresMajor(engineVersion);
  if (window !== undefined && !extendedSupport) {
    const ends = new Date(`${window.standardSupportEnds}T00:00:00Z`);
    if (ends.getTime() <= now.getTime()) {
      v.fail(
        "engineVersion",
        engineVersion,
        `left RDS standard support on ${window.standardSupportEnds} (${RDS_POSTGRES_LIFECYCLE_SOURCE.split(" ")[0]})`,
        `a newer major, or extendedSupport: true to pay for RDS Extended Support`,
      );
    }
    const days = Math.floor((ends.getTime() - now.getTime()) / 86_400_000);
    if (days <= 180) {
      void pulumi.log.warn(
        `aws.PostgresDatabase "${v.resourceName}": PostgreSQL ${engineVersion} leaves RDS standard support on ` +
          `${window.standardSupportEnds} (in ${days} days); RDS then upgrades an instance that is not enrolled in ` +
          `Extended Support to a newer major. Raise engineVersion before then.`,
      );
    }
  }
  return engineVersion;
}

/** Engine version, instance class and storage bounds. */
function sizing(v: Validator, args: PostgresDatabaseArgs, profile: EnvironmentProfile, now: Date) {
  const extendedSupport = v.boolean("extendedSupport", args.extendedSupport, false);
  const engineVersion = engineMajor(v, args, extendedSupport, now);
  const instanceClass = args.instanceClass ?? AWS_SIZES[profile.environment].databaseInstanceClass;
  if (typeof instanceClass !== "string" || !/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass)) {
    v.fail(
      "instanceClass",
      instanceClass,
      "is not an RDS instance class",
      "db.<family>.<size>, e.g. db.t4g.micro",
    );
  }
  const storage = v.integer(
    "allocatedStorageGiB",
    args.allocatedStorageGiB,
    20,
    65536,
    AWS_SIZES[profile.environment].databaseStorageGiB,
  );
  const maxStorage = v.integer(
    "maxAllocatedStorageGiB",
    args.maxAllocatedStorageGiB,
    storage,
    65536,
    Math.max(storage, AWS_SIZES[profile.environment].databaseMaxStorageGiB),
  );
  return { engineVersion, majorVersion: engineVersion, extendedSupport, instanceClass, storage, maxStorage };
}

/** The master user name. */
function masterUsername(v: Validator, args: PostgresDatabaseArgs): string {
  const username = args.masterUsername ?? "groundwork";
  if (
    typeof username !== "string" ||
    !PG_NAME.test(username) ||
    RESERVED_USERS.includes(username.toLowerCase())
  ) {
    v.fail(
      "masterUsername",
      username,
      "is not a usable master username",
      `1-63 letters, digits or _, starting with a letter, not one of ${RESERVED_USERS.join(", ")}`,
    );
  }
  return username;
}

/** The physical names the database's groups take from the component name. */
export const DATABASE_NAMES = {
  params: autoNamed("the parameter group", RDS_PARAMETER_GROUP_NAME, "params", true),
  subnets: autoNamed("the subnet group", RDS_SUBNET_GROUP_NAME, "subnets", true),
  sg: autoNamed("the security group", SECURITY_GROUP_NAME, "sg"),
} as const;

/** A stable identifier lets the log groups exist (with retention and KMS) before RDS would create them. */
function rdsIdentifier(v: Validator): string {
  const name = v.resourceName;
  const identifier = `${name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 50)
    // A cut that ends on a hyphen would make `--` before the hash, which RDS refuses.
    .replace(/-$/, "")}-${shortHash(`${pulumi.getProject()}/${pulumi.getStack()}/${name}`)}`;
  if (!/^[a-z]/.test(identifier)) {
    v.fail("name", name, "cannot form an RDS identifier", "a component name starting with a letter");
  }
  return identifier;
}

/** Resolves PostgresDatabase arguments; throws a GroundworkInputError on bad input. */
export function resolvePostgresDatabaseArgs(
  v: Validator,
  args: PostgresDatabaseArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
  now: Date = new Date(),
): ResolvedPostgresDatabaseArgs {
  strictArgs(v, args, POSTGRES_DATABASE_ARG_KEYS);
  const baseTags = awsTags(v, {
    environment: profile.environment,
    component: "aws.PostgresDatabase",
    tags: args.tags,
  });
  const network = placement(v, args);
  const size = sizing(v, args, profile, now);
  const applyImmediately = v.boolean("applyImmediately", args.applyImmediately, true);
  const username = masterUsername(v, args);
  const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
  // RDS keeps automated backups for 35 days at most; the log retention counts against the profile too.
  const db = resolveDatabaseSettings(v, args, profile, {
    maxBackupDays: 35,
    inheritedProtect,
    also: { logRetentionDays: retention },
  });
  const key = resolveKeyChoice(v, args.encryptionKey, {
    needsLogs: true,
    create: { services: ["logs"], description: `Encrypts database ${v.resourceName}` },
  });
  validateDerivedNames(v, [
    DATABASE_NAMES.params,
    DATABASE_NAMES.subnets,
    DATABASE_NAMES.sg,
    ...(key.kind === "create" ? [keyAliasNamed("key")] : []),
  ]);
  const identifier = rdsIdentifier(v);
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, db.protect, db.weakened),
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    allowedSecurityGroupIds: network.allowed,
    engineVersion: size.engineVersion,
    majorVersion: size.majorVersion,
    extendedSupport: size.extendedSupport,
    applyImmediately,
    instanceClass: size.instanceClass,
    allocatedStorageGiB: size.storage,
    maxAllocatedStorageGiB: size.maxStorage,
    databaseName: db.databaseName,
    masterUsername: username,
    backupRetentionDays: db.backupRetentionDays,
    multiAz: db.multiAz,
    deletionProtection: db.deletionProtection,
    logRetentionDays: retention,
    key,
    identifier,
  };
}
