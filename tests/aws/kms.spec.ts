// EncryptionKey: rotation, deletion window, alias, key policy, protect by profile, grants, bad input.
import * as assert from "assert";
import * as iam from "@pulumi/aws/iam";
import { EncryptionKey } from "../../components/aws";
import { ENVIRONMENTS } from "../../components/core";
import { assertTagged, inputs, json, protectedNames, rejectsInputs, run, synthViaProvider } from "./helpers";

const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const COMPONENT = "groundwork:aws:EncryptionKey";

describe("aws.EncryptionKey", () => {
  for (const environment of ENVIRONMENTS) {
    it(`${environment}: exact children, rotation, 30-day window, alias, tags, protect`, async () => {
      const { q } = await run(() => {
        new EncryptionKey("data", { environment });
      });
      const root = q.one(COMPONENT, "data").urn;
      assert.deepStrictEqual(q.inventory(root), [`${ALIAS}::data-alias`, `${KEY}::data-cmk`]);
      const key = inputs(q, KEY, "data-cmk");
      assert.strictEqual(key.enableKeyRotation, true); // [CKV_AWS_7]
      assert.strictEqual(key.rotationPeriodInDays, 365);
      assert.strictEqual(key.deletionWindowInDays, 30);
      assert.strictEqual(key.keyUsage, "ENCRYPT_DECRYPT");
      const alias = inputs(q, ALIAS, "data-alias");
      assert.strictEqual(alias.namePrefix, "alias/data-");
      assert.strictEqual(alias.targetKeyId, "data-cmk-key-id");
      assert.deepStrictEqual(q.one(ALIAS, "data-alias").propertyDependencies.targetKeyId, [
        q.one(KEY, "data-cmk").urn,
      ]);
      assertTagged(q, root, environment, "aws.EncryptionKey");
      assert.deepStrictEqual(protectedNames(q, root), environment === "prod" ? ["data-cmk"] : []);
    });
  }

  it("key policy has no * principal and names admins, users and services [CKV_AWS_33]", async () => {
    const { q } = await run(() => {
      new EncryptionKey("data", {
        administrators: ["arn:aws:iam::123456789012:role/platform-admin"],
        users: ["arn:aws:iam::123456789012:role/app"],
        services: ["logs"],
      });
    });
    const policy = json<{ Statement: { Sid: string; Principal: Record<string, unknown> }[] }>(
      q,
      KEY,
      "data-cmk",
      "policy",
    );
    const principals = policy.Statement.map((s) => s.Principal);
    assert.deepStrictEqual(principals, [
      { AWS: "arn:aws:iam::123456789012:root" },
      { AWS: ["arn:aws:iam::123456789012:role/platform-admin"] },
      { AWS: ["arn:aws:iam::123456789012:role/app"] },
      { Service: "logs.us-east-1.amazonaws.com" },
    ]);
    assert.ok(!JSON.stringify(principals).includes('"*"'));
  });

  it("explicit protect wins in dev; a shorter window is recorded as weakened", async () => {
    const { q, graph } = await run(() => {
      const k = new EncryptionKey("data", { protect: true, deletionWindowDays: 7, alias: "alias/data" });
      return { weakened: k.weakened };
    });
    assert.strictEqual(q.one(KEY, "data-cmk").protect, true);
    assert.strictEqual(inputs(q, KEY, "data-cmk").deletionWindowInDays, 7);
    assert.strictEqual(
      (inputs(q, KEY, "data-cmk").tags as Record<string, string>)["groundwork-weakened"],
      "deletionWindowDays",
    );
    assert.deepStrictEqual(graph.outputs.weakened, ["deletionWindowDays"]);
    assert.strictEqual(inputs(q, ALIAS, "data-alias").name, "alias/data");
  });

  it("grantEncryptDecrypt attaches a key-use policy to the role", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("data");
      const role = new iam.Role("app", { assumeRolePolicy: "{}" });
      key.grantEncryptDecrypt(role, "app");
    });
    const grant = q.one("aws:iam/policy:Policy", "data-grant-app");
    assert.strictEqual(
      q.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "data-grant-app-attachment").inputs.role,
      "app-physical",
    );
    assert.strictEqual(grant.parent, q.one(COMPONENT, "data").urn);
    const doc = JSON.parse(grant.inputs.policy as string);
    assert.deepStrictEqual(doc.Statement[0].Action, [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:DescribeKey",
    ]);
    assert.strictEqual(doc.Statement[0].Resource, q.one(KEY, "data-cmk").outputs.arn);
  });

  it("an explicit provider reaches every child and invoke", async () => {
    const build = (opts: object) => new EncryptionKey("data", { services: ["logs"] }, opts);
    const q = await synthViaProvider([COMPONENT, "data"], ["other", "eu-central-1"], build);
    const policy = json<{ Statement: { Principal: { Service?: string } }[] }>(q, KEY, "data-cmk", "policy");
    assert.strictEqual(policy.Statement[1].Principal.Service, "logs.eu-central-1.amazonaws.com");
  });

  rejectsInputs("aws.EncryptionKey", [
    [
      () => new EncryptionKey("k", { environment: "qa" as never }),
      "environment",
      '"qa"',
      /"dev", "staging", "prod"/,
    ],
    [
      () => new EncryptionKey("k", { deletionWindowDays: 3 }),
      "deletionWindowDays",
      "3",
      "an integer from 7 to 30",
    ],
    [() => new EncryptionKey("k", { alias: "alias/aws/s3" }), "alias", '"alias/aws/s3"', /not alias\/aws\//],
    [
      () => new EncryptionKey("k", { services: ["ec2" as never] }),
      "services[0]",
      '"ec2"',
      /"logs"/,
      "services",
    ],
    [
      () => new EncryptionKey("k", { users: ["*"] }),
      "users[0]",
      '"*"',
      /IAM role, user or account ARN/,
      "users wildcard",
    ],
    [
      () => new EncryptionKey("k", { administrators: ["admin"] }),
      "administrators[0]",
      '"admin"',
      /IAM role, user or account ARN/,
      "administrators not an ARN",
    ],
    [
      () => new EncryptionKey("k", { tags: { environment: "prod" } }),
      "tags.environment",
      '"prod"',
      /"dev"/,
      "tags overwriting a Groundwork key",
    ],
  ]);
});
