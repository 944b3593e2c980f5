// The pure argument resolution of each AWS component, without a synth: the defaults each environment
// gives, every weakening named, and bad input refused with the field at fault.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS, Environment, GroundworkInputError, PROFILES, Validator } from "../../components/core";
import { AWS_SIZES, ContainerServiceArgs, PostgresDatabaseArgs } from "../../components/aws";
import { resolveBucketArgs } from "../../components/aws/bucket/args";
import { resolveContainerServiceArgs } from "../../components/aws/container-service/args";
import { resolveEncryptionKeyArgs } from "../../components/aws/encryption-key/args";
import { resolveNetworkArgs } from "../../components/aws/network/args";
import { resolvePostgresDatabaseArgs } from "../../components/aws/postgres-database/args";

type Resolver<A, R> = (
  v: Validator,
  args: A,
  profile: (typeof PROFILES)[Environment],
  inherited?: boolean,
) => R;

/** Runs one resolver the way its component does, for the component type and instance name given. */
function resolver<A, R>(component: string, name: string, resolve: Resolver<A, R>) {
  const call = (args: A, environment: Environment = "dev", inherited?: boolean): R =>
    resolve(new Validator(component, name), args, PROFILES[environment], inherited);
  const refuses = (args: A, field: string, environment: Environment = "dev"): void => {
    assert.throws(
      () => call(args, environment),
      (e: unknown) => e instanceof GroundworkInputError && e.component === component && e.field === field,
      `${component} should refuse ${field}`,
    );
  };
  return { call, refuses };
}

/** Asserts each [args, environment, weakening] case names exactly that weakening (or none), tag included. */
function assertWeakenings<A>(
  call: (args: A, environment: Environment) => { weakened: string[]; tags: Record<string, string> },
  cases: [A, Environment, string | undefined][],
): void {
  for (const [args, environment, expected] of cases) {
    const r = call(args, environment);
    assert.deepStrictEqual(
      r.weakened,
      expected ? [expected] : [],
      `${JSON.stringify(args)} in ${environment}`,
    );
    assert.strictEqual(r.tags["groundwork-weakened"], expected);
  }
}

