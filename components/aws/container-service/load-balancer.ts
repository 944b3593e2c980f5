// ContainerService wiring, front half: the tasks' security group and the rules between it and the load
// balancer's, the target group, and the way in: a load balancer of the service's own (front.ts), or a
// listener rule on its platform's shared one.
import * as pulumi from "@pulumi/pulumi";
import * as lb from "@pulumi/aws/lb";
import * as ec2 from "@pulumi/aws/ec2";
import { childName } from "../../core";
import { AwsContext } from "../documents";
import { RulePeer, egressRule, ingressRule } from "../connections";
import { ResolvedContainerServiceArgs } from "./args";
import { FrontParts, loadBalancerFront } from "./front";
import { fittedArg } from "./names";

export { TLS_POLICY } from "./front";

/** What the wiring steps share: the component, its name and its resolved arguments. */
export interface ServiceScope {
  readonly component: pulumi.Resource;
  readonly name: string;
  readonly r: ResolvedContainerServiceArgs;
  readonly ctx: pulumi.Output<AwsContext>;
  /** The region, refused (naming the nearest) when AWS has no such region. */
  readonly region: pulumi.Output<string>;
}

/** The front of the service, for the task side and the outputs. */
export interface LoadBalancerParts extends FrontParts {
  readonly taskSg: ec2.SecurityGroup;
  readonly targetGroup: lb.TargetGroup;
}

/** One tcp rule on a group of the service, named `<service>-<child>`. */
function rule(
  s: ServiceScope,
  kind: "ingress" | "egress",
  child: string,
  groupId: pulumi.Output<string>,
  peer: RulePeer,
  port: number,
  description: string,
): void {
  const make = kind === "ingress" ? ingressRule : egressRule;
  make(s.component, childName(s.name, child), { groupId, peer, port, description, tags: s.r.tags });
}

/**
 * The task group: from the load balancer's group only, on the container port, and HTTPS out. The load
 * balancer's egress to it is a child of the service too, also when the load balancer is the platform's.
 */
function taskGroup(s: ServiceScope, albSg: ec2.SecurityGroup): ec2.SecurityGroup {
  const { name, r } = s;
  const taskSg = new ec2.SecurityGroup(
    childName(name, "task-sg"),
    {
      ...fittedArg("taskSg", name),
      vpcId: r.vpcId,
      description: `Tasks of ${name}: from the load balancer only`,
      tags: r.tags,
    },
    { parent: s.component },
  );
  const port = r.containerPort;
  rule(s, "egress", "alb-to-tasks", albSg.id, { referencedSecurityGroupId: taskSg.id }, port, "To the tasks");
  rule(
    s,
    "ingress",
    "task-from-alb",
    taskSg.id,
    { referencedSecurityGroupId: albSg.id },
    port,
    "From the load balancer",
  );
  // Tasks reach ECR, Secrets Manager, CloudWatch and their own dependencies over HTTPS only.
  rule(s, "egress", "task-egress-https", taskSg.id, { cidrIpv4: "0.0.0.0/0" }, 443, "HTTPS out");
  return taskSg;
}

/** The target group the tasks register in, health-checked on the configured path. */
function targetGroup(s: ServiceScope): lb.TargetGroup {
  return new lb.TargetGroup(
    childName(s.name, "tg"),
    {
      ...fittedArg("tg", s.name),
      vpcId: s.r.vpcId,
      targetType: "ip",
      protocol: "HTTP",
      port: s.r.containerPort,
      deregistrationDelay: 30,
      healthCheck: {
        enabled: true,
        path: s.r.healthCheckPath,
        matcher: "200-399",
        interval: 15,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
      tags: s.r.tags,
    },
    { parent: s.component },
  );
}

/**
 * On a platform: a rule on its shared listener forwarding the service's hosts and paths to its target
 * group, `<service>-rule`, a child of the service. Returns the platform's front with the rule as the
 * listener the service waits for (the target group is usable by ECS only once a rule forwards to it).
 */
function platformRoute(s: ServiceScope, tg: lb.TargetGroup): FrontParts & { rule: lb.ListenerRule } {
  const platform = s.r.platform!;
  const { hostHeaders, pathPatterns } = s.r.route;
  const listenerRule = new lb.ListenerRule(
    childName(s.name, "rule"),
    {
      listenerArn: platform.front.listener.arn,
      priority: s.r.route.priority,
      actions: [{ type: "forward", targetGroupArn: tg.arn }],
      conditions: [
        ...(hostHeaders.length > 0 ? [{ hostHeader: { values: [...hostHeaders] } }] : []),
        ...(pathPatterns.length > 0 ? [{ pathPattern: { values: [...pathPatterns] } }] : []),
      ],
      tags: s.r.tags,
    },
    { parent: s.component },
  );
  return { ...platform.front, rule: listenerRule };
}

/** The service's way in: its own load balancer, or a rule on its platform's. */
export function loadBalancer(s: ServiceScope): LoadBalancerParts & { readonly ready: pulumi.Resource } {
  const tg = targetGroup(s);
  if (s.r.platform !== undefined) {
    const front = platformRoute(s, tg);
    return { ...front, taskSg: taskGroup(s, front.albSg), targetGroup: tg, ready: front.rule };
  }
  const { r } = s;
  const front = loadBalancerFront(
    {
      component: s.component,
      name: s.name,
      ctx: s.ctx,
      vpcId: r.vpcId,
      subnetIds: r.loadBalancerSubnetIds,
      internetFacing: r.internetFacing,
      allowedCidrBlocks: r.allowedCidrBlocks,
      deletionProtection: r.deletionProtection,
      certificateArn: r.certificateArn,
      tags: r.tags,
      protect: r.protect,
      logRetentionDays: r.logRetentionDays,
    },
    [{ type: "forward", targetGroupArn: tg.arn }],
  );
  return { ...front, taskSg: taskGroup(s, front.albSg), targetGroup: tg, ready: front.listener };
}
