// Reads a Pulumi project (Pulumi.yaml) and a stack's config (Pulumi.<stack>.yaml) the way the Pulumi CLI
// does, so `groundwork check` runs a program with the same name, entry point and config as `pulumi preview`.
import * as fs from "fs";
import * as path from "path";
import { Document, LineCounter, isMap, isScalar, parseDocument, Node as YamlNode, Pair } from "yaml";

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

function parseYaml(file: string): { doc: Document; lines: LineCounter } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new ProjectError(`cannot read: ${(err as Error).message}`, file);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ProjectError(`invalid YAML: ${e.message.split("\n")[0]}`, file, e.linePos?.[0].line);
  }
  return { doc, lines };
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
  const { doc, lines } = parseYaml(projectFile);
  const raw = doc.toJS() as unknown;
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
    runtimeOptions = ((y.runtime as { options?: Record<string, unknown> }).options ?? {}) as Record<
      string,
      unknown
    >;
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
  return { dir: abs, projectFile, name: y.name, runtime, runtimeOptions, main, stackConfigDir };
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

/**
 * Reads the stack's config: the project's `config:` block (defaults, `value`s, required keys) overlaid by
 * `Pulumi.<stack>.yaml`. Secure values cannot be decrypted offline; they are passed as secrets holding the
 * ciphertext, so policies see a secret and programs see a string.
 */
export function loadStackConfig(project: PulumiProject, stack: string): StackConfig {
  const known = listStacks(project);
  const stackFile = ["yaml", "yml"]
    .map((ext) => path.join(project.stackConfigDir, `Pulumi.${stack}.${ext}`))
    .find((f) => fs.existsSync(f));
  if (!stackFile)
    throw new UnknownStackError(stack, path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`), known);

  const config: Record<string, unknown> = {};
  const secretKeys = new Set<string>();
  const required: { key: string; line?: number }[] = [];

  // Project-level config: `name: {type, default, secret}` or `aws:region: value` / `{ value: … }`.
  const { doc: pdoc, lines: plines } = parseYaml(project.projectFile);
  const pconfig = pairOf(pdoc, "config");
  if (pconfig && isMap(pconfig.value)) {
    for (const item of pconfig.value.items) {
      const rawKey = String(isScalar(item.key) ? item.key.value : item.key);
      const key = canonicalKey(rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`);
      const value =
        (item.value as YamlNode | null)?.toJSON?.() ?? (isScalar(item.value) ? item.value.value : undefined);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        const spec = value as Record<string, unknown>;
        if ("value" in spec) config[key] = spec.value;
        else if ("default" in spec) config[key] = spec.default;
        else if (!rawKey.includes(":")) required.push({ key, line: lineOf(item, plines) });
        if (spec.secret === true) secretKeys.add(key);
      } else if (value !== null && value !== undefined) {
        config[key] = value;
      }
    }
  }

  const { doc, lines } = parseYaml(stackFile);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) throw new ProjectError("expected a mapping", stackFile, 1);
  const cfgPair = pairOf(doc, "config");
  if (cfgPair && cfgPair.value !== null && !isMap(cfgPair.value)) {
    throw new ProjectError(
      "'config' must be a mapping of `<namespace>:<name>` keys",
      stackFile,
      lineOf(cfgPair, lines),
    );
  }
  for (const item of cfgPair && isMap(cfgPair.value) ? cfgPair.value.items : []) {
    const rawKey = String(isScalar(item.key) ? item.key.value : item.key);
    const line = lineOf(item, lines);
    if (!/^[^:]+:[^:]+(?::[^:]+)?$/.test(rawKey))
      throw new ProjectError(KEY_MESSAGE(rawKey), stackFile, line);
    const key = canonicalKey(rawKey);
    const value = (item.value as YamlNode | null)?.toJSON?.() ?? null;
    if (typeof value === "object" && value !== null && !Array.isArray(value) && "secure" in value) {
      const secure = (value as { secure: unknown }).secure;
      if (typeof secure !== "string")
        throw new ProjectError(`${rawKey}: 'secure' must be a string`, stackFile, line);
      config[key] = secure;
      secretKeys.add(key);
    } else {
      config[key] = value;
    }
  }

  for (const r of required) {
    if (!(r.key in config)) {
      throw new ProjectError(
        `Stack '${stack}' is missing configuration value '${r.key}' (declared without a default in Pulumi.yaml; set it in ${path.basename(stackFile)})`,
        project.projectFile,
        r.line,
      );
    }
  }
  return { stack, stackFile, config, secretKeys: [...secretKeys].sort() };
}
