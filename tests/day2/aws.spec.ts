// The day-2 matrix of the AWS components: for each one, the changes a user makes after the first deploy,
// each checked against the provider facts (facts/aws/resources.json, derived from terraform-provider-aws)
// for what a second `up` would do. A case replaces a stateful resource only where it names it, with the
// reason the replacement is what the user asked for. The findings of issues 20 and 26 are cases here.
import * as assert from "assert";
import { Instance } from "@pulumi/aws/rds/instance";
import {
  Bucket,
  BucketArgs,
  ContainerPlatform,
  ContainerPlatformArgs,
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  EncryptionKeyArgs,
  Network,
  NetworkArgs,
  PostgresDatabase,
  PostgresDatabaseArgs,
} from "../../components/aws";
import { Day2Plan, planChange, serverDrift } from "../../engine/day2";
import { synth } from "../../engine/synth";
import { urnName } from "../../engine/graph";
import { day2Suite, planProblems } from "./kit";

const OPTIONS = { config: { "aws:region": "eu-west-1" } };
const SERVICE: ContainerServiceArgs = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
  image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2",
  certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
};
const PUBLIC_SUBNETS = ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"];
const DATABASE: PostgresDatabaseArgs = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"],
};

const key =
  (a: EncryptionKeyArgs = {}) =>
  () => {
    new EncryptionKey("data", { services: ["logs"], ...a });
  };
const bucket =
  (a: BucketArgs = {}) =>
  () => {
    new Bucket("assets", a);
  };
const network =
  (a: NetworkArgs = {}) =>
  () => {
    new Network("core", a);
  };
const service =
  (a: Partial<ContainerServiceArgs> = {}) =>
  () => {
    new ContainerService("api", { ...SERVICE, ...a });
  };
const database =
  (a: Partial<PostgresDatabaseArgs> = {}) =>
  () => {
    new PostgresDatabase("app", { ...DATABASE, ...a });
  };
/** A database whose key is a shared EncryptionKey, as the reference stack passes one. */
const databaseWithKey = (keyName: string) => () => {
  const k = new EncryptionKey(keyName, { services: ["logs"] });
  new PostgresDatabase("app", { ...DATABASE, encryptionKey: k });
};

day2Suite(
  "aws.EncryptionKey",
  key(),
  [
    { change: "tags added", after: key({ tags: { team: "data" } }) },
    {
      change: "deletionWindowDays 30 → 14 updates state only (issue 20: Cloud KMS replaced its key here)",
      after: key({ deletionWindowDays: 14 }),
    },
    { change: "description changed", after: key({ description: "customer data" }) },
    { change: "a service added to the key policy", after: key({ services: ["logs", "rds"] }) },
    {
      change: "a key user added",
      after: key({ users: ["arn:aws:iam::123456789012:role/reporting"] }),
    },
    { change: "profile dev → prod", after: key({ environment: "prod" }) },
  ],
  OPTIONS,
);

day2Suite(
  "aws.Bucket",
  bucket(),
  [
    { change: "tags added", after: bucket({ tags: { team: "web" } }) },
    {
      change: "noncurrent versions kept 90 → 180 days",
      after: bucket({ noncurrentVersionExpirationDays: 180 }),
    },
    {
      change: "incomplete uploads aborted after 7 → 3 days",
      after: bucket({ abortIncompleteUploadDays: 3 }),
    },
    { change: "access log retention 30 → 365 days", after: bucket({ logRetentionDays: 365 }) },
    {
      change: "the key changes from its own to a given one: SSE updates, the bucket stays",
      before: () => {
        new EncryptionKey("shared", { services: ["logs"] });
        new Bucket("assets");
      },
      after: () => {
        const shared = new EncryptionKey("shared", { services: ["logs"] });
        new Bucket("assets", { encryptionKey: shared });
      },
      replaces: {
        "assets-key-cmk":
          "the bucket's own key is no longer used: the user chose the shared one (objects written with the old key stay readable until its deletion window ends)",
      },
    },
    {
      change: "access logs go to a central bucket instead of its own",
      after: bucket({ accessLogBucket: "acme-central-access-logs" }),
      replaces: {
        "assets-logs-bucket":
          "the user moved access logs to a central bucket; the old log bucket is emptied by its lifecycle first",
      },
    },
    {
      change: "the bucket is renamed",
      after: bucket({ bucketName: "acme-assets-2" }),
      replaces: {
        "assets-bucket": "S3 cannot rename a bucket: a new name is a new bucket, asked for by name",
      },
    },
    { change: "profile dev → prod", after: bucket({ environment: "prod" }) },
    {
      change: "access logging turned off (a named weakening)",
      after: bucket({ accessLogging: false }),
      replaces: { "assets-logs-bucket": "the user turned access logging off, by name: its log bucket goes" },
    },
  ],
  OPTIONS,
);

