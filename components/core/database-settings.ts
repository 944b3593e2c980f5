// The settings every cloud's PostgresDatabase shares, resolved once: backup retention, high
// availability, deletion protection, `protect`, and which of them are weakenings against the profile.
// Each cloud's `resolvePostgresDatabaseArgs` adds its own (placement, size, key) around this.
import { EnvironmentProfile, protectStateful } from "./profiles";
import { Validator } from "./validate";
import { ProfileSettings, weakenedAgainstProfile } from "./weakening";

/**
 * The arguments every PostgresDatabase takes, whatever the cloud. A weakened default is recorded in the
 * cloud's `groundwork-weakened` tag or label and in the `weakened` output.
 */
export interface DatabaseSettingArgs {
  /**
   * The database to create: 1-63 letters, digits or `_`, starting with a letter.
   * @default "app"
   */
  readonly databaseName?: string;
  /**
   * Days of automated backups (and of point-in-time recovery, as far as the cloud keeps it); below the
   * profile's is a weakened default.
   * @default - the profile's: 7 (dev), 14 (staging), 30 (prod)
   */
  readonly backupRetentionDays?: number;
  /**
   * A standby in a second zone (RDS Multi-AZ, Cloud SQL `REGIONAL`); `false` where the profile turns it
   * on is a weakened default.
   * @default - false in dev, true in staging and prod
   */
  readonly multiAz?: boolean;
  /**
   * The cloud's deletion protection; `false` where the profile turns it on is a weakened default.
   * @default - false in dev, true in staging and prod
   */
  readonly deletionProtection?: boolean;
  /**
   * Pulumi `protect` on the instance and its stateful children; `false` where the profile protects
   * (prod) is a weakened default.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The shared settings resolved, with the weakenings they make. */
export interface DatabaseSettings {
  readonly databaseName: string;
  readonly backupRetentionDays: number;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly protect: boolean;
  readonly weakened: string[];
}

/** A database or user name PostgreSQL accepts unquoted. */
export const PG_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

/**
 * Resolves the shared PostgresDatabase settings. `maxBackupDays` is the cloud's ceiling; `also` holds
 * the cloud's own settings that count against the profile (log retention on AWS).
 */
export function resolveDatabaseSettings(
  v: Validator,
  args: DatabaseSettingArgs,
  profile: EnvironmentProfile,
  o: { readonly maxBackupDays: number; readonly inheritedProtect?: boolean; readonly also?: ProfileSettings },
): DatabaseSettings {
  const databaseName = args.databaseName ?? "app";
  if (typeof databaseName !== "string" || !PG_NAME.test(databaseName)) {
    v.fail(
      "databaseName",
      databaseName,
      "is not a valid database name",
      "1-63 letters, digits or _, starting with a letter",
    );
  }
  const backupRetentionDays = v.integer(
    "backupRetentionDays",
    args.backupRetentionDays,
    1,
    o.maxBackupDays,
    profile.backupRetentionDays,
  );
  const multiAz = v.boolean("multiAz", args.multiAz, profile.highAvailability);
  const deletionProtection = v.boolean(
    "deletionProtection",
    args.deletionProtection,
    profile.deletionProtection,
  );
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    o.inheritedProtect,
  );
  const weakened = weakenedAgainstProfile(profile, {
    ...o.also,
    multiAz,
    backupRetentionDays,
    deletionProtection,
    protect,
  });
  return { databaseName, backupRetentionDays, multiAz, deletionProtection, protect, weakened };
}
