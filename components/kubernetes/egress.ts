// Egress by intent: what a workload's pods may reach, named by what it is (another Groundwork workload, a
// Namespace, a cloud component with a private endpoint, an address range, the public internet), each
// becoming the narrowest NetworkPolicy egress rule. The namespace's default deny stays: these policies only
// add. The clouds' metadata services are never reachable through a range or the internet rule; reaching
// them is its own, recorded, intent. Pure resolution; the workloads create the policies.
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Ipv4Block, blockSize, contains, formatCidr, parseCidr } from "../core/cidr";
import { HasPrivateEndpoint, hasPrivateEndpoint } from "../core/endpoint";
import { argKeys, isPlainObject, strictObject } from "../core/strict";
import { Tags } from "../core/tags";
import { Validator, knownValue } from "../core/validate";

/** A Groundwork workload another workload can be allowed to reach (a WebService or a Worker). */
export interface EgressWorkload {
  /** Labels selecting its pods. */
  readonly selector: Tags;
  /** Its namespace. */
  readonly namespace: pulumi.Output<string>;
  /** The port its pods accept callers on, when it has one (a WebService's container port). */
  readonly podPort?: number;
  /**
   * Admits another workload's pods on `port`: an ingress NetworkPolicy in this workload's namespace, so the
   * caller's egress is not stopped at the destination's default deny.
   */
  admitFrom(caller: WorkloadIdentity, port: number): unknown;
}

/** The pods of a workload, as a NetworkPolicy peer names them. */
export interface WorkloadIdentity {
  /** The workload's component name (names the admitting policy). */
  readonly name: string;
  readonly selector: Tags;
  readonly namespace: pulumi.Input<string>;
}

/** A namespace another workload can be allowed to reach (a Groundwork `Namespace`). */
export interface EgressNamespace {
  readonly namespaceName: pulumi.Output<string>;
}

/**
 * One thing a workload's pods may reach. Exactly one of `to`, `cidr`, `internet` and `metadataEndpoint`.
 */
export interface EgressRule {
  /**
   * A Groundwork workload (its pods, on its port; it admits the caller in turn), a Groundwork `Namespace`
   * (every pod in it, on `ports`), or a cloud component with a private endpoint (a `PostgresDatabase`: its
   * address range, on its port).
   */
  readonly to?: EgressWorkload | EgressNamespace | HasPrivateEndpoint;
  /**
   * An IPv4 address range (`10.20.0.0/16`), on `ports`. The clouds' metadata addresses are excepted from it.
   * `0.0.0.0/0` is refused: say `internet: true`.
   */
  readonly cidr?: pulumi.Input<string>;
  /**
   * The public internet, on `ports`: every address except the private, shared and link-local ranges (so no
   * internal system and no metadata service is reached through it). Recorded as the weakened default
   * `egressInternet`.
   */
  readonly internet?: boolean;
  /**
   * The cloud's instance metadata service (169.254.169.254, and EKS Pod Identity's 169.254.170.23) on port
   * 80: node credentials live there. Only for a workload that needs it; recorded as the weakened default
   * `egressMetadataEndpoint`.
   */
  readonly metadataEndpoint?: boolean;
  /**
   * Destination ports. Required with `cidr`, `internet` and a `Namespace`; a workload's or endpoint's own
   * port otherwise (a port given for a workload replaces its own).
   */
  readonly ports?: readonly number[];
  /** @default "TCP" */
  readonly protocol?: "TCP" | "UDP";
}

/** The keys of {@link EgressRule}; any other key is refused. */
export const EGRESS_RULE_KEYS = argKeys<EgressRule>()([
  "to",
  "cidr",
  "internet",
  "metadataEndpoint",
  "ports",
  "protocol",
]);

/**
 * The metadata and platform-agent addresses no range or internet rule may reach: the instance metadata
 * service of AWS, Google Cloud and Azure (169.254.169.254), the ECS task metadata and EKS Pod Identity
 * agents (169.254.170.2, 169.254.170.23) and Azure's WireServer (168.63.129.16).
 * Sources: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html ,
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html ,
 * https://cloud.google.com/compute/docs/metadata/querying-metadata ,
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
 */
export const METADATA_CIDRS: readonly string[] = [
  "169.254.169.254/32",
  "169.254.170.2/32",
  "169.254.170.23/32",
  "168.63.129.16/32",
];

/**
 * What `internet: true` leaves out: RFC 1918 private ranges, RFC 6598 shared space (used for pod ranges),
 * link-local (the metadata services) and Azure's WireServer.
 */
export const NON_INTERNET_CIDRS: readonly string[] = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "169.254.0.0/16",
  "168.63.129.16/32",
];

