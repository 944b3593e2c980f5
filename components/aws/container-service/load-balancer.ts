// ContainerService wiring, front half: the security groups of the load balancer and the tasks, the
// access-logged Application Load Balancer, its target group and the HTTPS and redirect listeners.
import * as pulumi from "@pulumi/pulumi";
import * as lb from "@pulumi/aws/lb";
import * as ec2 from "@pulumi/aws/ec2";
import { getServiceAccountOutput } from "@pulumi/aws/elb/getServiceAccount";
import { childName } from "../../core";
import { AwsContext } from "../documents";
import { accessLogBucket } from "../log-bucket";
import { RulePeer, egressRule, ingressRule } from "../connections";
import { ResolvedContainerServiceArgs } from "./args";
import { fittedArg } from "./names";

/** The TLS policy of the HTTPS listener: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

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
export interface LoadBalancerParts {
  readonly alb: lb.LoadBalancer;
  readonly albSg: ec2.SecurityGroup;
  readonly taskSg: ec2.SecurityGroup;
  readonly targetGroup: lb.TargetGroup;
  readonly https: lb.Listener;
  readonly accessLogBucketName: pulumi.Output<string>;
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

/** The load balancer group (443, and 80 to redirect, from the allowed blocks) and the task group. */
function securityGroups(s: ServiceScope): { albSg: ec2.SecurityGroup; taskSg: ec2.SecurityGroup } {
  const { name, r } = s;
  const parent = { parent: s.component };
  const albSg = new ec2.SecurityGroup(
    childName(name, "alb-sg"),
    {
      ...fittedArg("albSg", name),
      vpcId: r.vpcId,
      description: `Load balancer of ${name}: 443, and 80 to redirect`,
      tags: r.tags,
    },
    parent,
  );
  const taskSg = new ec2.SecurityGroup(
    childName(name, "task-sg"),
    {
      ...fittedArg("taskSg", name),
      vpcId: r.vpcId,
      description: `Tasks of ${name}: from the load balancer only`,
      tags: r.tags,
    },
    parent,
  );
  r.allowedCidrBlocks.forEach((cidr, i) => {
    rule(s, "ingress", `alb-https-${i}`, albSg.id, { cidrIpv4: cidr }, 443, `HTTPS from ${cidr}`);
    rule(s, "ingress", `alb-http-${i}`, albSg.id, { cidrIpv4: cidr }, 80, `HTTP from ${cidr}`);
  });
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
  return { albSg, taskSg };
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

/** The HTTPS listener (modern TLS only) and the HTTP listener that only redirects to it. */
function listeners(s: ServiceScope, alb: lb.LoadBalancer, tg: lb.TargetGroup): lb.Listener {
  const parent = { parent: s.component };
  const https = new lb.Listener(
    childName(s.name, "https"),
    {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: TLS_POLICY,
      certificateArn: s.r.certificateArn,
      defaultActions: [{ type: "forward", targetGroupArn: tg.arn }],
      tags: s.r.tags,
    },
    // A listener is replaced only with its load balancer (`loadBalancerArn`, facts/aws/resources.json), and
    // a target group serves one load balancer at a time (TargetGroupAssociationLimit,
    // facts/aws/limits.json `elb.loadBalancersPerTargetGroup`): the old listener must let go of the
    // target group before the new one can forward to it.
    { parent: s.component, deleteBeforeReplace: true },
  );
  new lb.Listener(
    childName(s.name, "http-redirect"),
    {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
      ],
      tags: s.r.tags,
    },
    parent,
  );
  return https;
}

/** The load balancer side: access-log bucket, security groups, ALB, target group and listeners. */
export function loadBalancer(s: ServiceScope): LoadBalancerParts {
  const { name, r } = s;
  const elbAccount = getServiceAccountOutput({}, { parent: s.component });
  const logs = accessLogBucket(s.component, childName(name, "alb-logs"), {
    tags: r.tags,
    protect: r.protect,
    retentionDays: r.logRetentionDays,
    abortDays: 7,
    ctx: s.ctx,
    delivery: elbAccount.apply((elb) => ({ loadBalancer: true, elbAccountArn: elb.arn })),
  });
  const { albSg, taskSg } = securityGroups(s);
  const alb = new lb.LoadBalancer(
    childName(name, "alb"),
    {
      ...fittedArg("alb", name),
      loadBalancerType: "application",
      internal: !r.internetFacing,
      subnets: r.loadBalancerSubnetIds,
      securityGroups: [albSg.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "strictest",
      enableDeletionProtection: r.deletionProtection,
      accessLogs: { bucket: logs.bucket.bucket, enabled: true },
      idleTimeout: 60,
      tags: r.tags,
    },
    { parent: s.component, dependsOn: [logs.policy] },
  );
  const tg = targetGroup(s);
  const https = listeners(s, alb, tg);
  return { alb, albSg, taskSg, targetGroup: tg, https, accessLogBucketName: logs.bucket.bucket };
}
