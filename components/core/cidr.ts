// CIDR planning: one IPv4 block split into named tiers × zones, deterministically, with room reserved
// per tier so that growing the zone count (up to the reservation) never moves an existing subnet.
import { Validator } from "./validate";

/**
 * Why a network's address block must be known before deploy (`Validator.known`): subnets per tier and zone
 * are planned from it and checked to fit before anything is created, and other components (security rules,
 * a Kubernetes workload's egress to a database) read the planned ranges as plain strings.
 */
export const ADDRESS_PLAN =
  "plans the subnet range of every tier and zone, checked to fit before anything is created and read by " +
  "other components as plain ranges";

/** One tier of subnets (public, private, isolated …): one subnet per zone, each `/prefixLength`. */
export interface TierSpec {
  readonly name: string;
  readonly prefixLength: number;
}

/** What to plan. */
export interface CidrPlanRequest {
  /** The parent block, `a.b.c.d/n`, with no host bits set. */
  readonly cidr: string;
  readonly tiers: readonly TierSpec[];
  /** Zones to create subnets for now. */
  readonly zones: number;
  /**
   * Zones to reserve room for in every tier (rounded up to a power of two). Growing `zones` up to this
   * number never moves an existing subnet. @default 4
   */
  readonly reservedZones?: number;
  /** Smallest and largest parent prefix accepted. @default [16, 28] (the AWS VPC range) */
  readonly prefixRange?: readonly [number, number];
}

export interface PlannedSubnet {
  readonly tier: string;
  readonly zoneIndex: number;
  readonly cidr: string;
}

export interface PlannedTier {
  readonly name: string;
  /** The block reserved for this tier: `reservedZones` subnets. */
  readonly block: string;
  readonly subnets: readonly PlannedSubnet[];
}

export interface CidrPlan {
  readonly cidr: string;
  readonly reservedZones: number;
  readonly tiers: readonly PlannedTier[];
  /** All subnets, tier by tier in declared order, zone by zone. */
  readonly subnets: readonly PlannedSubnet[];
}

/** An IPv4 block as numbers. */
export interface Ipv4Block {
  readonly base: number;
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; returns undefined for anything else (including octets > 255 or n > 32). */
export function parseCidr(text: string): Ipv4Block | undefined {
  const m = typeof text === "string" ? IPV4.exec(text.trim()) : null;
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  return { base, prefix };
}

/** Number of addresses in a block of the given prefix. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Formats a block back to `a.b.c.d/n`. */
export function formatCidr(block: Ipv4Block): string {
  const b = block.base;
  return `${(b >>> 24) & 255}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${block.prefix}`;
}

/** True when the two blocks share any address. */
export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return (
    inner.base >= outer.base && inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix)
  );
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Checks a plan request; returns the parent block and the reservation rounded up to a power of two. */
function checkRequest(
  v: Validator,
  request: CidrPlanRequest,
  cidrField: string,
): { parent: Ipv4Block; reserved: number } {
  const [minPrefix, maxPrefix] = request.prefixRange ?? [16, 28];
  const parent = parseCidr(request.cidr);
  if (!parent || parent.prefix < minPrefix || parent.prefix > maxPrefix) {
    v.fail(
      cidrField,
      request.cidr,
      "is not a valid IPv4 CIDR",
      `a.b.c.d/n with n between ${minPrefix} and ${maxPrefix}`,
    );
  }
  if (parent.base % blockSize(parent.prefix) !== 0) {
    v.fail(
      cidrField,
      request.cidr,
      "has host bits set",
      `the network address ${formatCidr({ base: parent.base - (parent.base % blockSize(parent.prefix)), prefix: parent.prefix })}`,
    );
  }
  const reservedInput = request.reservedZones ?? 4;
  v.integer("reservedZones", reservedInput, 1, 16);
  const reserved = nextPowerOfTwo(reservedInput);
  v.integer("zones", request.zones, 1, reserved);
  if (request.tiers.length === 0) v.fail("tiers", request.tiers, "is empty", "at least one tier");
  const seen = new Set<string>();
  request.tiers.forEach((t, i) => {
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(t.name)) {
      v.fail(
        `tiers[${i}].name`,
        t.name,
        "is not a valid tier name",
        "1-31 lowercase letters, digits or hyphens, starting with a letter",
      );
    }
    if (seen.has(t.name)) v.fail(`tiers[${i}].name`, t.name, "is used by two tiers", "distinct tier names");
    seen.add(t.name);
    v.integer(`tiers[${i}].prefixLength`, t.prefixLength, parent.prefix + Math.log2(reserved), 28);
  });
  return { parent, reserved };
}

/**
 * Plans the subnets. Each tier gets one aligned block of `reservedZones` subnets; blocks are packed
 * largest first (declared order breaks ties), which keeps every block aligned without gaps. Zone `i` of
 * a tier is always the `i`-th subnet of its block, whatever `zones` is, so adding zones is additive.
 * @param v the calling component's validator; errors name `cidrField`, `zones` and `tiers`.
 */
export function planCidr(v: Validator, request: CidrPlanRequest, cidrField = "cidrBlock"): CidrPlan {
  const { parent, reserved } = checkRequest(v, request, cidrField);

  const zoneBits = Math.log2(reserved);
  const order = request.tiers
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.prefixLength - b.t.prefixLength || a.i - b.i);
  const end = parent.base + blockSize(parent.prefix);
  let cursor = parent.base;
  const blocks = new Map<string, Ipv4Block>();
  for (const { t } of order) {
    const block = { base: cursor, prefix: t.prefixLength - zoneBits };
    cursor += blockSize(block.prefix);
    blocks.set(t.name, block);
  }
  if (cursor > end) {
    const needed = request.tiers.reduce((sum, t) => sum + blockSize(t.prefixLength) * reserved, 0);
    const minimum = 32 - Math.ceil(Math.log2(needed));
    v.fail(
      cidrField,
      request.cidr,
      `is too small for ${request.tiers.length} tiers × ${reserved} reserved zones`,
      `a block of /${minimum} or larger, or smaller subnets`,
    );
  }

  const tiers: PlannedTier[] = request.tiers.map((t) => {
    const block = blocks.get(t.name)!;
    const subnets: PlannedSubnet[] = [];
    for (let z = 0; z < request.zones; z++) {
      subnets.push({
        tier: t.name,
        zoneIndex: z,
        cidr: formatCidr({ base: block.base + z * blockSize(t.prefixLength), prefix: t.prefixLength }),
      });
    }
    return { name: t.name, block: formatCidr(block), subnets };
  });
  return {
    cidr: formatCidr(parent),
    reservedZones: reserved,
    tiers,
    subnets: tiers.flatMap((t) => t.subnets),
  };
}