day2Suite(
  "aws.Network (prod)",
  network({ environment: "prod" }),
  [
    { change: "a fourth zone", after: network({ environment: "prod", zones: 4 }) },
    {
      change: "one zone fewer (a named weakening)",
      after: network({ environment: "prod", zones: 2 }),
      replaces: {
        ...Object.fromEntries(
          ["public", "private", "isolated"].map((t) => [`core-${t}-2`, "the user dropped the third zone"]),
        ),
        "core-nat-2": "the third zone's NAT gateway goes with it",
        "core-nat-2-eip": "and its Elastic IP",
      },
    },
    {
      change: "NAT per zone → single (a named weakening)",
      after: network({ environment: "prod", natGateways: "single" }),
      replaces: {
        "core-nat-1": "the user asked for one NAT gateway",
        "core-nat-1-eip": "its Elastic IP goes with it",
        "core-nat-2": "the user asked for one NAT gateway",
        "core-nat-2-eip": "its Elastic IP goes with it",
      },
    },
    {
      change: "flow log retention 365 → 731 days",
      after: network({ environment: "prod", logRetentionDays: 731 }),
    },
  ],
  OPTIONS,
);

day2Suite(
  "aws.Network",
  network(),
  [
    { change: "tags added", after: network({ tags: { team: "net" } }) },
    { change: "flow log retention 30 → 90 days", after: network({ logRetentionDays: 90 }) },
    { change: "a zone added (2 → 3): the reserved plan moves no subnet", after: network({ zones: 3 }) },
    { change: "NAT single → per zone", after: network({ natGateways: "perAz" }) },
    {
      change: "NAT per zone → single",
      before: network({ natGateways: "perAz" }),
      after: network({ natGateways: "single" }),
      replaces: {
        "core-nat-1": "the user asked for one NAT gateway: the second zone's is removed",
        "core-nat-1-eip": "its Elastic IP goes with it",
      },
    },
    {
      change: "NAT removed: interface endpoints take over the private tier's AWS traffic",
      after: network({ natGateways: "none" }),
      replaces: {
        "core-nat-0": "the user asked for no NAT gateway",
        "core-nat-0-eip": "its Elastic IP goes with it",
      },
    },
    {
      change: "interface endpoints added beside NAT",
      after: network({ interfaceEndpoints: ["sts", "kms"] }),
    },
    { change: "profile dev → staging (a NAT gateway per zone)", after: network({ environment: "staging" }) },
    {
      change: "flow logs turned off (a named weakening)",
      after: network({ flowLogs: false }),
      replaces: {
        "core-flow-logs": "the user turned flow logs off, by name: their log group goes",
        "core-key-cmk": "the key existed only to encrypt that log group",
        "core-flow-logs-role": "the role existed only to deliver flow logs",
      },
    },
    {
      change: "a new address plan",
      after: network({ cidrBlock: "10.20.0.0/16" }),
      replaces: {
        "core-vpc": "a VPC cannot change its primary block: a new plan is a new network",
        ...Object.fromEntries(
          ["public", "private", "isolated"].flatMap((t) =>
            [0, 1].map((z) => [`core-${t}-${z}`, "its subnets live in the old VPC"]),
          ),
        ),
        "core-nat-0": "the NAT gateway sits in an old public subnet",
      },
    },
  ],
  OPTIONS,
);

