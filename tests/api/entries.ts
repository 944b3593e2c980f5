// The package's public entry points, read from package.json "exports" at run time, so an entry added
// there (./check, ./gcp …) gets an API report without anyone remembering to register it here.
import * as fs from "fs";
import * as path from "path";

/** One public entry point and the declaration file that describes it. */
export interface ApiEntry {
  /** The key in "exports": ".", "./aws" … */
  readonly entry: string;
  /** What a user imports: "@groundwork/infra", "@groundwork/infra/aws" … */
  readonly specifier: string;
  /** The declaration file, relative to the package root with forward slashes. */
  readonly types: string;
}

/** The checkout's root (this file runs compiled, from dist/tests/api). */
export const ROOT = path.resolve(__dirname, "../../..");

/** Where the checked-in reports live. */
export const API_DIR = "api";

/** The report of an entry, relative to the root: "." → api/index.api.md, "./aws" → api/aws.api.md. */
export function reportFile(entry: string): string {
  const base = entry === "." ? "index" : entry.replace(/^\.\//, "").replace(/\//g, "-");
  return `${API_DIR}/${base}.api.md`;
}

// A condition object may nest ({ import: { types, default } }); the declarations are what we want, and
// the sibling .d.ts of a plain .js target when no "types" condition is given.
function typesOf(target: unknown): string | undefined {
  if (typeof target === "string")
    return /\.[cm]?js$/.test(target) ? target.replace(/\.([cm]?)js$/, ".d.$1ts") : undefined;
  if (target === null || typeof target !== "object") return undefined;
  const conditions = target as Record<string, unknown>;
  if (typeof conditions.types === "string") return conditions.types;
  for (const key of Object.keys(conditions)) {
    const found = typesOf(conditions[key]);
    if (found) return found;
  }
  return undefined;
}

/** Every public entry of the package at `root`, in the order package.json lists them. */
export function packageEntries(root: string = ROOT): ApiEntry[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    name: string;
    exports?: Record<string, unknown>;
  };
  const entries: ApiEntry[] = [];
  for (const [entry, target] of Object.entries(pkg.exports ?? {})) {
    if (entry === "./package.json") continue;
    // A pattern entry cannot be listed file by file; fail loudly rather than leave its surface unrecorded.
    if (entry.includes("*"))
      throw new Error(`exports["${entry}"]: pattern entries are not supported by the API report`);
    const types = typesOf(target);
    if (!types)
      throw new Error(`exports["${entry}"] names no type declarations, so its API cannot be recorded`);
    const specifier = entry === "." ? pkg.name : `${pkg.name}/${entry.replace(/^\.\//, "")}`;
    entries.push({ entry, specifier, types: path.posix.normalize(types) });
  }
  return entries;
}
