// The security groups of load balancers: open to address ranges only on the listener ports a web front
// door needs (443, and 80 to redirect). Group-to-group rules are internal wiring and are not checked.
import type { PolicyResource } from "@pulumi/policy";
import { GroundworkPolicy, stackPolicy } from "../../runtime";
import { eachOf, ofTypes, referenced, referrers } from "../../runtime/links";
import { Ingress, ingressOf } from "./ec2";
import { T } from "./resource-types";

const DEFAULT_PORTS = [80, 443];

/** The ports of one permission outside `allowed`, as a short text, or undefined when all are allowed. */
function disallowed(ingress: Ingress, allowed: ReadonlySet<number>): string | undefined {
  const proto = String(ingress.protocol ?? "tcp").toLowerCase();
  if (proto === "-1" || proto === "all") return "all ports";
  const lo = Number(ingress.from ?? 0);
  const hi = Number(ingress.to ?? ingress.from ?? 65535);
  for (let p = lo; p <= hi; p++) if (!allowed.has(p)) return lo === hi ? `port ${lo}` : `ports ${lo}-${hi}`;
  return undefined;
}

/** Every ingress permission of a group: inline, and from rule resources naming it. */
function groupIngress(resources: readonly PolicyResource[], group: PolicyResource): Ingress[] {
  const rules = referrers(resources, T.groupRules, "securityGroupId", group);
  return [group, ...rules].flatMap((r) =>
    ingressOf(r).map((i) => ({ ...i, where: `"${r.name}" ${i.where}` })),
  );
}

export const loadBalancerStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-lb-security-group-ports",
    area: "aws",
    severity: "high",
    description:
      "Security groups attached to load balancers admit address ranges (CIDR sources) only on the allowed " +
      "listener ports, by default 443 and 80.",
    remediationSteps:
      "Remove the ingress rule, or move the service behind a listener on an allowed port; add a port to `allowedPorts` only for a listener that needs it.",
    references: ["AWS FSBP EC2.18"],
    configSchema: {
      properties: {
        allowedPorts: {
          type: "array",
          items: { type: "integer", minimum: 0, maximum: 65535 },
          default: DEFAULT_PORTS,
          description: "Ports a load balancer's security groups may open to address ranges.",
        },
      },
    },
    types: T.loadBalancer,
    validateStack(args, report) {
      const allowed = new Set(args.getConfig<{ allowedPorts?: number[] }>().allowedPorts ?? DEFAULT_PORTS);
      eachOf(ofTypes(args.resources, T.loadBalancer), report, (lb) => {
        for (const group of referenced(args.resources, T.securityGroup, lb, "securityGroups")) {
          for (const ingress of groupIngress(args.resources, group)) {
            const cidrs = ingress.cidrs.filter((c) => c !== undefined && c !== null && c !== "");
            const ports = cidrs.length > 0 ? disallowed(ingress, allowed) : undefined;
            if (ports)
              report(
                `load balancer "${lb.name}": ${ingress.where} opens ${ports} to ${cidrs.join(", ")}`,
                lb.urn,
              );
          }
        }
      });
    },
  }),
];
