// Rewrites expectations.json from what the gate says now, keeping every judgement already made and marking
// new findings `unjudged` (the spec fails until a person judges them):
//   npm run build && node dist/tests/real-programs/update-expectations.js [PROGRAM...]
import * as fs from "fs";
import * as path from "path";
import {
  EXPECTATIONS_FILE,
  PROGRAMS_DIR,
  ProgramExpectations,
  observe,
  programNames,
  readExpectations,
} from "./run";

interface Manifest {
  readonly cloud: string;
  readonly source: string;
}

async function main(): Promise<void> {
  const all = readExpectations();
  const only = process.argv.slice(2);
  for (const name of programNames().filter((n) => only.length === 0 || only.includes(n))) {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(PROGRAMS_DIR, name, "source.json"), "utf8"),
    ) as Manifest;
    const preview = await observe(name, "preview");
    const update = await observe(name, "update");
    const old = all[name]?.judgements ?? {};
    const judgements: ProgramExpectations["judgements"] = {};
    for (const f of [...new Set([...preview.findings, ...update.findings])].sort())
      judgements[f] = old[f] ?? { judged: "unjudged", why: "" };
    all[name] = { cloud: manifest.cloud, source: manifest.source, preview, update, judgements };
    process.stdout.write(`${name}: preview ${preview.verdict}, update ${update.verdict}\n`);
  }
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.writeFileSync(EXPECTATIONS_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
