// ContainerPlatform (issue 23): several services share one ECS cluster and one load balancer, each reached
// by a listener rule of its own; a service without a platform keeps its own, as before; an internal load
// balancer may go without a certificate (plain HTTP, a recorded weakening the pack flags), an
// internet-facing one may not.
import * as assert from "assert";
import { ContainerPlatform, ContainerPlatformArgs, ContainerService } from "../../components/aws";
import { WEAKENED_TAG } from "../../components/core";
import { GraphQuery, synth } from "../../testing";
import { evaluatePolicies } from "../../check";
import { assertRejected, errorOf, inputs, run, SERVICE_ARGS } from "./helpers";

const T = {
  alb: "aws:lb/loadBalancer:LoadBalancer",
  listener: "aws:lb/listener:Listener",
  rule: "aws:lb/listenerRule:ListenerRule",
  tg: "aws:lb/targetGroup:TargetGroup",
  cluster: "aws:ecs/cluster:Cluster",
  service: "aws:ecs/service:Service",
  bucket: "aws:s3/bucket:Bucket",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  in: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  out: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
};
const PLATFORM: ContainerPlatformArgs = {
  vpcId: SERVICE_ARGS.vpcId,
  subnetIds: ["subnet-p1", "subnet-p2"],
  certificateArn: SERVICE_ARGS.certificateArn,
};
const { certificateArn: _cert, vpcId: _vpc, ...ON_PLATFORM } = SERVICE_ARGS;

/** Two services on one platform, by host and by path. */
function twoServices(): void {
  const platform = new ContainerPlatform("shared", PLATFORM);
  new ContainerService("api", {
    ...ON_PLATFORM,
    platform,
    listenerPriority: 10,
    hostHeaders: ["api.example.com"],
  });
  new ContainerService("admin", {
    ...ON_PLATFORM,
    platform,
    listenerPriority: 20,
    pathPatterns: ["/admin/*"],
  });
}

const count = (q: GraphQuery, type: string) => q.ofType(type).length;

