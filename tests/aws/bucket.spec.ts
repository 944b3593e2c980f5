// Bucket: every BASELINE control for S3, per profile, with the exact child set, grants, weakening,
// provider propagation and bad input.
import * as assert from "assert";
import * as iam from "@pulumi/aws/iam";
import { Bucket, EncryptionKey } from "../../components/aws";
import { ENVIRONMENTS } from "../../components/core";
import { assertTagged, inputs, json, protectedNames, rejectsInputs, run, synthViaProvider } from "./helpers";

const T = {
  bucket: "aws:s3/bucket:Bucket",
  pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  own: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  ver: "aws:s3/bucketVersioning:BucketVersioning",
  log: "aws:s3/bucketLogging:BucketLogging",
  life: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  pol: "aws:s3/bucketPolicy:BucketPolicy",
  key: "aws:kms/key:Key",
  alias: "aws:kms/alias:Alias",
  component: "groundwork:aws:Bucket",
  keyComponent: "groundwork:aws:EncryptionKey",
};

/** The full default child set of Bucket "assets", written out by hand. */
const DEFAULT_INVENTORY = [
  `${T.alias}::assets-key-alias`,
  `${T.key}::assets-key-cmk`,
  `${T.bucket}::assets-bucket`,
  `${T.bucket}::assets-logs-bucket`,
  `${T.life}::assets-lifecycle`,
  `${T.life}::assets-logs-lifecycle`,
  `${T.log}::assets-logging`,
  `${T.own}::assets-logs-ownership`,
  `${T.own}::assets-ownership`,
  `${T.pol}::assets-logs-policy`,
  `${T.pol}::assets-policy`,
  `${T.pab}::assets-logs-public-access`,
  `${T.pab}::assets-public-access`,
  `${T.sse}::assets-encryption`,
  `${T.sse}::assets-logs-encryption`,
  `${T.ver}::assets-logs-versioning`,
  `${T.ver}::assets-versioning`,
  `${T.keyComponent}::assets-key`,
];

