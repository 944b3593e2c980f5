// Unit and property tests for the CIDR planner: subnets never overlap, stay inside the parent, never
// move when zones are added, and bad requests are refused with messages that say what would work.
import { strict as assert } from "assert";
import fc from "fast-check";
import {
  CidrPlan,
  CidrPlanRequest,
  TierSpec,
  Validator,
  blockSize,
  contains,
  formatCidr,
  overlaps,
  parseCidr,
  planCidr,
} from "../../components/core";
import { inputError } from "./helpers";

const v = new Validator("aws.Network", "core");

/** Parses a planner output, failing loudly if it is not a CIDR. */
function block(text: string): { base: number; prefix: number } {
  const b = parseCidr(text);
  assert.ok(b, `not a CIDR: ${text}`);
  return b;
}

/** A request for a valid parent /16-/24, 1-4 tiers, a reservation and a zone count within it. */
const requests: fc.Arbitrary<CidrPlanRequest> = fc
  .record({
    parentPrefix: fc.integer({ min: 16, max: 24 }),
    address: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    reservedZones: fc.integer({ min: 1, max: 8 }),
    tierCount: fc.integer({ min: 1, max: 4 }),
    prefixSeeds: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    zoneSeed: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ parentPrefix, address, reservedZones, tierCount, prefixSeeds, zoneSeed }) => {
    const size = blockSize(parentPrefix);
    const base = address - (address % size);
    let reserved = 1;
    while (reserved < reservedZones) reserved *= 2;
    const minTier = parentPrefix + Math.log2(reserved);
    const tiers: TierSpec[] = Array.from({ length: tierCount }, (_, i) => ({
      name: ["public", "private", "isolated", "db"][i],
      prefixLength: Math.min(28, minTier + (prefixSeeds[i] % (29 - minTier))),
    }));
    return {
      cidr: formatCidr({ base, prefix: parentPrefix }),
      tiers,
      reservedZones,
      zones: 1 + (zoneSeed % reserved),
    };
  });

/** True when the tiers fit: every tier reserves `reserved` subnets. */
function fits(r: CidrPlanRequest): boolean {
  const parent = block(r.cidr);
  let reserved = 1;
  while (reserved < (r.reservedZones ?? 4)) reserved *= 2;
  const needed = r.tiers.reduce((sum, t) => sum + blockSize(t.prefixLength) * reserved, 0);
  return needed <= blockSize(parent.prefix);
}

function assertSound(r: CidrPlanRequest, plan: CidrPlan): void {
  const parent = block(r.cidr);
  assert.equal(plan.subnets.length, r.tiers.length * r.zones);
  const all = plan.subnets.map((s) => ({ ...s, b: block(s.cidr) }));
  for (const s of all) {
    assert.ok(contains(parent, s.b), `${s.cidr} outside ${r.cidr}`);
    assert.equal(s.b.base % blockSize(s.b.prefix), 0, `${s.cidr} not aligned`);
    const tier = r.tiers.find((t) => t.name === s.tier)!;
    assert.equal(s.b.prefix, tier.prefixLength);
  }
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      assert.ok(!overlaps(all[i].b, all[j].b), `${all[i].cidr} overlaps ${all[j].cidr}`);
    }
  }
  // Tier blocks (the reservations) do not overlap either, so growth can never collide.
  for (let i = 0; i < plan.tiers.length; i++) {
    assert.ok(contains(parent, block(plan.tiers[i].block)));
    for (const s of plan.tiers[i].subnets) assert.ok(contains(block(plan.tiers[i].block), block(s.cidr)));
    for (let j = i + 1; j < plan.tiers.length; j++) {
      assert.ok(!overlaps(block(plan.tiers[i].block), block(plan.tiers[j].block)));
    }
  }
}

