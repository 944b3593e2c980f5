// What the first `up` and the next ones do on a real account (issues 20 and 26), proved over the rendered
// graph: what must exist before what (CreationOrder), what the service and the database ask AWS to do on
// a change, and what is refused before anything registers.
import * as assert from "assert";
import * as iam from "@pulumi/aws/iam";
import {
  Bucket,
  ContainerService,
  PostgresDatabase,
  PostgresDatabaseArgs,
  roleGrantee,
} from "../../components/aws";
import { resolvePostgresDatabaseArgs } from "../../components/aws/postgres-database/args";
import { Validator, resolveProfile } from "../../components/core";
import { CreationOrder } from "../../engine/ordering";
import { GraphQuery } from "../../testing";
import { errorOf, grantOf, inputs, run, SERVICE_ARGS } from "./helpers";

const DB: PostgresDatabaseArgs = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-i1", "subnet-i2"] };
const urn = (q: GraphQuery, type: string, name: string): string => q.one(type, name).urn;

describe("first deploy: what waits for what", () => {
  it("bucket logging waits for the log bucket's policy, which waits for its public-access block", async () => {
    const { q, graph } = await run(() => {
      new Bucket("assets");
    });
    const order = new CreationOrder(graph);
    const logging = urn(q, "aws:s3/bucketLogging:BucketLogging", "assets-logging");
    const policy = urn(q, "aws:s3/bucketPolicy:BucketPolicy", "assets-logs-policy");
    assert.ok(
      order.waitsFor(logging, policy),
      "S3 refuses logging to a bucket whose policy does not let it write",
    );
    assert.ok(
      order.waitsFor(
        policy,
        urn(q, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "assets-logs-public-access"),
      ),
    );
  });

  it("a bucket logging to a given bucket waits for nothing of its own making", async () => {
    const { q, graph } = await run(() => {
      new Bucket("assets", { accessLogBucket: "acme-central-logs" });
    });
    const logging = q.one("aws:s3/bucketLogging:BucketLogging", "assets-logging");
    assert.strictEqual(logging.inputs.targetBucket, "acme-central-logs");
    assert.ok(
      !new CreationOrder(graph).waitsFor(
        logging.urn,
        urn(q, "aws:s3/bucketPolicy:BucketPolicy", "assets-policy"),
      ),
    );
  });

  it("the ECS service waits for its execution role's policy, its listener and the load balancer's log policy", async () => {
    const { q, graph } = await run(() => {
      new ContainerService("api", SERVICE_ARGS);
    });
    const order = new CreationOrder(graph);
    const svc = urn(q, "aws:ecs/service:Service", "api-service");
    for (const [type, name] of [
      ["aws:iam/rolePolicy:RolePolicy", "api-execution-policy"],
      ["aws:lb/listener:Listener", "api-https"],
      ["aws:s3/bucketPolicy:BucketPolicy", "api-alb-logs-policy"],
    ])
      assert.ok(order.waitsFor(svc, urn(q, type, name)), `api-service waits for ${name}`);
  });
});

