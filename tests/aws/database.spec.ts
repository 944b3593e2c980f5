// PostgresDatabase: the RDS child set per profile and every BASELINE control, weakening, provider
// propagation and bad input.
import * as assert from "assert";
import { PostgresDatabase, PostgresDatabaseArgs } from "../../components/aws";
import { ENVIRONMENTS } from "../../components/core";
import { assertTagged, inputs, json, protectedNames, rejectsInputs, run, synthViaProvider } from "./helpers";

const C = "groundwork:aws:PostgresDatabase";
const I = "aws:rds/instance:Instance";
const BASE: PostgresDatabaseArgs = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-aaa", "subnet-bbb"],
  allowedSecurityGroupIds: ["sg-0123456789abcdef0", "sg-0fedcba9876543210"],
};

const INVENTORY = [
  "aws:cloudwatch/logGroup:LogGroup::db-postgresql-logs",
  "aws:cloudwatch/logGroup:LogGroup::db-upgrade-logs",
  "aws:ec2/securityGroup:SecurityGroup::db-sg",
  "aws:kms/alias:Alias::db-key-alias",
  "aws:kms/key:Key::db-key-cmk",
  "aws:rds/instance:Instance::db-instance",
  "aws:rds/parameterGroup:ParameterGroup::db-params",
  "aws:rds/subnetGroup:SubnetGroup::db-subnets",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::db-ingress-0",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::db-ingress-1",
  "groundwork:aws:EncryptionKey::db-key",
];

const BY_PROFILE = {
  dev: { multiAz: false, deletionProtection: false, backups: 7, retention: 30, cls: "db.t4g.micro" },
  staging: { multiAz: true, deletionProtection: true, backups: 14, retention: 90, cls: "db.t4g.medium" },
  prod: { multiAz: true, deletionProtection: true, backups: 30, retention: 365, cls: "db.r6g.large" },
} as const;