describe("aws.ContainerPlatform: services share one cluster and one load balancer", () => {
  it("twenty services pay for one load balancer, one cluster and one log bucket, not twenty", async () => {
    const { q } = await run(() => {
      const platform = new ContainerPlatform("shared", PLATFORM);
      for (let i = 0; i < 20; i++)
        new ContainerService(`svc${i}`, {
          ...ON_PLATFORM,
          platform,
          listenerPriority: i + 1,
          hostHeaders: [`svc${i}.example.com`],
        });
    });
    assert.strictEqual(count(q, T.alb), 1);
    assert.strictEqual(count(q, T.cluster), 1);
    assert.strictEqual(count(q, T.bucket), 1);
    assert.strictEqual(count(q, T.listener), 2, "the HTTPS listener and the redirect");
    assert.strictEqual(count(q, T.rule), 20);
    assert.strictEqual(count(q, T.service), 20);
  });

  it("each service forwards its hosts or paths to its own target group, on the shared listener, in the shared cluster", async () => {
    const { q } = await run(twoServices);
    const https = q.one(T.listener, "shared-https");
    assert.strictEqual(https.inputs.protocol, "HTTPS");
    assert.deepStrictEqual(https.inputs.defaultActions, [
      { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } },
    ]);
    const api = inputs(q, T.rule, "api-rule");
    assert.strictEqual(api.listenerArn, https.outputs.arn);
    assert.strictEqual(api.priority, 10);
    assert.deepStrictEqual(api.conditions, [{ hostHeader: { values: ["api.example.com"] } }]);
    assert.deepStrictEqual(api.actions, [
      { type: "forward", targetGroupArn: q.one(T.tg, "api-tg").outputs.arn },
    ]);
    assert.deepStrictEqual(inputs(q, T.rule, "admin-rule").conditions, [
      { pathPattern: { values: ["/admin/*"] } },
    ]);
    const cluster = q.one(T.cluster, "shared-cluster").outputs.arn;
    assert.strictEqual(inputs(q, T.service, "api-service").cluster, cluster);
    assert.strictEqual(inputs(q, T.service, "admin-service").cluster, cluster);
    // The service waits for its rule: a target group no rule forwards to cannot take an ECS service.
    assert.ok(q.one(T.service, "api-service").dependencies.includes(q.one(T.rule, "api-rule").urn));
    // No load balancer, cluster or log bucket of the services' own.
    for (const own of ["api-alb", "api-cluster", "api-https", "admin-alb"])
      assert.ok(!q.graph.resources.some((r) => r.name === own), own);
  });

  it("the shared load balancer's group reaches each service's tasks on its port only, rules children of the service", async () => {
    const { q } = await run(twoServices);
    const albSg = q.one(T.sg, "shared-alb-sg").outputs.id;
    const apiTasks = q.one(T.sg, "api-task-sg").outputs.id;
    const toTasks = q.one(T.out, "api-alb-to-tasks");
    assert.deepStrictEqual(
      [toTasks.inputs.securityGroupId, toTasks.inputs.referencedSecurityGroupId, toTasks.inputs.fromPort],
      [albSg, apiTasks, 8080],
    );
    assert.strictEqual(toTasks.parent, q.one("groundwork:aws:ContainerService", "api").urn);
    assert.strictEqual(inputs(q, T.in, "api-task-from-alb").referencedSecurityGroupId, albSg);
  });

  it("a service without a platform keeps its own cluster, load balancer and listeners, named as before", async () => {
    const { q } = await run(() => new ContainerService("api", SERVICE_ARGS));
    for (const [type, name] of [
      [T.alb, "api-alb"],
      [T.cluster, "api-cluster"],
      [T.listener, "api-https"],
      [T.listener, "api-http-redirect"],
      [T.sg, "api-alb-sg"],
    ])
      assert.ok(q.one(type, name));
    assert.strictEqual(count(q, T.rule), 0);
    assert.deepStrictEqual(inputs(q, T.listener, "api-https").defaultActions, [
      { type: "forward", targetGroupArn: q.one(T.tg, "api-tg").outputs.arn },
    ]);
  });

  it("refuses a priority another service holds, the load balancer's own arguments, routes without a platform and a platform that is not one", async () => {
    const err = await errorOf(() => {
      const platform = new ContainerPlatform("shared", PLATFORM);
      new ContainerService("api", {
        ...ON_PLATFORM,
        platform,
        listenerPriority: 10,
        hostHeaders: ["a.example.com"],
      });
      new ContainerService("web", {
        ...ON_PLATFORM,
        platform,
        listenerPriority: 10,
        hostHeaders: ["b.example.com"],
      });
    });
    assert.strictEqual(err.field, "listenerPriority");
    assert.match(
      err.message,
      /^aws\.ContainerService "web": listenerPriority 10 is already the priority of service "api"/,
    );
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ certificateArn: SERVICE_ARGS.certificateArn }, "certificateArn", /is the platform's/],
      [{ internetFacing: true }, "internetFacing", /is the platform's/],
      [{ hostHeaders: [] }, "hostHeaders", /and pathPatterns are both empty/],
      [{ hostHeaders: ["localhost"] }, "hostHeaders[0]", /is not valid/],
      [
        {
          pathPatterns: ["a", "b"].map((p) => `/${p}`),
          hostHeaders: ["a.x.io", "b.x.io", "c.x.io", "d.x.io"],
        },
        "hostHeaders",
        /hold 6 values/,
      ],
      [{ listenerPriority: undefined }, "listenerPriority", /is required/],
    ];
    for (const [extra, field, message] of cases) {
      const e = await errorOf(() => {
        const platform = new ContainerPlatform("shared", PLATFORM);
        new ContainerService("api", {
          ...ON_PLATFORM,
          platform,
          listenerPriority: 10,
          hostHeaders: ["a.example.com"],
          ...extra,
        });
      });
      assert.strictEqual(e.field, field, e.message);
      assert.match(e.message, message);
    }
    // A service refused for another reason leaves its priority free for the next.
    const freed = await errorOf(() => {
      const platform = new ContainerPlatform("shared", PLATFORM);
      const route = { platform, listenerPriority: 10, hostHeaders: ["a.example.com"] };
      try {
        new ContainerService("api", { ...ON_PLATFORM, ...route, cpu: 3 });
      } catch {
        new ContainerService("web", { ...ON_PLATFORM, ...route });
        new ContainerService("web2", { ...ON_PLATFORM, ...route });
      }
    });
    assert.match(
      freed.message,
      /^aws\.ContainerService "web2": listenerPriority 10 is already the priority of service "web"/,
    );
    await assertRejected(() => new ContainerService("api", { ...SERVICE_ARGS, listenerPriority: 5 }), {
      component: "aws.ContainerService",
      field: "listenerPriority",
      value: "5",
      accepted: "platform: a ContainerPlatform",
    });
    await assertRejected(
      () =>
        new ContainerService("api", {
          ...ON_PLATFORM,
          platform: { name: "x" } as never,
          listenerPriority: 1,
        }),
      {
        component: "aws.ContainerService",
        field: "platform",
        value: "not a ContainerPlatform",
        accepted: "a ContainerPlatform made in this program",
      },
    );
  });
});