describe("the ECS service on day 2", () => {
  it("fails the up on a failed rollout, and leaves the running count to autoscaling", async () => {
    const { q } = await run(() => {
      new ContainerService("api", SERVICE_ARGS);
    });
    const svc = q.one("aws:ecs/service:Service", "api-service");
    assert.strictEqual(svc.inputs.waitForSteadyState, true);
    assert.deepStrictEqual(svc.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
    assert.deepStrictEqual(svc.ignoreChanges, ["desiredCount"]);
    assert.strictEqual(svc.inputs.desiredCount, 1, "the first deployment starts at the minimum");
  });

  it("the HTTPS listener lets go of the target group before a replaced load balancer's listener takes it", async () => {
    const { q } = await run(() => {
      new ContainerService("api", SERVICE_ARGS);
    });
    assert.strictEqual(q.one("aws:lb/listener:Listener", "api-https").deleteBeforeReplace, true);
    assert.strictEqual(q.one("aws:lb/listener:Listener", "api-http-redirect").deleteBeforeReplace, false);
  });

  it("load balancer deletion protection follows the profile; turning it off is a named weakening", async () => {
    const { q, graph } = await run(() => {
      new ContainerService("dev", SERVICE_ARGS);
      new ContainerService("prod", { ...SERVICE_ARGS, environment: "prod" });
      return new ContainerService("moving", {
        ...SERVICE_ARGS,
        environment: "prod",
        loadBalancerDeletionProtection: false,
      }).weakened.apply((weakened) => ({ weakened }));
    });
    const alb = (n: string) => inputs(q, "aws:lb/loadBalancer:LoadBalancer", `${n}-alb`);
    assert.deepStrictEqual(
      ["dev", "prod", "moving"].map((n) => alb(n).enableDeletionProtection),
      [false, true, false],
    );
    assert.deepStrictEqual(graph.outputs.weakened, ["loadBalancerDeletionProtection"]);
    assert.match(
      String((alb("moving").tags as Record<string, string>)["groundwork-weakened"]),
      /loadBalancerDeletionProtection/,
    );
  });

  it("refuses a region AWS does not have, naming the nearest", async () => {
    await assert.rejects(
      run(
        () => {
          new ContainerService("api", SERVICE_ARGS);
        },
        { config: { "aws:region": "eu-west-99" } },
      ),
      /aws\.ContainerService "api": region "eu-west-99" is not a known AWS region \(did you mean "eu-west-[123]"\?\)/,
    );
  });
});

describe("the database on day 2", () => {
  const resolve = (args: Partial<PostgresDatabaseArgs>, now: string) =>
    resolvePostgresDatabaseArgs(
      new Validator("aws.PostgresDatabase", "app"),
      { ...DB, ...args },
      resolveProfile(new Validator("aws.PostgresDatabase", "app"), "dev"),
      undefined,
      new Date(now),
    );

  it("refuses a minor pin beside automatic minor upgrades, naming the major to give instead", async () => {
    const err = await errorOf(() => {
      new PostgresDatabase("app", { ...DB, engineVersion: "16.4" });
    });
    assert.strictEqual(err.field, "engineVersion");
    assert.match(err.message, /pins a minor version.*expected the major alone \("16"\)/);
  });

  it("refuses a major past RDS standard support unless the instance may enrol in paid Extended Support", () => {
    assert.throws(
      () => resolve({ engineVersion: "14" }, "2027-03-01"),
      /engineVersion "14" left RDS standard support on 2027-02-28 .*expected a newer major, or extendedSupport: true/,
    );
    assert.strictEqual(
      resolve({ engineVersion: "14", extendedSupport: true }, "2027-03-01").extendedSupport,
      true,
    );
    assert.strictEqual(resolve({ engineVersion: "14" }, "2026-01-01").engineVersion, "14");
    assert.strictEqual(resolve({ engineVersion: "17" }, "2027-03-01").engineVersion, "17");
  });

  it("warns when the major leaves standard support within 180 days", async () => {
    // Today is past 2026-09-01, so "14" (standard support ends 2027-02-28) is inside the window.
    const { graph } = await run(() => {
      new PostgresDatabase("app", { ...DB, engineVersion: "14" });
    });
    const now = Date.now();
    const warned = graph.logs.some(
      (l) =>
        l.severity === "warning" && /PostgreSQL 14 leaves RDS standard support on 2027-02-28/.test(l.message),
    );
    assert.strictEqual(warned, now >= Date.parse("2026-09-01") && now < Date.parse("2027-02-28"));
  });

  it("upgrades majors, applies changes during the up, disables Extended Support and uses Database Insights", async () => {
    const { q } = await run(() => {
      new PostgresDatabase("app", DB);
      new PostgresDatabase("paid", { ...DB, extendedSupport: true, applyImmediately: false });
    });
    const app = inputs(q, "aws:rds/instance:Instance", "app-instance");
    assert.deepStrictEqual(
      [app.engineVersion, app.autoMinorVersionUpgrade, app.allowMajorVersionUpgrade, app.applyImmediately],
      ["16", true, true, true],
    );
    assert.strictEqual(app.engineLifecycleSupport, "open-source-rds-extended-support-disabled");
    assert.strictEqual(app.databaseInsightsMode, "standard");
    assert.deepStrictEqual(
      [app.performanceInsightsEnabled, app.performanceInsightsRetentionPeriod],
      [true, 7],
    );
    const paid = inputs(q, "aws:rds/instance:Instance", "paid-instance");
    assert.deepStrictEqual(
      [paid.engineLifecycleSupport, paid.applyImmediately],
      ["open-source-rds-extended-support", false],
    );
    assert.deepStrictEqual(q.one("aws:rds/instance:Instance", "app-instance").ignoreChanges, [
      "dbName",
      "username",
      "engineLifecycleSupport",
    ]);
  });

  it("grantConnect: rds-db:connect for one user of this instance, on the grantee's role, through a managed policy", async () => {
    const { q } = await run(
      () => {
        const db = new PostgresDatabase("app", DB);
        const api = new ContainerService("api", SERVICE_ARGS);
        db.grantConnect(api);
        db.grantConnect(roleGrantee("batch-jobs", "arn:aws:iam::123456789012:role/batch"), {
          user: "reports",
        });
      },
      {
        newResource: ({ type, name, inputs: i }) => ({
          state: {
            name: i.name ?? `${name}-physical`,
            ...(type === "aws:rds/instance:Instance" ? { resourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXY" } : {}),
          },
        }),
      },
    );
    const api = grantOf(q, "app-grant-api-read-write");
    assert.deepStrictEqual(JSON.parse(api.policy.inputs.policy as string).Statement, [
      {
        Sid: "ConnectAsUser",
        Effect: "Allow",
        Action: ["rds-db:connect"],
        Resource: "arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJKLMNOPQRSTUVWXY/api",
      },
    ]);
    assert.deepStrictEqual(api.attachment.propertyDependencies.role, [
      urn(q, "aws:iam/role:Role", "api-task-role"),
    ]);
    const batch = grantOf(q, "app-grant-batch-jobs-read-write");
    assert.match(JSON.parse(batch.policy.inputs.policy as string).Statement[0].Resource, /\/reports$/);
    assert.strictEqual(batch.attachment.inputs.role, "batch");
  });

  it("grantConnect refuses the master user, reserved names and names PostgreSQL does not take", async () => {
    for (const user of ["groundwork", "rdsadmin", "9lives", "a-b"]) {
      const err = await errorOf(() => {
        new PostgresDatabase("app", DB).grantConnect(new iam.Role("r", { assumeRolePolicy: "{}" }), { user });
      });
      assert.strictEqual(err.field, "grantConnect user", user);
    }
  });
});

describe("grants: managed policies, counted per grantee", () => {
  it("warns past a role's default quota of managed policies and refuses past its maximum", async () => {
    const grants = (n: number) => () => {
      const role = new iam.Role("worker", { assumeRolePolicy: "{}" });
      for (let i = 0; i < n; i++) new Bucket(`b${i}`).grantRead(role);
    };
    const eleven = await run(grants(11));
    assert.ok(
      eleven.graph.logs.some(
        (l) => l.severity === "warning" && /raise the Service Quotas limit L-0DA4ABF3/.test(l.message),
      ),
    );
    const ten = await run(grants(10));
    assert.ok(!ten.graph.logs.some((l) => /L-0DA4ABF3/.test(l.message)));
    const err = await errorOf(grants(21));
    assert.strictEqual(err.field, "grantee");
    assert.match(err.message, /would take its 21th managed policy; a role takes at most 20/);
  });
});
