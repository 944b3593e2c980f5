// Connections between security groups, opened after both sides exist, in the spirit of aws-cdk-lib's
// `connections.allowFrom(other, port)`: two components never need each other at construction. Also the one
// place a Groundwork component makes a tcp security group rule.
import * as pulumi from "@pulumi/pulumi";
import * as vpc from "@pulumi/aws/vpc";
import { Tags, Validator, childName, knownValue, parseCidr } from "../core";

/**
 * One side of a connection: a security group (or, for `cidrPeer`, an IPv4 range), and the name the rules it
 * appears in are called by.
 */
export interface ConnectionPeer {
  /** Names the rules this group appears in (`<db>-ingress-<peerName>-<port>`), so it must stay stable. */
  readonly peerName: string;
  /** The security group the rules reference. */
  readonly securityGroupId?: pulumi.Input<string>;
  /** An IPv4 range the rules name instead of a group (`cidrPeer`): no egress is added on a range. */
  readonly cidrIpv4?: pulumi.Input<string>;
  /**
   * Whether the group allows only the egress it is given (every group a Groundwork component creates), so
   * opening a port from it also adds the matching egress rule on it.
   */
  readonly restrictsEgress: boolean;
}

/** Anything with a security group: `PostgresDatabase`, `ContainerService`, a `Connections`, `securityGroupPeer(…)`. */
export interface Connectable {
  readonly connections: ConnectionPeer;
}

/** How one `allowFrom` names and describes its rules. */
export interface AllowOptions {
  /**
   * Names the rules: `<name>-ingress-<id>` and `<name>-peer-egress-<id>`. Give the index of an entry of a
   * construction-time list (`allowedSecurityGroupIds`) to take that rule over without replacing it.
   * @default - `<peerName>-<port>`
   */
  readonly id?: string;
  /**
   * The rule description.
   * @default - `<label> from <peerName>`
   */
  readonly description?: string;
}

/** An IPv4 range as a peer (`cidrPeer`). */
export interface CidrPeer extends Connectable {
  readonly connections: ConnectionPeer & { readonly cidrIpv4: pulumi.Input<string> };
}

/** The rule `allowTo(cidrPeer(…), port)` made: on this group, to the range. */
export interface EgressRules {
  readonly egress: vpc.SecurityGroupEgressRule;
}

/** The rules one `allowFrom` made. */
export interface ConnectionRules {
  /** On this group, from the peer's group. */
  readonly ingress: vpc.SecurityGroupIngressRule;
  /** On the peer's group, to this group; absent when the peer's egress is not restricted. */
  readonly egress?: vpc.SecurityGroupEgressRule;
}

/** What a component tells its `Connections` about the group it owns. */
export interface ConnectionsSpec {
  /** The component the rules are children of. */
  readonly owner: pulumi.Resource;
  /** The child-name prefix, and this group's name as a peer. */
  readonly name: string;
  /** Names the component in errors. */
  readonly validator: Validator;
  readonly securityGroupId: pulumi.Input<string>;
  /** The port `allowDefaultPortFrom` opens; without one, only an explicit port can be opened. */
  readonly defaultPort?: number;
  /** What listens, for rule descriptions: "PostgreSQL". */
  readonly label: string;
  readonly tags: Tags;
  /** Ids a construction-time list already uses (`"0"`, `"1"` …), so a second rule never takes them. */
  readonly reservedIds?: readonly string[];
}

/** The other side of one tcp rule: a CIDR block or a security group. */
export type RulePeer =
  { readonly cidrIpv4: pulumi.Input<string> } | { readonly referencedSecurityGroupId: pulumi.Input<string> };

/** One tcp security group rule, on one port. */
export interface TcpRule {
  readonly groupId: pulumi.Input<string>;
  readonly peer: RulePeer;
  readonly port: number;
  readonly description: string;
  readonly tags: Tags;
}

function ruleArgs(r: TcpRule) {
  return {
    securityGroupId: r.groupId,
    ...r.peer,
    ipProtocol: "tcp",
    fromPort: r.port,
    toPort: r.port,
    description: r.description,
    tags: r.tags,
  };
}

/** An ingress rule, a child of `parent`. */
export function ingressRule(parent: pulumi.Resource, name: string, r: TcpRule): vpc.SecurityGroupIngressRule {
  return new vpc.SecurityGroupIngressRule(name, ruleArgs(r), { parent });
}

/** An egress rule, a child of `parent`. */
export function egressRule(parent: pulumi.Resource, name: string, r: TcpRule): vpc.SecurityGroupEgressRule {
  return new vpc.SecurityGroupEgressRule(name, ruleArgs(r), { parent });
}

