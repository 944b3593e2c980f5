// Network: a VPC over 2-4 zones with public, private and isolated tiers planned from one CIDR block,
// NAT by profile, a locked default security group, encrypted flow logs and S3/DynamoDB gateway endpoints.
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import { Tags, Validator, resolveProfile } from "../../core";
import { awsContext, checkedRegion, outputProperties } from "../common";
import { InterfaceEndpointService, NatMode, NetworkArgs, resolveNetworkArgs } from "./args";
import { flowLogs } from "./flow-logs";
import {
  NetworkScope,
  gatewayEndpoints,
  interfaceEndpoints,
  isolatedRouting,
  natGateways,
  privateRouting,
  publicRouting,
  tierSubnets,
  vpcCore,
} from "./routing";

export {
  FARGATE_ENDPOINT_SERVICES,
  INTERFACE_ENDPOINT_SERVICES,
  InterfaceEndpointService,
  NETWORK_TIERS,
  NatMode,
  NetworkArgs,
} from "./args";

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
  /** Services the private tier reaches through interface endpoints. */
  public readonly interfaceEndpoints: pulumi.Output<InterfaceEndpointService[]>;
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
    const r = resolveNetworkArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:aws:Network", name, {}, opts);
    const s: NetworkScope = { component: this, name, tagged: (n): Tags => ({ ...r.tags, Name: n }) };

    const azs = getAvailabilityZonesOutput({ state: "available" }, { parent: this }).names.apply((n) =>
      n.slice(0, r.zones),
    );
    const { vpc, igw } = vpcCore(s, r);
    const vpcId = vpc.id;
    const subnets = tierSubnets(s, r, vpcId, azs);
    publicRouting(s, vpcId, igw, subnets.public);
    const nats = natGateways(s, r, igw, subnets.public);
    const privateRts = privateRouting(s, vpcId, subnets.private, nats);
    const isolatedRt = isolatedRouting(s, vpcId, subnets.isolated);
    const region = checkedRegion(v, awsContext(this));
    gatewayEndpoints(s, vpcId, region, [...privateRts, isolatedRt]);
    interfaceEndpoints(s, r, vpcId, region, subnets.private);
    const logs = r.flowLogKey === undefined ? undefined : flowLogs(s, r, r.flowLogKey, vpcId);

    const ids = (list: ec2.Subnet[]): pulumi.Output<string[]> => pulumi.all(list.map((x) => x.id));
    this.vpc = vpc;
    this.vpcId = vpcId;
    this.cidrBlock = pulumi.output(r.plan.cidr);
    this.publicSubnetIds = ids(subnets.public);
    this.privateSubnetIds = ids(subnets.private);
    this.isolatedSubnetIds = ids(subnets.isolated);
    this.availabilityZones = azs;
    this.natGateways = pulumi.output(r.natGateways);
    this.interfaceEndpoints = pulumi.output([...r.interfaceEndpoints]);
    this.flowLogGroupName = logs ? logs.groupName : pulumi.output(undefined);
    this.keyArn = logs ? logs.keyArn : pulumi.output(undefined);
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }
}
