// Refreshes facts/gcp/locations.json from Google Cloud's own lists, as gcloud prints them:
//
//   gcloud compute regions list --format='value(name)' > regions.txt
//   gcloud kms locations list --format='value(locationId)' > kms.txt
//   node dist/scripts/facts/gcp-locations.js --regions regions.txt --kms kms.txt [--check]
//
// The regions become `regions` and the region part of `storageLocations` (Cloud Storage offers every
// region); the Cloud Storage dual- and multi-regions have no list command and are kept as they are
// (https://cloud.google.com/storage/docs/locations). The KMS list is taken whole. With --check nothing is
// written; the differences are printed and the exit code is 1 when there are any. facts/gcp/README.md
// describes the procedure.
import * as fs from "fs";
import * as path from "path";
import { LocationsFile, PlaceList } from "../../facts/locations";

/** A Compute Engine region name (`europe-west1`), as opposed to a dual- or multi-region (`eur4`, `eu`). */
const REGION = /^[a-z]+-[a-z]+[0-9]+$/;

/** The names of a gcloud `value(...)` listing: one per line, blank lines and duplicates dropped, sorted. */
export function parseListing(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    ),
  ].sort();
}

/** The file with `regions` and `kms` (the gcloud listings) in place of its lists. */
export function updatedLocations(
  file: LocationsFile,
  regions: readonly string[],
  kms: readonly string[],
): LocationsFile {
  const bad = regions.filter((r) => !REGION.test(r));
  if (bad.length > 0) throw new Error(`not region names: ${bad.join(", ")}`);
  const with_ = (list: PlaceList, names: readonly string[]): PlaceList => ({ ...list, names: [...names] });
  const kept = file.storageLocations.names.filter((n) => !REGION.test(n));
  return {
    ...file,
    regions: with_(file.regions, [...regions].sort()),
    storageLocations: with_(file.storageLocations, [...[...regions].sort(), ...kept]),
    kmsLocations: with_(file.kmsLocations, [...kms]),
  };
}

/** The names each list gains and loses, for the reader of a refresh. */
export function describeChanges(before: LocationsFile, after: LocationsFile): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after)) {
    const was = new Set(before[key]?.names ?? []);
    const now = new Set(after[key].names);
    const added = [...now].filter((n) => !was.has(n));
    const removed = [...was].filter((n) => !now.has(n));
    if (added.length > 0) out.push(`${key}: + ${added.join(", ")}`);
    if (removed.length > 0) out.push(`${key}: - ${removed.join(", ")}`);
  }
  return out;
}

function main(argv: string[]): number {
  const arg = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const regionsFile = arg("--regions");
  const kmsFile = arg("--kms");
  if (!regionsFile || !kmsFile) {
    console.error("usage: gcp-locations --regions FILE --kms FILE [--check]");
    return 2;
  }
  const file = path.resolve(__dirname, "../../../facts/gcp/locations.json");
  const before = JSON.parse(fs.readFileSync(file, "utf8")) as LocationsFile;
  const after = updatedLocations(
    before,
    parseListing(fs.readFileSync(regionsFile, "utf8")),
    parseListing(fs.readFileSync(kmsFile, "utf8")),
  );
  const changes = describeChanges(before, after);
  for (const c of changes) console.log(c);
  if (argv.includes("--check")) return changes.length > 0 ? 1 : 0;
  fs.writeFileSync(file, `${JSON.stringify(after, null, 2)}\n`);
  console.log(
    `${path.relative(process.cwd(), file)}: ${changes.length} change(s) written; update each list's source date`,
  );
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
