// Policy pack config, handled the way the Pulumi CLI handles `--policy-pack-config`: parse the file,
// fill in schema defaults, apply `all`, then validate each policy's properties against its schema.
import * as fs from "fs";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { EnforcementLevel } from "./report";
import { closestName } from "./suggest";

/** A `--policy-pack-config` file: `{ "all": "mandatory", "<policy>": "advisory" | { enforcementLevel?, ...props } }`. */
export type PolicyPackConfig = Readonly<Record<string, unknown>>;

export interface PolicyConfigEntry {
  readonly enforcementLevel?: EnforcementLevel;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** What the pack says about a policy, enough to reconcile and validate config. */
export interface DescribedPolicy {
  readonly name: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly schema?: {
    readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly required?: readonly string[];
  };
}

const VALID_LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A pack's own description of a policy, before any level is trusted: `level` is as the pack gave it. */
export interface ListedPolicy {
  readonly name: string;
  readonly level: unknown;
}

/**
 * Refuses a policy list that would let a pack be downgraded silently: two policies with one name (config
 * and findings are keyed by name, so the last one's level would win) and an enforcement level that is not
 * one of the four (the Pulumi CLI fails on it: "invalid enforcement level"). `undefined` is the pack's
 * default level and is fine.
 */
export function checkPolicyList(pack: string, policies: readonly ListedPolicy[]): void {
  const seen = new Set<string>();
  for (const p of policies) {
    if (seen.has(p.name))
      throw new Error(
        `policy pack '${pack}' defines policy '${p.name}' more than once; names must be unique`,
      );
    seen.add(p.name);
    if (p.level !== undefined && !VALID_LEVELS.includes(p.level as string))
      throw new Error(
        `policy pack '${pack}': policy '${p.name}' has invalid enforcement level ${JSON.stringify(p.level)}` +
          ` (expected ${VALID_LEVELS.join(", ")})`,
      );
  }
}

/** Reads and parses a policy config file; errors carry the CLI's wording and the file name. */
export function loadPolicyConfigFile(file: string): PolicyPackConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`${file}: cannot read policy pack config: ${(err as Error).message}`);
  }
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: invalid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: policy pack config must be a JSON object keyed by policy name`);
  }
  try {
    parsePolicyPackConfig(parsed as PolicyPackConfig);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  return parsed as PolicyPackConfig;
}

/** Splits each entry into enforcement level and properties, rejecting what the CLI rejects. */
export function parsePolicyPackConfig(config: PolicyPackConfig): Record<string, PolicyConfigEntry> {
  const out: Record<string, PolicyConfigEntry> = {};
  for (const [k, v] of Object.entries(config)) {
    if (typeof v === "string") {
      if (!VALID_LEVELS.includes(v)) {
        throw new Error(`parsing enforcement level for "${k}": "${v}" is not a valid enforcement level`);
      }
      out[k] = { enforcementLevel: v as EnforcementLevel };
    } else if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const { enforcementLevel, ...properties } = v as Record<string, unknown>;
      if (enforcementLevel !== undefined) {
        if (typeof enforcementLevel !== "string") {
          throw new Error(
            `parsing enforcement level for "${k}": ${String(enforcementLevel)} is not a valid enforcement level; must be a string`,
          );
        }
        if (!VALID_LEVELS.includes(enforcementLevel)) {
          throw new Error(
            `parsing enforcement level for "${k}": "${enforcementLevel}" is not a valid enforcement level`,
          );
        }
      }
      out[k] = {
        enforcementLevel: enforcementLevel as EnforcementLevel | undefined,
        properties: Object.keys(properties).length ? properties : undefined,
      };
    } else {
      throw new Error(
        `parsing "${k}": ${JSON.stringify(v)} is not a valid value; must be a string or object`,
      );
    }
  }
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });

/** ajv's findings in gojsonschema's words (the CLI's validator), so messages read like `pulumi preview`'s. */
function describe(e: ErrorObject): string {
  const field = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(root)";
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return field === "(root)"
        ? `${String(p.missingProperty)} is required`
        : `${field}: ${String(p.missingProperty)} is required`;
    case "type":
      return `${field}: Invalid type. Expected: ${String(p.type)}, given: ${jsonType(e.data)}`;
    case "enum":
      return `${field}: ${field} must be one of the following: ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(", ")}`;
    case "additionalProperties":
      return `Additional property ${String(p.additionalProperty)} is not allowed`;
    case "minimum":
      return `${field}: Must be greater than or equal to ${String(p.limit)}`;
    case "maximum":
      return `${field}: Must be less than or equal to ${String(p.limit)}`;
    default:
      return `${field}: ${e.message ?? e.keyword}`;
  }
}

/**
 * One compiled validator per distinct schema. Compiling is the costly part of reconciling (about 1.5 ms a
 * schema, some 300 ms for the built-in pack's two hundred-odd policies), and a process reconciles the same pack's
 * schemas for every evaluation; the schemas are small and few, so the cache stays small.
 */
const validators = new Map<string, ValidateFunction>();
function compiled(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/**
 * The config a pack is configured with: each policy's default level and schema defaults, then the pack's
 * initial config, then the user's (`all` first, then per policy); validated against each policy's schema.
 * Throws `validating policy config: …` listing every problem, as the CLI does.
 */
export function reconcilePolicyConfig(
  policies: readonly DescribedPolicy[],
  initial: Readonly<Record<string, PolicyConfigEntry>>,
  given: PolicyPackConfig,
  elsewhere: (name: string) => string | undefined = builtInElsewhere,
): Record<string, PolicyConfigEntry> {
  const result: Record<string, PolicyConfigEntry> = {};
  for (const p of policies) {
    const defaults: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(p.schema?.properties ?? {}))
      if ("default" in s) defaults[k] = s.default;
    result[p.name] = {
      enforcementLevel: p.enforcementLevel,
      properties: Object.keys(defaults).length ? defaults : undefined,
    };
  }
  const apply = (cfg: Readonly<Record<string, PolicyConfigEntry>>): void => {
    const all = cfg.all?.enforcementLevel;
    if (all) for (const k of Object.keys(result)) result[k] = { ...result[k], enforcementLevel: all };
    for (const [name, c] of Object.entries(cfg)) {
      if (name === "all") continue;
      const prev = result[name] ?? {};
      result[name] = {
        enforcementLevel: c.enforcementLevel ?? prev.enforcementLevel,
        properties:
          c.properties || prev.properties
            ? { ...(prev.properties ?? {}), ...(c.properties ?? {}) }
            : undefined,
      };
    }
  };
  apply(initial);
  apply(parsePolicyPackConfig(given));

  const errors: string[] = [];
  for (const p of policies) {
    if (!p.schema) continue;
    const schema: Record<string, unknown> = { type: "object" };
    if (Object.keys(p.schema.properties).length) schema.properties = p.schema.properties;
    if (p.schema.required?.length) schema.required = p.schema.required;
    const validate = compiled(schema);
    if (!validate(result[p.name]?.properties ?? {})) {
      for (const e of validate.errors ?? []) errors.push(`${p.name}: ${describe(e)}`);
    }
  }
  const unknown = Object.keys(given).filter((k) => k !== "all" && !policies.some((p) => p.name === k));
  if (errors.length) throw new Error(`validating policy config: ${errors.join("; ")}`);
  if (unknown.length) {
    const names = policies.map((p) => p.name);
    const listed = unknown.map((u) => {
      const near = closestName(u, names);
      const other = near === undefined ? elsewhere(u) : undefined;
      return `"${u}"${near !== undefined ? ` (did you mean "${near}"?)` : other ? ` (${other})` : ""}`;
    });
    throw new Error(
      `policy config names ${listed.join(", ")}, which the pack does not define (of its ${names.length} policies)`,
    );
  }
  return result;
}

/**
 * Where a policy a pack does not define lives, when it is the built-in pack's: config given to the wrong
 * pack is the likeliest cause. Loads the pack's rules, so only on this error path.
 */
function builtInElsewhere(name: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const builtIn = require("../policy/pack") as typeof import("../policy/pack");
  return builtIn.policies.some((p) => p.name === name)
    ? `a policy of the built-in pack ${builtIn.packName}: configure it with --builtin-config`
    : undefined;
}

/**
 * The level of a finding one policy filed under another's name (invalid waivers, filed under
 * groundwork-waivers). CrossGuard gives the reporting policy no way to read the other's configured level,
 * so the reporter sends that policy's default and the evaluator puts the configured one in its place.
 * Only a mandatory finding is re-levelled: an applied waiver's advisory notice stays advisory. `remediate`
 * cannot apply to a finding and counts as mandatory. Undefined: the policy is disabled, drop the finding.
 */
export function levelFiledUnder(
  reported: EnforcementLevel,
  configured: EnforcementLevel | undefined,
): EnforcementLevel | undefined {
  if (configured === "disabled") return undefined;
  if (!configured || reported !== "mandatory") return reported;
  return configured === "remediate" ? "mandatory" : configured;
}
