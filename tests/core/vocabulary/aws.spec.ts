// AWS vocabulary (components/aws/tags.ts, naming.ts, sizes.ts): tag limits, the S3 bucket name rule, sizes.
import { strict as assert } from "assert";
import { Validator } from "../../../components/core";
import { awsTags } from "../../../components/aws/tags";
import { Bucket } from "../../../components/aws";
import { S3_BUCKET_NAME } from "../../../components/aws/naming";
import { AWS_SIZES } from "../../../components/aws/sizes";
import { inputError, invalid, valid } from "../helpers";

const v = new Validator("aws.Bucket", "logs");
const base = { environment: "prod" as const, component: "aws.Bucket" };

describe("aws/tags: awsTags", () => {
  it("passes conforming tags through with the Groundwork keys", () => {
    const tags = awsTags(v, { ...base, tags: { "cost-center": "CC 42/a+b=c@d:e_f.g" } });
    assert.equal(tags["cost-center"], "CC 42/a+b=c@d:e_f.g");
    assert.equal(tags["managed-by"], "groundwork");
  });

  it("accepts the limits: 128-character keys and 256-character values", () => {
    const tags = awsTags(v, { ...base, tags: { ["k".repeat(128)]: "v".repeat(256) } });
    assert.equal(tags["k".repeat(128)], "v".repeat(256));
  });

  it("refuses keys over 128, values over 256, the aws: prefix and characters AWS does not allow", () => {
    assert.match(
      inputError(() => awsTags(v, { ...base, tags: { ["k".repeat(129)]: "v" } })).problem,
      /not a valid AWS tag key/,
    );
    assert.match(
      inputError(() => awsTags(v, { ...base, tags: { key: "v".repeat(257) } })).problem,
      /too long for an AWS tag value/,
    );
    assert.match(
      inputError(() => awsTags(v, { ...base, tags: { "AWS:owner": "x" } })).problem,
      /aws: prefix/,
    );
    assert.match(inputError(() => awsTags(v, { ...base, tags: { "a*b": "x" } })).problem, /do not allow/);
    assert.match(inputError(() => awsTags(v, { ...base, tags: { key: "x;y" } })).problem, /do not allow/);
  });

  it("refuses more tags than AWS's 50 leave room for, the four Groundwork adds counted (60 on a bucket fail)", () => {
    const tags = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    assert.equal(Object.keys(awsTags(v, { ...base, tags: tags(46) })).length, 49);
    for (const n of [47, 60]) {
      const err = inputError(() => awsTags(v, { ...base, tags: tags(n) }));
      assert.equal(err.field, "tags");
      assert.equal(err.value, `${n} tags`);
      assert.match(err.problem, new RegExp(`would carry ${n + 4}, more than the 50 AWS allows`));
      assert.equal(err.expected, "at most 46 tags of your own");
    }
  });

  it("aws.Bucket with 60 tags is refused before anything registers, naming the component and field", () => {
    const err = inputError(
      () =>
        new Bucket("assets", {
          tags: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`t${i}`, "x"])),
        }),
    );
    assert.equal(err.component, "aws.Bucket");
    assert.equal(err.field, "tags");
    assert.equal(err.value, "60 tags");
  });

  it("refuses the empty key", () => {
    const err = inputError(() => awsTags(v, { ...base, tags: { "": "x" } }));
    assert.equal(err.field, "tags.");
  });
});

describe("aws/naming: S3_BUCKET_NAME", () => {
  it("s3Bucket: 3-63 lowercase letters, digits, dots, hyphens, alphanumeric at both ends", () => {
    valid(S3_BUCKET_NAME, ["abc", "my-bucket.logs", "a".repeat(63), "1bucket9", "a.b-c"]);
    invalid(S3_BUCKET_NAME, ["ab"], /too short/);
    invalid(S3_BUCKET_NAME, ["a".repeat(64)], /too long/);
    invalid(S3_BUCKET_NAME, ["My-Bucket", "-abc", "abc-", "abc.", "a_b", "a b"], /characters or a shape/);
  });

  it("s3Bucket: refuses IP-shaped names, '..', reserved prefixes and reserved suffixes", () => {
    invalid(S3_BUCKET_NAME, ["192.168.5.4", "10.0.0.1"], /IP address/);
    invalid(S3_BUCKET_NAME, ["my..bucket"], /'\.\.'/);
    invalid(S3_BUCKET_NAME, ["xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket"], /reserved prefix/);
    invalid(
      S3_BUCKET_NAME,
      ["bucket-s3alias", "bucket--ol-s3", "bucket.mrap", "bucket--x-s3"],
      /reserved suffix/,
    );
    // Near misses stay valid.
    valid(S3_BUCKET_NAME, ["192.168.5.4a", "1.2.3", "xn-bucket", "bucket-s3alia", "sthreebucket"]);
  });
});

describe("aws/sizes: AWS_SIZES", () => {
  it("holds the sizes the profile used to carry, for every environment", () => {
    assert.deepEqual(AWS_SIZES.dev, {
      taskCpu: 256,
      taskMemoryMiB: 512,
      databaseInstanceClass: "db.t4g.micro",
      databaseStorageGiB: 20,
      databaseMaxStorageGiB: 50,
      nodeInstanceType: "t3.medium",
      nodeMin: 2,
      nodeMax: 3,
      nodeDiskGiB: 50,
    });
    assert.equal(AWS_SIZES.staging.databaseInstanceClass, "db.t4g.medium");
    // Prod keeps at least as many EKS nodes as any other environment, on disks no smaller.
    for (const e of ["dev", "staging"] as const) {
      assert.ok(
        AWS_SIZES.prod.nodeMin >= AWS_SIZES[e].nodeMin && AWS_SIZES.prod.nodeMax >= AWS_SIZES[e].nodeMax,
        e,
      );
      assert.ok(AWS_SIZES.prod.nodeDiskGiB >= AWS_SIZES[e].nodeDiskGiB, e);
    }
    assert.deepEqual([AWS_SIZES.prod.taskCpu, AWS_SIZES.prod.databaseMaxStorageGiB], [1024, 1000]);
  });
});
