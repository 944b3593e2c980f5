// The release guard: a pull request that changes the public API (api/*.api.md, the reports
// `npm run api:update` writes) must carry a changeset (.changeset/*.md) whose bump covers the change.
// CI runs it on pull requests, from the checkout: `node dist/scripts/changeset-guard.js --base origin/main`.
import { execFileSync } from "child_process";
import * as fs from "fs";

export const BUMPS = ["patch", "minor", "major"] as const;
export type Bump = (typeof BUMPS)[number];

export const PACKAGE_NAME = "@groundwork/infra";
const API_REPORT = /^api\/[^/]+\.api\.md$/;
const CHANGESET = /^\.changeset\/(?!README\.md$)[^/]+\.md$/;

/** What one API report's diff did: lines added and lines removed (a change is both). */
export interface ApiChange {
  readonly file: string;
  readonly added: number;
  readonly removed: number;
}

export interface Changeset {
  readonly file: string;
  readonly text: string;
}

export interface GuardInput {
  /** The API reports' diffs against the base. */
  readonly api: readonly ApiChange[];
  /** Changeset files the pull request adds or changes, with their text. */
  readonly changesets: readonly Changeset[];
  /** The package's current version (0.x: a breaking change needs only a minor bump). */
  readonly version: string;
}

export interface GuardResult {
  readonly ok: boolean;
  readonly required?: Bump;
  readonly declared?: Bump;
  readonly message: string;
}

/** Lines added and removed per file in a `git diff --unified=0` text. */
export function diffStats(diff: string): ApiChange[] {
  const stats = new Map<string, { added: number; removed: number }>();
  let current: { added: number; removed: number } | undefined;
  for (const line of diff.split("\n")) {
    const header = /^diff --git a\/(\S+) b\/(\S+)/.exec(line);
    if (header) {
      current = { added: 0, removed: 0 };
      stats.set(header[2], current);
    } else if (current && line.startsWith("+") && !line.startsWith("+++ ")) current.added++;
    else if (current && line.startsWith("-") && !line.startsWith("--- ")) current.removed++;
  }
  return [...stats].map(([file, s]) => ({ file, ...s }));
}

/**
 * The bump a changeset declares for this package: front matter in the changesets tool's form,
 * `---\n"@groundwork/infra": minor\n---`. Throws when the front matter is missing or the bump unknown.
 */
export function declaredBump(changeset: Changeset): Bump | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(changeset.text);
  if (!front) throw new Error(`${changeset.file}: no front matter (---\\n"${PACKAGE_NAME}": minor\\n---)`);
  for (const line of front[1].split(/\r?\n/)) {
    const m = /^\s*["']?([^"':]+)["']?\s*:\s*(\S+)\s*$/.exec(line);
    if (!m || m[1] !== PACKAGE_NAME) continue;
    if (!(BUMPS as readonly string[]).includes(m[2])) {
      throw new Error(`${changeset.file}: bump "${m[2]}" is not one of ${BUMPS.join(", ")}`);
    }
    return m[2] as Bump;
  }
  return undefined;
}

/**
 * The bump the API change needs: a removed or changed line is breaking (major; minor while the
 * version is 0.x, as semver reserves 0.x minors for it); only additions need a minor.
 */
export function requiredBump(api: readonly ApiChange[], version: string): Bump | undefined {
  const changed = api.filter((c) => c.added + c.removed > 0);
  if (changed.length === 0) return undefined;
  if (changed.some((c) => c.removed > 0)) return version.startsWith("0.") ? "minor" : "major";
  return "minor";
}

/** The verdict: fails when the API changed and no changeset declares a bump at least as large. */
export function guard(input: GuardInput): GuardResult {
  const api = input.api.filter((c) => API_REPORT.test(c.file));
  const required = requiredBump(api, input.version);
  const bumps = input.changesets.map(declaredBump).filter((b): b is Bump => b !== undefined);
  const declared = bumps.sort((a, b) => BUMPS.indexOf(b) - BUMPS.indexOf(a))[0];
  if (required === undefined) return { ok: true, declared, message: "public API unchanged" };
  const what = api
    .filter((c) => c.added + c.removed > 0)
    .map((c) => `${c.file} (+${c.added} -${c.removed})`)
    .join(", ");
  if (declared === undefined) {
    return {
      ok: false,
      required,
      message: `the public API changed (${what}) but no changeset declares a bump for ${PACKAGE_NAME}: add .changeset/<name>.md with front matter ---\\n"${PACKAGE_NAME}": ${required}\\n--- and a line for the CHANGELOG`,
    };
  }
  if (BUMPS.indexOf(declared) < BUMPS.indexOf(required)) {
    return {
      ok: false,
      required,
      declared,
      message: `the public API changed (${what}), which needs a ${required} bump; the changesets declare ${declared}`,
    };
  }
  return { ok: true, required, declared, message: `public API changed (${what}); ${declared} bump declared` };
}

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** `--base REF` (default origin/$GITHUB_BASE_REF, else origin/main): reads the diff, prints the verdict. */
function main(argv: readonly string[]): number {
  const i = argv.indexOf("--base");
  const base = i >= 0 ? argv[i + 1] : `origin/${process.env.GITHUB_BASE_REF || "main"}`;
  // Three dots: what this branch changed since it left the base, not what the base did since.
  const range = `${base}...HEAD`;
  const api = diffStats(git(["diff", "--unified=0", range, "--", "api/"]));
  const changesets = git(["diff", "--name-only", "--diff-filter=AM", range, "--", ".changeset/"])
    .split("\n")
    .filter((f) => CHANGESET.test(f) && fs.existsSync(f))
    .map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));
  const version = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version;
  const result = guard({ api, changesets, version });
  (result.ok ? process.stdout : process.stderr).write(`changeset-guard: ${result.message}\n`);
  return result.ok ? 0 : 1;
}

if (require.main === module) {
  try {
    // Paths in git's output are relative to the repository's top level.
    process.chdir(git(["rev-parse", "--show-toplevel"]).trim());
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`changeset-guard: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}