/** What a workload's egress resolves to. */
export interface ResolvedEgress {
  /** One NetworkPolicy egress rule per entry, in the caller's order. */
  readonly rules: k8s.networking.v1.NetworkPolicyEgressRule[];
  /** Workloads to admit the caller's pods, with the port. */
  readonly admissions: readonly { readonly target: EgressWorkload; readonly port: number }[];
  /** Weakened defaults the rules name (`egressInternet`, `egressMetadataEndpoint`), sorted, distinct. */
  readonly weakened: readonly string[];
}

const PORTS = "a list of destination ports, 1-65535";
const RULE = "an egress rule: one of to, cidr, internet or metadataEndpoint, with ports";

function isWorkload(value: object): value is EgressWorkload {
  const w = value as Partial<EgressWorkload>;
  return (
    isPlainObject(w.selector) && pulumi.Output.isInstance(w.namespace) && typeof w.admitFrom === "function"
  );
}

function isNamespace(value: object): value is EgressNamespace {
  return pulumi.Output.isInstance((value as Partial<EgressNamespace>).namespaceName);
}

function checkPorts(
  v: Validator,
  field: string,
  ports: readonly number[] | undefined,
  required: boolean,
): number[] {
  if (ports === undefined) {
    if (required) v.fail(field, ports, "is required", PORTS);
    return [];
  }
  if (!Array.isArray(ports) || ports.length === 0) v.fail(field, ports, "is not a non-empty list", PORTS);
  return ports.map((p, i) => {
    v.required(`${field}[${i}]`, p, "a port, 1-65535");
    return v.integer(`${field}[${i}]`, p, 1, 65535, 0);
  });
}

/** The IPv4 block of a known CIDR, refused when it is not one. */
function block(v: Validator, field: string, cidr: string): Ipv4Block {
  const b = parseCidr(cidr);
  // A network address: no bits set below the prefix (10.0.0.1/8 is a host written as a range).
  if (b === undefined || b.base % blockSize(b.prefix) !== 0)
    v.fail(field, cidr, "is not a valid IPv4 CIDR", "a network address and prefix such as 10.20.0.0/16");
  return b;
}

/**
 * The ipBlock of a range rule: refused when it is the whole internet or lies inside a metadata address,
 * with every metadata address it contains excepted. Known values are checked now; an Output when it
 * resolves (the error then fails the deployment, naming the same field).
 */
function ipBlock(
  v: Validator,
  field: string,
  cidr: pulumi.Input<string>,
): pulumi.Input<k8s.networking.v1.IPBlock> {
  const check = (text: string): k8s.networking.v1.IPBlock => {
    if (typeof text !== "string") v.fail(field, text, "is not a string", "an IPv4 CIDR such as 10.20.0.0/16");
    const b = block(v, field, text);
    if (b.prefix === 0)
      v.fail(
        field,
        text,
        "is the whole internet",
        "internet: true (which never reaches private ranges or metadata services)",
      );
    const metadata = METADATA_CIDRS.map((m) => parseCidr(m)!);
    if (metadata.some((m) => contains(m, b)))
      v.fail(field, text, "is a metadata service address", "metadataEndpoint: true, which names the intent");
    const except = metadata.filter((m) => contains(b, m)).map(formatCidr);
    return { cidr: text.trim(), ...(except.length > 0 ? { except } : {}) };
  };
  const known = knownValue(cidr);
  return known !== undefined ? check(known) : pulumi.output(cidr).apply(check);
}

/** A NetworkPolicy port list. */
const portList = (ports: readonly number[], protocol: string): k8s.networking.v1.NetworkPolicyPort[] =>
  ports.map((port) => ({ protocol, port }));

const byNamespace = (ns: pulumi.Input<string>): k8s.networking.v1.NetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
});

/** What one egress entry resolves to. */
interface ResolvedRule {
  readonly rule: k8s.networking.v1.NetworkPolicyEgressRule;
  readonly admission?: ResolvedEgress["admissions"][number];
  readonly weakened?: string;
}

/** A rule whose destination is fixed by its kind: the metadata service, the internet, an address range. */
function fixedRule(
  v: Validator,
  field: string,
  rule: EgressRule,
  kind: "cidr" | "internet" | "metadataEndpoint",
  protocol: string,
): ResolvedRule {
  if (kind !== "cidr" && v.boolean(`${field}.${kind}`, rule[kind], false) !== true)
    v.fail(`${field}.${kind}`, rule[kind], "is false", "true, or leave the rule out");
  if (kind === "metadataEndpoint") {
    if (rule.ports !== undefined)
      v.fail(`${field}.ports`, rule.ports, "is set for the metadata endpoint", "no ports (80 is used)");
    return {
      rule: {
        to: ["169.254.169.254/32", "169.254.170.23/32"].map((cidr) => ({ ipBlock: { cidr } })),
        ports: portList([80], "TCP"),
      },
      weakened: "egressMetadataEndpoint",
    };
  }
  const ports = portList(checkPorts(v, `${field}.ports`, rule.ports, true), protocol);
  if (kind === "internet")
    return {
      rule: { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [...NON_INTERNET_CIDRS] } }], ports },
      weakened: "egressInternet",
    };
  return { rule: { to: [{ ipBlock: ipBlock(v, `${field}.cidr`, rule.cidr!) }], ports } };
}

