// Google Cloud PostgresDatabase: every BASELINE Cloud SQL control per profile, the key granted to the
// Cloud SQL identity and the private services connection before the instance, weakenings and bad input.
import * as assert from "assert";
import { ENVIRONMENTS, GroundworkInputError } from "../../components/core";
import {
  EncryptionKey,
  GCP_SIZES,
  Network,
  PostgresDatabase,
  serviceAccountGrantee,
} from "../../components/gcp";
import { inputs, protectedNames, rejectsInputs, run, synthCaught } from "../aws/helpers";

const T = {
  component: "groundwork:gcp:PostgresDatabase",
  instance: "gcp:sql/databaseInstance:DatabaseInstance",
  database: "gcp:sql/database:Database",
  keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  connection: "gcp:servicenetworking/connection:Connection",
  ring: "gcp:kms/keyRing:KeyRing",
};
const NETWORK_ID = "projects/acme/global/networks/core";
type Settings = {
  [k: string]: unknown;
  ipConfiguration: Record<string, unknown>;
  backupConfiguration: Record<string, unknown>;
  databaseFlags: { name: string; value: string }[];
  userLabels: Record<string, string>;
};

describe("gcp.PostgresDatabase", () => {
  for (const environment of ENVIRONMENTS) {
    it(`${environment}: private IP only, TLS, backups with PITR, flags, CMEK; HA and protection by profile`, async () => {
      const { q } = await run(() => new PostgresDatabase("db", { environment, network: NETWORK_ID }));
      const db = inputs(q, T.instance, "db-instance");
      const s = db.settings as Settings;
      // The disk grows on its own; the configured size is the size at creation only.
      assert.deepStrictEqual(q.one(T.instance, "db-instance").ignoreChanges, ["settings.diskSize"]);
      assert.strictEqual(db.databaseVersion, "POSTGRES_16");
      assert.deepStrictEqual(s.ipConfiguration, {
        ipv4Enabled: false,
        privateNetwork: NETWORK_ID,
        sslMode: "ENCRYPTED_ONLY",
      });
      const days = { dev: 7, staging: 14, prod: 30 }[environment];
      assert.deepStrictEqual(s.backupConfiguration, {
        enabled: true,
        pointInTimeRecoveryEnabled: true,
        startTime: "03:00",
        transactionLogRetentionDays: 7,
        backupRetentionSettings: { retainedBackups: days, retentionUnit: "COUNT" },
      });
      // CIS Google Cloud Foundations Benchmark v3.0.0 section 6.2, written out from the benchmark's items
      // (6.2.1 to 6.2.8), with pgAudit's scope, checkpoint and lock-wait logging and IAM authentication.
      assert.deepStrictEqual(Object.fromEntries(s.databaseFlags.map((f) => [f.name, f.value])), {
        log_error_verbosity: "default",
        log_connections: "on",
        log_disconnections: "on",
        log_statement: "ddl",
        log_min_messages: "warning",
        log_min_error_statement: "error",
        log_min_duration_statement: "-1",
        "cloudsql.enable_pgaudit": "on",
        "pgaudit.log": "ddl,role",
        log_checkpoints: "on",
        log_lock_waits: "on",
        "cloudsql.iam_authentication": "on",
      });
      assert.strictEqual(s.tier, GCP_SIZES[environment].databaseTier);
      assert.strictEqual(s.availabilityType, environment === "dev" ? "ZONAL" : "REGIONAL");
      const guarded = environment !== "dev";
      assert.deepStrictEqual([db.deletionProtection, s.deletionProtectionEnabled], [guarded, guarded]);
      assert.strictEqual(s.userLabels.environment, environment);
      assert.strictEqual(db.encryptionKeyName, q.one("gcp:kms/cryptoKey:CryptoKey", "db-key-cmk").outputs.id);
      assert.strictEqual(inputs(q, T.ring, "db-key-ring").location, "europe-west1");
      const root = q.one(T.component, "db").urn;
      const prod = environment === "prod";
      assert.deepStrictEqual(
        protectedNames(q, root),
        prod ? ["db-db", "db-instance", "db-key-cmk", "db-key-ring"] : [],
      );
      assert.strictEqual(inputs(q, T.database, "db-db").name, "app");
    });
  }

  it("waits for the Cloud SQL identity's key grant and the network's private services connection", async () => {
    const { q } = await run(() => {
      const net = new Network("core", { privateServices: true, region: "us-east1" });
      new PostgresDatabase("db", { network: net });
      // Private services access is VPC-wide: an instance in another region is reachable, so accepted.
      new PostgresDatabase("far", { network: net, region: "europe-west1" });
    });
    assert.strictEqual(inputs(q, T.instance, "far-instance").region, "europe-west1");
    const db = q.one(T.instance, "db-instance");
    const grant = q.one(T.keyMember, "db-key-grant-sql-agent-encrypt-decrypt");
    assert.ok(db.dependencies.includes(grant.urn), "the key grant comes first");
    assert.ok(
      db.dependencies.includes(q.one(T.connection, "core-services").urn),
      "the connection comes first",
    );
    const s = inputs(q, T.instance, "db-instance");
    assert.strictEqual(s.region, "us-east1", "the Network's region");
    assert.strictEqual(
      (s.settings as Settings).ipConfiguration.privateNetwork,
      q.one("gcp:compute/network:Network", "core-vpc").outputs.id,
    );
    assert.strictEqual(
      inputs(q, T.keyMember, "db-key-grant-sql-agent-encrypt-decrypt").member,
      "serviceAccount:service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com",
    );
  });

  it("a given key is granted to the Cloud SQL identity, and no key is created", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("shared");
      new PostgresDatabase("db", {
        network: NETWORK_ID,
        encryptionKey: key,
        sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
      });
    });
    assert.strictEqual(q.ofType("gcp:kms/cryptoKey:CryptoKey").length, 1);
    assert.ok(q.one(T.keyMember, "shared-grant-sql-agent-encrypt-decrypt"));
    const s = inputs(q, T.instance, "db-instance").settings as Settings;
    assert.strictEqual(s.ipConfiguration.sslMode, "TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
  });

  it("grantConnect: an IAM database user and instance-scoped client roles for the grantee", async () => {
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", { network: NETWORK_ID });
      db.grantConnect(serviceAccountGrantee("api", "api@acme.iam.gserviceaccount.com"));
    });
    const user = inputs(q, "gcp:sql/user:User", "db-grant-api-read-write");
    assert.deepStrictEqual(
      [user.name, user.type, user.instance],
      ["api@acme.iam", "CLOUD_IAM_SERVICE_ACCOUNT", q.one(T.instance, "db-instance").outputs.name],
    );
    const roles = ["client", "instance-user"].map((s) =>
      inputs(q, "gcp:projects/iAMMember:IAMMember", `db-grant-api-read-write-${s}`),
    );
    assert.deepStrictEqual(
      roles.map((r) => r.role),
      ["roles/cloudsql.client", "roles/cloudsql.instanceUser"],
    );
    for (const r of roles) {
      assert.strictEqual(r.member, "serviceAccount:api@acme.iam.gserviceaccount.com");
      assert.match(
        String((r.condition as Record<string, string>).expression),
        /^resource\.name == "projects\/.+\/instances\/db-instance/,
      );
    }
  });

  it("records weakenings in the weakened output and the instance's label", async () => {
    let weakened: unknown;
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", {
        environment: "prod",
        network: NETWORK_ID,
        multiAz: false,
        backupRetentionDays: 3,
        deletionProtection: false,
        protect: false,
      });
      db.weakened.apply((w) => (weakened = w));
    });
    assert.deepStrictEqual(weakened, ["backupRetentionDays", "deletionProtection", "multiAz", "protect"]);
    const s = inputs(q, T.instance, "db-instance").settings as Settings;
    assert.strictEqual(
      s.userLabels["groundwork-weakened"],
      "backup-retention-days_deletion-protection_multi-az_protect",
    );
    assert.strictEqual(s.backupConfiguration.transactionLogRetentionDays, 3);
  });

  it("refuses a Network without private services before registering any child", async () => {
    const { caught, graph } = await synthCaught(
      () => new PostgresDatabase("d", { network: new Network("n") }),
    );
    assert.ok(caught instanceof GroundworkInputError);
    assert.strictEqual(caught.field, "network");
    assert.match(caught.message, /has no private services connection.*privateServices: true/);
    assert.deepStrictEqual(
      graph.resources
        .filter((r) => !r.urn.includes("::n"))
        .map((r) => r.type)
        .sort(),
      ["pulumi:providers:gcp", "pulumi:pulumi:Stack"],
    );
  });

  rejectsInputs("gcp.PostgresDatabase", [
    [() => new PostgresDatabase("d", {} as never), "network", "undefined", /privateServices: true/],
    [
      () => new PostgresDatabase("d", { network: "core" }),
      "network",
      '"core"',
      /projects\/<p>\/global\/networks/,
    ],
    [
      () => new PostgresDatabase("d", { network: NETWORK_ID, engineVersion: "12" }),
      "engineVersion",
      '"12"',
      /"14" to "17"/,
    ],
    [
      () => new PostgresDatabase("d", { network: NETWORK_ID, tier: "n2-standard-2" }),
      "tier",
      '"n2-standard-2"',
      /db-custom/,
    ],
    [
      () =>
        new PostgresDatabase("d", {
          network: NETWORK_ID,
          sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" as never,
        }),
      "sslMode",
      '"ALLOW_UNENCRYPTED_AND_ENCRYPTED"',
      /ENCRYPTED_ONLY/,
    ],
    [
      () => new PostgresDatabase("d", { network: NETWORK_ID, backupRetentionDays: 0 }),
      "backupRetentionDays",
      "0",
      "an integer from 1 to 365",
    ],
    [
      () => new PostgresDatabase("d", { network: NETWORK_ID, encryptionKey: "alias/x" }),
      "encryptionKey",
      '"alias/x"',
      /crypto key id/,
    ],
    [
      () => new PostgresDatabase("d", { network: NETWORK_ID, databseName: "x" } as never),
      "databseName",
      '"x"',
      /databaseName/,
    ],
  ]);
});
