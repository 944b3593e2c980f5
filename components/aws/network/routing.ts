// Network wiring: the VPC, its subnets per tier, routes (public via the internet gateway, private via
// NAT, isolated nowhere), the S3/DynamoDB gateway endpoints and the private tier's interface endpoints.
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import { Tags, childName } from "../../core";
import { ResolvedNetworkArgs } from "./args";

/** What every wiring step needs: the component, its name and the tag set with a `Name`. */
export interface NetworkScope {
  readonly component: pulumi.Resource;
  readonly name: string;
  readonly tagged: (nameTag: string) => Tags;
}

/** The subnets of each tier, zone by zone. */
export type TierSubnets = Record<"public" | "private" | "isolated", ec2.Subnet[]>;

/** The VPC, its locked default security group and the internet gateway. */
export function vpcCore(s: NetworkScope, r: ResolvedNetworkArgs): { vpc: ec2.Vpc; igw: ec2.InternetGateway } {
  const parent = { parent: s.component };
  const vpc = new ec2.Vpc(
    childName(s.name, "vpc"),
    { cidrBlock: r.plan.cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: s.tagged(s.name) },
    parent,
  );
  // Adopting the default group with no rules strips its allow-all rules [CKV2_AWS_12].
  new ec2.DefaultSecurityGroup(
    childName(s.name, "default-sg"),
    { vpcId: vpc.id, ingress: [], egress: [], tags: s.tagged(childName(s.name, "default")) },
    parent,
  );
  const igw = new ec2.InternetGateway(
    childName(s.name, "igw"),
    { vpcId: vpc.id, tags: s.tagged(childName(s.name, "igw")) },
    parent,
  );
  return { vpc, igw };
}

/** One subnet per tier and zone, in the planned blocks; none maps public IPs on launch. */
export function tierSubnets(
  s: NetworkScope,
  r: ResolvedNetworkArgs,
  vpcId: pulumi.Output<string>,
  azs: pulumi.Output<string[]>,
): TierSubnets {
  const subnets: Record<string, ec2.Subnet[]> = {};
  for (const tier of r.plan.tiers) {
    subnets[tier.name] = tier.subnets.map(
      (p) =>
        new ec2.Subnet(
          childName(s.name, tier.name, p.zoneIndex),
          {
            vpcId,
            cidrBlock: p.cidr,
            availabilityZone: azs.apply((a) => a[p.zoneIndex]),
            mapPublicIpOnLaunch: false,
            tags: { ...s.tagged(childName(s.name, tier.name, p.zoneIndex)), "groundwork-tier": tier.name },
          },
          { parent: s.component },
        ),
    );
  }
  return subnets as TierSubnets;
}

/** Associates one subnet of a tier with a route table, as `<name>-<tier>-<zone>-rta`. */
function associate(
  s: NetworkScope,
  tier: string,
  zone: number,
  subnet: ec2.Subnet,
  rt: ec2.RouteTable,
): void {
  new ec2.RouteTableAssociation(
    childName(s.name, tier, zone, "rta"),
    { subnetId: subnet.id, routeTableId: rt.id },
    { parent: s.component },
  );
}

/** One route table, tagged `<name>-<nameTag>`. */
function routeTable(
  s: NetworkScope,
  child: string,
  vpcId: pulumi.Output<string>,
  nameTag: string,
): ec2.RouteTable {
  return new ec2.RouteTable(
    childName(s.name, child),
    { vpcId, tags: s.tagged(childName(s.name, nameTag)) },
    { parent: s.component },
  );
}