describe("core/cidr: parse and format", () => {
  it("round-trips addresses across the whole range", () => {
    for (const text of [
      "0.0.0.0/0",
      "10.0.0.0/16",
      "192.168.255.240/28",
      "255.255.255.255/32",
      "128.0.0.0/1",
    ]) {
      assert.equal(formatCidr(block(text)), text);
    }
    assert.equal(block("255.0.0.0/8").base, 255 * 2 ** 24);
  });

  it("refuses text that is not an IPv4 CIDR", () => {
    for (const bad of [
      "10.0.0.0",
      "10.0.0.256/16",
      "10.0.0.0/33",
      "10.0.0/16",
      "a.b.c.d/16",
      "",
      "10.0.0.0/-1",
    ]) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
  });

  it("overlaps and contains", () => {
    assert.ok(overlaps(block("10.0.0.0/16"), block("10.0.5.0/24")));
    assert.ok(!overlaps(block("10.0.0.0/24"), block("10.0.1.0/24")));
    assert.ok(contains(block("10.0.0.0/16"), block("10.0.255.0/24")));
    assert.ok(!contains(block("10.0.0.0/24"), block("10.0.0.0/16")));
  });
});

describe("core/cidr: planCidr", () => {
  const tiers = [
    { name: "public", prefixLength: 24 },
    { name: "private", prefixLength: 20 },
    { name: "isolated", prefixLength: 24 },
  ];
  /** The input error planning `request` throws (with the tiers above unless it gives its own). */
  const planError = (request: Omit<CidrPlanRequest, "tiers"> & { tiers?: CidrPlanRequest["tiers"] }) =>
    inputError(() => planCidr(v, { tiers, ...request }));

  it("plans a familiar layout: the largest tier first, zone i at the i-th slot of its tier's block", () => {
    const plan = planCidr(v, { cidr: "10.0.0.0/16", tiers, zones: 3 });
    assert.equal(plan.reservedZones, 4);
    assert.deepEqual(
      plan.tiers.map((t) => [t.name, t.block]),
      [
        ["public", "10.0.64.0/22"],
        ["private", "10.0.0.0/18"],
        ["isolated", "10.0.68.0/22"],
      ],
    );
    assert.deepEqual(
      plan.subnets.map((s) => `${s.tier}/${s.zoneIndex}=${s.cidr}`),
      [
        "public/0=10.0.64.0/24",
        "public/1=10.0.65.0/24",
        "public/2=10.0.66.0/24",
        "private/0=10.0.0.0/20",
        "private/1=10.0.16.0/20",
        "private/2=10.0.32.0/20",
        "isolated/0=10.0.68.0/24",
        "isolated/1=10.0.69.0/24",
        "isolated/2=10.0.70.0/24",
      ],
    );
  });

  it("property: no two subnets overlap and every subnet lies inside the parent", () => {
    fc.assert(
      fc.property(requests, (r) => {
        fc.pre(fits(r));
        assertSound(r, planCidr(v, r));
      }),
      { numRuns: 400 },
    );
  });

  it("property: growing the zone count up to the reservation never moves an existing subnet", () => {
    fc.assert(
      fc.property(requests, (r) => {
        fc.pre(fits(r));
        const reserved = planCidr(v, r).reservedZones;
        for (let z = 1; z < reserved; z++) {
          const before = planCidr(v, { ...r, zones: z });
          const after = planCidr(v, { ...r, zones: z + 1 });
          for (const s of before.subnets) {
            const same = after.subnets.find((a) => a.tier === s.tier && a.zoneIndex === s.zoneIndex);
            assert.deepEqual(same, s);
          }
          assert.deepEqual(
            after.tiers.map((t) => t.block),
            before.tiers.map((t) => t.block),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: planning is deterministic", () => {
    fc.assert(
      fc.property(requests, (r) => {
        fc.pre(fits(r));
        assert.deepEqual(planCidr(v, r), planCidr(v, { ...r, tiers: r.tiers.map((t) => ({ ...t })) }));
      }),
      { numRuns: 100 },
    );
  });

  it("property: a block too small is refused naming the field, the value and a minimum prefix that works", () => {
    fc.assert(
      fc.property(requests, (r) => {
        fc.pre(!fits(r));
        const err = inputError(() => planCidr(v, r));
        assert.equal(err.field, "cidrBlock");
        assert.equal(err.value, r.cidr);
        assert.ok(
          err.message.startsWith(`aws.Network "core": cidrBlock "${r.cidr}" is too small`),
          err.message,
        );
        const m = /a block of \/(\d+) or larger/.exec(err.expected);
        assert.ok(m, err.expected);
        const minimum = Number(m[1]);
        assert.ok(minimum < block(r.cidr).prefix);
        // The suggested size really fits (the address is irrelevant, so use 0.0.0.0), and one smaller does not.
        const atMinimum = { ...r, cidr: `0.0.0.0/${minimum}`, prefixRange: [0, 28] as const };
        assertSound(atMinimum, planCidr(v, atMinimum));
        if (minimum + 1 <= Math.min(...r.tiers.map((t) => t.prefixLength))) {
          inputError(() => planCidr(v, { ...atMinimum, cidr: `0.0.0.0/${minimum + 1}` }));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("names the field given by the caller in errors", () => {
    const err = inputError(() => planCidr(v, { cidr: "10.0.0.0/33", tiers, zones: 2 }, "addressSpace"));
    assert.equal(err.field, "addressSpace");
  });

  it("refuses host bits set, naming the network address", () => {
    const err = planError({ cidr: "10.0.1.0/16", zones: 2 });
    assert.equal(
      err.message,
      'aws.Network "core": cidrBlock "10.0.1.0/16" has host bits set (expected the network address 10.0.0.0/16)',
    );
    const high = planError({ cidr: "200.1.2.3/20", zones: 2 });
    assert.match(high.expected, /200\.1\.0\.0\/20$/);
  });

  it("refuses bad CIDR text and parents outside the accepted prefix range", () => {
    for (const bad of ["10.0.0.0", "10.0.0.0/33", "300.0.0.0/16", "ten/16", "10.0.0.0/8", "10.0.0.0/29"]) {
      const err = planError({ cidr: bad, zones: 2 });
      assert.equal(
        err.message,
        `aws.Network "core": cidrBlock ${JSON.stringify(bad)} is not a valid IPv4 CIDR (expected a.b.c.d/n with n between 16 and 28)`,
      );
    }
    const err = inputError(() =>
      planCidr(v, { cidr: "10.0.0.0/16", tiers, zones: 2, prefixRange: [20, 24] }),
    );
    assert.equal(err.expected, "a.b.c.d/n with n between 20 and 24");
  });

  it("refuses more zones than reserved, and rounds the reservation up to a power of two", () => {
    const err = planError({ cidr: "10.0.0.0/16", zones: 5 });
    assert.equal(
      err.message,
      'aws.Network "core": zones 5 is out of range (expected an integer from 1 to 4)',
    );
    assert.equal(planCidr(v, { cidr: "10.0.0.0/16", tiers, zones: 4, reservedZones: 3 }).reservedZones, 4);
    planError({ cidr: "10.0.0.0/16", zones: 0 });
    planError({ cidr: "10.0.0.0/16", zones: 1, reservedZones: 17 });
  });

  it("refuses duplicate, empty and malformed tier names, and tier prefixes that cannot hold the reservation", () => {
    const dup = inputError(() =>
      planCidr(v, {
        cidr: "10.0.0.0/16",
        tiers: [
          { name: "app", prefixLength: 24 },
          { name: "app", prefixLength: 24 },
        ],
        zones: 2,
      }),
    );
    assert.equal(
      dup.message,
      'aws.Network "core": tiers[1].name "app" is used by two tiers (expected distinct tier names)',
    );
    assert.equal(inputError(() => planCidr(v, { cidr: "10.0.0.0/16", tiers: [], zones: 1 })).field, "tiers");
    assert.equal(
      inputError(() =>
        planCidr(v, { cidr: "10.0.0.0/16", tiers: [{ name: "App", prefixLength: 24 }], zones: 1 }),
      ).field,
      "tiers[0].name",
    );
    const prefix = inputError(() =>
      planCidr(v, { cidr: "10.0.0.0/16", tiers: [{ name: "app", prefixLength: 17 }], zones: 1 }),
    );
    assert.equal(prefix.field, "tiers[0].prefixLength");
    assert.equal(prefix.expected, "an integer from 18 to 28");
  });
});
