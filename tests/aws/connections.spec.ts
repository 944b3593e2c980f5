// Connections after construction: `database.connections.allowDefaultPortFrom(service)` opens the database's
// group to the service's tasks (and their egress to it) in children of the database named from the peer and
// port, whichever was built first; the same peer twice is an error; and the database's outputs plug into the
// service's inputs with no cast (this file compiles under the build's tsc).
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
  ConnectionRules,
  ContainerService,
  PostgresDatabase,
  PostgresDatabaseArgs,
  securityGroupPeer,
} from "../../components/aws";
import { GraphQuery } from "../../testing";
import { errorOf, inputs, json, run, SERVICE_ARGS } from "./helpers";

const IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const OUT = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const DB: PostgresDatabaseArgs = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-aaa", "subnet-bbb"] };

/** The physical id of a security group, as the rules must reference it. */
const sgId = (q: GraphQuery, name: string): unknown => q.one(SG, name).outputs.id;

/** The rule's group, peer group, protocol and port range. */
function shape(q: GraphQuery, type: string, name: string) {
  const r = inputs(q, type, name);
  return [r.securityGroupId, r.referencedSecurityGroupId, r.ipProtocol, r.fromPort, r.toPort];
}

/** The names of the rules under the database component. */
const dbRules = (q: GraphQuery): string[] =>
  [...q.ofType(IN), ...q.ofType(OUT)]
    .filter((r) => r.parent === q.one("groundwork:aws:PostgresDatabase", "db").urn)
    .map((r) => r.name)
    .sort();