/** Peer names and rule ids: what child names allow. */
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The connections of one security group a component owns. `allowFrom(peer, port)` opens a tcp port on it
 * to the peer's group: an ingress rule on this group and, when the peer's egress is restricted (every
 * Groundwork group), the matching egress rule on the peer's. Both are children of this component, named
 * from the peer and the port (`app-ingress-api-5432`, `app-peer-egress-api-5432`), never from call order;
 * the same peer and port twice is a `GroundworkInputError`, as is the same grant twice.
 */
export class Connections implements ConnectionPeer, Connectable {
  public readonly peerName: string;
  public readonly securityGroupId: pulumi.Input<string>;
  public readonly restrictsEgress = true;
  /** The port `allowDefaultPortFrom` opens, when this group has one. */
  public readonly defaultPort?: number;
  /** A `Connections` is itself connectable, so either side of a call may name one directly. */
  public readonly connections: Connections = this;
  /** Rule id → what made it; peer and port → rule id. */
  private readonly ids = new Map<string, string>();
  private readonly pairs = new Map<string, string>();

  constructor(private readonly spec: ConnectionsSpec) {
    this.peerName = spec.name;
    this.securityGroupId = spec.securityGroupId;
    this.defaultPort = spec.defaultPort;
    for (const id of spec.reservedIds ?? []) this.ids.set(id, "a construction-time list");
  }

  /**
   * Lets members of the peer's group connect to this group on `port` (tcp).
   * @param other a component with a security group, a `Connections`, or `securityGroupPeer(name, id)`
   */
  allowFrom(other: Connectable, port: number, options: AllowOptions = {}): ConnectionRules {
    const peer = this.peerOf(other);
    const { id, port: p, name } = this.claim(peer, port, options, "ingress");
    const description = options.description ?? `${this.spec.label} from ${peer.peerName}`;
    const rule = { port: p, description, tags: this.spec.tags };
    const ingress = ingressRule(this.spec.owner, name, {
      ...rule,
      groupId: this.securityGroupId,
      peer: this.rulePeer(peer, "ingress"),
    });
    if (!peer.restrictsEgress || peer.securityGroupId === undefined) return { ingress };
    const egress = egressRule(this.spec.owner, childName(this.spec.name, "peer-egress", id), {
      ...rule,
      description: `${this.spec.label} to ${this.spec.name}`,
      groupId: peer.securityGroupId,
      peer: { referencedSecurityGroupId: this.securityGroupId },
    });
    return { ingress, egress };
  }

  /** Lets members of the peer's group connect on this group's default port (5432 for a database). */
  allowDefaultPortFrom(other: Connectable, options: AllowOptions = {}): ConnectionRules {
    if (this.defaultPort === undefined) {
      this.spec.validator.fail(
        "connections",
        this.peerName,
        "has no default port",
        "allowFrom(peer, port) with an explicit port",
      );
    }
    return this.allowFrom(other, this.defaultPort, options);
  }

  /**
   * `other.connections.allowFrom(this, port)`: the rules are the other component's children. To an IPv4
   * range (`cidrPeer("10.20.0.0/16")`), an egress rule on this group to it, on `port`, a child of this
   * component named `<name>-egress-<peerName>-<port>` (or `<name>-egress-<id>`).
   */
  allowTo(other: CidrPeer, port: number, options?: AllowOptions): EgressRules;
  allowTo(
    other: { readonly connections: Connections },
    port: number,
    options?: AllowOptions,
  ): ConnectionRules;
  allowTo(other: Connectable, port: number, options?: AllowOptions): ConnectionRules | EgressRules {
    const peer = this.peerOf(other);
    if (peer.cidrIpv4 !== undefined) return this.allowEgressTo(peer, port, options ?? {});
    if (!(other.connections instanceof Connections)) {
      this.spec.validator.fail(
        "connections peer",
        peer.peerName,
        "is a group this program does not manage",
        "a PostgresDatabase, a ContainerService, a Connections or cidrPeer(range)",
      );
    }
    return other.connections.allowFrom(this, port, options);
  }

  /** The egress rule `allowTo(cidrPeer(…), port)` makes on this group. */
  private allowEgressTo(peer: ConnectionPeer, port: number, options: AllowOptions): EgressRules {
    const { id, port: p } = this.claim(peer, port, options, "egress");
    const egress = egressRule(this.spec.owner, childName(this.spec.name, "egress", id), {
      port: p,
      description: options.description ?? `${this.spec.label} to ${peer.peerName}`,
      tags: this.spec.tags,
      groupId: this.securityGroupId,
      peer: this.rulePeer(peer, "egress"),
    });
    return { egress };
  }

  /** `other.connections.allowDefaultPortFrom(this)`: the rules are the other component's children. */
  allowDefaultPortTo(other: { readonly connections: Connections }, options?: AllowOptions): ConnectionRules {
    return other.connections.allowDefaultPortFrom(this, options);
  }

