// The places each cloud accepts (regions, zones, storage and key locations), as data with their sources:
// facts/<cloud>/locations.json. Components check a known location argument against them and name the
// nearest valid value; the offline engine answers zone lookups from them. Loaded by components, so this
// module reads only the small location files, never the resource facts.

/** One list of accepted places, with what it is called and where the list comes from. */
export interface PlaceList {
  /** What a value of the list is, for messages: `Cloud Storage location`, `AWS region`. */
  readonly kind: string;
  /** An example of a valid value, for messages. */
  readonly example: string;
  /** Every accepted value. */
  readonly names: readonly string[];
  /** True when the API accepts the value in any case (GCS `eu` and `EU`). */
  readonly caseInsensitive?: boolean;
  /** The provider's own id of each name, in the same order, where it has one (AWS zone ids: `euw1-az1`). */
  readonly ids?: readonly string[];
  /** Remarks on some names (or on a group of them, by a prefix such as the region), for messages and docs. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Where the list comes from, and when it was read. */
  readonly source: string;
}

/** A file `facts/<cloud>/locations.json`: named lists of places. */
export type LocationsFile = Readonly<Record<string, PlaceList>>;

/** True when `value` is one of the list's places. */
export function isPlace(list: PlaceList, value: string): boolean {
  return list.caseInsensitive
    ? list.names.some((n) => n.toLowerCase() === value.toLowerCase())
    : list.names.includes(value);
}
