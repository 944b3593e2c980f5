// Grants to a grantee: child names come from the grantee's name and the access level (never a counter or
// the call order), different grantees never collide, the same grant twice is a clear error, and a raw
// role, a ContainerService and a role given by name or ARN are all grantees.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import {
  Bucket,
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  roleGrantee,
} from "../../components/aws";
import { GrantLedger, Validator, defaultGrantId } from "../../components/core";
import { synth } from "../../testing";
import { GRANT_POLICY, errorOf, grantOf, json, run, SERVICE_ARGS } from "./helpers";

const POLICY = GRANT_POLICY;
const SVC: ContainerServiceArgs = SERVICE_ARGS;
const role = (name: string): iam.Role => new iam.Role(name, { assumeRolePolicy: "{}" });
const grantNames = (q: Awaited<ReturnType<typeof run>>["q"]): string[] =>
  q
    .ofType(POLICY)
    .map((r) => r.name)
    .filter((n) => n.includes("-grant-"))
    .sort();

describe("grants to a grantee", () => {
  it("a ContainerService is a grantee named after itself; its task role gets the policy", async () => {
    const { q } = await run(() => {
      const api = new ContainerService("api", SVC);
      const assets = new Bucket("assets");
      assets.grantRead(api);
      assets.grantWrite(api);
    });
    assert.deepStrictEqual(grantNames(q), ["assets-grant-api-read", "assets-grant-api-write"]);
    const grant = grantOf(q, "assets-grant-api-read");
    assert.deepStrictEqual(grant.attachment.propertyDependencies.role, [
      q.one("aws:iam/role:Role", "api-task-role").urn,
    ]);
    assert.strictEqual(grant.attachment.inputs.role, "api-task-role-physical");
    assert.strictEqual(grant.policy.parent, q.one("groundwork:aws:Bucket", "assets").urn);
    assert.strictEqual(grant.attachment.parent, q.one("groundwork:aws:Bucket", "assets").urn);
  });

  it("the reference stack's explicit ids and the grantee default name the same child", async () => {
    const names = async (explicit: boolean): Promise<string[]> => {
      const { q } = await run(() => {
        const api = new ContainerService("api", SVC);
        const assets = new Bucket("assets");
        if (explicit) assets.grantRead(api.taskRole, "api-read");
        else assets.grantRead(api);
      });
      return grantNames(q);
    };
    assert.deepStrictEqual(await names(true), ["assets-grant-api-read"]);
    assert.deepStrictEqual(await names(false), ["assets-grant-api-read"]);
  });

  it("two grantees never collide, and the names do not depend on call order", async () => {
    const program = (order: string[]) => () => {
      const bucket = new Bucket("assets");
      const key = new EncryptionKey("data");
      const roles = Object.fromEntries(order.map((n) => [n, role(n)]));
      for (const n of order) {
        bucket.grantRead(roles[n]);
        key.grantDecrypt(roles[n]);
        key.grantEncryptDecrypt(roles[n]);
      }
    };
    const first = grantNames((await run(program(["app", "worker"]))).q);
    const second = grantNames((await run(program(["worker", "app"]))).q);
    assert.deepStrictEqual(first, [
      "assets-grant-app-read",
      "assets-grant-worker-read",
      "data-grant-app-decrypt",
      "data-grant-app-encrypt-decrypt",
      "data-grant-worker-decrypt",
      "data-grant-worker-encrypt-decrypt",
    ]);
    assert.deepStrictEqual(second, first);
  });

  it("the same grant twice is a clear error naming the component, the id and the earlier grant", async () => {
    const err = await errorOf(() => {
      const bucket = new Bucket("assets");
      const app = role("app");
      bucket.grantRead(app);
      bucket.grantRead(app);
    });
    assert.strictEqual(err.component, "aws.Bucket");
    assert.strictEqual(err.field, "grant id");
    assert.strictEqual(
      err.message,
      'aws.Bucket "assets": grant id "app-read" is already used on this component by the read grant to "app" ' +
        "(expected each grantee and access level granted once, or a distinct id)",
    );
  });

  it("an explicit id that repeats another grant's id is the same error", async () => {
    const err = await errorOf(() => {
      const key = new EncryptionKey("data");
      key.grantDecrypt(role("app"), "shared");
      key.grantEncryptDecrypt(role("worker"), "shared");
    });
    assert.strictEqual(err.component, "aws.EncryptionKey");
    assert.match(
      err.message,
      /grant id "shared" is already used on this component by the decrypt grant to "app"/,
    );
  });

  it("a role given by ARN grants by its role name, under the caller's grantee name", async () => {
    const { q } = await run(() => {
      const bucket = new Bucket("assets");
      bucket.grantWrite(roleGrantee("ingest", "arn:aws:iam::123456789012:role/pipelines/ingest"));
      bucket.grantRead(roleGrantee("reporting", pulumi.output("arn:aws:iam::123456789012:role/reporting")));
      bucket.grantRead(roleGrantee("by-name", "legacy-reader"));
    });
    assert.deepStrictEqual(grantNames(q), [
      "assets-grant-by-name-read",
      "assets-grant-ingest-write",
      "assets-grant-reporting-read",
    ]);
    assert.strictEqual(grantOf(q, "assets-grant-ingest-write").attachment.inputs.role, "ingest");
    assert.strictEqual(grantOf(q, "assets-grant-reporting-read").attachment.inputs.role, "reporting");
    assert.strictEqual(grantOf(q, "assets-grant-by-name-read").attachment.inputs.role, "legacy-reader");
    const doc = json<{ Statement: { Sid: string }[] }>(q, POLICY, "assets-grant-ingest-write", "policy");
    assert.deepStrictEqual(
      doc.Statement.map((s) => s.Sid),
      ["WriteObjects", "EncryptWithBucketKey"],
    );
  });

  it("refuses a grantee that is not a role, now or when its Output resolves", async () => {
    const err = await errorOf(() => {
      new Bucket("assets").grantRead(roleGrantee("x", "arn:aws:iam::123456789012:user/alice"));
    });
    assert.strictEqual(err.field, "grantee");
    assert.match(
      err.message,
      /has the resource "user\/alice", where role\/<path>\/<name>.* is expected \(expected an IAM role name or ARN/,
    );
    await assert.rejects(
      synth(() => {
        new Bucket("assets").grantRead(
          roleGrantee("x", pulumi.output("arn:aws:iam::123456789012:user/alice")),
        );
      }),
      (e: Error) =>
        e.message.includes('grantee "arn:aws:iam::123456789012:user/alice" has the resource "user/alice"'),
    );
    const unnamed = await errorOf(() => {
      new Bucket("assets").grantRead(roleGrantee("", "app"));
    });
    assert.match(unnamed.message, /grantee "" has no usable granteeName/);
  });

  describe("the cloud-neutral ledger", () => {
    const ledger = (): GrantLedger => new GrantLedger(() => new Validator("test.Thing", "t"));

    it("names a grant <granteeName>-<level in kebab case> unless an id is given", () => {
      assert.strictEqual(defaultGrantId("api", "read"), "api-read");
      assert.strictEqual(defaultGrantId("api", "encryptDecrypt"), "api-encrypt-decrypt");
      const l = ledger();
      assert.strictEqual(l.claim("api", "readWrite"), "api-read-write");
      assert.strictEqual(l.claim("api", "read", "legacy"), "legacy");
    });

    it("refuses a repeated id and an unusable grantee name or id", () => {
      const l = ledger();
      l.claim("api", "read");
      assert.throws(() => l.claim("api", "read"), /grant id "api-read" is already used/);
      assert.throws(() => l.claim("a b", "read"), /grantee "a b" has no usable granteeName/);
      assert.throws(
        () => l.claim("api", "write", "no/slash"),
        /grant id "no\/slash" is not a valid grant id/,
      );
    });
  });
});
