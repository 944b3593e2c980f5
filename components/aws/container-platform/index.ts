// ContainerPlatform: one ECS cluster and one access-logged Application Load Balancer that many
// ContainerServices share (`platform: p`): twenty services pay for one load balancer and one cluster, not
// twenty. Each service adds its own target group, a listener rule (by host and path, at a priority of its
// own) and the rules between the load balancer's group and its tasks; requests no rule matches get a 404.
import * as pulumi from "@pulumi/pulumi";
import * as ecs from "@pulumi/aws/ecs";
import { Validator, childName, resolveProfile } from "../../core";
import { awsContext, outputProperties } from "../common";
import { Connections } from "../connections";
import { FrontParts, loadBalancerFront } from "../container-service/front";
import { ContainerPlatformArgs, resolveContainerPlatformArgs } from "./args";
import { fittedArg } from "../container-service/names";

export { ContainerPlatformArgs } from "./args";

/** What a service on the platform is wired to; kept off the public surface. */
export interface PlatformParts {
  readonly name: string;
  readonly vpcId: pulumi.Input<string>;
  readonly front: FrontParts;
  readonly cluster: ecs.Cluster;
  readonly connections: Connections;
  /** Listener rule priority → the service holding it. */
  readonly priorities: Map<number, string>;
}

const PARTS = new WeakMap<object, PlatformParts>();

/** The parts of a platform, or undefined for anything that is not one. */
export function platformParts(platform: unknown): PlatformParts | undefined {
  return typeof platform === "object" && platform !== null ? PARTS.get(platform) : undefined;
}

/** A shared ECS cluster and load balancer for many `ContainerService`s. */
export class ContainerPlatform extends pulumi.ComponentResource {
  /** The cluster name. */
  public readonly clusterName: pulumi.Output<string>;
  /** The cluster ARN. */
  public readonly clusterArn: pulumi.Output<string>;
  /** DNS name of the shared load balancer; point each service's host name at it. */
  public readonly loadBalancerDnsName: pulumi.Output<string>;
  /** ARN of the shared load balancer. */
  public readonly loadBalancerArn: pulumi.Output<string>;
  /** Security group of the load balancer. */
  public readonly loadBalancerSecurityGroupId: pulumi.Output<string>;
  /** ARN of the listener services add their rules to: HTTPS on 443, or HTTP on 80 without a certificate. */
  public readonly listenerArn: pulumi.Output<string>;
  /** Name of the bucket holding the load balancer access logs. */
  public readonly accessLogBucketName: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /**
   * The load balancer's security group, named `<platform>-alb`, default port 443 (80 without TLS):
   * `platform.loadBalancerConnections.allowDefaultPortFrom(worker)` lets a worker call the services.
   */
  public readonly loadBalancerConnections: Connections;

  constructor(name: string, args: ContainerPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.ContainerPlatform", name);
    if (typeof args !== "object" || args === null)
      v.fail("args", args, "is missing", "an object with vpcId and subnetIds");
    const r = resolveContainerPlatformArgs(v, args, resolveProfile(v, args.environment), opts?.protect);
    super("groundwork:aws:ContainerPlatform", name, {}, opts);
    const cluster = new ecs.Cluster(
      childName(name, "cluster"),
      {
        ...fittedArg("cluster", name),
        settings: [{ name: "containerInsights", value: "enabled" }],
        tags: r.tags,
      },
      { parent: this },
    );
    const front = loadBalancerFront(
      {
        component: this,
        name,
        ctx: awsContext(this),
        vpcId: r.vpcId,
        subnetIds: r.subnetIds,
        internetFacing: r.access.internetFacing,
        allowedCidrBlocks: r.access.allowedCidrBlocks,
        deletionProtection: r.deletionProtection,
        certificateArn: r.access.certificateArn,
        tags: r.tags,
        protect: r.protect,
        logRetentionDays: r.logRetentionDays,
      },
      // What no service's rule matches.
      [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }],
    );
    this.loadBalancerConnections = new Connections({
      owner: this,
      name: childName(name, "alb"),
      validator: v,
      securityGroupId: front.albSg.id,
      defaultPort: r.access.certificateArn === undefined ? 80 : 443,
      label: r.access.certificateArn === undefined ? "HTTP" : "HTTPS",
      tags: r.tags,
    });
    PARTS.set(this, {
      name,
      vpcId: r.vpcId,
      front,
      cluster,
      connections: this.loadBalancerConnections,
      priorities: new Map(),
    });
    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;
    this.loadBalancerDnsName = front.alb.dnsName;
    this.loadBalancerArn = front.alb.arn;
    this.loadBalancerSecurityGroupId = front.albSg.id;
    this.listenerArn = front.listener.arn;
    this.accessLogBucketName = front.accessLogBucketName;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }
}