  /**
   * Checks the port and the rule id, and claims both for one direction: the same peer and port twice, or
   * the same id twice, is refused. Returns the id, the port and the rule's child name.
   */
  private claim(
    peer: ConnectionPeer,
    port: number,
    options: AllowOptions,
    direction: "ingress" | "egress",
  ): { id: string; port: number; name: string } {
    const v = this.spec.validator;
    v.required("connections port", port, "an integer from 1 to 65535");
    const p = v.integer("connections port", port, 1, 65535, port);
    const id = options.id ?? `${peer.peerName}-${p}`;
    if (typeof id !== "string" || !RULE_ID.test(id)) {
      v.fail("connections id", id, "is not a valid rule id", "1-128 of [A-Za-z0-9._-]");
    }
    // Ingress keys keep their bare form: construction-time lists reserve ids ("0", "1") as ingress.
    const key = direction === "ingress" ? id : `egress:${id}`;
    const pair = `${direction}:${peer.peerName}:${p}`;
    const earlier = this.ids.get(key) ?? this.pairs.get(pair);
    if (earlier !== undefined) {
      v.fail(
        "connections",
        `${peer.peerName}:${p} as ${id}`,
        `is already allowed on this component by ${earlier}`,
        "each peer and port allowed once, each with its own id",
      );
    }
    const name = childName(this.spec.name, direction, id);
    this.ids.set(key, name);
    this.pairs.set(pair, name);
    return { id, port: p, name };
  }

  /**
   * The other side of a rule: the peer's group, or its range. A range is checked when known (and again when
   * an Output resolves); every address (`/0`) is refused as a source, since a load balancer's public reach
   * is `allowedCidrBlocks` with `internetFacing`, and a database or task group is never open to all.
   */
  private rulePeer(peer: ConnectionPeer, direction: "ingress" | "egress"): RulePeer {
    if (peer.cidrIpv4 === undefined) return { referencedSecurityGroupId: peer.securityGroupId as string };
    const check = (cidr: unknown): string => {
      const parsed = typeof cidr === "string" ? parseCidr(cidr) : undefined;
      if (parsed === undefined)
        this.spec.validator.fail("connections peer", cidr, "is not a valid IPv4 CIDR", "a.b.c.d/n");
      if (direction === "ingress" && parsed.prefix === 0) {
        this.spec.validator.fail(
          "connections peer",
          cidr,
          "opens the group to every address",
          "a narrower range, e.g. 10.0.0.0/8 (a public load balancer: internetFacing with allowedCidrBlocks)",
        );
      }
      return cidr as string;
    };
    const known = knownValue(peer.cidrIpv4);
    return { cidrIpv4: known !== undefined ? check(known) : pulumi.output(peer.cidrIpv4).apply(check) };
  }

  /** The peer's group and name, refused with the house error when it is not one. */
  private peerOf(other: Connectable): ConnectionPeer {
    const peer = typeof other === "object" && other !== null ? other.connections : undefined;
    if (
      typeof peer !== "object" ||
      peer === null ||
      (peer.securityGroupId === undefined) === (peer.cidrIpv4 === undefined)
    ) {
      this.spec.validator.fail(
        "connections peer",
        other,
        "has no security group",
        "a PostgresDatabase, a ContainerService, a Connections, securityGroupPeer(name, id) or cidrPeer(range)",
      );
    }
    if (typeof peer.peerName !== "string" || !RULE_ID.test(peer.peerName)) {
      this.spec.validator.fail(
        "connections peer",
        peer.peerName,
        "has no usable peerName",
        "1-128 of [A-Za-z0-9._-] (cidrPeer(range, peerName) when the range is an Output)",
      );
    }
    return peer;
  }
}

/**
 * A security group made elsewhere (another stack, a raw `ec2.SecurityGroup`) as a peer. `peerName` names the
 * rules: keep it stable. No egress rule is added on it: a group you did not make is yours to open outbound.
 */
export function securityGroupPeer(peerName: string, securityGroupId: pulumi.Input<string>): Connectable {
  return { connections: { peerName, securityGroupId, restrictsEgress: false } };
}

/**
 * An IPv4 address range as a peer, as aws-cdk's `Peer.ipv4(cidr)`: `db.connections.allowFrom(cidrPeer(
 * "10.20.0.0/16"), 5432)` lets the range in (`<db>-ingress-10.20.0.0-16-5432`); `service.connections.allowTo(
 * cidrPeer("192.168.0.0/24"), 8443)` lets the tasks out to it (`<service>-egress-192.168.0.0-24-8443`). The
 * range may be an Output (another stack's VPC block); it is checked once known. Give `peerName` when it is an
 * Output, since the rules are named from it: the names must be known now.
 * @param peerName defaults to the range with `/` as `-`
 */
export function cidrPeer(cidr: pulumi.Input<string>, peerName?: string): CidrPeer {
  const known = knownValue(cidr);
  const name = peerName ?? (typeof known === "string" ? known.replace("/", "-") : undefined);
  return { connections: { peerName: name as string, cidrIpv4: cidr, restrictsEgress: false } };
}
