// Weakenings against the environment profile: every profile-derived setting a caller can lower shows in
// the `weakened` output and the `groundwork-weakened` tag, per field and per component, both sides.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Bucket, ContainerService, EncryptionKey, Network, PostgresDatabase } from "../../components/aws";
import { ContainerServiceArgs, PostgresDatabaseArgs } from "../../components/aws";
import { Environment, PROFILES, weakenedAgainstProfile } from "../../components/core";
import { inputs, run, SERVICE_ARGS } from "./helpers";

const DB: PostgresDatabaseArgs = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-a", "subnet-b"] };
const SVC: ContainerServiceArgs = SERVICE_ARGS;

type Weakenable = { weakened: pulumi.Output<string[]> };

/** How to build each component with extra args (environment included). */
const BUILD: Record<string, (args: object) => Weakenable> = {
  PostgresDatabase: (a) => new PostgresDatabase("db", { ...DB, ...a }),
  Network: (a) => new Network("core", a),
  ContainerService: (a) => new ContainerService("api", { ...SVC, ...a }),
  Bucket: (a) => new Bucket("assets", a),
  EncryptionKey: (a) => new EncryptionKey("k", a),
};

/** The child of each component whose tags must carry the record. */
const RECORD_CHILD: Record<string, [type: string, name: string]> = {
  PostgresDatabase: ["aws:rds/instance:Instance", "db-instance"],
  Network: ["aws:ec2/vpc:Vpc", "core-vpc"],
  ContainerService: ["aws:ecs/service:Service", "api-service"],
  Bucket: ["aws:s3/bucket:Bucket", "assets-bucket"],
  EncryptionKey: ["aws:kms/key:Key", "k-cmk"],
};

/** Synthesizes one component and returns its `weakened` output and the record tag on its main child. */
async function weakenedOf(
  component: string,
  environment: Environment,
  extra: object,
): Promise<{ output: unknown; tag: string | undefined }> {
  const { q, graph } = await run(() => ({ weakened: BUILD[component]({ environment, ...extra }).weakened }), {
    stack: environment,
  });
  const [type, name] = RECORD_CHILD[component];
  const tags = inputs(q, type, name).tags as Record<string, string>;
  return { output: graph.outputs.weakened, tag: tags["groundwork-weakened"] };
}

/** [component, environment, args, the weakening recorded (undefined: none)]. */
const CASES: [string, Environment, object, string | undefined][] = [
  ["PostgresDatabase", "prod", {}, undefined],
  ["PostgresDatabase", "prod", { multiAz: false }, "multiAz"],
  ["PostgresDatabase", "prod", { multiAz: true }, undefined],
  ["PostgresDatabase", "prod", { backupRetentionDays: 29 }, "backupRetentionDays"],
  ["PostgresDatabase", "prod", { backupRetentionDays: 35 }, undefined],
  ["PostgresDatabase", "prod", { logRetentionDays: 180 }, "logRetentionDays"],
  ["PostgresDatabase", "prod", { logRetentionDays: 731 }, undefined],
  ["PostgresDatabase", "prod", { deletionProtection: false }, "deletionProtection"],
  ["PostgresDatabase", "prod", { protect: false }, "protect"],
  ["PostgresDatabase", "staging", {}, undefined],
  ["PostgresDatabase", "staging", { deletionProtection: false }, "deletionProtection"],
  ["PostgresDatabase", "staging", { multiAz: false }, "multiAz"],
  ["PostgresDatabase", "staging", { protect: false }, undefined],
  ["PostgresDatabase", "dev", { multiAz: false, deletionProtection: false }, undefined],
  ["Network", "prod", {}, undefined],
  ["Network", "prod", { zones: 2 }, "zones"],
  ["Network", "prod", { zones: 4 }, undefined],
  ["Network", "prod", { natGateways: "single" }, "natGateways"],
  ["Network", "prod", { natGateways: "none" }, "natGateways"],
  ["Network", "prod", { logRetentionDays: 90 }, "logRetentionDays"],
  ["Network", "prod", { protect: false }, "protect"],
  ["Network", "staging", {}, undefined],
  ["Network", "staging", { natGateways: "single" }, "natGateways"],
  ["Network", "dev", { natGateways: "perAz" }, undefined],
  ["ContainerService", "prod", {}, undefined],
  ["ContainerService", "prod", { minCapacity: 2 }, "minCapacity"],
  ["ContainerService", "prod", { minCapacity: 4 }, undefined],
  ["ContainerService", "prod", { logRetentionDays: 30 }, "logRetentionDays"],
  ["ContainerService", "prod", { protect: false }, "protect"],
  ["ContainerService", "staging", { minCapacity: 1 }, "minCapacity"],
  ["Bucket", "prod", {}, undefined],
  ["Bucket", "prod", { logRetentionDays: 90 }, "logRetentionDays"],
  ["Bucket", "prod", { protect: false }, "protect"],
  ["EncryptionKey", "prod", {}, undefined],
  ["EncryptionKey", "prod", { protect: false }, "protect"],
  ["EncryptionKey", "staging", { protect: false }, undefined],
];

