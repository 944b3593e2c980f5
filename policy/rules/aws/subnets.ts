// Public addresses only where the network is public. A subnet is public when a route table associated
// with it in this stack (RouteTableAssociation) sends 0.0.0.0/0 or ::/0 to an internet gateway, inline or
// through an ec2 Route. That is the fact AWS itself acts on; a tag could say "public" of a subnet that has
// no way out. A subnet whose routing is not in the stack is not shown public, so it counts as private.
import type {
  InstanceArgs,
  LaunchConfigurationArgs,
  RouteArgs,
  RouteTableArgs,
  SubnetArgs,
} from "@pulumi/aws/ec2";
import type { PolicyResource } from "@pulumi/policy";
import { GroundworkPolicy, stackPolicy } from "../../runtime";
import { propsOf, records } from "../../runtime/props";
import { eachOf, indexCache, isOfType, ofTypes, referenced, referrers } from "../../runtime/links";
import { ifKnown } from "../../runtime/unknowns";
import { T } from "./resource-types";

const DEFAULT_ROUTES = ["0.0.0.0/0", "::/0"];

/** True when `gateway` (a gatewayId value) is an internet gateway: an `igw-` id or an IGW of the stack. */
function toInternetGateway(
  resources: readonly PolicyResource[],
  source: PolicyResource,
  gateway: unknown,
): boolean {
  if (typeof gateway === "string" && gateway.startsWith("igw-")) return true;
  return referenced(resources, T.internetGateway, source, "gatewayId").length > 0;
}

function routesToInternet(resources: readonly PolicyResource[], table: PolicyResource): boolean {
  const inline = records(ifKnown(() => propsOf<RouteTableArgs>(table).routes)).some((r) => {
    const destination = ifKnown(() => r.cidrBlock ?? r.ipv6CidrBlock);
    const gateway = ifKnown(() => r.gatewayId);
    const igw = typeof gateway === "string" && gateway.startsWith("igw-");
    const dependsOnIgw = (table.propertyDependencies.routes ?? []).some((d) =>
      /:InternetGateway::/.test(d.urn),
    );
    return DEFAULT_ROUTES.includes(String(destination)) && (igw || dependsOnIgw);
  });
  return (
    inline ||
    referrers(resources, T.route, "routeTableId", table).some((route) => {
      const r = propsOf<RouteArgs>(route);
      const destination = ifKnown(() => r.destinationCidrBlock ?? r.destinationIpv6CidrBlock);
      return (
        DEFAULT_ROUTES.includes(String(destination)) &&
        toInternetGateway(
          resources,
          route,
          ifKnown(() => r.gatewayId),
        )
      );
    })
  );
}

const publicIndex = indexCache<Set<string>>();

/** URNs of the subnets of the stack that are public (see the file comment), computed once per evaluation. */
export function publicSubnets(resources: readonly PolicyResource[]): Set<string> {
  return publicIndex(resources, "public-subnets", () => {
    const out = new Set<string>();
    for (const association of ofTypes(resources, T.routeTableAssociation)) {
      const tables = referenced(resources, T.routeTable, association, "routeTableId");
      if (!tables.some((t) => routesToInternet(resources, t))) continue;
      for (const s of referenced(resources, T.subnet, association, "subnetId")) out.add(s.urn);
    }
    return out;
  });
}

/** The subnets of the stack that `source` names through `property` (top level or nested). */
function subnetsOf(
  resources: readonly PolicyResource[],
  source: PolicyResource,
  property: string,
): PolicyResource[] {
  return referenced(resources, T.subnet, source, property);
}

/** The subnets the auto scaling groups launching `config` place instances in (`vpcZoneIdentifiers`). */
function launchConfigurationSubnets(
  resources: readonly PolicyResource[],
  config: PolicyResource,
): PolicyResource[] {
  return referrers(resources, T.autoscalingGroup, "launchConfiguration", config, ["name"]).flatMap((group) =>
    subnetsOf(resources, group, "vpcZoneIdentifiers"),
  );
}

