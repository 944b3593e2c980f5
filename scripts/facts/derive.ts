// Regenerates the derived `replace` and `update` lists of facts/<cloud>/resources.json from a Terraform
// provider's own Go source, at a pinned commit:
//
//   node dist/scripts/facts/derive.js <cloud> <provider git dir> [--commit SHA] [--check]
//
// <provider git dir> is a clone (or the snapshot the search tool's `fetch` brings, a bare git directory)
// of the repository named in the file's `sources`; --commit names a commit or a ref in it. Only types with `derivedFrom` are touched, and only
// their `replace`/`update` lists: hand-written facts (`properties`, `server`, `apis` …) are kept. With
// --check nothing is written; the differences are printed and the exit code is 1 when there are any.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ResourceFactsFile } from "../../facts/types";
import { TfAttribute, goStringConstants, parseTerraformSchema, pulumiPath } from "./terraform-schema";

/** Splits attributes into the shortest `replace` and `update` path lists that classify every settable input. */
export function compactLists(attributes: readonly TfAttribute[]): { replace: string[]; update: string[] } {
  const settable = attributes.filter((a) => !a.computedOnly);
  const replace: string[] = [];
  const update: string[] = [];
  const childrenOf = (parent: string | undefined): TfAttribute[] =>
    settable.filter((a) =>
      parent === undefined
        ? !a.path.includes(".")
        : a.path.startsWith(`${parent}.`) && !a.path.slice(parent.length + 1).includes("."),
    );
  const hasForceNewBelow = (p: string): boolean =>
    settable.some((a) => a.forceNew && a.path.startsWith(`${p}.`));
  const visit = (a: TfAttribute): void => {
    const name = pulumiPath(attributes, a.path);
    if (a.forceNew) {
      replace.push(name);
      return;
    }
    update.push(name);
    if (hasForceNewBelow(a.path)) for (const c of childrenOf(a.path)) visit(c);
  };
  for (const a of childrenOf(undefined)) visit(a);
  return { replace: [...new Set(replace)].sort(), update: [...new Set(update)].sort() };
}

function readAt(gitDir: string, commit: string, file: string): string {
  return execFileSync("git", ["--git-dir", gitDir, "show", `${commit}:${file}`], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The provider's attribute-name constants (`names.AttrTags = "tags"`), read from its `names` package at the
 * commit; empty when it has none (older terraform-provider-aws releases wrote every key as a literal).
 */
function providerConstants(gitDir: string, commit: string): Record<string, string> {
  let files: string[];
  try {
    files = execFileSync("git", ["--git-dir", gitDir, "ls-tree", "--name-only", commit, "names/"], {
      encoding: "utf8",
    })
      .split("\n")
      .filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
  } catch {
    return {};
  }
  return Object.assign({}, ...files.map((f) => goStringConstants(readAt(gitDir, commit, f))));
}

function gitDirOf(dir: string): string {
  return fs.existsSync(path.join(dir, ".git")) ? path.join(dir, ".git") : dir;
}

function main(argv: string[]): number {
  const [cloud, checkout] = argv;
  if (!cloud || !checkout) {
    console.error("usage: derive <cloud> <provider git dir> [--commit SHA] [--check]");
    return 2;
  }
  const check = argv.includes("--check");
  const gitDir = gitDirOf(checkout);
  const commitFlag = argv.indexOf("--commit");
  // A ref (`refs/heads/patched-v5.14.0`) is pinned as the commit it names.
  const commit = execFileSync(
    "git",
    ["--git-dir", gitDir, "rev-parse", `${commitFlag > 0 ? argv[commitFlag + 1] : "HEAD"}^{commit}`],
    { encoding: "utf8" },
  ).trim();
  const file = path.resolve(__dirname, "../../../facts", cloud, "resources.json");
  const facts = JSON.parse(fs.readFileSync(file, "utf8")) as ResourceFactsFile;
  const types = facts.types as Record<string, ResourceFactsFile["types"][string]>;
  const sources = facts.sources as Record<string, ResourceFactsFile["sources"][string]>;
  let differences = 0;
  const usedSources = new Set<string>();
  const constants = providerConstants(gitDir, commit);
  for (const [type, fact] of Object.entries(types)) {
    if (!fact.derivedFrom) continue;
    usedSources.add(fact.derivedFrom.source);
    const attributes = fact.derivedFrom.entries.flatMap((e) =>
      parseTerraformSchema(readAt(gitDir, commit, e.file), e.entry, constants).map((a) =>
        e.at === undefined ? a : { ...a, path: `${e.at}.${a.path}` },
      ),
    );
    const lists = compactLists(attributes);
    for (const kind of ["replace", "update"] as const) {
      const before = JSON.stringify(fact[kind]);
      if (before !== JSON.stringify(lists[kind])) {
        differences++;
        console.log(`${type} ${kind}:\n  was ${before}\n  now ${JSON.stringify(lists[kind])}`);
      }
    }
    types[type] = { ...fact, replace: lists.replace, update: lists.update };
  }
  for (const key of usedSources) {
    if (sources[key].commit !== commit) {
      differences++;
      console.log(`source ${key}: commit ${sources[key].commit} → ${commit}`);
    }
    sources[key] = { ...sources[key], commit };
  }
  if (check) return differences > 0 ? 1 : 0;
  fs.writeFileSync(file, `${JSON.stringify(facts, null, 2)}\n`);
  console.log(`${path.relative(process.cwd(), file)}: ${differences} change(s) written`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
