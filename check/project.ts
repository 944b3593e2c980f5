// Reads a Pulumi project (Pulumi.yaml) and a stack's config (Pulumi.<stack>.yaml) the way the Pulumi CLI
// does, so `groundwork check` runs a program with the same name, entry point and config as `pulumi preview`.
import * as fs from "fs";
import * as path from "path";
import {
  Document,
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Node as YamlNode,
  Pair,
} from "yaml";
import { splitNodeArgs } from "./shlex";

/** A broken project or stack file; `file` and `line` say where, when known. */
export class ProjectError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? `:${line}` : ""}: ${message}` : message);
    this.name = "ProjectError";
  }
}

/** The unknown-stack case, distinct so callers can list the stacks that do exist. */
export class UnknownStackError extends ProjectError {
  constructor(
    readonly stackName: string,
    readonly stackFile: string,
    readonly known: readonly string[],
  ) {
    super(
      `no stack named '${stackName}' found: ${stackFile} does not exist` +
        ` (stacks here: ${known.length ? known.join(", ") : "none"})`,
    );
    this.name = "UnknownStackError";
  }
}

/** A `--stack` value that names another project or is not a plain name: a usage error, not a broken file. */
export class StackNameError extends ProjectError {
  constructor(message: string) {
    super(message);
    this.name = "StackNameError";
  }
}

/**
 * The stack file's name from a stack reference: `NAME`, `ORG/NAME` or `ORG/PROJECT/NAME`, as the Pulumi
 * CLI takes them. A project part must be this project; the name must be a plain file-name part (no `../`).
 */
export function shortStackName(stack: string, projectName: string): string {
  const parts = stack.split("/");
  if (parts.length > 3) {
    throw new StackNameError(`--stack ${stack}: expected NAME, ORG/NAME or ORG/PROJECT/NAME`);
  }
  if (parts.length === 3 && parts[1] !== projectName) {
    throw new StackNameError(
      `--stack ${stack} names project '${parts[1]}', but this project is '${projectName}'`,
    );
  }
  for (const part of parts) {
    if (!/^[A-Za-z0-9_.-]+$/.test(part) || part === "." || part === "..") {
      throw new StackNameError(
        `--stack ${stack}: '${part}' is not a valid name (letters, digits, '_', '.' and '-' only)`,
      );
    }
  }
  return parts[parts.length - 1];
}

export interface PulumiProject {
  /** The project directory (holds Pulumi.yaml). */
  readonly dir: string;
  readonly projectFile: string;
  /** `name` from Pulumi.yaml. */
  readonly name: string;
  /** `runtime.name` (only `nodejs` can be run offline). */
  readonly runtime: string;
  /** `runtime.options` as written. */
  readonly runtimeOptions: Readonly<Record<string, unknown>>;
  /** `runtime.options.nodeargs`, split as the Node language host splits it: node's own arguments. */
  readonly nodeArgs: readonly string[];
  /** `runtime.options.typescript` (default true): false runs a `.ts` program without transpiling it. */
  readonly typescript: boolean;
  /** The program's entry, absolute: `main` (a file or directory) or the project directory. */
  readonly main: string;
  /** Where the stack files live: `stackConfigDir`, or the project directory. */
  readonly stackConfigDir: string;
}

export interface StackConfig {
  readonly stack: string;
  /** The stack file, when there is one. */
  readonly stackFile: string;
  /** Fully namespaced config (`aws:region`, `<project>:size`): project defaults overlaid by the stack file. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Keys whose values are secrets (`secure:` in the stack file, `secret: true` in the project). */
  readonly secretKeys: readonly string[];
}

/** Stack and project files larger than this are refused before they are read. */
export const MAX_YAML_BYTES = 10 * 1024 * 1024;
/** Maps and lists nested deeper than this are refused (no real config comes close). */
export const MAX_YAML_DEPTH = 64;
/** Alias expansions allowed in one file: ample for `<<: *base`, far short of a "billion laughs". */
const MAX_ALIAS_COUNT = 1000;

/** The deepest map or list nesting in `root`, counted without recursion (a deep value cannot overflow it). */
function depthOf(root: unknown, children: (v: unknown) => readonly unknown[] | undefined): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    const kids = children(v);
    if (!kids) continue;
    max = Math.max(max, d);
    if (d > MAX_YAML_DEPTH) return d;
    for (const k of kids) stack.push([k, d + 1]);
  }
  return max;
}

const nodeChildren = (v: unknown): readonly unknown[] | undefined =>
  isMap(v) || isSeq(v) ? v.items.map((i) => (isPair(i) ? i.value : i)) : undefined;
const valueChildren = (v: unknown): readonly unknown[] | undefined =>
  typeof v === "object" && v !== null ? Object.values(v) : undefined;

/**
 * Parses a project or stack file as the CLI's YAML reader does: anchors, aliases and `<<` merge keys
 * resolved (explicit keys win over merged ones), duplicate keys refused. `value` is the resolved document.
 */
function parseYaml(file: string): { doc: Document; lines: LineCounter; value: unknown } {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_YAML_BYTES)
      throw new ProjectError(`file is ${size} bytes; the limit is ${MAX_YAML_BYTES} (10 MiB)`, file);
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if (err instanceof ProjectError) throw err;
    throw new ProjectError(`cannot read: ${(err as Error).message}`, file);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, merge: true });
  const tooDeep = (): ProjectError =>
    new ProjectError(`nesting is deeper than ${MAX_YAML_DEPTH} levels`, file);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // The parser reports its own stack overflow as a syntax error: say what it really is.
    if (/Maximum call stack/.test(e.message)) throw tooDeep();
    throw new ProjectError(`invalid YAML: ${e.message.split("\n")[0]}`, file, e.linePos?.[0].line);
  }
  if (depthOf(doc.contents, nodeChildren) > MAX_YAML_DEPTH) throw tooDeep();
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new ProjectError(
      `too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${(err as Error).message}`,
      file,
    );
  }
  // An alias can graft a deep value under a deep key: check what the program would get.
  if (depthOf(value, valueChildren) > MAX_YAML_DEPTH) throw tooDeep();
  return { doc, lines, value };
}

function lineOf(node: YamlNode | Pair | null | undefined, lines: LineCounter): number | undefined {
  const range =
    node && "range" in node ? node.range : node && "key" in node ? (node.key as YamlNode)?.range : undefined;
  return range ? lines.linePos(range[0]).line : undefined;
}

/** The pair for `key` in the document's top-level map, for line numbers. */
function pairOf(doc: Document, key: string): Pair | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  return contents.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** Reads `Pulumi.yaml` (or `Pulumi.yml`) in `dir`. */
export function loadProject(dir: string): PulumiProject {
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new ProjectError(`project directory ${abs} does not exist`);
  }
  const projectFile = ["Pulumi.yaml", "Pulumi.yml"]
    .map((f) => path.join(abs, f))
    .find((f) => fs.existsSync(f));
  if (!projectFile) throw new ProjectError(`no Pulumi.yaml in ${abs}`);
  const { doc, lines, value: raw } = parseYaml(projectFile);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ProjectError("expected a mapping with at least `name` and `runtime`", projectFile, 1);
  }
  const y = raw as Record<string, unknown>;
  const where = (key: string): number | undefined => lineOf(pairOf(doc, key), lines);

  if (typeof y.name !== "string" || y.name === "") {
    throw new ProjectError("project is missing a 'name' attribute", projectFile, where("name"));
  }
  let runtime: string;
  let runtimeOptions: Record<string, unknown> = {};
  if (typeof y.runtime === "string") runtime = y.runtime;
  else if (
    typeof y.runtime === "object" &&
    y.runtime !== null &&
    typeof (y.runtime as { name?: unknown }).name === "string"
  ) {
    runtime = (y.runtime as { name: string }).name;
    const options = (y.runtime as { options?: unknown }).options ?? {};
    if (!isRecord(options))
      throw new ProjectError("runtime.options must be a mapping", projectFile, where("runtime"));
    runtimeOptions = options;
  } else {
    throw new ProjectError("project is missing a 'runtime' attribute", projectFile, where("runtime") ?? 1);
  }
  if (runtime !== "nodejs") {
    throw new ProjectError(
      `runtime '${runtime}' is not supported offline: groundwork check runs nodejs programs (TypeScript or JavaScript)`,
      projectFile,
      where("runtime"),
    );
  }
  if (y.main !== undefined && typeof y.main !== "string") {
    throw new ProjectError(
      "'main' must be a string (a file or directory relative to the project)",
      projectFile,
      where("main"),
    );
  }
  const main = path.resolve(abs, (y.main as string | undefined) ?? ".");
  if (!fs.existsSync(main)) {
    throw new ProjectError(
      `'main' ${JSON.stringify(y.main)} does not exist (${main})`,
      projectFile,
      where("main"),
    );
  }
  if (y.stackConfigDir !== undefined && typeof y.stackConfigDir !== "string") {
    throw new ProjectError("'stackConfigDir' must be a string", projectFile, where("stackConfigDir"));
  }
  const stackConfigDir = path.resolve(abs, (y.stackConfigDir as string | undefined) ?? ".");
  const node = nodeOptions(runtimeOptions, projectFile, where("runtime"));
  return { dir: abs, projectFile, name: y.name, runtime, runtimeOptions, main, stackConfigDir, ...node };
}

const PACKAGE_MANAGERS = ["auto", "npm", "yarn", "pnpm", "bun"];

/**
 * The Node runtime options the language host honours when it runs a program, checked as its parseOptions
 * checks them (sdk/nodejs/cmd/pulumi-language-nodejs/main.go), with its messages: `typescript`,
 * `tsconfig`, `nodeargs`, `production`, `packagemanager`. Only `nodeargs` and `typescript` change how the
 * program runs offline; the others are install-time (or ts-node's) and are only validated.
 */
function nodeOptions(
  options: Readonly<Record<string, unknown>>,
  file: string,
  line: number | undefined,
): { nodeArgs: string[]; typescript: boolean } {
  const fail = (message: string): never => {
    throw new ProjectError(`runtime.options: ${message}`, file, line);
  };
  const typed = (key: string, type: "boolean" | "string", message: string): void => {
    if (key in options && typeof options[key] !== type) fail(message);
  };
  typed("typescript", "boolean", "typescript option must be a boolean");
  typed("tsconfig", "string", "tsconfigpath option must be a string");
  typed("nodeargs", "string", "nodeargs option must be a string");
  typed("production", "boolean", "production option must be a boolean");
  typed("packagemanager", "string", "packagemanager option must be a string");
  const pm = options.packagemanager;
  if (typeof pm === "string" && !PACKAGE_MANAGERS.includes(pm))
    fail(`packagemanager option must be one of auto, npm, yarn, pnpm or bun, got ${JSON.stringify(pm)}`);
  let nodeArgs: string[] = [];
  try {
    nodeArgs = splitNodeArgs((options.nodeargs as string | undefined) ?? "");
  } catch (err) {
    fail(`nodeargs: ${(err as Error).message}`);
  }
  return { nodeArgs, typescript: options.typescript !== false };
}

/** Stack names that have a Pulumi.<stack>.yaml in the config directory. */
export function listStacks(project: PulumiProject): string[] {
  if (!fs.existsSync(project.stackConfigDir)) return [];
  return fs
    .readdirSync(project.stackConfigDir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

const KEY_MESSAGE = (key: string): string =>
  `could not parse ${key} as a configuration key (configuration keys should be of the form \`<namespace>:<name>\`)`;

/** `ns:config:name` is the CLI's legacy spelling of `ns:name`. */
function canonicalKey(key: string): string {
  const parts = key.split(":");
  return parts.length === 3 && parts[1] === "config" ? `${parts[0]}:${parts[2]}` : key;
}

/** The line of `key` in the map `node` (a merged-in key has none: the map's own line is used). */
function lineOfKey(node: unknown, key: string, lines: LineCounter): number | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return lineOf(pair ?? (node as YamlNode), lines);
}

