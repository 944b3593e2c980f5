// Programs as people write them (issue 23): an image built in the same program is an Output, a database's
// secret handed to a service brings its key's grant, IAM authentication names the instance's real resource
// id offline, and address ranges are peers of `connections`.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ContainerService, PostgresDatabase, PostgresDatabaseArgs, cidrPeer } from "../../components/aws";
import { GraphQuery } from "../../testing";
import { synthRejectedLater } from "../kubernetes/helpers";
import { errorOf, inputs, json, run, SERVICE_ARGS } from "./helpers";

const DB: PostgresDatabaseArgs = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-aaa", "subnet-bbb"] };
const IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const OUT = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const DIGEST = `123456789012.dkr.ecr.us-east-1.amazonaws.com/api@sha256:${"ab".repeat(32)}`;

type Statement = { Sid: string; Resource: unknown; Action: unknown };
const statements = (q: GraphQuery, policy = "api-execution-policy"): Statement[] =>
  json<{ Statement: Statement[] }>(q, "aws:iam/rolePolicy:RolePolicy", policy, "policy").Statement;
const decryptSecrets = (q: GraphQuery) => statements(q).find((s) => s.Sid === "DecryptSecrets")?.Resource;

describe("aws.ContainerService image as an Output", () => {
  it("an image the program builds (an Output of a digest) lands in the task definition", async () => {
    const { q } = await run(() => {
      new ContainerService("api", { ...SERVICE_ARGS, image: pulumi.output(DIGEST) });
    });
    const [container] = JSON.parse(
      inputs(q, "aws:ecs/taskDefinition:TaskDefinition", "api-task").containerDefinitions as string,
    );
    assert.strictEqual(container.image, DIGEST);
  });

  it("an Output image is refused once known with the same error as a plain one", async () => {
    const seen = await synthRejectedLater(() => {
      new ContainerService("api", { ...SERVICE_ARGS, image: pulumi.output("nginx:latest") });
    });
    assert.ok(
      seen.some((m) =>
        m.includes('aws.ContainerService "api": image "nginx:latest" uses the mutable tag latest (expected'),
      ),
      seen.join("\n"),
    );
    // A plain string is still refused before anything registers, as before.
    const err = await errorOf(() => new ContainerService("api", { ...SERVICE_ARGS, image: "nginx:latest" }));
    assert.strictEqual(err.field, "image");
  });
});

describe("a database's secret handed to a service brings its key", () => {
  it("db.masterUserSecretArn, as it is or with a JSON key, needs no secretKeyArns: the execution role decrypts with the database key", async () => {
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", DB);
      new ContainerService("api", {
        ...SERVICE_ARGS,
        secrets: {
          DATABASE_SECRET: db.masterUserSecretArn,
          DATABASE_PASSWORD: pulumi.interpolate`${db.masterUserSecretArn}:password::`,
        },
      });
    });
    const dbKey = q.one("aws:kms/key:Key", "db-key-cmk").outputs.arn;
    assert.deepStrictEqual(
      decryptSecrets(q),
      [dbKey],
      "the key once, though two of its secret's keys are read",
    );
    const managed = (
      q.one("aws:rds/instance:Instance", "db-instance").outputs.masterUserSecrets as { secretArn: string }[]
    )[0].secretArn;
    assert.deepStrictEqual(statements(q).find((s) => s.Sid === "ReadSecrets")?.Resource, [managed]);
  });

  it("a key also named in secretKeyArns is granted once", async () => {
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", DB);
      new ContainerService("api", {
        ...SERVICE_ARGS,
        secrets: { DATABASE_SECRET: db.masterUserSecretArn },
        secretKeyArns: [db.keyArn],
      });
    });
    assert.deepStrictEqual(decryptSecrets(q), [q.one("aws:kms/key:Key", "db-key-cmk").outputs.arn]);
  });

  it("a secret made elsewhere brings nothing: no decrypt on any key but those named", async () => {
    const { q } = await run(() => {
      new PostgresDatabase("db", DB);
      new ContainerService("api", {
        ...SERVICE_ARGS,
        secrets: { TOKEN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-AbCdEf" },
      });
    });
    assert.strictEqual(decryptSecrets(q), undefined);
  });
});

