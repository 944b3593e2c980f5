// In-process evaluation of a CrossGuard pack (ours by default) over a ResourceGraph. The validation
// args are built the way @pulumi/policy's server builds them from the engine's Analyze, AnalyzeStack
// and Remediate requests: revealed secrets, an unknown-checking proxy over the props, resource options,
// provider, parent and dependency links, `getConfig` per policy, and the same reportViolation semantics.
import type {
  EnforcementLevel as PackLevel,
  Policy,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { GraphResource, RESOURCE_SIG, ResourceGraph, SECRET_SIG_KEY, isSecret } from "./graph";
import { DescribedPolicy, PolicyConfigEntry, reconcilePolicyConfig } from "./policy-config";
import {
  EnforcementLevel,
  PolicyInfo,
  PolicyReport,
  Remediation,
  Severity,
  Undecided,
  Violation,
  WaiverRecord,
} from "./report";
import { Annotation, CLOCK_KEY, packName, policies as groundworkPolicies } from "../policy/policies";
import { isUnknownError, unknownCheckingProxy } from "../policy/policies/unknowns";

export interface EvaluateOptions {
  /** Pack config as in a `--policy-pack-config` file: `{ "all": "mandatory", "<policy>": { … } }`. */
  readonly config?: Record<string, unknown>;
  /** The pack to run. @default Groundwork's own (`groundwork-security`) */
  readonly pack?: { readonly name: string; readonly policies: readonly Policy[] };
  /** The clock waiver expiry is judged against. @default the current time */
  readonly now?: Date;
}

type AnyPolicy = Policy &
  Partial<ResourceValidationPolicy> &
  Partial<StackValidationPolicy> & {
    references?: readonly string[];
  };

class NotApplicable extends Error {}

function notApplicable(reason?: string): never {
  // Caught and dropped below, once per resource a policy skips: not worth a stack trace.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let err: NotApplicable;
  try {
    err = new NotApplicable(reason ?? "Policy does not apply");
  } finally {
    Error.stackTraceLimit = limit;
  }
  throw err;
}

/** Wire-form value → what a policy sees: secrets revealed, resource references as their id (or URN). */
function deserialize(value: unknown): unknown {
  if (isSecret(value)) return deserialize(value.value);
  if (Array.isArray(value)) return value.map(deserialize);
  if (typeof value === "object" && value !== null) {
    const rec = value as Record<string, unknown>;
    if (rec[SECRET_SIG_KEY] === RESOURCE_SIG) return rec.id !== undefined && rec.id !== "" ? rec.id : rec.urn;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (v !== undefined) out[k] = deserialize(v);
    return out;
  }
  return value;
}

/** Removes the server's proxies from a remediation result (what `serializeProperties` does). */
function unproxy(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const rec = value as Record<string, unknown>;
  const target = rec["__isSpecialProxy"] === true ? (rec["__getSpecialProxyTarget"] as unknown) : value;
  if (Array.isArray(target)) return target.map(unproxy);
  if (typeof target !== "object" || target === null) return target;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(target)) if (v !== undefined) out[k] = unproxy(v);
  return out;
}

function options(r: GraphResource): PolicyResourceOptions {
  const opts: PolicyResourceOptions = {
    protect: r.protect,
    ignoreChanges: [...r.ignoreChanges],
    aliases: [...r.aliases],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [...r.additionalSecretOutputs],
  };
  if (r.deleteBeforeReplace) opts.deleteBeforeReplace = true;
  if (r.parent) opts.parent = r.parent;
  return opts;
}