describe("a certificate is optional for an internal load balancer only", () => {
  it("an internal service without one listens on plain HTTP inside the network: recorded weakened, flagged for a waiver", async () => {
    const { q } = await run(
      () => new ContainerService("api", { ...SERVICE_ARGS, certificateArn: undefined }),
    );
    const http = inputs(q, T.listener, "api-http");
    assert.deepStrictEqual([http.protocol, http.port, http.certificateArn], ["HTTP", 80, undefined]);
    assert.deepStrictEqual(http.defaultActions, [
      { type: "forward", targetGroupArn: q.one(T.tg, "api-tg").outputs.arn },
    ]);
    assert.ok(!q.graph.resources.some((r) => r.name === "api-https" || r.name === "api-http-redirect"));
    assert.ok(!q.ofType(T.in).some((r) => r.inputs.fromPort === 443 && r.name.startsWith("api-alb-")));
    assert.match(
      String((inputs(q, T.alb, "api-alb").tags as Record<string, string>)[WEAKENED_TAG]),
      /certificateArn/,
    );
    const platform = await run(
      () => new ContainerPlatform("shared", { ...PLATFORM, certificateArn: undefined }),
    );
    assert.strictEqual(inputs(platform.q, T.listener, "shared-http").protocol, "HTTP");
  });

  it("the pack flags the plaintext listener (mandatory, to be waived with a reason), and only it", async () => {
    const report = await evaluatePolicies(
      await synth(() => new ContainerService("api", { ...SERVICE_ARGS, certificateArn: undefined }), {
        config: { "aws:region": "eu-west-1" },
      }),
    );
    const https = report.violations.filter((v) => v.policy === "aws-lb-listener-https");
    assert.deepStrictEqual(
      https.map((v) => [v.enforcementLevel, v.urn?.split("::").pop()]),
      [["mandatory", "api-http"]],
    );
  });

  it("with one, nothing is weakened", async () => {
    const { q } = await run(() => new ContainerService("api", SERVICE_ARGS));
    assert.strictEqual((inputs(q, T.alb, "api-alb").tags as Record<string, string>)[WEAKENED_TAG], undefined);
  });

  it("an internet-facing service or platform without one is refused before anything registers", async () => {
    await assertRejected(
      () =>
        new ContainerService("api", {
          ...SERVICE_ARGS,
          certificateArn: undefined,
          internetFacing: true,
          loadBalancerSubnetIds: ["subnet-pub1", "subnet-pub2"],
        }),
      {
        component: "aws.ContainerService",
        field: "certificateArn",
        value: "undefined",
        accepted: /ACM certificate ARN/,
      },
    );
    await assertRejected(
      () => new ContainerPlatform("shared", { ...PLATFORM, certificateArn: undefined, internetFacing: true }),
      {
        component: "aws.ContainerPlatform",
        field: "certificateArn",
        value: "undefined",
        accepted: /ACM certificate ARN/,
      },
    );
  });
});