/** What asks for public addresses: instances, launch templates, and launch configurations. */
const ADDRESS_REQUESTERS = [...T.instance, ...T.launchTemplate, ...T.launchConfiguration];

/**
 * Where an instance, launch template or launch configuration asks for a public address, with the subnets it
 * names there (a launch configuration's are those of the auto scaling groups that use it).
 */
function publicAddressRequests(
  resources: readonly PolicyResource[],
  r: PolicyResource,
): { where: string; subnets: PolicyResource[] }[] {
  if (isOfType(r, T.launchConfiguration)) {
    return propsOf<LaunchConfigurationArgs>(r).associatePublicIpAddress === true
      ? [{ where: "associatePublicIpAddress", subnets: launchConfigurationSubnets(resources, r) }]
      : [];
  }
  if (isOfType(r, T.instance)) {
    return propsOf<InstanceArgs>(r).associatePublicIpAddress === true
      ? [{ where: "associatePublicIpAddress", subnets: subnetsOf(resources, r, "subnetId") }]
      : [];
  }
  const interfaces = records(r.props.networkInterfaces);
  return interfaces
    .map((ni, i) => ({ ni, i }))
    .filter(({ ni }) => String(ni.associatePublicIpAddress) === "true")
    .map(({ i }) => ({
      where: `networkInterfaces[${i}].associatePublicIpAddress`,
      subnets: subnetsOf(resources, r, "networkInterfaces"),
    }));
}

const PRIVATE_HELP =
  "is not shown public in this stack (no associated route table with a default route to an internet gateway)";

export const subnetStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-vpc-subnet-no-public-ip-on-launch",
    area: "aws",
    severity: "high",
    description:
      "Subnets map public IPs on launch only when they are public: associated in the stack with a route table " +
      "whose default route goes to an internet gateway. Checkov and FSBP flag every such subnet; the pack accepts public ones.",
    remediationSteps:
      "Set `mapPublicIpOnLaunch: false`; give public addresses only in public subnets (route to an internet gateway).",
    references: ["CKV_AWS_130", "AWS FSBP EC2.15"],
    types: T.subnet,
    validateStack(args, report) {
      const open = publicSubnets(args.resources);
      eachOf(ofTypes(args.resources, T.subnet), report, (s) => {
        if (propsOf<SubnetArgs>(s).mapPublicIpOnLaunch === true && !open.has(s.urn))
          report(`subnet "${s.name}" maps public IPs on launch but ${PRIVATE_HELP}`, s.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-ec2-no-public-ip-private-subnet",
    area: "aws",
    severity: "high",
    description:
      "EC2 instances, launch templates and launch configurations ask for a public IP only in a subnet the stack " +
      "shows public (a route table with a default route to an internet gateway; for a launch configuration, the " +
      "subnets of the auto scaling groups using it). A subnet the stack does not declare (a lookup, the default " +
      "VPC's) is not judged: nothing in the program shows what it routes to.",
    remediationSteps:
      "Drop `associatePublicIpAddress`; reach the instance through a load balancer or SSM Session Manager, or place it in a public subnet.",
    references: ["CKV_AWS_88", "CKV_AWS_389", "AWS FSBP EC2.9", "AWS FSBP EC2.25", "AWS FSBP AutoScaling.5"],
    types: ADDRESS_REQUESTERS,
    validateStack(args, report) {
      const open = publicSubnets(args.resources);
      eachOf(ofTypes(args.resources, ADDRESS_REQUESTERS), report, (r) => {
        for (const { where, subnets } of publicAddressRequests(args.resources, r)) {
          // No subnet of this stack: an id from a lookup (the default VPC's subnets are public), the default
          // subnet, or one chosen where the template is used. Nothing here shows it private, so no claim.
          const closed = subnets.find((s) => !open.has(s.urn));
          if (closed)
            report(`"${r.name}": ${where} is true but subnet "${closed.name}" ${PRIVATE_HELP}`, r.urn);
        }
      });
    },
  }),
];
