// The places Azure accepts (facts/azure/locations.json: the public cloud's regions and their pairs, each
// list with its source): a location argument that is not a region is refused with the nearest one named,
// and a geo-backup key must be in the region paired with the server's. Pure data: no Azure SDK loads here,
// so the stack config can check a region without loading one.
import * as pulumi from "@pulumi/pulumi";
import azureLocations from "../../facts/azure/locations.json";
import { LocationsFile, PlaceList, isPlace } from "../../facts/locations";
import { closestKey, editDistance } from "../core/strict";
import { Validator, knownValue } from "../core/validate";

const LISTS = azureLocations as unknown as LocationsFile;

/** The Azure public cloud's regions, in their short form (`westeurope`). */
export const AZURE_REGIONS: PlaceList = LISTS.regions;
/** Regions with a paired region: `names[i]` pairs with `ids[i]`. */
const PAIRS: PlaceList = LISTS.pairedRegions;

/** The region paired with `region`, or undefined when Azure pairs it with none (or it is unknown). */
export function pairedRegion(region: string): string | undefined {
  const i = PAIRS.names.indexOf(region.toLowerCase());
  return i < 0 ? undefined : PAIRS.ids?.[i];
}

/** Checks a known location against the regions, naming the nearest; Outputs pass through unchecked. */
export function validateAzureLocation(
  v: Validator,
  field: string,
  value: pulumi.Input<string> | undefined,
): void {
  const known = knownValue(value);
  if (
    typeof known === "string" &&
    !isPlace(AZURE_REGIONS, known) &&
    closestKey(known, AZURE_REGIONS.names) === undefined
  )
    // Nothing is close: still name the nearest by spelling, and where the list is.
    v.fail(
      field,
      known,
      `is not a ${AZURE_REGIONS.kind} (the nearest by spelling is "${nearestRegion(known)}"; the regions are in facts/azure/locations.json)`,
      `a ${AZURE_REGIONS.kind} such as ${AZURE_REGIONS.example}`,
    );
  v.place(field, value, AZURE_REGIONS);
}

/** The region spelled most like `value` (the first in the list on a tie). */
export function nearestRegion(value: string): string {
  const w = value.toLowerCase();
  let best = AZURE_REGIONS.names[0];
  for (const n of AZURE_REGIONS.names) if (editDistance(w, n) < editDistance(w, best)) best = n;
  return best;
}

/**
 * Refuses a geo-backup place that is not the region paired with `location`, when both are known and the
 * region has a pair: Azure keeps geo-redundant backups in the paired region, and needs their key there
 * (https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore, "Geo-redundant
 * backup and restore"; concepts-data-encryption: the geo-backup key "in the paired region").
 */
export function checkPairedLocation(
  v: Validator,
  field: string,
  location: pulumi.Input<string> | undefined,
  geoLocation: string | undefined,
): void {
  const primary = knownValue(location);
  if (typeof primary !== "string" || geoLocation === undefined) return;
  const pair = pairedRegion(primary);
  if (pair === undefined || pair === geoLocation.toLowerCase()) return;
  v.fail(
    field,
    geoLocation,
    `is not the region paired with "${primary}", where Azure keeps its geo-redundant backups`,
    `a key in "${pair}"`,
  );
}