function pulumiTypeOf(resourceClass: unknown): string | undefined {
  const t = (resourceClass as { __pulumiType?: unknown } | undefined)?.__pulumiType;
  return typeof t === "string" && t !== "" ? t : undefined;
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
  const t = pulumiTypeOf(resourceClass);
  if (t) return t === type;
  const isInstance = (resourceClass as { isInstance?: (o: unknown) => boolean }).isInstance;
  return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

const EMPTY_TAGS: ReadonlyMap<string, string> = new Map();

function effectiveLevel(
  entry: PolicyConfigEntry | undefined,
  p: AnyPolicy,
  packLevel: PackLevel,
): EnforcementLevel {
  return (entry?.enforcementLevel ?? p.enforcementLevel ?? packLevel) as EnforcementLevel;
}

/**
 * Runs every policy of the pack over the graph: remediations, then resource validations, then stack
 * validations, as the engine does. Mandatory findings, advisory findings, waivers (applied and invalid),
 * fixes and checks undecided during preview come back separately.
 */
export async function evaluatePolicies(
  graph: ResourceGraph,
  opts: EvaluateOptions = {},
): Promise<PolicyReport> {
  const pack = opts.pack ?? { name: packName, policies: groundworkPolicies };
  const all = pack.policies as readonly AnyPolicy[];
  const packLevel: PackLevel = "advisory";
  const described: DescribedPolicy[] = all.map((p) => ({
    name: p.name,
    enforcementLevel: (p.enforcementLevel ?? packLevel) as EnforcementLevel,
    schema: p.configSchema as DescribedPolicy["schema"],
  }));
  const config = reconcilePolicyConfig(described, {}, opts.config ?? {});
  const getConfigFor = (name: string) =>
    function getConfig<T extends object>(): T {
      return { ...(config[name]?.properties ?? {}) } as T;
    };
  const clock = opts.now ? { [CLOCK_KEY]: opts.now } : {};

  const violations: Violation[] = [];
  const waivers: WaiverRecord[] = [];
  const remediations: Remediation[] = [];
  const undecided: Undecided[] = [];

  const reporter =
    (p: AnyPolicy, level: EnforcementLevel, defaultUrn: string | undefined) =>
    (message: unknown, urn?: string): void => {
      if (typeof message === "object" && message !== null) {
        const v = message as {
          name?: string;
          message?: string;
          description?: string;
          urn?: string;
          enforcementLevel?: EnforcementLevel;
          severity?: Severity;
          groundwork?: Annotation;
        };
        const text = v.message || v.description || p.description;
        const where = v.urn ?? defaultUrn;
        const g = v.groundwork;
        if (g?.kind === "undecided") {
          undecided.push({ pack: pack.name, policy: g.policy, urn: where, message: text });
          return;
        }
        if (g?.kind === "waiver") {
          waivers.push({
            pack: pack.name,
            policy: g.policy,
            pattern: g.pattern,
            urn: g.status === "applied" ? where : undefined,
            reason: g.reason,
            owner: g.owner,
            expires: g.expires,
            status: g.status,
            message: g.finding,
          });
          if (g.status === "applied") return;
        }
        // A finding filed under another policy's name (invalid waivers, under groundwork-waivers) takes that
        // policy's configured level, which the reporting policy cannot read.
        let filedLevel = v.enforcementLevel || level;
        const filedUnder = v.name && v.name !== p.name ? config[v.name]?.enforcementLevel : undefined;
        if (filedUnder === "disabled") return;
        if (filedUnder) filedLevel = filedUnder === "remediate" ? "mandatory" : filedUnder;
        violations.push({
          pack: pack.name,
          policy: v.name || p.name,
          enforcementLevel: filedLevel,
          severity: v.severity || (p.severity as Severity | undefined),
          urn: where,
          message: text,
        });
        return;
      }
      violations.push({
        pack: pack.name,
        policy: p.name,
        enforcementLevel: level,
        severity: p.severity as Severity | undefined,
        urn: defaultUrn ?? urn,
        message: message ? `${p.description}\n${String(message)}` : p.description,
      });
    };

  const run = async (
    p: AnyPolicy,
    what: string,
    urn: string | undefined,
    fn: () => unknown,
  ): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof NotApplicable) return;
      if (isUnknownError(err)) {
        undecided.push({
          pack: pack.name,
          policy: p.name,
          urn,
          message: `can't run policy '${p.name}' during preview: ${err.message}`,
        });
        return;
      }
      const msg = err instanceof Error ? err.message : String(err);
      throw new Error(`Error ${what} with policy '${p.name}' from policy pack '${pack.name}': ${msg}`);
    }
  };

  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const providerOf = (r: GraphResource): ResourceValidationArgs["provider"] => {
    if (!r.provider) return undefined;
    const pUrn = r.provider.slice(0, r.provider.lastIndexOf("::"));
    const prov = byUrn.get(pUrn);
    if (!prov) return undefined;
    return {
      type: prov.type,
      name: prov.name,
      urn: prov.urn,
      props: unknownCheckingProxy(deserialize(prov.inputs) as Record<string, unknown>),
    };
  };
  const analyzed = graph.resources.filter((r) => !r.type.startsWith("pulumi:providers:"));
  const currentInputs = new Map<string, Record<string, unknown>>();

  const resourceArgs = (
    r: GraphResource,
    props: Record<string, unknown>,
    p: AnyPolicy,
  ): ResourceValidationArgs => {
    const proxied = unknownCheckingProxy(props);
    const args: ResourceValidationArgs = {
      type: r.type,
      props: proxied,
      urn: r.urn,
      name: r.name,
      opts: options(r),
      stackTags: EMPTY_TAGS,
      isType: (cls) => isTypeOf(r.type, cls),
      asType: ((cls: unknown) =>
        isTypeOf(r.type, cls) ? proxied : undefined) as ResourceValidationArgs["asType"],
      getConfig: getConfigFor(p.name),
      notApplicable,
      ...clock,
    };
    const provider = providerOf(r);
    if (provider) args.provider = provider;
    return args;
  };

  // Remediations run first, each on the output of the previous one; validations then see the fixed inputs.
  for (const r of analyzed) {
    if (r.external) continue;
    let props = deserialize(r.inputs) as Record<string, unknown>;
    for (const p of all) {
      if (effectiveLevel(config[p.name], p, packLevel) !== "remediate" || !p.remediateResource) continue;
      const remediate = p.remediateResource;
      await run(p, "remediating resource", r.urn, async () => {
        const result = await remediate(resourceArgs(r, props, p));
        if (result) {
          props = unproxy(result) as Record<string, unknown>;
          remediations.push({ pack: pack.name, policy: p.name, urn: r.urn, inputs: props });
        }
      });
    }
    currentInputs.set(r.urn, props);
  }

  for (const r of analyzed) {
    if (r.external) continue;
    for (const p of all) {
      let level = effectiveLevel(config[p.name], p, packLevel);
      if (level === "disabled" || typeof p.validateResource === "undefined") continue;
      if (level === "remediate") level = "mandatory";
      const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
      for (const validate of validations) {
        const report = reporter(p, level, r.urn);
        await run(p, "validating resource", r.urn, () =>
          validate(resourceArgs(r, currentInputs.get(r.urn) ?? {}, p), report),
        );
      }
    }
  }

  const remediated = new Set(remediations.map((x) => x.urn));
  const stackResources = (): PolicyResource[] => {
    const list = graph.resources.filter((r) => !r.type.startsWith("pulumi:providers:"));
    const made = new Map<string, PolicyResource>();
    for (const r of list) {
      const fixed = remediated.has(r.urn) ? currentInputs.get(r.urn) : undefined;
      const state = { ...(deserialize(r.outputs) as Record<string, unknown>), ...(fixed ?? {}) };
      const props = unknownCheckingProxy(state);
      const res: PolicyResource = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: options(r),
        dependencies: [],
        propertyDependencies: {},
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
      };
      const provider = providerOf(r);
      if (provider) res.provider = provider;
      made.set(r.urn, res);
    }
    for (const r of list) {
      const res = made.get(r.urn)!;
      if (r.parent && made.has(r.parent)) res.parent = made.get(r.parent);
      res.dependencies = r.dependencies
        .map((d) => made.get(d))
        .filter((d): d is PolicyResource => d !== undefined);
      for (const [k, urns] of Object.entries(r.propertyDependencies)) {
        res.propertyDependencies[k] = urns
          .map((d) => made.get(d))
          .filter((d): d is PolicyResource => d !== undefined);
      }
    }
    return [...made.values()];
  };

  for (const p of all) {
    let level = effectiveLevel(config[p.name], p, packLevel);
    if (level === "disabled" || typeof p.validateStack !== "function") continue;
    if (level === "remediate") level = "mandatory";
    const validateStack = p.validateStack;
    const args: StackValidationArgs = {
      resources: stackResources(),
      getConfig: getConfigFor(p.name),
      stackTags: EMPTY_TAGS,
      notApplicable,
      ...clock,
    };
    await run(p, "validating stack", undefined, () => validateStack(args, reporter(p, level, undefined)));
  }

  const infos: PolicyInfo[] = all.map((p) => ({
    pack: pack.name,
    name: p.name,
    description: p.description,
    enforcementLevel: effectiveLevel(config[p.name], p, packLevel),
    severity: p.severity as Severity | undefined,
    remediationSteps: p.remediationSteps,
    url: p.url,
    tags: p.tags,
    references: p.references,
  }));
  return { policies: infos, violations, waivers, remediations, undecided };
}
