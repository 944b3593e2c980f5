// Network: a VPC over 2-4 zones with public, private and isolated tiers planned from one CIDR block,
// NAT by profile, a locked default security group, encrypted flow logs and S3/DynamoDB gateway endpoints.
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as iam from "@pulumi/aws/iam";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import {
  Environment,
  Tags,
  Validator,
  childName,
  parseCidr,
  planCidr,
  protectStateful,
  resolveProfile,
  validateLogRetention,
  weakenedAgainstProfile,
} from "../core";
import { awsTags } from "./tags";
import { awsContext, requireLogsService, withWeakened } from "./common";
import { assumeRolePolicy, flowLogWritePolicy } from "./documents";
import { EncryptionKey } from "./kms";

/** NAT layouts: no NAT (private tiers have no internet egress), one shared, or one per zone. */
export type NatMode = "none" | "single" | "perAz";
const NAT_MODES: readonly NatMode[] = ["none", "single", "perAz"];

/** The tiers, in plan order. */
export const NETWORK_TIERS = ["public", "private", "isolated"] as const;

export interface NetworkArgs {
  /**
   * Environment profile: zone count, NAT layout, log retention and `protect` on the key and log group.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /**
   * The VPC block, /16 to /22. Private subnets get 1/8 of it per zone, public and isolated 1/32 each,
   * with room reserved for four zones so adding one never moves a subnet.
   * @default "10.0.0.0/16"
   */
  readonly cidrBlock?: string;
  /**
   * Availability zones to span, 2 to 4. Fewer than the profile's is a weakened default, recorded in the
   * `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 2 (dev, staging), 3 (prod)
   */
  readonly zones?: number;
  /**
   * NAT for the private tier: `"none"`, `"single"` (one shared gateway) or `"perAz"`. Fewer gateways
   * than the profile's (none < single < perAz) is a weakened default, recorded in the
   * `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: "single" (dev), "perAz" (staging, prod)
   */
  readonly natGateways?: NatMode;
  /**
   * VPC flow logs (all traffic) to an encrypted log group. `false` is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default true
   */
  readonly flowLogs?: boolean;
  /**
   * Flow log retention in days. Below the profile's is a weakened default, recorded in the
   * `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * KMS key for the flow log group: an `EncryptionKey` whose `services` include `"logs"`, or a key ARN
   * whose policy lets CloudWatch Logs use it.
   * @default - a new `EncryptionKey` named `<name>-key` that names CloudWatch Logs
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Pulumi `protect` on the key and flow log group. `false` where the profile protects (prod) is a
   * weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** A three-tier VPC. */
export class Network extends pulumi.ComponentResource {
  /** The VPC id. */
  public readonly vpcId: pulumi.Output<string>;
  /** The VPC block. */
  public readonly cidrBlock: pulumi.Output<string>;
  /** Public subnet ids, zone by zone (load balancers, NAT gateways). */
  public readonly publicSubnetIds: pulumi.Output<string[]>;
  /** Private subnet ids, zone by zone (workloads; egress through NAT when NAT is on). */
  public readonly privateSubnetIds: pulumi.Output<string[]>;
  /** Isolated subnet ids, zone by zone (databases; no route to the internet). */
  public readonly isolatedSubnetIds: pulumi.Output<string[]>;
  /** The zones spanned, in subnet order. */
  public readonly availabilityZones: pulumi.Output<string[]>;
  /** The NAT layout in effect. */
  public readonly natGateways: pulumi.Output<NatMode>;
  /** The flow log group name; undefined when flow logs are off. */
  public readonly flowLogGroupName: pulumi.Output<string | undefined>;
  /** ARN of the key encrypting the flow log group; undefined when flow logs are off. */
  public readonly keyArn: pulumi.Output<string | undefined>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw VPC. */
  public readonly vpc: ec2.Vpc;

