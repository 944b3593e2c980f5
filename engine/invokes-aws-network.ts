// Offline answers to AWS's network lookups: the default VPC every account has (172.31.0.0/16, a default
// subnet per zone that maps public IPs on launch), and any other VPC, subnet, security group, route table or
// load balancer a program looks up, shaped like EC2's answer with stable ids. Rendered into
// docs/offline-answers.md.
import {
  FAKE_AWS_ACCOUNT,
  InvokeContext,
  awsDnsSuffix,
  argString,
  awsPartition,
  awsRegion,
  stableHex,
} from "./invoke-context";
import { zonesOf } from "./zones";
import type { OfflineAnswer } from "./invokes";

const arnPrefix = (ctx: InvokeContext): string =>
  `arn:${awsPartition(awsRegion(ctx))}:ec2:${awsRegion(ctx)}:${FAKE_AWS_ACCOUNT}`;

/** The filter values a lookup gave for `name` (EC2's `filters: [{ name, values }]`). */
function filterValues(ctx: InvokeContext, name: string): string[] {
  const filters = Array.isArray(ctx.args.filters) ? (ctx.args.filters as Record<string, unknown>[]) : [];
  const hit = filters.find((f) => f.name === name);
  return Array.isArray(hit?.values) ? (hit.values as unknown[]).map(String) : [];
}

/** The default VPC's id in the region: the one every account has, 172.31.0.0/16. */
const defaultVpcId = (region: string): string => `vpc-${stableHex(17, "default-vpc", region)}`;

/** Whether a VPC lookup asks for the default VPC (`default: true`, or a filter on `isDefault`). */
function asksDefault(ctx: InvokeContext): boolean {
  return (
    ctx.args.default === true ||
    filterValues(ctx, "isDefault").includes("true") ||
    Object.keys(ctx.args).length === 0
  );
}

function vpc(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const isDefault = asksDefault(ctx);
  const id =
    argString(ctx, "id") ?? (isDefault ? defaultVpcId(region) : `vpc-${stableHex(17, region, ctx.args)}`);
  const cidrBlock = isDefault ? "172.31.0.0/16" : "10.0.0.0/16";
  return {
    ...ctx.args,
    id,
    arn: `${arnPrefix(ctx)}:vpc/${id}`,
    cidrBlock,
    default: isDefault,
    enableDnsHostnames: isDefault,
    enableDnsSupport: true,
    instanceTenancy: "default",
    ownerId: FAKE_AWS_ACCOUNT,
    state: "available",
    mainRouteTableId: `rtb-${stableHex(17, "main", id)}`,
    dhcpOptionsId: `dopt-${stableHex(17, region)}`,
    cidrBlockAssociations: [
      { associationId: `vpc-cidr-assoc-${stableHex(17, id)}`, cidrBlock, state: "associated" },
    ],
    tags: ctx.args.tags ?? {},
  };
}

/** One subnet per zone: in the default VPC, the default subnets AWS creates (a /20 each, public IPs on launch). */
function subnetsOf(
  ctx: InvokeContext,
): { id: string; zone: string; zoneId: string; cidr: string; vpcId: string; isDefault: boolean }[] {
  const region = awsRegion(ctx);
  const vpcIds = filterValues(ctx, "vpc-id");
  const vpcId = vpcIds[0] ?? argString(ctx, "vpcId") ?? defaultVpcId(region);
  const isDefault = vpcId === defaultVpcId(region) || filterValues(ctx, "default-for-az").includes("true");
  return zonesOf(region).map((z, i) => ({
    id: `subnet-${stableHex(17, vpcId, z.name, isDefault ? "" : ctx.args)}`,
    zone: z.name,
    zoneId: z.zoneId,
    cidr: isDefault ? `172.31.${i * 16}.0/20` : `10.0.${i * 16}.0/20`,
    vpcId,
    isDefault,
  }));
}

function subnet(ctx: InvokeContext): Record<string, unknown> {
  const all = subnetsOf(ctx);
  const id = argString(ctx, "id");
  const zone = argString(ctx, "availabilityZone") ?? filterValues(ctx, "availability-zone")[0];
  const s = all.find((x) => x.id === id || x.zone === zone) ?? all[0];
  return {
    ...ctx.args,
    id: id ?? s.id,
    arn: `${arnPrefix(ctx)}:subnet/${id ?? s.id}`,
    availabilityZone: s.zone,
    availabilityZoneId: s.zoneId,
    cidrBlock: s.cidr,
    defaultForAz: s.isDefault,
    mapPublicIpOnLaunch: s.isDefault,
    vpcId: s.vpcId,
    ownerId: FAKE_AWS_ACCOUNT,
    state: "available",
    availableIpAddressCount: 4091,
    tags: ctx.args.tags ?? {},
  };
}