describe("weakenings against the environment profile", () => {
  for (const [component, environment, extra, expected] of CASES) {
    const label = JSON.stringify(extra);
    it(`aws.${component} ${environment} ${label}: ${expected ? `records ${expected}` : "not weakened"}`, async () => {
      const { output, tag } = await weakenedOf(component, environment, extra);
      assert.deepStrictEqual(output, expected ? [expected] : []);
      assert.strictEqual(tag, expected);
    });
  }

  it("records several weakenings at once, sorted, next to the named ones", async () => {
    const { output, tag } = await weakenedOf("ContainerService", "prod", {
      minCapacity: 1,
      readOnlyRootFilesystem: false,
      logRetentionDays: 7,
    });
    assert.deepStrictEqual(output, ["logRetentionDays", "minCapacity", "readOnlyRootFilesystem"]);
    assert.strictEqual(tag, "logRetentionDays minCapacity readOnlyRootFilesystem");
  });

  it("an inherited protect is not a weakening", async () => {
    const { q, graph } = await run(
      () => ({
        weakened: new EncryptionKey("k", { environment: "prod", protect: false }, { protect: true }).weakened,
      }),
      { stack: "prod" },
    );
    assert.deepStrictEqual(graph.outputs.weakened, []);
    assert.strictEqual(q.one("aws:kms/key:Key", "k-cmk").protect, true);
  });

  describe("weakenedAgainstProfile", () => {
    const prod = PROFILES.prod;
    const fields: [string, object, object][] = [
      ["multiAz", { multiAz: true }, { multiAz: false }],
      ["backupRetentionDays", { backupRetentionDays: 30 }, { backupRetentionDays: 29 }],
      ["logRetentionDays", { logRetentionDays: 365 }, { logRetentionDays: 180 }],
      ["protect", { protect: true }, { protect: false }],
      ["deletionProtection", { deletionProtection: true }, { deletionProtection: false }],
      ["zones", { zones: 3 }, { zones: 2 }],
      ["natGateways", { natGateways: "perAz" }, { natGateways: "single" }],
      ["minCapacity", { minCapacity: 3 }, { minCapacity: 2 }],
    ];
    for (const [field, atProfile, below] of fields) {
      it(`${field}: the profile's value passes, a lower one is named`, () => {
        assert.deepStrictEqual(weakenedAgainstProfile(prod, atProfile), []);
        assert.deepStrictEqual(weakenedAgainstProfile(prod, below), [field]);
      });
    }

    it("dev's own values are never weakenings; no NAT is below a single one", () => {
      const dev = PROFILES.dev;
      assert.deepStrictEqual(
        weakenedAgainstProfile(dev, {
          multiAz: false,
          deletionProtection: false,
          protect: false,
          zones: 2,
          natGateways: "single",
          minCapacity: 1,
          logRetentionDays: 30,
          backupRetentionDays: 7,
        }),
        [],
      );
      assert.deepStrictEqual(weakenedAgainstProfile(dev, { natGateways: "none" }), ["natGateways"]);
    });
  });
});