  constructor(name: string, args: NetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.Network", name);
    const profile = resolveProfile(v, args.environment);
    const baseTags = awsTags(v, {
      environment: profile.environment,
      component: "aws.Network",
      tags: args.tags,
    });
    const cidr = args.cidrBlock ?? "10.0.0.0/16";
    const zones = v.integer("zones", args.zones, 2, 4, profile.zoneCount);
    const nat = v.oneOf("natGateways", args.natGateways, NAT_MODES, profile.natGateways);
    const flowLogs = v.boolean("flowLogs", args.flowLogs, true);
    const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
    if (typeof args.encryptionKey === "string") {
      v.matches(
        "encryptionKey",
        args.encryptionKey,
        /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-f0-9-]+$/,
        "a KMS key ARN or an EncryptionKey",
      );
    }
    if (flowLogs && args.encryptionKey instanceof EncryptionKey) requireLogsService(v, args.encryptionKey);
    if (!flowLogs && args.encryptionKey !== undefined) {
      v.fail(
        "encryptionKey",
        "(given)",
        "has nothing to encrypt while flowLogs is false",
        "flowLogs true, or no encryptionKey",
      );
    }
    const protect = protectStateful(
      profile,
      v.boolean("protect", args.protect, profile.protect),
      opts?.protect,
    );
    const prefix = parseCidr(cidr)?.prefix ?? 16;
    const plan = planCidr(
      v,
      {
        cidr,
        zones,
        reservedZones: 4,
        prefixRange: [16, 22],
        tiers: [
          { name: "public", prefixLength: prefix + 5 },
          { name: "private", prefixLength: prefix + 3 },
          { name: "isolated", prefixLength: prefix + 5 },
        ],
      },
      "cidrBlock",
    );
    const weakened = [
      ...(flowLogs ? [] : ["flowLogs"]),
      ...weakenedAgainstProfile(profile, {
        zones,
        natGateways: nat,
        // Retention and protect only act on the flow log group and its key.
        ...(flowLogs ? { logRetentionDays: retention, protect } : {}),
      }),
    ].sort();
    const tags = withWeakened(baseTags, weakened);
    const tagged = (extra: string): Tags => ({ ...tags, Name: extra });

    super("groundwork:aws:Network", name, {}, opts);
    const parent = { parent: this };

    const azs = getAvailabilityZonesOutput({ state: "available" }, parent).names.apply((n) =>
      n.slice(0, zones),
    );

    this.vpc = new ec2.Vpc(
      childName(name, "vpc"),
      { cidrBlock: plan.cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: tagged(name) },
      parent,
    );
    const vpcId = this.vpc.id;
    // Adopting the default group with no rules strips its allow-all rules [CKV2_AWS_12].
    new ec2.DefaultSecurityGroup(
      childName(name, "default-sg"),
      { vpcId, ingress: [], egress: [], tags: tagged(childName(name, "default")) },
      parent,
    );
    const igw = new ec2.InternetGateway(
      childName(name, "igw"),
      { vpcId, tags: tagged(childName(name, "igw")) },
      parent,
    );

    const subnets: Record<string, ec2.Subnet[]> = {};
    for (const tier of plan.tiers) {
      subnets[tier.name] = tier.subnets.map(
        (s) =>
          new ec2.Subnet(
            childName(name, tier.name, s.zoneIndex),
            {
              vpcId,
              cidrBlock: s.cidr,
              availabilityZone: azs.apply((a) => a[s.zoneIndex]),
              mapPublicIpOnLaunch: false,
              tags: { ...tagged(childName(name, tier.name, s.zoneIndex)), "groundwork-tier": tier.name },
            },
            parent,
          ),
      );
    }

