// Answers a user pins for what the offline engine cannot know: invoke results (`--invokes FILE`) and the
// outputs of other stacks (`--stack-outputs DIR`), read from files the user checked in.
import * as fs from "fs";
import * as path from "path";
import { InvokeHandler, NoAnswer } from "./invokes";

/** One pinned answer that applies only when the invoke's args contain `args`. */
interface Matched {
  readonly args: Record<string, unknown>;
  readonly result: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** True when every field of `pattern` is in `value`, with the same value (objects compared field-wise). */
function matches(pattern: unknown, value: unknown): boolean {
  if (isObject(pattern)) {
    return isObject(value) && Object.entries(pattern).every(([k, v]) => matches(v, value[k]));
  }
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(value) && pattern.length === value.length && pattern.every((p, i) => matches(p, value[i]))
    );
  }
  return pattern === value;
}

function matchedEntries(file: string, token: string, list: unknown[]): Matched[] {
  return list.map((entry, i) => {
    if (!isObject(entry) || !isObject(entry.result) || (entry.args !== undefined && !isObject(entry.args)))
      throw new Error(`${file}: ${token}[${i}] must be { "args": {…}, "result": {…} }`);
    return { args: (entry.args ?? {}) as Record<string, unknown>, result: entry.result };
  });
}

/** The handler for one token: a fixed result, or the first entry whose args match the invoke's. */
function pinnedHandler(file: string, token: string, spec: unknown): InvokeHandler {
  if (isObject(spec)) return () => spec;
  if (!Array.isArray(spec))
    throw new Error(`${file}: ${token} must be a result object or a list of { "args", "result" }`);
  const entries = matchedEntries(file, token, spec);
  return (ctx) => {
    const hit = entries.find((e) => matches(e.args, ctx.args));
    if (!hit)
      throw new NoAnswer(`no entry for these args in ${path.basename(file)}: ${JSON.stringify(ctx.args)}`);
    return hit.result;
  };
}

/**
 * Reads `--invokes FILE`: JSON mapping an invoke token to its result, or to a list of `{ args, result }`
 * where the first entry whose `args` the invoke's args contain answers.
 */
export function loadPinnedInvokes(file: string): Record<string, InvokeHandler> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`--invokes ${file}: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new Error(`--invokes ${file}: expected an object of invoke token → answer`);
  return Object.fromEntries(
    Object.entries(parsed).map(([token, spec]) => [token, pinnedHandler(file, token, spec)]),
  );
}

/** The most files `--stack-outputs DIR` may hold: far above any organization's stacks. */
const MAX_STACK_OUTPUT_FILES = 10_000;

// Directories read whole before a program runs: absolute file path → its text. A program cannot change
// what a StackReference gets by rewriting the files while it runs (ADR 0014).
const pinnedDirs = new Map<string, Map<string, string>>();

/**
 * Reads every `*.json` under `dir` (three levels: `org/project/stack.json`) into memory, so that lookups
 * during the run never touch the disk. Call it before the program starts; unpin with {@link unpinStackOutputs}.
 */
export function pinStackOutputs(dir: string): void {
  const root = path.resolve(dir);
  const files = new Map<string, string>();
  const walk = (d: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (err) {
      if (d === root) throw new Error(`--stack-outputs ${root}: ${(err as Error).message}`);
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (stat?.isFile() && e.name.endsWith(".json")) {
        if (files.size >= MAX_STACK_OUTPUT_FILES)
          throw new Error(`--stack-outputs ${root}: more than ${MAX_STACK_OUTPUT_FILES} files`);
        files.set(full, fs.readFileSync(full, "utf8"));
      }
    }
  };
  walk(root, 1);
  pinnedDirs.set(root, files);
}

export function unpinStackOutputs(dir: string): void {
  pinnedDirs.delete(path.resolve(dir));
}

/**
 * The outputs of the stack a `StackReference` names, from `DIR/<name>.json` (`org/project/stack` as
 * subdirectories), else `DIR/<stack>.json` (the last part of the name): what `pulumi stack output --json`
 * prints. Undefined when neither file exists; a name that leaves DIR is never followed. A pinned DIR is
 * answered from what was read when it was pinned.
 */
export function readStackOutputs(dir: string, name: string): Record<string, unknown> | undefined {
  const root = path.resolve(dir);
  const pinned = pinnedDirs.get(root);
  const candidates = [`${name}.json`, `${name.split("/").pop() ?? name}.json`].map((f) =>
    path.resolve(root, f),
  );
  for (const file of candidates) {
    if (!file.startsWith(root + path.sep)) continue;
    const text = pinned ? pinned.get(file) : fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (text === undefined) continue;
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed))
      throw new Error(`--stack-outputs ${file}: expected an object of output name → value`);
    return parsed;
  }
  return undefined;
}
