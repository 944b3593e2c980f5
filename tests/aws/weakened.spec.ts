// Weakenings against the environment profile: every profile-derived setting a caller can lower shows in
// the `weakened` output and the `groundwork-weakened` tag, per field and per component, both sides.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
  Bucket,
  BucketArgs,
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  EncryptionKeyArgs,
  Network,
  NetworkArgs,
  PostgresDatabase,
  PostgresDatabaseArgs,
} from "../../components/aws";
import { weakenedAgainstProfile } from "../../components/core";
import { Environment, PROFILES } from "../../components/core";
import { inputs, run } from "./helpers";

const DB: PostgresDatabaseArgs = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-a", "subnet-b"] };
const SVC: ContainerServiceArgs = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-p1", "subnet-p2"],
  image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2",
  certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
};

/** One component: how to build it with extra args, and the child whose tags must carry the record. */
interface Subject {
  readonly build: (environment: Environment, extra: object) => { weakened: pulumi.Output<string[]> };
  readonly child: readonly [string, string];
}

const SUBJECTS: Record<string, Subject> = {
  PostgresDatabase: {
    build: (environment, extra) =>
      new PostgresDatabase("db", { ...DB, environment, ...(extra as Partial<PostgresDatabaseArgs>) }),
    child: ["aws:rds/instance:Instance", "db-instance"],
  },
  Network: {
    build: (environment, extra) => new Network("core", { environment, ...(extra as NetworkArgs) }),
    child: ["aws:ec2/vpc:Vpc", "core-vpc"],
  },
  ContainerService: {
    build: (environment, extra) =>
      new ContainerService("api", { ...SVC, environment, ...(extra as Partial<ContainerServiceArgs>) }),
    child: ["aws:ecs/service:Service", "api-service"],
  },
  Bucket: {
    build: (environment, extra) => new Bucket("assets", { environment, ...(extra as BucketArgs) }),
    child: ["aws:s3/bucket:Bucket", "assets-bucket"],
  },
  EncryptionKey: {
    build: (environment, extra) => new EncryptionKey("k", { environment, ...(extra as EncryptionKeyArgs) }),
    child: ["aws:kms/key:Key", "k-cmk"],
  },
};

/** Synthesizes one component and returns its `weakened` output and the record tag on its main child. */
async function weakenedOf(
  subject: Subject,
  environment: Environment,
  extra: object,
): Promise<{ output: unknown; tag: string | undefined }> {
  const { q, graph } = await run(() => ({ weakened: subject.build(environment, extra).weakened }), {
    stack: environment,
  });
  const tags = inputs(q, subject.child[0], subject.child[1]).tags as Record<string, string>;
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
      const { output, tag } = await weakenedOf(SUBJECTS[component], environment, extra);
      assert.deepStrictEqual(output, expected ? [expected] : []);
      assert.strictEqual(tag, expected);
    });
  }

  it("records several weakenings at once, sorted, next to the named ones", async () => {
    const { output, tag } = await weakenedOf(SUBJECTS.ContainerService, "prod", {
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
