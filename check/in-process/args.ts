// The validation args a policy receives, built the way @pulumi/policy's server builds them from the
// engine's requests: revealed secrets, an unknown-checking proxy over the props, resource options,
// provider, and (for stack policies) parent and dependency links between the resources.
import type {
  Policy,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { GraphResource, RESOURCE_SIG, ResourceGraph, SECRET_SIG_KEY, isSecret } from "../../engine/graph";
import { PolicyConfigEntry } from "../policy-config";
import { CLOCK_KEY } from "../../policy/pack";
import { unknownCheckingProxy } from "../../policy/runtime";

class NotApplicable extends Error {}

function notApplicable(reason?: string): never {
  // Caught and dropped by the evaluator, once per resource a policy skips: not worth a stack trace.
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

/** True when a policy called `args.notApplicable()`: the resource is skipped, not failed. */
export function isNotApplicable(err: unknown): boolean {
  return err instanceof NotApplicable;
}

/** Wire-form value → what a policy sees: secrets revealed, resource references as their id (or URN). */
export function deserialize(value: unknown): unknown {
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
export function unproxy(value: unknown): unknown {
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

/**
 * Resources a policy sees, resource and stack policies alike: not the engine's provider resources, and
 * never reads (`.get()`, `StackReference`), which the engine keeps in its graph but never analyzes.
 */
export function analyzedResources(graph: ResourceGraph): GraphResource[] {
  return graph.resources.filter((r) => !r.type.startsWith("pulumi:providers:") && !r.external);
}

/** Builds every policy's args over one graph, with each policy's reconciled config. */
export class ArgsBuilder {
  private readonly byUrn: Map<string, GraphResource>;
  private readonly clock: Record<string, Date>;

  constructor(
    private readonly graph: ResourceGraph,
    private readonly config: Readonly<Record<string, PolicyConfigEntry>>,
    now: Date | undefined,
  ) {
    this.byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    this.clock = now ? { [CLOCK_KEY]: now } : {};
  }

  private readonly getConfigs = new Map<string, <T extends object>() => T>();
  // The last resource's policy-independent args, reused by every policy that validates it in turn.
  private last?: { r: GraphResource; props: Record<string, unknown>; base: ResourceValidationArgs };

  private getConfigFor(name: string): <T extends object>() => T {
    const config = this.config;
    let getConfig = this.getConfigs.get(name);
    if (!getConfig) {
      getConfig = <T extends object>(): T => ({ ...(config[name]?.properties ?? {}) }) as T;
      this.getConfigs.set(name, getConfig);
    }
    return getConfig;
  }

  private providerOf(r: GraphResource): ResourceValidationArgs["provider"] {
    if (!r.provider) return undefined;
    const prov = this.byUrn.get(r.provider.slice(0, r.provider.lastIndexOf("::")));
    if (!prov) return undefined;
    return {
      type: prov.type,
      name: prov.name,
      urn: prov.urn,
      props: unknownCheckingProxy(deserialize(prov.inputs) as Record<string, unknown>),
    };
  }

  resource(r: GraphResource, props: Record<string, unknown>, p: Policy): ResourceValidationArgs {
    if (this.last?.r !== r || this.last.props !== props) {
      this.last = { r, props, base: this.resourceBase(r, props) };
    }
    // A fresh object per policy (a policy may keep or change its args), sharing the read-only parts.
    return { ...this.last.base, getConfig: this.getConfigFor(p.name) };
  }

  private resourceBase(r: GraphResource, props: Record<string, unknown>): ResourceValidationArgs {
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
      getConfig: () => ({}) as never,
      notApplicable,
      ...this.clock,
    };
    const provider = this.providerOf(r);
    if (provider) args.provider = provider;
    return args;
  }

  /** Stack args: each resource's outputs, with a remediation's fixed inputs over them. */
  stack(p: Policy, fixedInputs: ReadonlyMap<string, Record<string, unknown>>): StackValidationArgs {
    return {
      resources: this.stackResources(fixedInputs),
      getConfig: this.getConfigFor(p.name),
      stackTags: EMPTY_TAGS,
      notApplicable,
      ...this.clock,
    };
  }

  private stackResources(fixedInputs: ReadonlyMap<string, Record<string, unknown>>): PolicyResource[] {
    const list = analyzedResources(this.graph);
    const made = new Map<string, PolicyResource>();
    for (const r of list) {
      const state = {
        ...(deserialize(r.outputs) as Record<string, unknown>),
        ...(fixedInputs.get(r.urn) ?? {}),
      };
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
      const provider = this.providerOf(r);
      if (provider) res.provider = provider;
      made.set(r.urn, res);
    }
    const linked = (urns: readonly string[]): PolicyResource[] =>
      urns.map((d) => made.get(d)).filter((d): d is PolicyResource => d !== undefined);
    for (const r of list) {
      const res = made.get(r.urn)!;
      if (r.parent && made.has(r.parent)) res.parent = made.get(r.parent);
      res.dependencies = linked(r.dependencies);
      for (const [k, urns] of Object.entries(r.propertyDependencies))
        res.propertyDependencies[k] = linked(urns);
    }
    return [...made.values()];
  }
}
