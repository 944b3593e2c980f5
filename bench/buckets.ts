// Benchmark: synthesizes N buckets through the `Bucket` component and through the identical raw
// resources (same types, names, inputs), in one process, and prints the time ratio. Run with
// `npm run bench:buckets` (or `node dist/bench/buckets.js [N ...]`); not part of the test suite.
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import * as kms from "@pulumi/aws/kms";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { synth } from "../testing";
import { Bucket } from "../components/aws";
// The lifecycle rules are data, not wiring: both paths must register the same ones.
import { accessLogRules, dataBucketRules } from "../components/aws/log-bucket";
import { AwsContext, keyPolicy, logBucketPolicy, tlsOnlyBucketPolicy } from "../components/aws/documents";

const TAGS = { environment: "dev", "managed-by": "groundwork", component: "aws.Bucket" };
const KEY_TAGS = { ...TAGS, component: "aws.EncryptionKey" };

function viaComponent(n: number): () => void {
  return () => {
    for (let i = 0; i < n; i++) new Bucket(`b${i}`);
  };
}

/** What a careful hand-written program would register for the same N buckets, input for input. */
function viaRawResources(n: number): () => void {
  return () => {
    const ctx: pulumi.Output<AwsContext> = pulumi
      .all([getCallerIdentityOutput(), getPartitionOutput(), getRegionOutput()])
      .apply(([id, p, r]) => ({
        accountId: id.accountId,
        partition: p.partition,
        region: r.region ?? r.name,
      }));
    for (let i = 0; i < n; i++) {
      const name = `b${i}`;
      const key = new kms.Key(`${name}-key-cmk`, {
        description: `Encrypts S3 bucket ${name}`,
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        policy: ctx.apply((c) =>
          JSON.stringify(keyPolicy({ ctx: c, administrators: [], users: [], services: [] })),
        ),
        tags: KEY_TAGS,
      });
      new kms.Alias(`${name}-key-alias`, { namePrefix: `alias/${name}-key-`, targetKeyId: key.keyId });
      const logs = hardened(
        `${name}-logs`,
        { ...TAGS, "groundwork-role": "access-logs" },
        { sseAlgorithm: "AES256" },
        false,
        (arn) => ctx.apply((c) => JSON.stringify(logBucketPolicy(arn, c, { s3ServerAccessLogs: true }))),
        accessLogRules(30, 7),
      );
      const main = hardened(
        name,
        TAGS,
        { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn },
        true,
        (arn) => pulumi.output(JSON.stringify(tlsOnlyBucketPolicy(arn))),
        dataBucketRules(90, 7),
      );
      new s3.BucketLogging(`${name}-logging`, {
        bucket: main.id,
        targetBucket: logs.bucket,
        targetPrefix: `${name}/`,
        targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
      });
    }
  };
}

function hardened(
  prefix: string,
  tags: Record<string, string>,
  encryption: { sseAlgorithm: string; kmsMasterKeyId?: pulumi.Input<string> },
  bucketKey: boolean,
  policy: (arn: string) => pulumi.Output<string>,
  rules: s3.BucketLifecycleConfigurationArgs["rules"],
): s3.Bucket {
  const bucket = new s3.Bucket(`${prefix}-bucket`, { forceDestroy: false, tags });
  const pab = new s3.BucketPublicAccessBlock(`${prefix}-public-access`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new s3.BucketOwnershipControls(`${prefix}-ownership`, {
    bucket: bucket.id,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  new s3.BucketServerSideEncryptionConfiguration(`${prefix}-encryption`, {
    bucket: bucket.id,
    rules: [{ applyServerSideEncryptionByDefault: encryption, bucketKeyEnabled: bucketKey }],
  });
  new s3.BucketVersioning(`${prefix}-versioning`, {
    bucket: bucket.id,
    versioningConfiguration: { status: "Enabled" },
  });
  new s3.BucketLifecycleConfiguration(`${prefix}-lifecycle`, { bucket: bucket.id, rules });
  new s3.BucketPolicy(
    `${prefix}-policy`,
    { bucket: bucket.id, policy: bucket.arn.apply(policy) },
    { dependsOn: [pab] },
  );
  return bucket;
}

async function time(program: () => void): Promise<{ ms: number; resources: number }> {
  const start = process.hrtime.bigint();
  const graph = await synth(program, { preview: false, timeoutMs: 600_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, resources: graph.resources.length };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const ns = sizes.length > 0 ? sizes : [10, 100, 500];
  // Warm up module loading and the JIT on both paths so the first measured size is not penalised.
  for (let i = 0; i < 3; i++) {
    await time(viaComponent(20));
    await time(viaRawResources(20));
  }
  const rows: string[][] = [];
  let worst = 0;
  for (const n of ns) {
    const reps = n >= 500 ? 3 : n > 20 ? 7 : 11;
    const comp: number[] = [];
    const raw: number[] = [];
    let counts = [0, 0];
    for (let r = 0; r < reps; r++) {
      // Alternate the order so drift (GC pressure, heat) does not favour one side.
      const order = r % 2 === 0 ? ["c", "r"] : ["r", "c"];
      for (const which of order) {
        global.gc?.();
        const t = await time(which === "c" ? viaComponent(n) : viaRawResources(n));
        (which === "c" ? comp : raw).push(t.ms);
        counts = which === "c" ? [t.resources, counts[1]] : [counts[0], t.resources];
      }
    }
    const ratio = median(comp) / median(raw);
    worst = Math.max(worst, ratio);
    rows.push([
      String(n),
      String(counts[0]),
      String(counts[1]),
      median(comp).toFixed(0),
      median(raw).toFixed(0),
      ratio.toFixed(3),
      `${((ratio - 1) * 100).toFixed(1)}%`,
    ]);
  }
  const header = [
    "N",
    "resources (component)",
    "resources (raw)",
    "component ms",
    "raw ms",
    "ratio",
    "overhead",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    `worst ratio ${worst.toFixed(3)} (budget 1.100): ${worst <= 1.1 ? "within budget" : "OVER BUDGET"}`,
  );
  if (worst > 1.1) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