describe("aws argument resolution (pure, no synth)", () => {
  describe("resolveEncryptionKeyArgs", () => {
    const { call, refuses } = resolver("aws.EncryptionKey", "k", resolveEncryptionKeyArgs);

    for (const environment of ENVIRONMENTS) {
      it(`${environment}: 30-day window, no services or users, protect by profile`, () => {
        const r = call({ environment }, environment);
        assert.deepStrictEqual(
          [r.deletionWindowDays, r.services, r.users, r.administrators, r.alias, r.protect],
          [30, [], [], [], undefined, environment === "prod"],
        );
        assert.strictEqual(r.tags.component, "aws.EncryptionKey");
      });
    }

    it("names each weakening; an inherited protect is none", () => {
      assertWeakenings(call, [
        [{ deletionWindowDays: 7 }, "dev", "deletionWindowDays"],
        [{ environment: "prod", protect: false }, "prod", "protect"],
        [{ environment: "staging", protect: false }, "staging", undefined],
      ]);
      assert.deepStrictEqual(call({ environment: "prod", protect: false }, "prod", true).weakened, []);
    });

    it("refuses bad input", () => {
      refuses({ services: ["ec2" as never] }, "services[0]");
      refuses({ alias: "alias/aws/s3" }, "alias");
      refuses({ deletionWindowDays: 6 }, "deletionWindowDays");
      refuses({ users: ["*"] }, "users[0]");
      refuses({ administrators: ["arn:aws:iam::123456789012:group/admins"] }, "administrators[0]");
      assert.deepStrictEqual(
        call({ users: [pulumi.output("*")] }).users.length,
        1,
        "Outputs wait for the apply",
      );
    });
  });

  describe("resolveBucketArgs", () => {
    const { call, refuses } = resolver("aws.Bucket", "assets", resolveBucketArgs);

    for (const environment of ENVIRONMENTS) {
      it(`${environment}: a new key and log bucket, the profile's retention, 90/7 lifecycle days`, () => {
        const r = call({ environment }, environment);
        assert.deepStrictEqual(r.key, { kind: "create", description: "Encrypts S3 bucket assets" });
        assert.deepStrictEqual(r.accessLogs, { kind: "create" });
        assert.deepStrictEqual(
          [r.logRetentionDays, r.noncurrentVersionExpirationDays, r.abortIncompleteUploadDays, r.protect],
          [PROFILES[environment].logRetentionDays, 90, 7, environment === "prod"],
        );
      });
    }

    it("names each weakening; retention counts only for a log bucket it creates", () => {
      assertWeakenings(call, [
        [{ accessLogging: false }, "dev", "accessLogging"],
        [{ environment: "prod", logRetentionDays: 90 }, "prod", "logRetentionDays"],
        [{ environment: "prod", logRetentionDays: 90, accessLogBucket: "central-logs" }, "prod", undefined],
        [{ environment: "prod", protect: false }, "prod", "protect"],
      ]);
    });

    it("takes a given key ARN and log bucket", () => {
      const arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
      const r = call({ encryptionKey: arn, accessLogBucket: "central-logs" });
      assert.deepStrictEqual(
        [r.key, r.accessLogs],
        [
          { kind: "arn", arn },
          { kind: "given", bucketName: "central-logs" },
        ],
      );
    });

    it("refuses bad input", () => {
      refuses({ bucketName: "Bad_Name" }, "bucketName");
      refuses({ encryptionKey: "alias/mine" }, "encryptionKey");
      refuses({ accessLogging: false, accessLogBucket: "logs" }, "accessLogBucket");
      refuses({ noncurrentVersionExpirationDays: 0 }, "noncurrentVersionExpirationDays");
      refuses({ logRetentionDays: 31 }, "logRetentionDays");
    });
  });

  describe("resolveNetworkArgs", () => {
    const { call, refuses } = resolver("aws.Network", "core", resolveNetworkArgs);

    for (const environment of ENVIRONMENTS) {
      it(`${environment}: the profile's zones and NAT, a /16 plan, a new logs key`, () => {
        const r = call({ environment }, environment);
        const p = PROFILES[environment];
        assert.deepStrictEqual(
          [r.zones, r.natGateways, r.logRetentionDays],
          [p.zoneCount, p.natGateways, p.logRetentionDays],
        );
        assert.strictEqual(r.plan.cidr, "10.0.0.0/16");
        assert.deepStrictEqual(
          r.plan.tiers.map((t) => [t.name, t.subnets.length]),
          [
            ["public", p.zoneCount],
            ["private", p.zoneCount],
            ["isolated", p.zoneCount],
          ],
        );
        assert.deepStrictEqual(r.flowLogKey, {
          kind: "create",
          services: ["logs"],
          description: "Encrypts flow logs of core",
        });
      });
    }

    it("names each weakening; retention and protect count only with flow logs", () => {
      assertWeakenings(call, [
        [{ environment: "prod", zones: 2 }, "prod", "zones"],
        [{ environment: "prod", natGateways: "single" }, "prod", "natGateways"],
        [{ environment: "prod", logRetentionDays: 90 }, "prod", "logRetentionDays"],
        [{ environment: "prod", protect: false }, "prod", "protect"],
        [{ flowLogs: false }, "dev", "flowLogs"],
      ]);
      assert.strictEqual(call({ flowLogs: false }).flowLogKey, undefined);
    });

    it("refuses bad input", () => {
      refuses({ cidrBlock: "10.0.0.0/33" }, "cidrBlock");
      refuses({ zones: 5 }, "zones");
      refuses({ natGateways: "multi" as never }, "natGateways");
      refuses(
        { flowLogs: false, encryptionKey: "arn:aws:kms:us-east-1:123456789012:key/abc" },
        "encryptionKey",
      );
    });
  });

  describe("resolvePostgresDatabaseArgs", () => {
    const base = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-a", "subnet-b"] };
    const { call, refuses } = resolver("aws.PostgresDatabase", "orders", resolvePostgresDatabaseArgs);

    for (const environment of ENVIRONMENTS) {
      it(`${environment}: version 16, the profile's size, backups, HA and deletion protection`, () => {
        const r = call({ ...base, environment }, environment);
        const p = PROFILES[environment];
        assert.deepStrictEqual(
          [r.engineVersion, r.majorVersion, r.instanceClass, r.allocatedStorageGiB, r.maxAllocatedStorageGiB],
          [
            "16",
            "16",
            AWS_SIZES[environment].databaseInstanceClass,
            AWS_SIZES[environment].databaseStorageGiB,
            AWS_SIZES[environment].databaseMaxStorageGiB,
          ],
        );
        assert.deepStrictEqual(
          [r.backupRetentionDays, r.multiAz, r.deletionProtection, r.databaseName, r.masterUsername],
          [p.backupRetentionDays, p.highAvailability, p.deletionProtection, "app", "groundwork"],
        );
        assert.match(r.identifier, /^orders-[0-9a-f]+$/);
        assert.deepStrictEqual(r.allowedSecurityGroupIds, []);
      });
    }

    it("names each weakening", () => {
      assertWeakenings<Partial<PostgresDatabaseArgs>>(
        (a, e) => call({ ...base, ...a }, e),
        [
          [{ environment: "prod", multiAz: false }, "prod", "multiAz"],
          [{ environment: "prod", backupRetentionDays: 29 }, "prod", "backupRetentionDays"],
          [{ environment: "prod", deletionProtection: false }, "prod", "deletionProtection"],
          [{ environment: "prod", logRetentionDays: 180 }, "prod", "logRetentionDays"],
          [{ environment: "prod", protect: false }, "prod", "protect"],
          [{ multiAz: false }, "dev", undefined],
        ],
      );
    });

    it("refuses bad input", () => {
      refuses({ ...base, vpcId: "vnet-1" }, "vpcId");
      refuses({ ...base, subnetIds: ["subnet-a"] }, "subnetIds");
      refuses({ ...base, engineVersion: "13" }, "engineVersion");
      refuses({ ...base, masterUsername: "rdsadmin" }, "masterUsername");
      refuses({ ...base, allocatedStorageGiB: 100, maxAllocatedStorageGiB: 50 }, "maxAllocatedStorageGiB");
    });
  });

  describe("resolveContainerServiceArgs", () => {
    const base = {
      vpcId: "vpc-0123456789abcdef0",
      subnetIds: ["subnet-p1", "subnet-p2"],
      image: "ghcr.io/acme/api:1.4.2",
      certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
    };
    const { call, refuses } = resolver("aws.ContainerService", "api", resolveContainerServiceArgs);

    for (const environment of ENVIRONMENTS) {
      it(`${environment}: internal on 10.0.0.0/8, the profile's size and capacity, read-only non-root`, () => {
        const r = call({ ...base, environment }, environment);
        const p = PROFILES[environment];
        assert.deepStrictEqual(
          [
            r.internetFacing,
            r.allowedCidrBlocks,
            r.loadBalancerSubnetIds,
            r.containerPort,
            r.healthCheckPath,
          ],
          [false, ["10.0.0.0/8"], base.subnetIds, 8080, "/healthz"],
        );
        assert.deepStrictEqual(
          [r.cpu, r.memoryMiB, r.minCapacity, r.maxCapacity, r.deletionProtection],
          [
            AWS_SIZES[environment].taskCpu,
            AWS_SIZES[environment].taskMemoryMiB,
            p.replicas.min,
            p.replicas.max,
            p.deletionProtection,
          ],
        );
        assert.deepStrictEqual([r.user, r.readOnlyRootFilesystem], ["10001:10001", true]);
        assert.deepStrictEqual(r.key, {
          kind: "create",
          services: ["logs"],
          description: "Encrypts logs of api",
        });
      });
    }

    it("names each weakening; internet-facing opens 0.0.0.0/0 by default", () => {
      const lb = { loadBalancerSubnetIds: ["subnet-a", "subnet-b"] };
      assertWeakenings<Partial<ContainerServiceArgs>>(
        (a, e) => call({ ...base, ...a }, e),
        [
          [{ internetFacing: true, ...lb }, "dev", "internetFacing"],
          [{ readOnlyRootFilesystem: false }, "dev", "readOnlyRootFilesystem"],
          [{ environment: "prod", minCapacity: 2 }, "prod", "minCapacity"],
          [{ environment: "prod", logRetentionDays: 30 }, "prod", "logRetentionDays"],
          [{ environment: "prod", protect: false }, "prod", "protect"],
        ],
      );
      assert.deepStrictEqual(call({ ...base, internetFacing: true, ...lb }).allowedCidrBlocks, ["0.0.0.0/0"]);
    });

    it("environment values: a known non-string is refused, Outputs and Promises pass", () => {
      for (const value of [8080, true, { v: "1" }, ["a"], null]) {
        refuses({ ...base, environmentVariables: { PORT: value as never } }, "environmentVariables.PORT");
      }
      refuses({ ...base, environmentVariables: ["LOG_LEVEL=info"] as never }, "environmentVariables");
      const region = Promise.resolve("eu-west-1");
      const r = call({
        ...base,
        environmentVariables: { LOG_LEVEL: "info", ASSETS: pulumi.output("acme-assets"), REGION: region },
      });
      assert.deepStrictEqual(Object.keys(r.environmentVariables), ["LOG_LEVEL", "ASSETS", "REGION"]);
      assert.strictEqual(r.environmentVariables.LOG_LEVEL, "info");
      assert.ok(pulumi.Output.isInstance(r.environmentVariables.ASSETS));
      // A Promise passes as an Output, checked like one once it resolves.
      assert.ok(pulumi.Output.isInstance(r.environmentVariables.REGION));
      // The name rules hold for an Output as for a string.
      refuses(
        { ...base, environmentVariables: { DB_PASSWORD: pulumi.output("x") } },
        "environmentVariables.DB_PASSWORD",
      );
      const ref = "arn:aws:ssm:us-east-1:123456789012:parameter/api/dsn";
      refuses(
        { ...base, environmentVariables: { DSN: pulumi.output("x") }, secrets: { DSN: ref } },
        "secrets.DSN",
      );
    });

    it("refuses bad input", () => {
      refuses({ ...base, image: "nginx:latest" }, "image");
      refuses(
        { ...base, certificateArn: "arn:aws:iam::123456789012:server-certificate/x" },
        "certificateArn",
      );
      refuses({ ...base, allowedCidrBlocks: ["0.0.0.0/0"] }, "allowedCidrBlocks[0]");
      refuses({ ...base, cpu: 300 }, "cpu");
      refuses({ ...base, cpu: 512, memoryMiB: 1536 }, "memoryMiB");
      refuses({ ...base, environmentVariables: { API_TOKEN: "x" } }, "environmentVariables.API_TOKEN");
      refuses({ ...base, secrets: { TOKEN: "plain" } }, "secrets.TOKEN");
      refuses({ ...base, user: "0" }, "user");
      refuses({ ...base, secretKeyArns: ["alias/db"] }, "secretKeyArns[0]");
    });
  });
});
