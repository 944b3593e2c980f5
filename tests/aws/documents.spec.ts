// Unit tests for the pure policy-document builders.
import * as assert from "assert";
import {
  AwsContext,
  bucketReadPolicy,
  bucketWritePolicy,
  executionRolePolicy,
  keyPolicy,
  logBucketPolicy,
  servicePrincipal,
  tlsOnlyBucketPolicy,
} from "../../components/aws/documents";
import { imagePinProblem } from "../../components/aws";
import { hasWildcardAllow, principalsOf } from "./helpers";

const ctx: AwsContext = { accountId: "111122223333", partition: "aws", region: "eu-west-1" };

describe("aws documents", () => {
  it("key policy: account root delegation, named admins and users, no * principal, no kms:*", () => {
    const doc = keyPolicy({
      ctx,
      administrators: ["arn:aws:iam::111122223333:role/admin"],
      users: ["arn:aws:iam::111122223333:role/app"],
      services: ["logs", "rds"],
    });
    assert.deepStrictEqual(principalsOf(doc), [
      "arn:aws:iam::111122223333:root",
      "arn:aws:iam::111122223333:role/admin",
      "arn:aws:iam::111122223333:role/app",
      "logs.eu-west-1.amazonaws.com",
      "rds.amazonaws.com",
    ]);
    assert.ok(!principalsOf(doc).includes("*"));
    const actions = doc.Statement.flatMap((s) => (typeof s.Action === "string" ? [s.Action] : s.Action));
    assert.ok(!actions.includes("kms:*") && !actions.includes("*"));
    const admin = doc.Statement.find((s) => s.Sid === "KeyAdministration")!;
    assert.ok(!([...admin.Action] as string[]).includes("kms:Decrypt"), "administrators manage, never use");
    const logs = doc.Statement.find((s) => s.Sid === "ServiceLogs")!;
    assert.deepStrictEqual(logs.Condition, {
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:log-group:*" },
    });
    const rds = doc.Statement.find((s) => s.Sid === "ServiceRds")!;
    assert.deepStrictEqual(rds.Condition, { StringEquals: { "aws:SourceAccount": "111122223333" } });
  });

  it("key policy without admins or users names only the account root", () => {
    const doc = keyPolicy({ ctx, administrators: [], users: [], services: [] });
    assert.strictEqual(doc.Statement.length, 1);
    assert.deepStrictEqual(principalsOf(doc), ["arn:aws:iam::111122223333:root"]);
  });

  it("service principals follow the partition", () => {
    assert.strictEqual(
      servicePrincipal("logs", { ...ctx, partition: "aws-cn", region: "cn-north-1" }),
      "logs.cn-north-1.amazonaws.com.cn",
    );
    assert.strictEqual(servicePrincipal("s3", ctx), "s3.amazonaws.com");
  });

  it("TLS-only bucket policy denies insecure transport on the bucket and its objects", () => {
    const doc = tlsOnlyBucketPolicy("arn:aws:s3:::b");
    assert.deepStrictEqual(doc.Statement, [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "s3:*",
        Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
  });

  it("log bucket policy grants only the named delivery services, for this account", () => {
    const s3Only = logBucketPolicy("arn:aws:s3:::logs", ctx, { s3ServerAccessLogs: true });
    assert.deepStrictEqual(principalsOf(s3Only), ["*", "logging.s3.amazonaws.com"]);
    assert.strictEqual(s3Only.Statement[0].Effect, "Deny");
    assert.deepStrictEqual(s3Only.Statement[1].Condition, {
      StringEquals: { "aws:SourceAccount": "111122223333" },
    });
    const elb = logBucketPolicy("arn:aws:s3:::logs", ctx, {
      loadBalancer: true,
      elbAccountArn: "arn:aws:iam::156460612806:root",
    });
    assert.deepStrictEqual(principalsOf(elb), [
      "*",
      "logdelivery.elasticloadbalancing.amazonaws.com",
      "arn:aws:iam::156460612806:root",
    ]);
    assert.strictEqual(elb.Statement[2].Resource, "arn:aws:s3:::logs/AWSLogs/111122223333/*");
  });

  it("grants include the key and no wildcard allows", () => {
    const read = bucketReadPolicy("arn:aws:s3:::b", "arn:aws:kms:eu-west-1:111122223333:key/k");
    assert.ok(
      read.Statement.some(
        (s) =>
          s.Resource === "arn:aws:kms:eu-west-1:111122223333:key/k" &&
          (s.Action as string[]).includes("kms:Decrypt"),
      ),
    );
    assert.ok(!read.Statement.some((s) => (s.Action as string[]).includes("s3:PutObject")));
    const write = bucketWritePolicy("arn:aws:s3:::b", "arn:aws:kms:eu-west-1:111122223333:key/k");
    assert.ok(write.Statement.some((s) => (s.Action as string[]).includes("kms:GenerateDataKey*")));
    for (const doc of [read, write]) assert.strictEqual(hasWildcardAllow(doc), false);
  });

  it("hasWildcardAllow spots a wildcard action on a wildcard resource", () => {
    assert.strictEqual(
      hasWildcardAllow({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
      }),
      true,
    );
    assert.strictEqual(
      hasWildcardAllow({
        Version: "2012-10-17",
        Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }],
      }),
      false,
    );
  });

  it("execution role policy reads exactly the named secrets and parameters", () => {
    const doc = executionRolePolicy({
      logGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:app",
      keyArn: "arn:aws:kms:eu-west-1:111122223333:key/k",
      secretArns: ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbC"],
      parameterArns: [],
    });
    const sids = doc.Statement.map((s) => s.Sid);
    assert.deepStrictEqual(sids, ["EcrAuth", "EcrPull", "WriteLogs", "ReadSecrets", "DecryptWithServiceKey"]);
    assert.deepStrictEqual(doc.Statement[3].Resource, [
      "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbC",
    ]);
    assert.strictEqual(hasWildcardAllow(doc), false);
  });

  it("imagePinProblem accepts tags and digests, refuses latest and untagged", () => {
    assert.strictEqual(imagePinProblem("ghcr.io/acme/api:1.2.3"), undefined);
    assert.strictEqual(imagePinProblem("localhost:5000/api:v1"), undefined);
    assert.strictEqual(imagePinProblem(`acme/api@sha256:${"a".repeat(64)}`), undefined);
    assert.match(imagePinProblem("acme/api:latest")!, /latest/);
    assert.match(imagePinProblem("acme/api")!, /no tag/);
    assert.match(imagePinProblem("localhost:5000/api")!, /no tag/);
    assert.match(imagePinProblem("acme/api@sha256:abc")!, /digest/);
    assert.match(imagePinProblem("")!, /empty/);
  });
});