function loadBalancer(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const name = argString(ctx, "name") ?? `lb-${stableHex(8, ctx.args)}`;
  const arn =
    argString(ctx, "arn") ??
    `${`arn:${awsPartition(awsRegion(ctx))}:elasticloadbalancing:${awsRegion(ctx)}:${FAKE_AWS_ACCOUNT}`}:loadbalancer/app/${name}/${stableHex(16, name)}`;
  return {
    ...ctx.args,
    id: arn,
    arn,
    arnSuffix: arn.split(":loadbalancer/")[1] ?? name,
    name,
    dnsName: `${name}-${Number.parseInt(stableHex(8, name), 16)}.${region}.elb.${awsDnsSuffix(awsPartition(region))}`,
    zoneId: "Z35SXDOTRQ7X7K",
    loadBalancerType: "application",
    internal: false,
    securityGroups: [`sg-${stableHex(17, arn)}`],
    subnets: subnetsOf(ctx).map((s) => s.id),
    vpcId: defaultVpcId(region),
  };
}

/** The built-in rows for network lookups. */
export const AWS_NETWORK_ANSWERS: readonly OfflineAnswer[] = [
  {
    token: "aws:ec2/getVpc:getVpc",
    fidelity: "shaped",
    answer:
      "the default VPC (172.31.0.0/16, DNS hostnames on) for `default: true`; any other lookup a VPC with the asked id (else a stable fake one) and 10.0.0.0/16",
    handler: vpc,
  },
  {
    token: "aws:ec2/getSubnets:getSubnets",
    fidelity: "shaped",
    answer:
      "one subnet per availability zone of the region (the zone table below) in the `vpc-id` filter's VPC; in the default VPC, its default subnets",
    handler: (ctx) => ({ ...ctx.args, id: awsRegion(ctx), ids: subnetsOf(ctx).map((s) => s.id) }),
  },
  {
    token: "aws:ec2/getSubnet:getSubnet",
    fidelity: "shaped",
    answer:
      "the asked subnet (by id or zone) of the same set: a /20 per zone; default subnets (172.31.x.0/20) map public IPs on launch, as AWS's do",
    handler: subnet,
  },
  {
    token: "aws:ec2/getSecurityGroup:getSecurityGroup",
    fidelity: "shaped",
    answer: "a group with the asked id or name (else `default`) in the asked VPC (else the default VPC)",
    handler: (ctx) => {
      const vpcId = argString(ctx, "vpcId") ?? filterValues(ctx, "vpc-id")[0] ?? defaultVpcId(awsRegion(ctx));
      const name = argString(ctx, "name") ?? filterValues(ctx, "group-name")[0] ?? "default";
      const id = argString(ctx, "id") ?? `sg-${stableHex(17, vpcId, name)}`;
      return {
        ...ctx.args,
        id,
        name,
        vpcId,
        arn: `${arnPrefix(ctx)}:security-group/${id}`,
        description: name,
        tags: ctx.args.tags ?? {},
      };
    },
  },
  {
    token: "aws:ec2/getRouteTables:getRouteTables",
    fidelity: "shaped",
    answer: "one route table per subnet of `getSubnets` for the same VPC",
    handler: (ctx) => ({
      ...ctx.args,
      id: awsRegion(ctx),
      ids: subnetsOf(ctx).map((s) => `rtb-${stableHex(17, s.id)}`),
    }),
  },
  {
    token: "aws:ec2/getRouteTable:getRouteTable",
    fidelity: "shaped",
    answer: "the asked table (by id, subnet or VPC), with a local route only",
    handler: (ctx) => {
      const vpcId = argString(ctx, "vpcId") ?? defaultVpcId(awsRegion(ctx));
      const id =
        argString(ctx, "routeTableId") ?? `rtb-${stableHex(17, argString(ctx, "subnetId") ?? vpcId)}`;
      return {
        ...ctx.args,
        id,
        routeTableId: id,
        vpcId,
        arn: `${arnPrefix(ctx)}:route-table/${id}`,
        ownerId: FAKE_AWS_ACCOUNT,
        routes: [],
        associations: [],
        tags: ctx.args.tags ?? {},
      };
    },
  },
  {
    token: "aws:lb/getLoadBalancer:getLoadBalancer",
    fidelity: "shaped",
    answer:
      "an application load balancer with the asked name or ARN, a DNS name in the region, in the default VPC",
    handler: loadBalancer,
  },
];
