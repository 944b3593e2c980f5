// Google Cloud SQL rules: private IP only, TLS required, backups with point-in-time recovery, a
// customer-managed key, connection logging on PostgreSQL, and deletion protection in prod.
import type { DatabaseInstanceArgs } from "@pulumi/gcp/sql";
import { ResourceRule } from "../../runtime";
import { Inputs, onInputs, record, records } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { stackOf } from "../common";
import { OPEN } from "../ports";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

type Instance = Inputs<DatabaseInstanceArgs>;

const STRICT_SSL = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];
const LOGGING_FLAGS = ["log_connections", "log_disconnections"];

function ipConfig(db: Instance): Record<string, unknown> {
  return record(record(db.settings).ipConfiguration);
}

function backups(db: Instance): Record<string, unknown> {
  return record(record(db.settings).backupConfiguration);
}

/** A read replica takes its backups and network from its primary. */
function isReplica(db: Instance): boolean {
  return isSet(db as Record<string, unknown>, "masterInstanceName");
}

export const sqlRules: ResourceRule[] = [
  {
    name: "gcp-sql-no-public-ip",
    area: "gcp",
    severity: "high",
    description:
      "Cloud SQL instances have no public IPv4 address (the default when `ipv4Enabled` is unset): clients reach them over a private network.",
    remediationSteps:
      "Set `settings.ipConfiguration: { ipv4Enabled: false, privateNetwork: <VPC id> }` with a private services connection.",
    references: ["CKV_GCP_60", "CIS GCP 6.6"],
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report) => {
      if (ipConfig(db).ipv4Enabled !== false)
        report("ipv4Enabled is not false (the instance has a public IP)");
    }),
  },
  {
    name: "gcp-sql-no-open-authorized-networks",
    area: "gcp",
    severity: "critical",
    description: "Cloud SQL authorized networks never include 0.0.0.0/0 or ::/0.",
    remediationSteps: "Remove the open range; connect through private IP or the Cloud SQL Auth Proxy.",
    references: ["CKV_GCP_11", "CIS GCP 6.5"],
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report) => {
      for (const n of records(ipConfig(db).authorizedNetworks)) {
        if (OPEN.includes(String(n.value)))
          report(`authorized network ${JSON.stringify(n.name ?? n.value)} is ${n.value}`);
      }
    }),
  },
  {
    name: "gcp-sql-ssl-required",
    area: "gcp",
    severity: "high",
    description:
      'Cloud SQL instances accept encrypted connections only (`sslMode` "ENCRYPTED_ONLY" or stricter).',
    remediationSteps:
      'Set `settings.ipConfiguration.sslMode: "ENCRYPTED_ONLY"` (or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`).',
    references: ["CKV_GCP_6", "CIS GCP 6.4"],
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report) => {
      const mode = ipConfig(db).sslMode;
      if (!STRICT_SSL.includes(String(mode)))
        report(`sslMode is ${JSON.stringify(mode ?? "ALLOW_UNENCRYPTED_AND_ENCRYPTED")}`);
    }),
  },
  {
    name: "gcp-sql-backups",
    area: "gcp",
    severity: "high",
    description:
      "Cloud SQL instances take automated backups with point-in-time recovery (binary logging on MySQL).",
    remediationSteps:
      "Set `settings.backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true }` (MySQL: `binaryLogEnabled: true`).",
    references: ["CKV_GCP_14", "CIS GCP 6.7"],
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report, args) => {
      if (isReplica(db)) args.notApplicable("a read replica is backed up through its primary");
      const b = backups(db);
      if (b.enabled !== true) report("backupConfiguration.enabled is not true");
      const mysql = String(db.databaseVersion).startsWith("MYSQL");
      const pitr = mysql ? b.binaryLogEnabled : b.pointInTimeRecoveryEnabled;
      if (pitr !== true)
        report(
          `point-in-time recovery is off (${mysql ? "binaryLogEnabled" : "pointInTimeRecoveryEnabled"})`,
        );
    }),
  },
  {
    name: "gcp-sql-cmek",
    area: "gcp",
    severity: "high",
    description:
      "Cloud SQL instances encrypt data under a customer-managed Cloud KMS key (Cloud SQL always encrypts, under a " +
      "Google-managed key by default; `customerManagedKey: false` accepts that).",
    remediationSteps:
      "Set `encryptionKeyName` to a crypto key the Cloud SQL service agent may use (grant it before the instance).",
    references: ["Groundwork BASELINE GCP Cloud SQL"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report, args) => {
      const labels = record(record(db.settings).userLabels);
      if (!isSet(db as Record<string, unknown>, "encryptionKeyName") && asksForKey(args, labels.environment))
        report(`no encryptionKeyName: data is encrypted under a Google-managed key; ${CMK_KNOB_HINT}`);
    }),
  },
  {
    name: "gcp-sql-postgres-connection-logging",
    area: "gcp",
    severity: "low",
    description: "Cloud SQL for PostgreSQL instances log connections and disconnections.",
    remediationSteps: `Add \`databaseFlags\` ${LOGGING_FLAGS.map((f) => `{ name: "${f}", value: "on" }`).join(" and ")}.`,
    references: ["CKV_GCP_52", "CKV_GCP_53"],
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report, args) => {
      if (!String(db.databaseVersion).startsWith("POSTGRES")) args.notApplicable("not PostgreSQL");
      const flags = records(record(db.settings).databaseFlags);
      const missing = LOGGING_FLAGS.filter((f) => !flags.some((x) => x.name === f && x.value === "on"));
      if (missing.length > 0) report(`flags not "on": ${missing.join(", ")}`);
    }),
  },
  {
    name: "gcp-sql-deletion-protection",
    area: "gcp",
    severity: "medium",
    description:
      "Cloud SQL instances in prod (stack or `environment` label `prod`) are protected from deletion by both the provider and the API.",
    remediationSteps:
      "Leave `deletionProtection` at true and set `settings.deletionProtectionEnabled: true`.",
    references: ["Groundwork BASELINE GCP Cloud SQL"],
    validateResource: onInputs<DatabaseInstanceArgs>(T.sqlInstance, (db, report, args) => {
      const settings = record(db.settings);
      const prod = stackOf(args.urn) === "prod" || record(settings.userLabels).environment === "prod";
      if (!prod) args.notApplicable("not a prod instance");
      if (db.deletionProtection === false) report("deletionProtection is false");
      if (settings.deletionProtectionEnabled !== true)
        report("settings.deletionProtectionEnabled is not true");
    }),
  },
];
