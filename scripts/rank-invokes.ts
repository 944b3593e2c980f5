// Ranks provider invokes by how many public Pulumi TypeScript programs call them, for
// docs/offline-answers.md. Reads checked-out repositories (any directories), finds each TypeScript file's
// imports of the provider SDKs (`import * as aws from "@pulumi/aws"`, `import * as storage from
// "@pulumi/azure-native/storage"`, `import { iam } from "@pulumi/aws"`), and every call through them of a
// function the installed SDK implements as an invoke (`aws.iam.getPolicyDocument(...)`,
// `storage.listStorageAccountKeysOutput(...)`). A program is the nearest directory holding a Pulumi.yaml
// (else the file's directory); each token counts once per program.
//   node dist/scripts/rank-invokes.js DIR... [--top N] [--json]
import * as fs from "fs";
import * as path from "path";

const PACKAGES = ["aws", "gcp", "azure-native", "kubernetes"] as const;

/** `pkg|module/path|function` → invoke token, read from the installed SDKs' compiled modules. */
function invokeIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const pkg of PACKAGES) {
    const root = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`));
    const walk = (dir: string, mod: string[]): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          if (entry.name !== "node_modules" && entry.name !== "types")
            walk(path.join(dir, entry.name), [...mod, entry.name]);
          continue;
        }
        if (!/^(get|list)[A-Z].*\.js$/.test(entry.name)) continue;
        const text = fs.readFileSync(path.join(dir, entry.name), "utf8");
        const m = /runtime\.invoke(?:Output)?\("([^"]+)"/.exec(text);
        if (m) index.set(`${pkg}|${mod.join("/")}|${entry.name.slice(0, -3)}`, m[1]);
      }
    };
    walk(root, []);
  }
  return index;
}

/** Every `.ts` file under a directory (no declarations, no node_modules). */
function tsFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) tsFiles(p, out);
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function programOf(file: string, top: string): string {
  for (let dir = path.dirname(file); dir.startsWith(top); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (dir === top) break;
  }
  return path.dirname(file);
}

/** The invoke tokens one file calls. */
export function tokensIn(text: string, index: ReadonlyMap<string, string>): Set<string> {
  // alias → [package, module path]
  const aliases = new Map<string, [string, string[]]>();
  const star =
    /import\s+\*\s+as\s+(\w+)\s+from\s+["']@pulumi\/(aws|gcp|azure-native|kubernetes)((?:\/[\w.-]+)*)["']/g;
  for (const m of text.matchAll(star)) aliases.set(m[1], [m[2], m[3].split("/").filter(Boolean)]);
  const named =
    /import\s*\{([^}]*)\}\s*from\s*["']@pulumi\/(aws|gcp|azure-native|kubernetes)((?:\/[\w.-]+)*)["']/g;
  for (const m of text.matchAll(named)) {
    for (const part of m[1].split(",")) {
      const [orig, alias] = part.trim().split(/\s+as\s+/);
      if (orig)
        aliases.set((alias ?? orig).trim(), [m[2], [...m[3].split("/").filter(Boolean), orig.trim()]]);
    }
  }
  const found = new Set<string>();
  const call = /\b([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)\.((?:get|list)[A-Z]\w*?)(?:Output)?\s*\(/g;
  for (const m of text.matchAll(call)) {
    const base = aliases.get(m[1]);
    if (!base) continue;
    const [pkg, mod] = base;
    const segments = [...mod, ...m[2].split(".").filter(Boolean)];
    const token = index.get(`${pkg}|${segments.join("/")}|${m[3]}`);
    if (token) found.add(token);
  }
  return found;
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf("--top");
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 40;
  const json = args.includes("--json");
  const dirs = args.filter((a, i) => !a.startsWith("--") && (topAt < 0 || i !== topAt + 1));
  const index = invokeIndex();
  const byToken = new Map<string, Set<string>>();
  const programs = new Set<string>();
  for (const dir of dirs.map((d) => path.resolve(d))) {
    for (const file of tsFiles(dir)) {
      const text = fs.readFileSync(file, "utf8");
      if (!/@pulumi\/(aws|gcp|azure-native|kubernetes)/.test(text)) continue;
      const program = programOf(file, dir);
      programs.add(program);
      for (const token of tokensIn(text, index)) {
        const set = byToken.get(token) ?? new Set<string>();
        set.add(program);
        byToken.set(token, set);
      }
    }
  }
  const ranked = [...byToken]
    .map(([token, set]) => ({ token, programs: set.size }))
    .sort((a, b) => b.programs - a.programs || (a.token < b.token ? -1 : 1))
    .slice(0, top);
  if (json) process.stdout.write(`${JSON.stringify({ programs: programs.size, ranked }, null, 2)}\n`);
  else {
    process.stdout.write(`${programs.size} programs\n`);
    for (const r of ranked) process.stdout.write(`${String(r.programs).padStart(5)}  ${r.token}\n`);
  }
}

if (require.main === module) main();
