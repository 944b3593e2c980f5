// ContainerService: an ECS Fargate service behind an Application Load Balancer — internal unless asked,
// HTTPS only (HTTP redirects), access-logged, tasks private and read-only as a non-root user, secrets
// by reference, encrypted logs, separate task and execution roles, autoscaling and rollback on failure.
// Its own cluster and load balancer by default; with `platform`, a ContainerPlatform's, through a rule.
// A grantee: `bucket.grantRead(service)` grants its task role, in a child named after the service. A peer:
// `database.connections.allowDefaultPortFrom(service)` opens the database to its tasks.
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { Validator, childName, resolveProfile } from "../../core";
import { awsContext, checkedRegion, outputProperties } from "../common";
import { wireKey } from "../encryption";
import { AwsGrantee, AwsPrincipal } from "../grants";
import { Connectable, Connections } from "../connections";
import { ContainerServiceArgs, resolveContainerServiceArgs } from "./args";
import { ServiceScope, loadBalancer } from "./load-balancer";
import { tasks } from "./task";
import { fittedArg } from "./names";

export { ContainerServiceArgs, FARGATE_SIZES } from "./args";
export { TLS_POLICY } from "./front";

/** A Fargate service behind an HTTPS load balancer. */
export class ContainerService extends pulumi.ComponentResource implements AwsGrantee, Connectable {
  /** DNS name of the load balancer (the platform's shared one with `platform`). */
  public readonly loadBalancerDnsName: pulumi.Output<string>;
  /** ARN of the load balancer. */
  public readonly loadBalancerArn: pulumi.Output<string>;
  /** Security group of the tasks; `database.connections.allowDefaultPortFrom(service)` opens a database to it. */
  public readonly taskSecurityGroupId: pulumi.Output<string>;
  /** Security group of the load balancer. */
  public readonly loadBalancerSecurityGroupId: pulumi.Output<string>;
  /** The service name. */
  public readonly serviceName: pulumi.Output<string>;
  /** The cluster name (the platform's with `platform`). */
  public readonly clusterName: pulumi.Output<string>;
  /** The application log group. */
  public readonly logGroupName: pulumi.Output<string>;
  /** Name of the bucket holding the load balancer access logs (the platform's with `platform`). */
  public readonly accessLogBucketName: pulumi.Output<string>;
  /** ARN of the key encrypting the application log group. */
  public readonly keyArn: pulumi.Output<string>;
  /**
   * ARN of the listener, for extra listener rules: HTTPS, or HTTP on 80 for an internal service without a
   * certificate; the platform's with `platform`.
   */
  public readonly httpsListenerArn: pulumi.Output<string>;
  /** ARN of the target group the service registers its tasks in. */
  public readonly targetGroupArn: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The role the application runs as; `bucket.grantRead(service)` grants it, named after the service. */
  public readonly taskRole: iam.Role;
  /** The role ECS uses to pull the image, write logs and read the named secrets. */
  public readonly executionRole: iam.Role;

  /**
   * The tasks' security group as a peer, named after the service: `db.connections.allowDefaultPortFrom(service)`
   * lets the tasks reach the database (and adds the tasks' egress to it). It has no default port: the tasks
   * take traffic from their load balancer; `allowFrom(peer, port)` opens a port on them explicitly.
   */
  public readonly connections: Connections;
  /**
   * The load balancer's security group, named `<service>-alb`, default port 443:
   * `service.loadBalancerConnections.allowDefaultPortFrom(worker)` lets another service call this one.
   */
  public readonly loadBalancerConnections: Connections;

  /** The name grants to this service are called by: the component name. */
  public readonly granteeName: string;
  /** What grants attach to: the task role. */
  public readonly grantPrincipal: AwsPrincipal;

  constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.ContainerService", name);
    if (typeof args !== "object" || args === null) {
      v.fail("args", args, "is missing", "an object with vpcId, subnetIds and image");
    }
    const r = resolveContainerServiceArgs(v, args, resolveProfile(v, args.environment), opts?.protect);
    super("groundwork:aws:ContainerService", name, {}, opts);
    const ctx = awsContext(this);
    const s: ServiceScope = { component: this, name, r, ctx, region: checkedRegion(v, ctx) };

    const keyArn = wireKey(this, name, r.key, {
      environment: r.profile.environment,
      tags: r.callerTags,
      protect: r.protect,
    }).arn;
    const logGroup = new cloudwatch.LogGroup(
      childName(name, "logs"),
      { ...fittedArg("logs", name), retentionInDays: r.logRetentionDays, kmsKeyId: keyArn, tags: r.tags },
      { parent: this, protect: r.protect },
    );
    const front = loadBalancer(s);
    const back = tasks(s, front, logGroup, keyArn);

    this.executionRole = back.executionRole;
    this.taskRole = back.taskRole;
    this.granteeName = name;
    this.grantPrincipal = { role: back.taskRole.name };
    this.loadBalancerDnsName = front.alb.dnsName;
    this.loadBalancerArn = front.alb.arn;
    this.taskSecurityGroupId = front.taskSg.id;
    this.loadBalancerSecurityGroupId = front.albSg.id;
    this.serviceName = back.service.name;
    this.clusterName = back.cluster.name;
    this.logGroupName = logGroup.name;
    this.accessLogBucketName = front.accessLogBucketName;
    this.keyArn = keyArn;
    this.httpsListenerArn = front.listener.arn;
    this.targetGroupArn = front.targetGroup.arn;
    const sides = { owner: this, validator: v, tags: r.tags };
    this.connections = new Connections({ ...sides, name, securityGroupId: front.taskSg.id, label: "Tasks" });
    const tls = r.certificateArn !== undefined;
    this.loadBalancerConnections =
      r.platform?.connections ??
      new Connections({
        ...sides,
        name: childName(name, "alb"),
        securityGroupId: front.albSg.id,
        defaultPort: tls ? 443 : 80,
        label: tls ? "HTTPS" : "HTTP",
      });
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }
}
