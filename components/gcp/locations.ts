// The places Google Cloud accepts (facts/gcp/locations.json: regions, Cloud Storage and Cloud KMS
// locations, each list with its source) and where a customer-managed key must live for the data it
// encrypts. Pure: no Google Cloud SDK, so the stack config can check a region without loading one.
import * as pulumi from "@pulumi/pulumi";
import locations from "../../facts/gcp/locations.json";
import { LocationsFile, PlaceList, isPlace } from "../../facts/locations";
import { Validator, knownValue } from "../core/validate";

const LISTS = locations as LocationsFile;

/** Compute Engine regions: where networks' subnets, Cloud SQL instances and Cloud Run services go. */
export const GCP_REGIONS: PlaceList = LISTS.regions;
/** Cloud Storage bucket locations: regions, predefined dual-regions and multi-regions, any case. */
export const GCS_LOCATIONS: PlaceList = LISTS.storageLocations;
/** Cloud KMS key ring locations: regions, multi-regions (`europe`, not `eu`), dual-regions and `global`. */
export const KMS_LOCATIONS: PlaceList = LISTS.kmsLocations;

/**
 * The Cloud KMS location of each Cloud Storage multi- and dual-region: a bucket in `EU` takes its key from
 * `europe` (https://cloud.google.com/storage/docs/encryption/customer-managed-keys: the key ring must be in
 * the bucket's location; https://cloud.google.com/kms/docs/locations names the multi-regions `europe`,
 * `us`, `asia`). The dual-regions map to the KMS dual-region of the same name where Cloud KMS has one
 * (`asia1`, `eur4`, `eur5`, `nam4`), else to the multi-region that contains them: a guess for `eur7` and
 * `eur8`, which the KMS page does not list.
 */
const KMS_FOR_STORAGE: { readonly [gcs: string]: readonly string[] } = {
  eu: ["europe"],
  us: ["us"],
  asia: ["asia"],
  asia1: ["asia1", "asia"],
  eur4: ["eur4", "europe"],
  eur5: ["eur5", "europe"],
  eur7: ["europe"],
  eur8: ["europe"],
  nam4: ["nam4", "us"],
};

/** Checks a known place against a list (a non-string is refused); Outputs pass through unchecked. */
function checkPlace(
  v: Validator,
  field: string,
  value: pulumi.Input<string> | undefined,
  list: PlaceList,
): pulumi.Input<string> | undefined {
  v.stringInput(field, value, `a ${list.kind} such as ${list.example}`);
  return v.place(field, value, list);
}

/** Checks a region argument (`europe-west1`) against the Compute Engine regions. */
export function validateRegion(
  v: Validator,
  field: string,
  value: pulumi.Input<string> | undefined,
): pulumi.Input<string> | undefined {
  return checkPlace(v, field, value, GCP_REGIONS);
}

/** Checks a bucket location (`EU`, `eur4`, `europe-west1`) against the Cloud Storage locations. */
export function validateStorageLocation(
  v: Validator,
  field: string,
  value: pulumi.Input<string> | undefined,
): pulumi.Input<string> | undefined {
  return checkPlace(v, field, value, GCS_LOCATIONS);
}

/**
 * Checks a key ring location against the Cloud KMS locations. A Cloud Storage name that Cloud KMS spells
 * differently (`eu`) is refused with the KMS name (`europe`), which edit distance would not find.
 */
export function validateKmsLocation(
  v: Validator,
  field: string,
  value: pulumi.Input<string> | undefined,
): void {
  const known = knownValue(value);
  if (typeof known === "string" && !isPlace(KMS_LOCATIONS, known)) {
    const kms = KMS_FOR_STORAGE[known.toLowerCase()];
    if (kms !== undefined)
      v.fail(
        field,
        known,
        `is a Cloud Storage location, not a Cloud KMS one (Cloud KMS calls it "${kms[0]}")`,
        `a ${KMS_LOCATIONS.kind} such as "${kms[0]}"`,
      );
  }
  checkPlace(v, field, value, KMS_LOCATIONS);
}

/** The services whose data a key encrypts, for the location rules below. */
export type KeyedService = "storage" | "sql" | "run" | "container" | "compute";

/**
 * The Cloud KMS locations a key may have for data of `service` in `location`: for a bucket, the KMS
 * name of its location (a regional bucket: the same region); for Cloud SQL and Cloud Run, the same region
 * (https://cloud.google.com/sql/docs/postgres/cmek and https://cloud.google.com/run/docs/securing/using-cmek:
 * the key is in the instance's or service's region); for a GKE cluster's Secrets and its nodes' boot disks,
 * the cluster's region (https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets: the key
 * must be in the cluster's location). The first is where a key the component creates goes.
 */
export function keyLocationsFor(service: KeyedService, location: string): readonly string[] {
  const lower = location.toLowerCase();
  if (service === "storage") return KMS_FOR_STORAGE[lower] ?? [lower];
  return [lower];
}

/** The location segment of a crypto key id (`projects/p/locations/<l>/keyRings/r/cryptoKeys/k`). */
export function locationOfKeyId(id: string): string | undefined {
  return /^projects\/[^/]+\/locations\/([^/]+)\//.exec(id)?.[1];
}

/**
 * Refuses a key whose location cannot serve data of `service` in `dataLocation`, when both are known
 * now (a bucket in `EU` with a key in `europe-west1`); the API would refuse it at create time instead.
 */
export function checkKeyLocation(
  v: Validator,
  field: string,
  service: KeyedService,
  dataLocation: pulumi.Input<string> | undefined,
  keyLocation: string | undefined,
): void {
  const data = knownValue(dataLocation);
  if (typeof data !== "string" || keyLocation === undefined) return;
  const allowed = keyLocationsFor(service, data);
  if (allowed.includes(keyLocation.toLowerCase())) return;
  const what = {
    storage: "a bucket",
    sql: "a Cloud SQL instance",
    run: "a Cloud Run service",
    container: "a GKE cluster",
    compute: "a Compute Engine disk",
  }[service];
  v.fail(
    field,
    keyLocation,
    `is a key in "${keyLocation}", which cannot encrypt ${what} in "${data}"`,
    `a key in ${allowed.map((l) => `"${l}"`).join(" or ")}`,
  );
}

/**
 * Refuses a component's `region` that is not its Network's, when both are plain strings now; `why` says
 * what needs the two in one region.
 */
export function checkNetworkRegion(
  v: Validator,
  region: pulumi.Input<string> | undefined,
  networkRegion: string | undefined,
  why: string,
): void {
  if (typeof region === "string" && networkRegion !== undefined && region !== networkRegion)
    v.fail(
      "region",
      region,
      `is not the region of the network's subnet (${why})`,
      `"${networkRegion}", the Network's region, or no region to follow the Network`,
    );
}
