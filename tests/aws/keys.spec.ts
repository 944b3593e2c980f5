// Key wiring across the AWS components: principals given as Outputs are validated before they reach a
// key policy, a given key must serve CloudWatch Logs where logs are written with it, the keys and
// listener a component uses are outputs, and a service may decrypt secrets under named customer keys.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  Network,
  PostgresDatabase,
} from "../../components/aws";
import { GroundworkInputError } from "../../components/core";
import { synth } from "../../testing";
import { assertRejected, inputs, json, run, SERVICE_ARGS, synthCaught } from "./helpers";

const SVC: ContainerServiceArgs = {
  ...SERVICE_ARGS,
  secrets: { DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-AbCdEf" },
};
const DB_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  Principal?: { AWS?: string | string[]; Service?: string };
}

describe("aws key wiring", () => {
  describe("EncryptionKey principals given as Outputs are validated when they resolve [CKV_AWS_33]", () => {
    const cases: [string, string, string][] = [
      ["users", "*", 'aws.EncryptionKey "k": users[0] "*" is a wildcard principal'],
      [
        "users",
        "arn:aws:iam::*:root",
        'aws.EncryptionKey "k": users[0] "arn:aws:iam::*:root" names the account "*", where accounts are 12 digits (expected an IAM role',
      ],
      ["administrators", "*", 'aws.EncryptionKey "k": administrators[0] "*" is a wildcard principal'],
    ];
    for (const [field, value, message] of cases) {
      for (const preview of [true, false]) {
        it(`${field} ${value} (${preview ? "preview" : "update"})`, async () => {
          await assert.rejects(
            synth(
              () => {
                new EncryptionKey("k", {
                  [field]: [pulumi.output("arn:aws:iam::123456789012:role/ok"), pulumi.output(value)],
                });
              },
              { preview },
            ),
            (e: Error) => e.message.includes(message.replace("[0]", "[1]")),
          );
        });
      }
    }

    it("valid Output principals reach the policy", async () => {
      const role = "arn:aws:iam::123456789012:role/app";
      const { q } = await run(() => {
        new EncryptionKey("k", { users: [pulumi.output(role)] });
      });
      const doc = json<{ Statement: Statement[] }>(q, "aws:kms/key:Key", "k-cmk", "policy");
      assert.ok(doc.Statement.some((s) => JSON.stringify(s.Principal?.AWS ?? "").includes(role)));
      assert.ok(!doc.Statement.some((s) => [s.Principal?.AWS ?? []].flat().includes("*")));
    });

    it("a known wildcard still fails before anything registers", () =>
      assertRejected(() => new EncryptionKey("k", { users: ["*"] }), {
        component: "aws.EncryptionKey",
        field: "users[0]",
        value: '"*"',
        accepted: "an IAM role, user or account ARN",
      }));
  });

  describe("a given EncryptionKey must name the logs service where logs are written with it", () => {
    const builders: [string, string, (key: EncryptionKey) => unknown][] = [
      ["aws.Network", "groundwork:aws:Network", (key) => new Network("core", { encryptionKey: key })],
      [
        "aws.ContainerService",
        "groundwork:aws:ContainerService",
        (key) => new ContainerService("api", { ...SVC, encryptionKey: key }),
      ],
      [
        "aws.PostgresDatabase",
        "groundwork:aws:PostgresDatabase",
        (key) =>
          new PostgresDatabase("db", {
            vpcId: "vpc-0123456789abcdef0",
            subnetIds: ["subnet-a", "subnet-b"],
            encryptionKey: key,
          }),
      ],
    ];
    for (const [component, type, build] of builders) {
      it(`${component}: refused without "logs", accepted with it`, async () => {
        const { caught, graph } = await synthCaught(() =>
          build(new EncryptionKey("shared", { services: ["s3"] })),
        );
        assert.ok(caught instanceof GroundworkInputError, String(caught));
        assert.strictEqual(caught.component, component);
        assert.strictEqual(caught.field, "encryptionKey");
        assert.ok(caught.message.includes('"EncryptionKey with services [s3]"'), caught.message);
        assert.ok(
          caught.message.includes('(expected an EncryptionKey with services including "logs")'),
          caught.message,
        );
        assert.ok(!graph.resources.some((r) => r.type === type), "the component never registers");

        const { q } = await run(() => build(new EncryptionKey("shared", { services: ["logs", "s3"] })));
        assert.strictEqual(q.ofType(type).length, 1);
      });
    }

    it("EncryptionKey exposes the services its policy names", async () => {
      let services: readonly string[] = [];
      await synth(() => {
        services = new EncryptionKey("k", { services: ["logs", "rds"] }).services;
      });
      assert.deepStrictEqual(services, ["logs", "rds"]);
    });
  });

  describe("outputs", () => {
    it("Network exposes the flow log key; none when flow logs are off", async () => {
      const { q, graph } = await run(() => ({
        keyArn: new Network("core").keyArn,
        offKeyArn: new Network("bare", { flowLogs: false }).keyArn,
      }));
      assert.strictEqual(graph.outputs.keyArn, q.one("aws:kms/key:Key", "core-key-cmk").outputs.arn);
      assert.ok(typeof graph.outputs.keyArn === "string" && graph.outputs.keyArn.startsWith("arn:"));
      assert.strictEqual(graph.outputs.offKeyArn, undefined);
    });

    it("ContainerService exposes its key, HTTPS listener and target group", async () => {
      const { q, graph } = await run(() => {
        const s = new ContainerService("api", SVC);
        return { keyArn: s.keyArn, listener: s.httpsListenerArn, tg: s.targetGroupArn };
      });
      const arnOf = (type: string, name: string): unknown => q.one(type, name).outputs.arn;
      assert.strictEqual(graph.outputs.keyArn, arnOf("aws:kms/key:Key", "api-key-cmk"));
      assert.strictEqual(graph.outputs.listener, arnOf("aws:lb/listener:Listener", "api-https"));
      assert.strictEqual(graph.outputs.tg, arnOf("aws:lb/targetGroup:TargetGroup", "api-tg"));
      for (const v of Object.values(graph.outputs)) assert.strictEqual(typeof v, "string");
      assert.notStrictEqual(graph.outputs.listener, graph.outputs.tg);
    });

    it("a given key is the one exposed", async () => {
      const { q, graph } = await run(() => {
        const key = new EncryptionKey("shared", { services: ["logs"] });
        return {
          net: new Network("core", { encryptionKey: key }).keyArn,
          svc: new ContainerService("api", { ...SVC, encryptionKey: key }).keyArn,
        };
      });
      const arn = q.one("aws:kms/key:Key", "shared-cmk").outputs.arn;
      assert.deepStrictEqual([graph.outputs.net, graph.outputs.svc], [arn, arn]);
    });
  });

  describe("ContainerService secretKeyArns", () => {
    const execution = async (args: Partial<ContainerServiceArgs>): Promise<Statement[]> => {
      const { q } = await run(() => {
        new ContainerService("api", { ...SVC, ...args });
      });
      return json<{ Statement: Statement[] }>(
        q,
        "aws:iam/rolePolicy:RolePolicy",
        "api-execution-policy",
        "policy",
      ).Statement;
    };

    it("by default the execution role decrypts with no secret key", async () => {
      const statements = await execution({});
      assert.strictEqual(
        statements.find((s) => s.Sid === "DecryptSecrets"),
        undefined,
      );
      const decrypts = statements.filter((s) => [s.Action].flat().includes("kms:Decrypt"));
      assert.strictEqual(decrypts.length, 1);
      assert.ok(!JSON.stringify(decrypts).includes(DB_KEY));
    });

    it("grants kms:Decrypt on exactly the named keys, only via Secrets Manager and SSM in the region", async () => {
      const statements = await execution({ secretKeyArns: [pulumi.output(DB_KEY)] });
      const s = statements.find((x) => x.Sid === "DecryptSecrets");
      assert.ok(s);
      assert.strictEqual(s.Action, "kms:Decrypt");
      assert.deepStrictEqual(s.Resource, [DB_KEY]);
      assert.deepStrictEqual(s.Condition, {
        StringEquals: {
          "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"],
        },
      });
    });

    it("a key created in the same program (an Output) is wired in", async () => {
      const { q } = await run(() => {
        const dbKey = new EncryptionKey("db", { services: ["logs"] });
        new ContainerService("api", { ...SVC, secretKeyArns: [dbKey.arn] });
      });
      const doc = json<{ Statement: Statement[] }>(
        q,
        "aws:iam/rolePolicy:RolePolicy",
        "api-execution-policy",
        "policy",
      );
      assert.deepStrictEqual(doc.Statement.find((x) => x.Sid === "DecryptSecrets")?.Resource, [
        q.one("aws:kms/key:Key", "db-cmk").outputs.arn,
      ]);
      assert.ok(inputs(q, "aws:iam/rolePolicy:RolePolicy", "api-execution-policy").policy);
    });

    it("rejects a value that is not a key ARN", () =>
      assertRejected(() => new ContainerService("api", { ...SVC, secretKeyArns: ["alias/db"] }), {
        component: "aws.ContainerService",
        field: "secretKeyArns[0]",
        value: '"alias/db"',
        accepted: "a KMS key ARN",
      }));
  });
});
