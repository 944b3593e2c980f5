// Availability zones as AWS reports them: the real zone names and zone ids of the common regions, so a
// program that spreads subnets over `getAvailabilityZones().names` builds as many as it would in a real
// account. Zone letters map to zone ids differently in each account; the pairs here are one real
// account's. docs/offline-answers.md is generated from this table.

/** One region's zones: the letters after the region name, and the number in each zone's id. */
interface RegionZones {
  readonly letters: string;
  readonly ids: readonly number[];
  readonly note?: string;
}

/** The regions answered with their real zones. */
export const REGION_ZONES: Readonly<Record<string, RegionZones>> = {
  "us-east-1": { letters: "abcdef", ids: [1, 2, 3, 4, 5, 6] },
  "us-east-2": { letters: "abc", ids: [1, 2, 3] },
  "us-west-1": {
    letters: "ac",
    ids: [1, 3],
    note: "three zone names exist, but accounts opened since 2013 get two (usw1-az2 takes no new accounts)",
  },
  "us-west-2": { letters: "abcd", ids: [1, 2, 3, 4] },
  "eu-west-1": { letters: "abc", ids: [1, 2, 3] },
  "eu-west-2": { letters: "abc", ids: [1, 2, 3] },
  "eu-west-3": { letters: "abc", ids: [1, 2, 3] },
  "eu-central-1": { letters: "abc", ids: [1, 2, 3] },
  "eu-north-1": { letters: "abc", ids: [1, 2, 3] },
  "ap-southeast-1": { letters: "abc", ids: [1, 2, 3] },
  "ap-southeast-2": { letters: "abc", ids: [1, 2, 3] },
  "ap-northeast-1": {
    letters: "acd",
    ids: [4, 1, 2],
    note: "ap-northeast-1b (apne1-az3) takes no new accounts",
  },
  "ap-south-1": { letters: "abc", ids: [1, 2, 3] },
  "ca-central-1": { letters: "abd", ids: [1, 2, 4], note: "ca-central-1c (cac1-az3) takes no new accounts" },
  "sa-east-1": { letters: "abc", ids: [1, 2, 3] },
};

/** What a region not in the table gets: three zones, the usual count for a new region. */
export const UNKNOWN_REGION_ZONES: RegionZones = {
  letters: "abc",
  ids: [1, 2, 3],
  note: "a region not in this table: three zones, the count most regions launch with",
};

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** The prefix of a region's zone ids, as AWS abbreviates it: `us-east-1` → `use1`, `ap-northeast-1` → `apne1`. */
export function zoneIdPrefix(region: string): string {
  const [area = "", direction = "", number = ""] = region.split("-");
  return `${area}${DIRECTIONS[direction] ?? direction}${number}`;
}

/** One zone as `getAvailabilityZones` lists it. */
export interface Zone {
  readonly name: string;
  readonly zoneId: string;
}

/** The zones of a region (the table's, or three for a region it does not know). */
export function zonesOf(region: string): Zone[] {
  const z = REGION_ZONES[region] ?? UNKNOWN_REGION_ZONES;
  const prefix = zoneIdPrefix(region);
  return [...z.letters].map((letter, i) => ({
    name: `${region}${letter}`,
    zoneId: `${prefix}-az${z.ids[i]}`,
  }));
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

/** `getAvailabilityZones`'s answer, with `excludeNames` and `excludeZoneIds` applied as AWS applies them. */
export function availabilityZones(region: string, args: Record<string, unknown>): Record<string, unknown> {
  const excludedNames = strings(args.excludeNames);
  const excludedIds = strings(args.excludeZoneIds);
  const zones = zonesOf(region).filter(
    (z) => !excludedNames.includes(z.name) && !excludedIds.includes(z.zoneId),
  );
  return {
    id: region,
    names: zones.map((z) => z.name),
    zoneIds: zones.map((z) => z.zoneId),
    groupNames: zones.map(() => region),
    ...(typeof args.state === "string" ? { state: args.state } : {}),
  };
}