describe("aws.PostgresDatabase", () => {
  for (const environment of ENVIRONMENTS) {
    describe(environment, () => {
      let q: Awaited<ReturnType<typeof run>>["q"];
      let root: string;
      let db: Record<string, unknown>;
      before(async () => {
        ({ q } = await run(
          () => {
            new PostgresDatabase("db", { ...BASE, environment });
          },
          { stack: environment, project: "shop" },
        ));
        root = q.one(C, "db").urn;
        db = inputs(q, I, "db-instance");
      });
      const p = BY_PROFILE[environment];

      it("registers exactly the expected children", () => {
        assert.deepStrictEqual(q.inventory(root), INVENTORY);
      });

      it("is private, in the isolated subnets, reachable only from the named groups [CKV_AWS_17]", () => {
        assert.strictEqual(db.publiclyAccessible, false);
        assert.deepStrictEqual(inputs(q, "aws:rds/subnetGroup:SubnetGroup", "db-subnets").subnetIds, [
          "subnet-aaa",
          "subnet-bbb",
        ]);
        assert.deepStrictEqual(q.one(I, "db-instance").propertyDependencies.dbSubnetGroupName, [
          q.one("aws:rds/subnetGroup:SubnetGroup", "db-subnets").urn,
        ]);
        const sg = q.one("aws:ec2/securityGroup:SecurityGroup", "db-sg");
        assert.strictEqual(sg.inputs.ingress, undefined, "no inline rules");
        assert.deepStrictEqual(db.vpcSecurityGroupIds, [sg.outputs.id]);
        const rules = [0, 1].map((i) =>
          inputs(q, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `db-ingress-${i}`),
        );
        assert.deepStrictEqual(
          rules.map((r) => r.referencedSecurityGroupId),
          BASE.allowedSecurityGroupIds,
        );
        for (const r of rules) {
          assert.deepStrictEqual(
            [r.ipProtocol, r.fromPort, r.toPort, r.cidrIpv4],
            ["tcp", 5432, 5432, undefined],
          );
        }
      });

      it("encrypts storage, the master secret and Performance Insights with the key [CKV_AWS_16]", () => {
        const keyArn = q.one("aws:kms/key:Key", "db-key-cmk").outputs.arn;
        assert.strictEqual(db.storageEncrypted, true);
        assert.strictEqual(db.kmsKeyId, keyArn);
        assert.strictEqual(db.manageMasterUserPassword, true);
        assert.strictEqual(db.password, undefined);
        assert.strictEqual(db.masterUserSecretKmsKeyId, keyArn);
        assert.strictEqual(db.performanceInsightsEnabled, true);
        assert.strictEqual(db.performanceInsightsKmsKeyId, keyArn);
      });

      it("uses IAM authentication and forces TLS [CKV_AWS_161]", () => {
        assert.strictEqual(db.iamDatabaseAuthenticationEnabled, true);
        const params = inputs(q, "aws:rds/parameterGroup:ParameterGroup", "db-params");
        assert.strictEqual(params.family, "postgres16");
        assert.deepStrictEqual(
          (params.parameters as { name: string; value: string }[]).find((x) => x.name === "rds.force_ssl"),
          { name: "rds.force_ssl", value: "1" },
        );
      });

      it("backups, multi-AZ and deletion protection follow the profile [CKV_AWS_133, CKV_AWS_157, CKV_AWS_293]", () => {
        assert.strictEqual(db.backupRetentionPeriod, p.backups);
        assert.strictEqual(db.multiAz, p.multiAz);
        assert.strictEqual(db.deletionProtection, p.deletionProtection);
        assert.strictEqual(db.instanceClass, p.cls);
      });

      it("keeps a final snapshot, copies tags to snapshots, upgrades minor versions", () => {
        assert.strictEqual(db.skipFinalSnapshot, false);
        assert.match(db.finalSnapshotIdentifier as string, /^db-[0-9a-f]{8}-final$/);
        assert.strictEqual(db.copyTagsToSnapshot, true);
        assert.strictEqual(db.autoMinorVersionUpgrade, true);
        assert.strictEqual(db.deleteAutomatedBackups, false);
      });

      it("exports logs to pre-created, encrypted log groups with the profile's retention [CKV_AWS_129]", () => {
        assert.deepStrictEqual(db.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
        for (const log of ["postgresql", "upgrade"]) {
          const g = inputs(q, "aws:cloudwatch/logGroup:LogGroup", `db-${log}-logs`);
          assert.strictEqual(g.name, `/aws/rds/instance/${db.identifier as string}/${log}`);
          assert.strictEqual(g.retentionInDays, p.retention);
          assert.strictEqual(g.kmsKeyId, q.one("aws:kms/key:Key", "db-key-cmk").outputs.arn);
          assert.ok(
            q
              .one(I, "db-instance")
              .dependencies.includes(q.one("aws:cloudwatch/logGroup:LogGroup", `db-${log}-logs`).urn),
          );
        }
      });

      it("creates a key whose policy lets CloudWatch Logs in the region use it for the log groups", () => {
        const doc = json<{ Statement: { Principal?: { Service?: string } }[] }>(
          q,
          "aws:kms/key:Key",
          "db-key-cmk",
          "policy",
        );
        assert.ok(doc.Statement.some((s) => s.Principal?.Service === "logs.us-east-1.amazonaws.com"));
      });

      it("tags every taggable child", () => {
        assertTagged(q, root, environment, "aws.PostgresDatabase");
      });

      it(`protects the instance, key and log groups ${environment === "prod" ? "in prod" : "only in prod"}`, () => {
        assert.deepStrictEqual(
          protectedNames(q, root),
          environment === "prod"
            ? ["db-instance", "db-key-cmk", "db-postgresql-logs", "db-upgrade-logs"]
            : [],
        );
      });
    });
  }

  it("without allowed groups nothing can connect", async () => {
    const { q } = await run(() => {
      new PostgresDatabase("db", { vpcId: BASE.vpcId, subnetIds: BASE.subnetIds });
    });
    assert.deepStrictEqual(q.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), []);
  });

  it("turning deletion protection off in prod is a named weakening, visible in tags and outputs", async () => {
    const { q, graph } = await run(
      () => {
        const d = new PostgresDatabase("db", { ...BASE, environment: "prod", deletionProtection: false });
        return { weakened: d.weakened };
      },
      { stack: "prod" },
    );
    assert.strictEqual(inputs(q, I, "db-instance").deletionProtection, false);
    assert.strictEqual(
      (inputs(q, I, "db-instance").tags as Record<string, string>)["groundwork-weakened"],
      "deletionProtection",
    );
    assert.deepStrictEqual(graph.outputs.weakened, ["deletionProtection"]);
  });

  it("an explicit provider reaches every child and invoke", async () => {
    const build = (opts: object) => new PostgresDatabase("db", { ...BASE, environment: "prod" }, opts);
    await synthViaProvider([C, "db"], ["dr", "us-west-2"], build, { stack: "prod" });
  });

  rejectsInputs("aws.PostgresDatabase", [
    [
      () => new PostgresDatabase("d", { ...BASE, vpcId: "vnet-1" }),
      "vpcId",
      '"vnet-1"',
      /is a "vnet-" id, not a VPC id \(expected a VPC id: "vpc-" followed by 8 or 17 lowercase hex digits/,
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, subnetIds: ["subnet-a"] }),
      "subnetIds",
      '["subnet-a"]',
      "a list of 2 to 16 entries",
      "subnetIds with one zone",
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, allowedSecurityGroupIds: ["0.0.0.0/0"] }),
      "allowedSecurityGroupIds[0]",
      '"0.0.0.0/0"',
      /is a CIDR block or address, not a security group id \(expected a security group id: "sg-" followed by 8 or 17/,
      "allowedSecurityGroupIds as a CIDR",
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, engineVersion: "9.6" }),
      "engineVersion",
      '"9.6"',
      /"14", "15", "16" or "17"/,
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, instanceClass: "t3.micro" }),
      "instanceClass",
      '"t3.micro"',
      /db\.<family>\.<size>/,
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, masterUsername: "postgres" }),
      "masterUsername",
      '"postgres"',
      /not one of postgres/,
      "masterUsername reserved",
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, backupRetentionDays: 0 }),
      "backupRetentionDays",
      "0",
      "an integer from 1 to 35",
      "backupRetentionDays 0",
    ],
    [
      () => new PostgresDatabase("d", { ...BASE, allocatedStorageGiB: 100, maxAllocatedStorageGiB: 50 }),
      "maxAllocatedStorageGiB",
      "50",
      "an integer from 100 to 65536",
      "maxAllocatedStorageGiB below allocated",
    ],
  ]);
});