/** The rule to a component's private endpoint: its ranges (none is an error, never "anywhere"), its port. */
function endpointRule(
  v: Validator,
  field: string,
  rule: EgressRule,
  target: HasPrivateEndpoint,
  protocol: string,
): ResolvedRule {
  const endpoint = target.privateEndpoint;
  const ports = checkPorts(v, `${field}.ports`, rule.ports, false);
  return {
    rule: {
      to: endpoint.cidrs.apply((cidrs) => {
        // An empty `to` would reach every destination: an endpoint without an address is an error.
        if (!Array.isArray(cidrs) || cidrs.length === 0)
          v.fail(
            `${field}.to`,
            endpoint.description,
            "has no private address",
            "a component with a private endpoint",
          );
        return cidrs.map((c, i) => ({ ipBlock: ipBlock(v, `${field}.to.privateEndpoint.cidrs[${i}]`, c) }));
      }),
      ports: portList(ports.length > 0 ? ports : [endpoint.port], protocol),
    } as k8s.networking.v1.NetworkPolicyEgressRule,
  };
}

/** A rule naming a destination object: a component's private endpoint, a workload or a namespace. */
function targetRule(v: Validator, field: string, rule: EgressRule, protocol: string): ResolvedRule {
  const target = rule.to as object;
  const expected =
    "a WebService or Worker, a Namespace, or a component with a private endpoint (a PostgresDatabase)";
  if (typeof target !== "object" || target === null)
    v.fail(`${field}.to`, target, "is not an object", expected);
  if (hasPrivateEndpoint(target)) return endpointRule(v, field, rule, target, protocol);
  if (isWorkload(target)) {
    const given = checkPorts(v, `${field}.ports`, rule.ports, target.podPort === undefined);
    const ports = given.length > 0 ? given : [target.podPort!];
    if (ports.length !== 1)
      v.fail(
        `${field}.ports`,
        rule.ports,
        "names more than one port for a workload",
        "the one port the workload accepts callers on",
      );
    return {
      rule: {
        to: [{ ...byNamespace(target.namespace), podSelector: { matchLabels: { ...target.selector } } }],
        ports: portList(ports, protocol),
      },
      admission: { target, port: ports[0] },
    };
  }
  if (isNamespace(target)) {
    const ports = checkPorts(v, `${field}.ports`, rule.ports, true);
    return { rule: { to: [byNamespace(target.namespaceName)], ports: portList(ports, protocol) } };
  }
  return v.fail(`${field}.to`, target, "is not a destination Groundwork knows", expected);
}

/** Resolves one rule: its NetworkPolicy egress rule, the admission it needs, the weakening it names. */
function resolveRule(v: Validator, field: string, rule: EgressRule): ResolvedRule {
  strictObject(v, field, rule, EGRESS_RULE_KEYS, "an egress rule");
  const kinds = (["to", "cidr", "internet", "metadataEndpoint"] as const).filter(
    (k) => rule[k] !== undefined,
  );
  if (kinds.length !== 1)
    v.fail(
      field,
      rule,
      kinds.length === 0 ? "names no destination" : `names ${kinds.join(" and ")} together`,
      RULE,
    );
  const protocol = v.oneOf(`${field}.protocol`, rule.protocol, ["TCP", "UDP"] as const, "TCP");
  const kind = kinds[0];
  return kind === "to" ? targetRule(v, field, rule, protocol) : fixedRule(v, field, rule, kind, protocol);
}

/**
 * Resolves a workload's `egress` argument: each entry checked (exactly one destination, ports, ranges that
 * are neither the whole internet nor a metadata address) before anything registers.
 */
export function resolveEgress(v: Validator, egress: readonly EgressRule[] | undefined): ResolvedEgress {
  if (egress === undefined) return { rules: [], admissions: [], weakened: [] };
  if (!Array.isArray(egress)) v.fail("egress", egress, "is not a list", `a list of ${RULE}s`);
  const resolved = egress.map((rule, i) => resolveRule(v, `egress[${i}]`, rule));
  return {
    rules: resolved.map((r) => r.rule),
    admissions: resolved.flatMap((r) => (r.admission ? [r.admission] : [])),
    weakened: [...new Set(resolved.flatMap((r) => (r.weakened ? [r.weakened] : [])))].sort(),
  };
}