describe("connections after construction", () => {
  it("allowDefaultPortFrom: ingress on the database's group from the tasks' group, egress back, tcp 5432", async () => {
    let made: ConnectionRules | undefined;
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", DB);
      const api = new ContainerService("api", SERVICE_ARGS);
      made = db.connections.allowDefaultPortFrom(api);
    });
    const [db, tasks] = [sgId(q, "db-sg"), sgId(q, "api-task-sg")];
    assert.ok(typeof db === "string" && typeof tasks === "string" && db !== tasks);
    assert.deepStrictEqual(shape(q, IN, "db-ingress-api-5432"), [db, tasks, "tcp", 5432, 5432]);
    assert.deepStrictEqual(shape(q, OUT, "db-peer-egress-api-5432"), [tasks, db, "tcp", 5432, 5432]);
    assert.deepStrictEqual(dbRules(q), ["db-ingress-api-5432", "db-peer-egress-api-5432"]);
    assert.strictEqual(inputs(q, IN, "db-ingress-api-5432").description, "PostgreSQL from api");
    assert.deepStrictEqual(q.one(IN, "db-ingress-api-5432").propertyDependencies.referencedSecurityGroupId, [
      q.one(SG, "api-task-sg").urn,
    ]);
    assert.ok(made?.egress, "the tasks' restricted egress is opened too");
    const tags = inputs(q, OUT, "db-peer-egress-api-5432").tags as Record<string, string>;
    assert.strictEqual(tags.component, "aws.PostgresDatabase", "the rules carry the database's tags");
  });

  it("names and rules do not depend on which component was built first, nor on allowFrom or allowTo", async () => {
    const rules = async (dbFirst: boolean, viaTo: boolean): Promise<unknown[]> => {
      const { q } = await run(() => {
        const early = dbFirst ? new PostgresDatabase("db", DB) : undefined;
        const api = new ContainerService("api", SERVICE_ARGS);
        const db = early ?? new PostgresDatabase("db", DB);
        if (viaTo) api.connections.allowDefaultPortTo(db);
        else db.connections.allowFrom(api, 5432);
      });
      return [dbRules(q), shape(q, IN, "db-ingress-api-5432"), shape(q, OUT, "db-peer-egress-api-5432")];
    };
    const first = await rules(true, false);
    assert.deepStrictEqual(await rules(false, false), first);
    assert.deepStrictEqual(await rules(false, true), first);
  });

  it("the same peer and port twice is a clear error, by default id or by another id", async () => {
    for (const second of [{}, { id: "again" }]) {
      const err = await errorOf(() => {
        const db = new PostgresDatabase("db", DB);
        const api = new ContainerService("api", SERVICE_ARGS);
        db.connections.allowDefaultPortFrom(api);
        db.connections.allowDefaultPortFrom(api, second);
      });
      assert.strictEqual(err.component, "aws.PostgresDatabase");
      assert.strictEqual(err.field, "connections");
      assert.match(err.message, /api:5432 .*already allowed on this component by db-ingress-api-5432/);
    }
  });

  it("an id a construction-time rule holds is refused; a free index takes that rule's name over", async () => {
    const err = await errorOf(() => {
      const db = new PostgresDatabase("db", { ...DB, allowedSecurityGroupIds: ["sg-0123456789abcdef0"] });
      db.connections.allowDefaultPortFrom(new ContainerService("api", SERVICE_ARGS), { id: "0" });
    });
    assert.match(err.message, /already allowed on this component by a construction-time list/);
    const urn = async (late: boolean): Promise<string> => {
      const { q } = await run(() => {
        const api = new ContainerService("api", SERVICE_ARGS);
        const db = new PostgresDatabase(
          "db",
          late ? DB : { ...DB, allowedSecurityGroupIds: [api.taskSecurityGroupId] },
        );
        if (late) db.connections.allowDefaultPortFrom(api, { id: "0" });
      });
      return q.one(IN, "db-ingress-0").urn;
    };
    assert.strictEqual(await urn(true), await urn(false));
  });

  it("refuses a port out of range, a peer without a group, and a default port the tasks do not have", async () => {
    const cases: [() => void, string, RegExp][] = [
      [
        () => new PostgresDatabase("db", DB).connections.allowFrom(securityGroupPeer("ops", "sg-1"), 70000),
        "connections port",
        /70000 .*an integer from 1 to 65535/,
      ],
      [
        () => new PostgresDatabase("db", DB).connections.allowDefaultPortFrom({} as never),
        "connections peer",
        /has no security group/,
      ],
      [
        () =>
          new ContainerService("api", SERVICE_ARGS).connections.allowDefaultPortFrom(
            securityGroupPeer("ops", "sg-1"),
          ),
        "connections",
        /has no default port .*allowFrom\(peer, port\)/,
      ],
    ];
    for (const [program, field, message] of cases) {
      const err = await errorOf(program);
      assert.strictEqual(err.field, field);
      assert.match(err.message, message);
    }
  });

  it("a load balancer's connections open 443 to another service; a foreign group gets no egress rule", async () => {
    let foreign: ConnectionRules | undefined;
    const { q } = await run(() => {
      const api = new ContainerService("api", SERVICE_ARGS);
      const worker = new ContainerService("worker", SERVICE_ARGS);
      api.loadBalancerConnections.allowDefaultPortFrom(worker);
      const db = new PostgresDatabase("db", DB);
      foreign = db.connections.allowFrom(securityGroupPeer("bastion", "sg-0aaaabbbbccccdddd"), 5432);
    });
    assert.ok(foreign?.ingress);
    assert.strictEqual(foreign.egress, undefined);
    const [alb, tasks] = [sgId(q, "api-alb-sg"), sgId(q, "worker-task-sg")];
    assert.deepStrictEqual(shape(q, IN, "api-alb-ingress-worker-443"), [alb, tasks, "tcp", 443, 443]);
    assert.deepStrictEqual(shape(q, OUT, "api-alb-peer-egress-worker-443"), [tasks, alb, "tcp", 443, 443]);
    assert.deepStrictEqual(shape(q, IN, "db-ingress-bastion-5432").slice(1), [
      "sg-0aaaabbbbccccdddd",
      "tcp",
      5432,
      5432,
    ]);
    assert.deepStrictEqual(dbRules(q), ["db-ingress-bastion-5432"]);
  });

  it("the database's secret and key plug into the service without a cast; the execution role reads exactly them", async () => {
    const { q } = await run(() => {
      const db = new PostgresDatabase("db", DB);
      const secretArn: pulumi.Output<string> = db.masterUserSecretArn;
      new ContainerService("api", {
        ...SERVICE_ARGS,
        secrets: {
          DATABASE_SECRET: secretArn,
          DATABASE_PASSWORD: pulumi.interpolate`${secretArn}:password::`,
        },
        secretKeyArns: [db.keyArn],
      });
    });
    const managed = (
      q.one("aws:rds/instance:Instance", "db-instance").outputs.masterUserSecrets as { secretArn: string }[]
    )[0].secretArn;
    assert.match(managed, /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:rds!db-/);
    const [container] = JSON.parse(
      inputs(q, "aws:ecs/taskDefinition:TaskDefinition", "api-task").containerDefinitions as string,
    );
    assert.deepStrictEqual(container.secrets, [
      { name: "DATABASE_SECRET", valueFrom: managed },
      { name: "DATABASE_PASSWORD", valueFrom: `${managed}:password::` },
    ]);
    const policy = json<{ Statement: { Sid: string; Resource: unknown }[] }>(
      q,
      "aws:iam/rolePolicy:RolePolicy",
      "api-execution-policy",
      "policy",
    );
    const sid = (s: string) => policy.Statement.find((st) => st.Sid === s)?.Resource;
    assert.deepStrictEqual(sid("ReadSecrets"), [managed], "the secret once, though two of its keys are read");
    assert.deepStrictEqual(sid("DecryptSecrets"), [q.one("aws:kms/key:Key", "db-key-cmk").outputs.arn]);
  });
});
