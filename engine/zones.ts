// Availability zones as AWS reports them: the real zone names and zone ids of every region, read from
// facts/aws/locations.json (the regions the provider knows, with their sources), so a program that spreads
// subnets over `getAvailabilityZones().names` builds as many as it would in a real account, and a region
// AWS does not have fails as the provider fails, never with invented zones. Zone letters map to zone ids
// differently in each account; the pairs are one real account's. docs/offline-answers.md is generated
// from this table.
import awsLocations from "../facts/aws/locations.json";
import { LocationsFile } from "../facts/locations";

/** One region's zones: the letters after the region name, and the number in each zone's id. */
interface RegionZones {
  readonly letters: string;
  readonly ids: readonly number[];
  readonly note?: string;
}

const LOCATIONS = awsLocations as unknown as LocationsFile;

/** The regions the facts list, in their order. */
const REGIONS: readonly string[] = LOCATIONS.regions.names;

function regionZones(region: string): RegionZones {
  const zones = LOCATIONS.availabilityZones;
  const letters: string[] = [];
  const ids: number[] = [];
  zones.names.forEach((name, i) => {
    if (name.length === region.length + 1 && name.startsWith(region)) {
      letters.push(name.slice(-1));
      ids.push(Number(/-az(\d+)$/.exec(zones.ids?.[i] ?? "")?.[1] ?? i + 1));
    }
  });
  const note = zones.notes?.[region];
  return { letters: letters.join(""), ids, ...(note !== undefined ? { note } : {}) };
}

/** Every region AWS has, answered with its zones (facts/aws/locations.json). */
export const REGION_ZONES: Readonly<Record<string, RegionZones>> = Object.fromEntries(
  REGIONS.map((r) => [r, regionZones(r)]),
);

/**
 * @deprecated since 0.2.0: a region the facts do not list is no longer answered with three invented
 * zones; `getAvailabilityZones` fails for it as the provider does. Kept for callers of the old table.
 */
export const UNKNOWN_REGION_ZONES: RegionZones = {
  letters: "abc",
  ids: [1, 2, 3],
  note: "a region not in this table: three zones, the count most regions launch with",
};

/** The provider's answer for a region it does not know (it validates the region before any call). */
export class UnknownRegionError extends Error {
  constructor(readonly region: string) {
    super(
      `invalid AWS Region: ${region} (not one of the ${REGIONS.length} regions in facts/aws/locations.json)`,
    );
    this.name = "UnknownRegionError";
  }
}

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

/** The zones of a region; throws {@link UnknownRegionError} for a region AWS does not have. */
export function zonesOf(region: string): Zone[] {
  if (!Object.prototype.hasOwnProperty.call(REGION_ZONES, region)) throw new UnknownRegionError(region);
  const zones = LOCATIONS.availabilityZones;
  return zones.names
    .map((name, i) => ({ name, zoneId: zones.ids?.[i] ?? `${zoneIdPrefix(region)}-az${i + 1}` }))
    .filter((z) => z.name.length === region.length + 1 && z.name.startsWith(region));
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