/** The public route table: a default route to the internet gateway. */
export function publicRouting(
  s: NetworkScope,
  vpcId: pulumi.Output<string>,
  igw: ec2.InternetGateway,
  subnets: ec2.Subnet[],
): void {
  const rt = routeTable(s, "public-rt", vpcId, "public");
  new ec2.Route(
    childName(s.name, "public-default-route"),
    { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
    { parent: s.component },
  );
  subnets.forEach((subnet, i) => associate(s, "public", i, subnet, rt));
}

/** The NAT gateways of the layout, each with its elastic IP, in the first public subnets. */
export function natGateways(
  s: NetworkScope,
  r: ResolvedNetworkArgs,
  igw: ec2.InternetGateway,
  publicSubnets: ec2.Subnet[],
): ec2.NatGateway[] {
  const count = r.natGateways === "none" ? 0 : r.natGateways === "single" ? 1 : r.zones;
  const out: ec2.NatGateway[] = [];
  for (let i = 0; i < count; i++) {
    const eip = new ec2.Eip(
      childName(s.name, "nat", i, "eip"),
      { domain: "vpc", tags: s.tagged(childName(s.name, "nat", i)) },
      { parent: s.component },
    );
    out.push(
      new ec2.NatGateway(
        childName(s.name, "nat", i),
        { allocationId: eip.id, subnetId: publicSubnets[i].id, tags: s.tagged(childName(s.name, "nat", i)) },
        { parent: s.component, dependsOn: [igw] },
      ),
    );
  }
  return out;
}

/** A route table per private subnet, routed through its zone's NAT (or the shared one) when there is NAT. */
export function privateRouting(
  s: NetworkScope,
  vpcId: pulumi.Output<string>,
  subnets: ec2.Subnet[],
  nats: ec2.NatGateway[],
): ec2.RouteTable[] {
  return subnets.map((subnet, i) => {
    const rt = routeTable(s, `private-rt-${i}`, vpcId, `private-${i}`);
    associate(s, "private", i, subnet, rt);
    if (nats.length > 0) {
      new ec2.Route(
        childName(s.name, "private", i, "default-route"),
        {
          routeTableId: rt.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nats[Math.min(i, nats.length - 1)].id,
        },
        { parent: s.component },
      );
    }
    return rt;
  });
}

/** The isolated route table: no route out at all. */
export function isolatedRouting(
  s: NetworkScope,
  vpcId: pulumi.Output<string>,
  subnets: ec2.Subnet[],
): ec2.RouteTable {
  const rt = routeTable(s, "isolated-rt", vpcId, "isolated");
  subnets.forEach((subnet, i) => associate(s, "isolated", i, subnet, rt));
  return rt;
}

/** Gateway endpoints keep S3 and DynamoDB traffic off NAT and the internet, isolated tier included. */
export function gatewayEndpoints(
  s: NetworkScope,
  vpcId: pulumi.Output<string>,
  region: pulumi.Output<string>,
  routeTables: ec2.RouteTable[],
): void {
  const routeTableIds = routeTables.map((rt) => rt.id);
  for (const service of ["s3", "dynamodb"]) {
    new ec2.VpcEndpoint(
      childName(s.name, service, "endpoint"),
      {
        vpcId,
        vpcEndpointType: "Gateway",
        serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
        routeTableIds,
        tags: s.tagged(childName(s.name, service)),
      },
      { parent: s.component },
    );
  }
}

/**
 * Interface endpoints in the private subnets, one per service, with private DNS so the SDKs' usual host
 * names resolve to them; their security group takes HTTPS from the VPC's block and nothing else.
 */
export function interfaceEndpoints(
  s: NetworkScope,
  r: ResolvedNetworkArgs,
  vpcId: pulumi.Output<string>,
  region: pulumi.Output<string>,
  privateSubnets: ec2.Subnet[],
): void {
  if (r.interfaceEndpoints.length === 0) return;
  const parent = { parent: s.component };
  const sg = new ec2.SecurityGroup(
    childName(s.name, "endpoints-sg"),
    {
      vpcId,
      description: `Interface endpoints of ${s.name}: HTTPS from the VPC`,
      tags: s.tagged(childName(s.name, "endpoints")),
    },
    parent,
  );
  new vpc.SecurityGroupIngressRule(
    childName(s.name, "endpoints-https"),
    {
      securityGroupId: sg.id,
      cidrIpv4: r.plan.cidr,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: `HTTPS from ${r.plan.cidr}`,
      tags: r.tags,
    },
    parent,
  );
  const subnetIds = privateSubnets.map((x) => x.id);
  for (const service of r.interfaceEndpoints) {
    const id = service.replace(/\./g, "-");
    new ec2.VpcEndpoint(
      childName(s.name, id, "endpoint"),
      {
        vpcId,
        vpcEndpointType: "Interface",
        serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
        privateDnsEnabled: true,
        subnetIds,
        securityGroupIds: [sg.id],
        tags: s.tagged(childName(s.name, id)),
      },
      parent,
    );
  }
}