day2Suite(
  "aws.ContainerService",
  service(),
  [
    {
      change: "a new image",
      after: service({ image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.5.0" }),
    },
    { change: "a larger task (256/512 → 512/1024)", after: service({ cpu: 512, memoryMiB: 1024 }) },
    {
      change: "scale bounds raised (1-2 → 2-6): the running count stays autoscaling's (issue 20)",
      after: service({ minCapacity: 2, maxCapacity: 6 }),
    },
    { change: "an environment variable added", after: service({ environmentVariables: { FEATURE: "on" } }) },
    {
      change: "a secret added by reference",
      after: service({
        secrets: { STRIPE: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:stripe-AbCdEf" },
      }),
    },
    { change: "log retention 30 → 90 days", after: service({ logRetentionDays: 90 }) },
    { change: "tags added", after: service({ tags: { team: "web" } }) },
    { change: "clients allowed from another block", after: service({ allowedCidrBlocks: ["10.20.0.0/16"] }) },
    { change: "health check path changed", after: service({ healthCheckPath: "/ready" }) },
    { change: "profile dev → staging", after: service({ environment: "staging" }) },
    {
      change: "staging: load balancer deletion protection turned off, by name (step 1 of a scheme change)",
      before: service({ environment: "staging" }),
      after: service({ environment: "staging", loadBalancerDeletionProtection: false }),
    },
    {
      change: "a writable root filesystem (a named weakening)",
      after: service({ readOnlyRootFilesystem: false }),
    },
    {
      change: "internal → internet-facing (issue 26): a new load balancer, the same target group",
      after: service({ internetFacing: true, loadBalancerSubnetIds: PUBLIC_SUBNETS }),
      replaces: {
        "api-alb":
          "a load balancer cannot change scheme: the user asked for an internet-facing one (a new DNS name)",
      },
    },
  ],
  OPTIONS,
);

/** A platform and its services: each service by name, with its own priority and hosts, and any extras. */
const onPlatform =
  (
    p: Partial<ContainerPlatformArgs> = {},
    services: Record<string, Partial<ContainerServiceArgs>> = { api: {} },
  ) =>
  () => {
    const platform = new ContainerPlatform("shared", {
      vpcId: SERVICE.vpcId as string,
      subnetIds: SERVICE.subnetIds,
      certificateArn: SERVICE.certificateArn,
      ...p,
    });
    Object.entries(services).forEach(([name, a], i) => {
      new ContainerService(name, {
        platform,
        subnetIds: SERVICE.subnetIds,
        image: SERVICE.image,
        listenerPriority: 10 * (i + 1),
        hostHeaders: [`${name}.example.com`],
        ...a,
      });
    });
  };

day2Suite(
  "aws.ContainerPlatform and its services",
  onPlatform(),
  [
    { change: "a second service joins the platform", after: onPlatform({}, { api: {}, web: {} }) },
    {
      change: "a service's hosts and paths change: its rule updates in place",
      after: onPlatform({}, { api: { hostHeaders: ["api.example.org"], pathPatterns: ["/v2/*"] } }),
    },
    { change: "a service's priority changes", after: onPlatform({}, { api: { listenerPriority: 15 } }) },
    {
      change: "the platform's certificate is renewed",
      after: onPlatform({
        certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-9999-2222-3333-444455556666",
      }),
    },
    {
      change: "a new image on one service",
      after: onPlatform({}, { api: { image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.5.0" } }),
    },
    {
      change: "the platform's allowed blocks change",
      after: onPlatform({ allowedCidrBlocks: ["10.20.0.0/16"] }),
    },
  ],
  OPTIONS,
);

day2Suite(
  "aws.ContainerService (prod)",
  service({ environment: "prod" }),
  [
    {
      change: "fewer tasks at least (a named weakening)",
      after: service({ environment: "prod", minCapacity: 2 }),
    },
    {
      change: "log retention 365 → 180 days (a named weakening)",
      after: service({ environment: "prod", logRetentionDays: 180 }),
    },
    {
      change: "a new image",
      after: service({
        environment: "prod",
        image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.5.0",
      }),
    },
  ],
  OPTIONS,
);

day2Suite(
  "aws.PostgresDatabase (prod)",
  database({ environment: "prod" }),
  [
    {
      change: "Multi-AZ turned off (a named weakening)",
      after: database({ environment: "prod", multiAz: false }),
    },
    {
      change: "deletion protection turned off (a named weakening)",
      after: database({ environment: "prod", deletionProtection: false }),
    },
    {
      change: "backups kept 30 → 14 days (a named weakening)",
      after: database({ environment: "prod", backupRetentionDays: 14 }),
    },
    {
      change: "a larger instance class",
      after: database({ environment: "prod", instanceClass: "db.r6g.xlarge" }),
    },
    { change: "major upgrade 16 → 17", after: database({ environment: "prod", engineVersion: "17" }) },
  ],
  OPTIONS,
);

day2Suite(
  "aws.PostgresDatabase",
  database(),
  [
    { change: "a larger instance class", after: database({ instanceClass: "db.t4g.small" }) },
    { change: "more storage (20 → 50 GiB)", after: database({ allocatedStorageGiB: 50 }) },
    { change: "a higher autoscaling ceiling", after: database({ maxAllocatedStorageGiB: 200 }) },
    { change: "backups kept 7 → 14 days", after: database({ backupRetentionDays: 14 }) },
    { change: "Multi-AZ turned on", after: database({ multiAz: true }) },
    { change: "deletion protection turned on", after: database({ deletionProtection: true }) },
    { change: "log retention 30 → 90 days", after: database({ logRetentionDays: 90 }) },
    { change: "tags added", after: database({ tags: { team: "data" } }) },
    {
      change: "a caller group admitted at construction",
      after: database({ allowedSecurityGroupIds: ["sg-0123456789abcdef0"] }),
    },
    {
      change:
        "major upgrade 16 → 17 (issue 26): a new parameter group for the new family, the instance upgraded in place",
      after: database({ engineVersion: "17" }),
    },
    {
      change: "databaseName changed: creation-only, ignored (issue 26)",
      after: database({ databaseName: "shop" }),
    },
    {
      change: "masterUsername changed: creation-only, ignored (issue 26)",
      after: database({ masterUsername: "owner" }),
    },
    {
      change: "extendedSupport turned on: enrolment is set at creation, ignored after",
      after: database({ extendedSupport: true }),
    },
    {
      change: "modifications left to the maintenance window",
      after: database({ applyImmediately: false }),
    },
    { change: "profile dev → staging", after: database({ environment: "staging" }) },
    {
      change: "profile staging → prod",
      before: database({ environment: "staging" }),
      after: database({ environment: "prod" }),
    },
    {
      change: "the encryption key changes (issue 26): RDS cannot re-key an instance",
      before: databaseWithKey("old"),
      after: databaseWithKey("new"),
      replaces: {
        "old-cmk": "the user removed the old key from the program",
        "app-instance":
          "the user asked for another key, which RDS cannot apply to an instance; in dev the final snapshot is taken first, in staging and prod deletion protection and protect stop it (doc: copy a snapshot with the new key and restore it)",
      },
    },
  ],
  OPTIONS,
);

/** The replaced listeners of a plan that forward to a target group the plan does not replace. */
function listenersKeepingTheirTargetGroup(plan: Day2Plan): string[] {
  const replaced = new Set(plan.changed.filter((c) => c.action === "replace").map((c) => c.urn));
  return plan.changed
    .filter((c) => c.type === "aws:lb/listener:Listener" && c.action === "replace")
    .filter((c) => {
      const r = plan.after.resources.find((x) => x.urn === c.urn)!;
      const groups = r.propertyDependencies.defaultActions ?? [];
      return groups.some(
        (g) =>
          plan.after.resources.find((x) => x.urn === g)?.type === "aws:lb/targetGroup:TargetGroup" &&
          !replaced.has(g),
      );
    })
    .map((c) => c.urn);
}

describe("day 2: the findings of issues 20 and 26 on AWS, beyond the matrix", () => {
  it("a scheme change completes: each replaced listener lets go of the target group it keeps (TargetGroupAssociationLimit)", async () => {
    const plan = await planChange(
      service(),
      service({ internetFacing: true, loadBalancerSubnetIds: PUBLIC_SUBNETS }),
      OPTIONS,
    );
    const keeping = listenersKeepingTheirTargetGroup(plan);
    assert.deepStrictEqual(keeping.map(urnName), ["api-https"], "the HTTPS listener keeps the target group");
    for (const urn of keeping) {
      const r = plan.after.resources.find((x) => x.urn === urn)!;
      assert.strictEqual(
        r.deleteBeforeReplace,
        true,
        `${urnName(urn)}: a target group serves one load balancer at a time, so the old listener must be deleted before the new one is created`,
      );
    }
    assert.ok(
      !plan.changed.some((c) => c.type === "aws:lb/targetGroup:TargetGroup" && c.action === "replace"),
    );
  });

  it("in staging and prod the old load balancer is deletion-protected: the scheme change needs the named step first", async () => {
    const plan = await planChange(
      service({ environment: "prod" }),
      service({ environment: "prod", internetFacing: true, loadBalancerSubnetIds: PUBLIC_SUBNETS }),
      OPTIONS,
    );
    const alb = plan.before.resources.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer")!;
    assert.strictEqual(alb.inputs.enableDeletionProtection, true, "AWS refuses to delete it as it stands");
    const stepOne = await planChange(
      service({ environment: "prod" }),
      service({ environment: "prod", loadBalancerDeletionProtection: false }),
      OPTIONS,
    );
    const update = stepOne.changed.find((c) => c.type === "aws:lb/loadBalancer:LoadBalancer")!;
    assert.strictEqual(update.action, "update", "step 1 updates the old load balancer in place");
    assert.ok(update.inputs.some((i) => i.path === "enableDeletionProtection" && i.after === false));
  });

  it("the facts catch a minor pin beside automatic minor upgrades (issue 26), and a major alone is stable", async () => {
    const raw = (engineVersion: string) => () => {
      new Instance("db", {
        engine: "postgres",
        engineVersion,
        autoMinorVersionUpgrade: true,
        instanceClass: "db.t4g.micro",
        allocatedStorage: 20,
      });
    };
    const pinned = await synth(raw("16.4"), { ...OPTIONS, preview: false });
    assert.deepStrictEqual(
      serverDrift(pinned).map((d) => d.path),
      ["engineVersion"],
    );
    const major = await synth(raw("16"), { ...OPTIONS, preview: false });
    assert.deepStrictEqual(serverDrift(major), []);
  });

  it("a major upgrade replaces only the parameter group, which the instance moves to in the same modification", async () => {
    const plan = await planChange(database(), database({ engineVersion: "17" }), OPTIONS);
    const byName = Object.fromEntries(plan.changed.map((c) => [c.name, c]));
    assert.strictEqual(byName["app-params"].action, "replace");
    assert.strictEqual(byName["app-instance"].action, "update");
    assert.deepStrictEqual(
      byName["app-instance"].inputs
        .filter((i) => !i.ignored)
        .map((i) => i.path)
        .sort(),
      ["engineVersion", "parameterGroupName"],
    );
    const instance = plan.after.resources.find((r) => r.name === "app-instance")!;
    assert.strictEqual(
      instance.inputs.allowMajorVersionUpgrade,
      true,
      "RDS refuses a major change without it",
    );
    // Auto-named, so the new group exists before the old one is deleted (create before delete).
    const params = plan.after.resources.find((r) => r.name === "app-params")!;
    assert.strictEqual(params.inputs.name, undefined);
    assert.strictEqual(params.deleteBeforeReplace, false);
  });

  it("a key change replaces the database in dev only after a final snapshot; staging and prod stop it before any delete", async () => {
    const plan = await planChange(databaseWithKey("old"), databaseWithKey("new"), OPTIONS);
    const instance = plan.after.resources.find((r) => r.name === "app-instance")!;
    assert.strictEqual(instance.inputs.skipFinalSnapshot, false);
    assert.match(String(instance.inputs.finalSnapshotIdentifier), /-final$/);
    for (const environment of ["staging", "prod"] as const) {
      const g = await synth(
        () => {
          new PostgresDatabase("app", { ...DATABASE, environment });
        },
        { ...OPTIONS, preview: false },
      );
      const db = g.resources.find((r) => r.name === "app-instance")!;
      assert.strictEqual(db.inputs.deletionProtection, true, environment);
      assert.strictEqual(db.protect, environment === "prod", environment);
    }
  });

  it("problems are reported when a case replaces a database it does not name", async () => {
    const plan = await planChange(databaseWithKey("old"), databaseWithKey("new"), OPTIONS);
    assert.match(
      planProblems(plan).join("\n"),
      /aws:rds\/instance:Instance "app-instance" \(data\) replaces:\n\s+kmsKeyId/,
    );
  });
});
