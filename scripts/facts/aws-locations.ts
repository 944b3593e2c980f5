// Keeps facts/aws/locations.json's region list equal to the one the installed @pulumi/aws knows (its
// generated Region enum), after an SDK upgrade:
//
//   node dist/scripts/facts/aws-locations.js [--check]
//
// A region new to the list gets three zones marked as a guess in `availabilityZones.notes`; replace them
// with what `aws ec2 describe-availability-zones --region <region>` lists in a new account (names and
// zone ids, in order) and say so in the note. A region the SDK dropped is removed with its zones. With
// --check nothing is written; the differences are printed and the exit code is 1 when there are any.
import * as fs from "fs";
import * as path from "path";
import { LocationsFile, PlaceList } from "../../facts/locations";

/** The regions of the SDK's `Region` enum (`types/enums/index.d.ts`), in its order. */
export function sdkRegions(enumsDts: string): string[] {
  const start = enumsDts.indexOf("export declare const Region");
  if (start < 0) throw new Error("no Region enum in the @pulumi/aws type declarations");
  const block = enumsDts.slice(start, enumsDts.indexOf("};", start));
  return [...block.matchAll(/readonly \w+: "([a-z0-9-]+)";/g)].map((m) => m[1]);
}

const GUESS =
  "a guess: three zones, the count most regions launch with; letters and ids not read from an account";

/** The zone id prefix AWS uses (`eu-west-1` → `euw1`), for a region's guessed zones. */
function idPrefix(region: string): string {
  const short: Record<string, string> = { east: "e", west: "w", north: "n", south: "s", central: "c" };
  const parts = region.split("-");
  const number = parts.pop() ?? "";
  const direction = parts.pop() ?? "";
  const dir =
    short[direction] ??
    direction.replace(/^(north|south)(east|west)$/, (_, a: string, b: string) => `${a[0]}${b[0]}`);
  return `${parts.map((p, i) => (i === 0 ? p : p[0])).join("")}${dir}${number}`;
}

/** The locations file with its regions set to `regions`, zones added (guessed) or removed to match. */
export function withRegions(file: LocationsFile, regions: readonly string[]): LocationsFile {
  const zones = file.availabilityZones;
  const regionOf = (zone: string): string => zone.slice(0, -1);
  const names: string[] = [];
  const ids: string[] = [];
  const notes: Record<string, string> = {};
  for (const region of regions) {
    const existing = zones.names
      .map((n, i) => [n, zones.ids?.[i] ?? ""])
      .filter(([n]) => regionOf(n) === region);
    const list =
      existing.length > 0
        ? existing
        : ["a", "b", "c"].map((l, i) => [`${region}${l}`, `${idPrefix(region)}-az${i + 1}`]);
    for (const [n, id] of list) {
      names.push(n);
      ids.push(id);
    }
    const note = existing.length > 0 ? zones.notes?.[region] : GUESS;
    if (note !== undefined) notes[region] = note;
  }
  const availabilityZones: PlaceList = { ...zones, names, ids, notes };
  return { ...file, regions: { ...file.regions, names: [...regions] }, availabilityZones };
}

function main(argv: string[]): number {
  const root = path.resolve(__dirname, "../../..");
  const file = path.join(root, "facts/aws/locations.json");
  const dts = require.resolve("@pulumi/aws/types/enums/index.d.ts", { paths: [root] });
  const regions = sdkRegions(fs.readFileSync(dts, "utf8"));
  const before = JSON.parse(fs.readFileSync(file, "utf8")) as LocationsFile;
  const after = withRegions(before, regions);
  const added = regions.filter((r) => !before.regions.names.includes(r));
  const removed = before.regions.names.filter((r) => !regions.includes(r));
  for (const r of added) console.log(`+ ${r} (zones guessed: check them)`);
  for (const r of removed) console.log(`- ${r}`);
  if (argv.includes("--check")) return added.length + removed.length > 0 ? 1 : 0;
  fs.writeFileSync(file, `${JSON.stringify(after, null, 2)}\n`);
  console.log(`${path.relative(process.cwd(), file)}: ${added.length + removed.length} change(s) written`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
