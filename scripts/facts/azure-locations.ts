// Refreshes facts/azure/locations.json from Azure's own list, as the Azure CLI prints it:
//
//   az account list-locations -o json > locations.json
//   node dist/scripts/facts/azure-locations.js locations.json [--check]
//
// The physical regions (`metadata.regionType` "Physical", canary `…euap` regions left out) become `regions`;
// those with a `metadata.pairedRegion` become `pairedRegions`, the pair in `ids`. With --check nothing is
// written; the differences are printed and the exit code is 1 when there are any. facts/azure/README.md
// describes the procedure.
import * as fs from "fs";
import * as path from "path";
import { LocationsFile } from "../../facts/locations";
import { describeChanges } from "./gcp-locations";

/** One entry of `az account list-locations -o json`, as far as it is read here. */
export interface AzLocation {
  readonly name: string;
  readonly metadata?: {
    readonly regionType?: string;
    readonly pairedRegion?: readonly { readonly name: string }[];
  };
}

/** The file with the CLI's regions and pairs in place of its lists. */
export function updatedAzureLocations(file: LocationsFile, listed: readonly AzLocation[]): LocationsFile {
  const physical = listed.filter((l) => l.metadata?.regionType === "Physical" && !l.name.endsWith("euap"));
  const names = [...new Set(physical.map((l) => l.name))].sort();
  const pairs = physical
    .map((l) => [l.name, l.metadata?.pairedRegion?.[0]?.name] as const)
    .filter((p): p is readonly [string, string] => p[1] !== undefined && names.includes(p[1]))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return {
    ...file,
    regions: { ...file.regions, names },
    pairedRegions: { ...file.pairedRegions, names: pairs.map((p) => p[0]), ids: pairs.map((p) => p[1]) },
  };
}

function main(argv: string[]): number {
  const input = argv.find((a) => !a.startsWith("--"));
  if (!input) {
    console.error("usage: azure-locations FILE [--check]");
    return 2;
  }
  const file = path.resolve(__dirname, "../../../facts/azure/locations.json");
  const before = JSON.parse(fs.readFileSync(file, "utf8")) as LocationsFile;
  const after = updatedAzureLocations(before, JSON.parse(fs.readFileSync(input, "utf8")) as AzLocation[]);
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