/** A plain object (a YAML mapping after resolution), not a list or scalar. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

interface ConfigAcc {
  readonly config: Record<string, unknown>;
  readonly secretKeys: Set<string>;
}

/**
 * The project's `config:` block: `name: {type, default, secret}`, `aws:region: value` or `{ value: … }`.
 * Returns the keys declared without a default, which the stack must set.
 */
function readProjectConfig(project: PulumiProject, acc: ConfigAcc): { key: string; line?: number }[] {
  const { doc, lines, value } = parseYaml(project.projectFile);
  const block = isRecord(value) ? value.config : undefined;
  const node = pairOf(doc, "config")?.value;
  const required: { key: string; line?: number }[] = [];
  for (const [rawKey, v] of Object.entries(isRecord(block) ? block : {})) {
    const key = canonicalKey(rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`);
    if (isRecord(v)) {
      if ("value" in v) acc.config[key] = v.value;
      else if ("default" in v) acc.config[key] = v.default;
      else if (!rawKey.includes(":")) required.push({ key, line: lineOfKey(node, rawKey, lines) });
      if (v.secret === true) acc.secretKeys.add(key);
    } else if (v !== null && v !== undefined) {
      acc.config[key] = v;
    }
  }
  return required;
}

/** `Pulumi.<stack>.yaml`'s `config:` block, overlaid on what the project set. */
function readStackFile(stackFile: string, acc: ConfigAcc): void {
  const { doc, lines, value } = parseYaml(stackFile);
  if (doc.contents !== null && !isMap(doc.contents))
    throw new ProjectError("expected a mapping", stackFile, 1);
  const cfgPair = pairOf(doc, "config");
  const block = isRecord(value) ? value.config : undefined;
  if (block !== undefined && block !== null && !isRecord(block)) {
    throw new ProjectError(
      "'config' must be a mapping of `<namespace>:<name>` keys",
      stackFile,
      lineOf(cfgPair, lines),
    );
  }
  for (const [rawKey, v] of Object.entries(block ?? {})) {
    const line = lineOfKey(cfgPair?.value, rawKey, lines);
    if (!/^[^:]+:[^:]+(?::[^:]+)?$/.test(rawKey))
      throw new ProjectError(KEY_MESSAGE(rawKey), stackFile, line);
    const key = canonicalKey(rawKey);
    if (isRecord(v) && "secure" in v) {
      if (typeof v.secure !== "string")
        throw new ProjectError(`${rawKey}: 'secure' must be a string`, stackFile, line);
      acc.config[key] = v.secure;
      acc.secretKeys.add(key);
    } else {
      acc.config[key] = v ?? null;
    }
  }
}

/**
 * Reads the stack's config: the project's `config:` block (defaults, `value`s, required keys) overlaid by
 * `Pulumi.<stack>.yaml`, both with YAML anchors, aliases and merge keys resolved as the CLI resolves them.
 * Secure values cannot be decrypted offline; they are passed as secrets holding the ciphertext, so
 * policies see a secret and programs see a string.
 */
export function loadStackConfig(project: PulumiProject, stack: string): StackConfig {
  const known = listStacks(project);
  const stackFile = ["yaml", "yml"]
    .map((ext) => path.join(project.stackConfigDir, `Pulumi.${stack}.${ext}`))
    .find((f) => fs.existsSync(f));
  if (!stackFile)
    throw new UnknownStackError(stack, path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`), known);

  const acc: ConfigAcc = { config: {}, secretKeys: new Set<string>() };
  const required = readProjectConfig(project, acc);
  readStackFile(stackFile, acc);
  for (const r of required) {
    if (!(r.key in acc.config)) {
      throw new ProjectError(
        `Stack '${stack}' is missing configuration value '${r.key}' (declared without a default in Pulumi.yaml; set it in ${path.basename(stackFile)})`,
        project.projectFile,
        r.line,
      );
    }
  }
  return { stack, stackFile, config: acc.config, secretKeys: [...acc.secretKeys].sort() };
}
