// The front of one or more container services: an access-logged Application Load Balancer, its security
// group open to the allowed ranges, and its listeners. A ContainerService without a platform makes its own
// (named after the service, forwarding to its target group); a ContainerPlatform makes one that many
// services share through listener rules (its default action answers 404).
import * as pulumi from "@pulumi/pulumi";
import * as lb from "@pulumi/aws/lb";
import * as ec2 from "@pulumi/aws/ec2";
import { getServiceAccountOutput } from "@pulumi/aws/elb/getServiceAccount";
import { Tags, childName } from "../../core";
import { AwsContext } from "../documents";
import { accessLogBucket } from "../log-bucket";
import { ingressRule } from "../connections";
import { fittedArg } from "./names";

/** The TLS policy of the HTTPS listener: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** What a load balancer front is made from, resolved. */
export interface FrontSettings {
  /** The component the children belong to, and the prefix of their names. */
  readonly component: pulumi.Resource;
  readonly name: string;
  readonly ctx: pulumi.Output<AwsContext>;
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly internetFacing: boolean;
  readonly allowedCidrBlocks: readonly string[];
  readonly deletionProtection: boolean;
  /** The HTTPS listener's certificate; without one (internal only) the listener is plain HTTP on 80. */
  readonly certificateArn?: pulumi.Input<string>;
  readonly tags: Tags;
  readonly protect: boolean;
  readonly logRetentionDays: number;
}

/** The front, for the services behind it and the outputs. */
export interface FrontParts {
  readonly alb: lb.LoadBalancer;
  readonly albSg: ec2.SecurityGroup;
  /** The listener services are reached through: HTTPS on 443, or HTTP on 80 without a certificate. */
  readonly listener: lb.Listener;
  readonly accessLogBucketName: pulumi.Output<string>;
}

/** The load balancer group: 443 (and 80 to redirect) from the allowed blocks; 80 alone without TLS. */
function albGroup(f: FrontSettings): ec2.SecurityGroup {
  const tls = f.certificateArn !== undefined;
  const albSg = new ec2.SecurityGroup(
    childName(f.name, "alb-sg"),
    {
      ...fittedArg("albSg", f.name),
      vpcId: f.vpcId,
      description: tls
        ? `Load balancer of ${f.name}: 443, and 80 to redirect`
        : `Load balancer of ${f.name}: 80, internal, without TLS`,
      tags: f.tags,
    },
    { parent: f.component },
  );
  f.allowedCidrBlocks.forEach((cidr, i) => {
    const rule = (child: string, port: number, what: string) =>
      ingressRule(f.component, childName(f.name, child), {
        groupId: albSg.id,
        peer: { cidrIpv4: cidr },
        port,
        description: `${what} from ${cidr}`,
        tags: f.tags,
      });
    if (tls) rule(`alb-https-${i}`, 443, "HTTPS");
    rule(`alb-http-${i}`, 80, "HTTP");
  });
  return albSg;
}

/**
 * The listeners: HTTPS (modern TLS only) with `defaultAction`, and HTTP that only redirects to it; or,
 * without a certificate, one HTTP listener with `defaultAction`.
 */
function listeners(
  f: FrontSettings,
  alb: lb.LoadBalancer,
  defaultAction: lb.ListenerArgs["defaultActions"],
): lb.Listener {
  if (f.certificateArn === undefined) {
    return new lb.Listener(
      childName(f.name, "http"),
      { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: defaultAction, tags: f.tags },
      { parent: f.component, deleteBeforeReplace: true },
    );
  }
  const https = new lb.Listener(
    childName(f.name, "https"),
    {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: TLS_POLICY,
      certificateArn: f.certificateArn,
      defaultActions: defaultAction,
      tags: f.tags,
    },
    // A listener is replaced only with its load balancer (`loadBalancerArn`, facts/aws/resources.json), and
    // a target group serves one load balancer at a time (TargetGroupAssociationLimit,
    // facts/aws/limits.json `elb.loadBalancersPerTargetGroup`): the old listener must let go of the
    // target group before the new one can forward to it.
    { parent: f.component, deleteBeforeReplace: true },
  );
  new lb.Listener(
    childName(f.name, "http-redirect"),
    {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
      ],
      tags: f.tags,
    },
    { parent: f.component },
  );
  return https;
}

/** The front: access-log bucket, security group, load balancer and listeners. */
export function loadBalancerFront(
  f: FrontSettings,
  defaultAction: lb.ListenerArgs["defaultActions"],
): FrontParts {
  const elbAccount = getServiceAccountOutput({}, { parent: f.component });
  const logs = accessLogBucket(f.component, childName(f.name, "alb-logs"), {
    tags: f.tags,
    protect: f.protect,
    retentionDays: f.logRetentionDays,
    abortDays: 7,
    ctx: f.ctx,
    delivery: elbAccount.apply((elb) => ({ loadBalancer: true, elbAccountArn: elb.arn })),
  });
  const albSg = albGroup(f);
  const alb = new lb.LoadBalancer(
    childName(f.name, "alb"),
    {
      ...fittedArg("alb", f.name),
      loadBalancerType: "application",
      internal: !f.internetFacing,
      subnets: f.subnetIds,
      securityGroups: [albSg.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "strictest",
      enableDeletionProtection: f.deletionProtection,
      accessLogs: { bucket: logs.bucket.bucket, enabled: true },
      idleTimeout: 60,
      tags: f.tags,
    },
    { parent: f.component, dependsOn: [logs.policy] },
  );
  const listener = listeners(f, alb, defaultAction);
  return { alb, albSg, listener, accessLogBucketName: logs.bucket.bucket };
}