describe("aws.Bucket", () => {
  for (const environment of ENVIRONMENTS) {
    describe(environment, () => {
      let q: Awaited<ReturnType<typeof run>>["q"];
      let root: string;
      before(async () => {
        ({ q } = await run(() => {
          new Bucket("assets", { environment });
        }));
        root = q.one(T.component, "assets").urn;
      });

      it("registers exactly the expected children", () => {
        assert.deepStrictEqual(q.inventory(root), DEFAULT_INVENTORY);
      });

      it("blocks all four kinds of public access on both buckets [CKV_AWS_53-56]", () => {
        for (const name of ["assets-public-access", "assets-logs-public-access"]) {
          const pab = inputs(q, T.pab, name);
          assert.deepStrictEqual(
            [pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets],
            [true, true, true, true],
          );
        }
        assert.deepStrictEqual(q.one(T.pab, "assets-public-access").propertyDependencies.bucket, [
          q.one(T.bucket, "assets-bucket").urn,
        ]);
      });

      it("enforces bucket-owner object ownership (no ACLs)", () => {
        for (const name of ["assets-ownership", "assets-logs-ownership"]) {
          assert.deepStrictEqual(inputs(q, T.own, name).rule, { objectOwnership: "BucketOwnerEnforced" });
        }
      });

      it("encrypts with SSE-KMS and bucket keys under the created key [CKV_AWS_145]", () => {
        const rules = inputs(q, T.sse, "assets-encryption").rules as Record<string, unknown>[];
        assert.deepStrictEqual(rules, [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: "aws:kms",
              kmsMasterKeyId: q.one(T.key, "assets-key-cmk").outputs.arn,
            },
            bucketKeyEnabled: true,
          },
        ]);
        assert.strictEqual(inputs(q, T.key, "assets-key-cmk").enableKeyRotation, true);
      });

      it("encrypts the access-log bucket with SSE-S3, the only encryption S3 log delivery supports", () => {
        const rules = inputs(q, T.sse, "assets-logs-encryption").rules as Record<string, unknown>[];
        assert.deepStrictEqual(rules, [
          { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: false },
        ]);
        assert.strictEqual(
          (inputs(q, T.bucket, "assets-logs-bucket").tags as Record<string, string>)["groundwork-role"],
          "access-logs",
        );
      });

      it("denies any request not over TLS on both buckets", () => {
        for (const [policy, bucket] of [
          ["assets-policy", "assets-bucket"],
          ["assets-logs-policy", "assets-logs-bucket"],
        ]) {
          const arn = q.one(T.bucket, bucket).outputs.arn as string;
          const doc = json<{ Statement: Record<string, unknown>[] }>(q, T.pol, policy, "policy");
          // Any request over plain HTTP, by anyone, to the bucket or its objects, is denied.
          assert.deepStrictEqual(doc.Statement[0], {
            Condition: { Bool: { "aws:SecureTransport": "false" } },
            Effect: "Deny",
            Action: "s3:*",
            Principal: { AWS: "*" },
            Resource: [arn, `${arn}/*`],
            Sid: "DenyInsecureTransport",
          });
          assert.ok(
            q
              .one(T.pol, policy)
              .dependencies.includes(q.one(T.pab, policy.replace("policy", "public-access")).urn),
          );
        }
        const main = json<{ Statement: unknown[] }>(q, T.pol, "assets-policy", "policy");
        assert.strictEqual(main.Statement.length, 1, "the data bucket policy grants nothing");
        const logs = json<{ Statement: { Principal: unknown; Effect: string }[] }>(
          q,
          T.pol,
          "assets-logs-policy",
          "policy",
        );
        assert.deepStrictEqual(logs.Statement[1].Principal, { Service: "logging.s3.amazonaws.com" });
      });

      it("versions both buckets [CKV_AWS_21]", () => {
        for (const name of ["assets-versioning", "assets-logs-versioning"]) {
          assert.deepStrictEqual(inputs(q, T.ver, name).versioningConfiguration, { status: "Enabled" });
        }
      });

      it("logs access to the log bucket [CKV_AWS_18]", () => {
        const logging = inputs(q, T.log, "assets-logging");
        assert.strictEqual(logging.bucket, q.one(T.bucket, "assets-bucket").outputs.id);
        assert.deepStrictEqual(q.one(T.log, "assets-logging").propertyDependencies.targetBucket, [
          q.one(T.bucket, "assets-logs-bucket").urn,
        ]);
        assert.strictEqual(logging.targetPrefix, "assets/");
      });

      it("expires non-current versions and aborts incomplete uploads [CKV2_AWS_61]; logs expire by profile", () => {
        const rules = inputs(q, T.life, "assets-lifecycle").rules as Record<string, unknown>[];
        assert.deepStrictEqual(rules, [
          {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: 90 },
          },
          {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ]);
        const logRules = inputs(q, T.life, "assets-logs-lifecycle").rules as {
          expiration: { days: number };
        }[];
        assert.strictEqual(logRules[0].expiration.days, { dev: 30, staging: 90, prod: 365 }[environment]);
      });

      it("never force-destroys", () => {
        assert.strictEqual(inputs(q, T.bucket, "assets-bucket").forceDestroy, false);
        assert.strictEqual(inputs(q, T.bucket, "assets-logs-bucket").forceDestroy, false);
      });

      it("tags every taggable child", () => {
        const tagged = assertTagged(q, root, environment, "aws.Bucket");
        assert.deepStrictEqual(tagged.map((r) => r.name).sort(), [
          "assets-bucket",
          "assets-key-cmk",
          "assets-logs-bucket",
        ]);
      });

      it(`protects stateful children ${environment === "prod" ? "in prod" : "only in prod"}`, () => {
        assert.deepStrictEqual(
          protectedNames(q, root),
          environment === "prod" ? ["assets-bucket", "assets-key-cmk", "assets-logs-bucket"] : [],
        );
      });
    });
  }

  it("uses a given EncryptionKey and log bucket instead of creating them", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("shared");
      new Bucket("assets", {
        encryptionKey: key,
        accessLogBucket: "central-access-logs",
        bucketName: "acme-assets",
      });
    });
    const root = q.one(T.component, "assets").urn;
    assert.deepStrictEqual(q.inventory(root), [
      `${T.bucket}::assets-bucket`,
      `${T.life}::assets-lifecycle`,
      `${T.log}::assets-logging`,
      `${T.own}::assets-ownership`,
      `${T.pol}::assets-policy`,
      `${T.pab}::assets-public-access`,
      `${T.sse}::assets-encryption`,
      `${T.ver}::assets-versioning`,
    ]);
    const rules = inputs(q, T.sse, "assets-encryption").rules as {
      applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
    }[];
    assert.strictEqual(
      rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
      q.one(T.key, "shared-cmk").outputs.arn,
    );
    assert.strictEqual(inputs(q, T.log, "assets-logging").targetBucket, "central-access-logs");
    assert.strictEqual(inputs(q, T.bucket, "assets-bucket").bucket, "acme-assets");
  });

  it("turning access logging off needs a named argument and shows in tags and outputs", async () => {
    const { q, graph } = await run(() => {
      const b = new Bucket("assets", { accessLogging: false });
      return { weakened: b.weakened, logBucket: b.logBucketName };
    });
    const root = q.one(T.component, "assets").urn;
    assert.ok(!q.inventory(root).some((i) => i.includes("logs") || i.startsWith(T.log)));
    assert.strictEqual(
      (inputs(q, T.bucket, "assets-bucket").tags as Record<string, string>)["groundwork-weakened"],
      "accessLogging",
    );
    assert.deepStrictEqual(graph.outputs.weakened, ["accessLogging"]);
    const { q: q2 } = await run(() => {
      new Bucket("assets");
    });
    assert.strictEqual(
      (inputs(q2, T.bucket, "assets-bucket").tags as Record<string, string>)["groundwork-weakened"],
      undefined,
    );
  });

  it("grantRead and grantWrite also grant use of the key, named from the grantee and level", async () => {
    const { q } = await run(() => {
      const b = new Bucket("assets");
      const role = new iam.Role("app", { assumeRolePolicy: "{}" });
      b.grantRead(role);
      b.grantWrite(role);
    });
    const bucketArn = q.one(T.bucket, "assets-bucket").outputs.arn;
    const keyArn = q.one(T.key, "assets-key-cmk").outputs.arn;
    const read = json<{ Statement: { Action: string[]; Resource: unknown }[] }>(
      q,
      "aws:iam/policy:Policy",
      "assets-grant-app-read",
      "policy",
    );
    assert.deepStrictEqual(
      read.Statement.map((s) => s.Resource),
      [bucketArn, `${bucketArn}/*`, keyArn],
    );
    assert.ok(read.Statement[2].Action.includes("kms:Decrypt"));
    assert.ok(!read.Statement.flatMap((s) => s.Action).includes("s3:PutObject"));
    const write = json<{ Statement: { Action: string[]; Resource: unknown }[] }>(
      q,
      "aws:iam/policy:Policy",
      "assets-grant-app-write",
      "policy",
    );
    assert.ok(write.Statement[0].Action.includes("s3:PutObject"));
    assert.strictEqual(write.Statement[1].Resource, keyArn);
    assert.ok(write.Statement[1].Action.includes("kms:GenerateDataKey*"));
    assert.deepStrictEqual(
      q.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "assets-grant-app-read-attachment")
        .propertyDependencies.role,
      [q.one("aws:iam/role:Role", "app").urn],
    );
  });

  it("an explicit provider reaches every child, nested key included", async () => {
    const build = (opts: object) => new Bucket("assets", { environment: "prod" }, opts);
    await synthViaProvider([T.component, "assets"], ["other", "eu-west-2"], build, { stack: "prod" });
  });

  rejectsInputs("aws.Bucket", [
    [() => new Bucket("b", { bucketName: "Bad_Name" }), "bucketName", '"Bad_Name"', /3-63 characters/],
    [
      () => new Bucket("b", { environment: "production" as never }),
      "environment",
      '"production"',
      /"dev", "staging", "prod"/,
    ],
    [
      () => new Bucket("b", { noncurrentVersionExpirationDays: 0 }),
      "noncurrentVersionExpirationDays",
      "0",
      "an integer from 1 to 3650",
    ],
    [
      () => new Bucket("b", { abortIncompleteUploadDays: 1.5 }),
      "abortIncompleteUploadDays",
      "1.5",
      "an integer from 1 to 365",
    ],
    [() => new Bucket("b", { logRetentionDays: 31 }), "logRetentionDays", "31", /one of 1, 3, 5/],
    [() => new Bucket("b", { encryptionKey: "alias/mine" }), "encryptionKey", '"alias/mine"', /KMS key ARN/],
    [
      () => new Bucket("b", { accessLogging: false, accessLogBucket: "logs-bucket" }),
      "accessLogBucket",
      '"logs-bucket"',
      /accessLogging true/,
      "accessLogBucket with accessLogging false",
    ],
    [
      () => new Bucket("b", { tags: { "aws:owner": "me" } }),
      "tags.aws:owner",
      '"aws:owner"',
      /not starting with aws:/,
      "tags with the aws: prefix",
    ],
  ]);
});