    const publicRt = new ec2.RouteTable(
      childName(name, "public-rt"),
      { vpcId, tags: tagged(childName(name, "public")) },
      parent,
    );
    new ec2.Route(
      childName(name, "public-default-route"),
      { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
      parent,
    );
    subnets.public.forEach(
      (s, i) =>
        new ec2.RouteTableAssociation(
          childName(name, "public", i, "rta"),
          { subnetId: s.id, routeTableId: publicRt.id },
          parent,
        ),
    );

    const natGateways: ec2.NatGateway[] = [];
    const natCount = nat === "none" ? 0 : nat === "single" ? 1 : zones;
    for (let i = 0; i < natCount; i++) {
      const eip = new ec2.Eip(
        childName(name, "nat", i, "eip"),
        { domain: "vpc", tags: tagged(childName(name, "nat", i)) },
        parent,
      );
      natGateways.push(
        new ec2.NatGateway(
          childName(name, "nat", i),
          { allocationId: eip.id, subnetId: subnets.public[i].id, tags: tagged(childName(name, "nat", i)) },
          { parent: this, dependsOn: [igw] },
        ),
      );
    }

    const privateRts = subnets.private.map((s, i) => {
      const rt = new ec2.RouteTable(
        childName(name, "private-rt", i),
        { vpcId, tags: tagged(childName(name, "private", i)) },
        parent,
      );
      new ec2.RouteTableAssociation(
        childName(name, "private", i, "rta"),
        { subnetId: s.id, routeTableId: rt.id },
        parent,
      );
      if (natGateways.length > 0) {
        new ec2.Route(
          childName(name, "private", i, "default-route"),
          {
            routeTableId: rt.id,
            destinationCidrBlock: "0.0.0.0/0",
            natGatewayId: natGateways[Math.min(i, natGateways.length - 1)].id,
          },
          parent,
        );
      }
      return rt;
    });
    const isolatedRt = new ec2.RouteTable(
      childName(name, "isolated-rt"),
      { vpcId, tags: tagged(childName(name, "isolated")) },
      parent,
    );
    subnets.isolated.forEach(
      (s, i) =>
        new ec2.RouteTableAssociation(
          childName(name, "isolated", i, "rta"),
          { subnetId: s.id, routeTableId: isolatedRt.id },
          parent,
        ),
    );

    // Gateway endpoints keep S3 and DynamoDB traffic off NAT and the internet, isolated tier included.
    const region = awsContext(this).apply((c) => c.region);
    const endpointRts = [...privateRts, isolatedRt].map((rt) => rt.id);
    for (const service of ["s3", "dynamodb"]) {
      new ec2.VpcEndpoint(
        childName(name, service, "endpoint"),
        {
          vpcId,
          vpcEndpointType: "Gateway",
          serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
          routeTableIds: endpointRts,
          tags: tagged(childName(name, service)),
        },
        parent,
      );
    }

    let flowLogGroupName: pulumi.Output<string | undefined> = pulumi.output(undefined);
    let flowLogKeyArn: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (flowLogs) {
      let keyArn: pulumi.Input<string>;
      if (args.encryptionKey === undefined) {
        keyArn = new EncryptionKey(
          childName(name, "key"),
          {
            environment: profile.environment,
            tags: args.tags,
            services: ["logs"],
            description: `Encrypts flow logs of ${name}`,
            protect,
          },
          parent,
        ).arn;
      } else {
        keyArn = args.encryptionKey instanceof EncryptionKey ? args.encryptionKey.arn : args.encryptionKey;
      }
      const group = new cloudwatch.LogGroup(
        childName(name, "flow-logs"),
        { retentionInDays: retention, kmsKeyId: keyArn, tags },
        { parent: this, protect },
      );
      const ctx = awsContext(this);
      const role = new iam.Role(
        childName(name, "flow-logs-role"),
        {
          assumeRolePolicy: ctx.apply((c) =>
            JSON.stringify(assumeRolePolicy("vpc-flow-logs.amazonaws.com", c)),
          ),
          description: `Delivers VPC flow logs of ${name}`,
          tags,
        },
        parent,
      );
      new iam.RolePolicy(
        childName(name, "flow-logs-policy"),
        { role: role.name, policy: group.arn.apply((arn) => JSON.stringify(flowLogWritePolicy(arn))) },
        parent,
      );
      new ec2.FlowLog(
        childName(name, "flow-log"),
        {
          vpcId,
          trafficType: "ALL",
          logDestinationType: "cloud-watch-logs",
          logDestination: group.arn,
          iamRoleArn: role.arn,
          maxAggregationInterval: 60,
          tags,
        },
        parent,
      );
      flowLogGroupName = group.name;
      flowLogKeyArn = pulumi.output(keyArn);
    }

    const ids = (list: ec2.Subnet[]): pulumi.Output<string[]> => pulumi.all(list.map((s) => s.id));
    this.vpcId = vpcId;
    this.cidrBlock = pulumi.output(plan.cidr);
    this.publicSubnetIds = ids(subnets.public);
    this.privateSubnetIds = ids(subnets.private);
    this.isolatedSubnetIds = ids(subnets.isolated);
    this.availabilityZones = azs;
    this.natGateways = pulumi.output(nat);
    this.flowLogGroupName = flowLogGroupName;
    this.keyArn = flowLogKeyArn;
    this.weakened = pulumi.output(weakened);
    this.registerOutputs({
      vpcId: this.vpcId,
      cidrBlock: this.cidrBlock,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      isolatedSubnetIds: this.isolatedSubnetIds,
      availabilityZones: this.availabilityZones,
      natGateways: this.natGateways,
      flowLogGroupName: this.flowLogGroupName,
      keyArn: this.keyArn,
      weakened: this.weakened,
    });
  }
}
