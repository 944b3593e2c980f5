// `npm run api:update`: rewrites api/<entry>.api.md from the built declarations, removes the report of
// an entry that is gone, and prints which files changed. Run it after `npm run build`, review the diff,
// and commit it with a CHANGELOG line.
import * as fs from "fs";
import * as path from "path";
import { API_DIR, ROOT, packageEntries, reportFile } from "./entries";
import { generateReports } from "./report";

function main(): void {
  const entries = packageEntries(ROOT);
  const reports = generateReports(ROOT, entries);
  fs.mkdirSync(path.join(ROOT, API_DIR), { recursive: true });
  const wanted = new Set<string>();
  let changed = 0;
  for (const entry of entries) {
    const file = reportFile(entry.entry);
    wanted.add(file);
    const full = path.join(ROOT, file);
    const text = reports.get(entry.entry) ?? "";
    const before = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
    if (before === text) continue;
    fs.writeFileSync(full, text);
    console.log(`${before === undefined ? "created" : "updated"} ${file}`);
    changed++;
  }
  for (const name of fs.readdirSync(path.join(ROOT, API_DIR)).sort()) {
    const file = `${API_DIR}/${name}`;
    if (!name.endsWith(".api.md") || wanted.has(file)) continue;
    fs.rmSync(path.join(ROOT, file));
    console.log(`removed ${file} (no such entry in package.json "exports")`);
    changed++;
  }
  console.log(
    changed ? `${changed} API report(s) changed: review and commit them.` : "API reports up to date.",
  );
}

main();