describe("grantConnect offline: the instance's resource id has the RDS shape", () => {
  it("rds-db:connect names db-<id>/<user> without a hand-made resource id", async () => {
    const { q } = await run(() => {
      const db = new PostgresDatabase("app", DB);
      db.grantConnect(new ContainerService("api", SERVICE_ARGS));
    });
    const resourceId = q.one("aws:rds/instance:Instance", "app-instance").outputs.resourceId;
    assert.match(String(resourceId), /^db-[A-Z0-9]{26}$/);
    const policy = json<{ Statement: Statement[] }>(
      q,
      "aws:iam/policy:Policy",
      "app-grant-api-read-write",
      "policy",
    );
    assert.strictEqual(
      policy.Statement[0].Resource,
      `arn:aws:rds-db:us-east-1:123456789012:dbuser:${String(resourceId)}/api`,
    );
  });
});

describe("connections: address ranges as peers", () => {
  it("allowFrom(cidrPeer(range), port) opens the group to the range; allowTo adds egress on the group", async () => {
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", DB);
      const api = new ContainerService("api", SERVICE_ARGS);
      db.connections.allowFrom(cidrPeer("10.20.0.0/16"), 5432);
      api.connections.allowTo(cidrPeer("192.168.0.0/24"), 8443);
      db.connections.allowFrom(cidrPeer(pulumi.output("172.16.0.0/12"), "office"), 5432);
    });
    const dbSg = q.one("aws:ec2/securityGroup:SecurityGroup", "db-sg").outputs.id;
    const taskSg = q.one("aws:ec2/securityGroup:SecurityGroup", "api-task-sg").outputs.id;
    const rule = (type: string, name: string) => {
      const r = inputs(q, type, name);
      return [r.securityGroupId, r.cidrIpv4, r.referencedSecurityGroupId, r.fromPort, r.toPort];
    };
    assert.deepStrictEqual(rule(IN, "db-ingress-10.20.0.0-16-5432"), [
      dbSg,
      "10.20.0.0/16",
      undefined,
      5432,
      5432,
    ]);
    assert.deepStrictEqual(rule(OUT, "api-egress-192.168.0.0-24-8443"), [
      taskSg,
      "192.168.0.0/24",
      undefined,
      8443,
      8443,
    ]);
    assert.deepStrictEqual(rule(IN, "db-ingress-office-5432"), [
      dbSg,
      "172.16.0.0/12",
      undefined,
      5432,
      5432,
    ]);
    // No egress is added on a range: it is not a group.
    assert.ok(!q.ofType(OUT).some((r) => r.name.startsWith("db-peer-egress")));
  });

  it("refuses every address as a source, a range that is not one, the same range twice and an Output range without a name", async () => {
    const cases: [() => void, string, RegExp][] = [
      [
        () => new PostgresDatabase("db", DB).connections.allowFrom(cidrPeer("0.0.0.0/0"), 5432),
        "connections peer",
        /"0.0.0.0\/0" opens the group to every address \(expected a narrower range/,
      ],
      [
        () => new PostgresDatabase("db", DB).connections.allowFrom(cidrPeer("10.0.0.0/33"), 5432),
        "connections peer",
        /"10.0.0.0\/33" is not a valid IPv4 CIDR \(expected a.b.c.d\/n\)/,
      ],
      [
        () => {
          const db = new PostgresDatabase("db", DB);
          db.connections.allowFrom(cidrPeer("10.0.0.0/8"), 5432);
          db.connections.allowFrom(cidrPeer("10.0.0.0/8"), 5432);
        },
        "connections",
        /is already allowed on this component/,
      ],
      [
        () =>
          new PostgresDatabase("db", DB).connections.allowFrom(cidrPeer(pulumi.output("10.0.0.0/8")), 5432),
        "connections peer",
        /has no usable peerName \(expected .*cidrPeer\(range, peerName\)/,
      ],
    ];
    for (const [program, field, message] of cases) {
      const err = await errorOf(program);
      assert.strictEqual(err.field, field);
      assert.match(err.message, /^aws\.PostgresDatabase "db": /);
      assert.match(err.message, message);
    }
  });

  it("an Output range is checked once known", async () => {
    const seen = await synthRejectedLater(() => {
      new PostgresDatabase("db", DB).connections.allowFrom(cidrPeer(pulumi.output("0.0.0.0/0"), "all"), 5432);
    });
    assert.ok(
      seen.some((m) => m.includes('aws.PostgresDatabase "db": connections peer "0.0.0.0/0" opens the group')),
      seen.join("\n"),
    );
  });
});
