// In-process evaluation of a CrossGuard pack (ours by default) over a ResourceGraph: remediations, then
// resource validations, then stack validations, as the engine drives them, with the same
// `reportViolation` semantics as @pulumi/policy's server.
import type {
  EnforcementLevel as PackLevel,
  Policy,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { ResourceGraph } from "../../engine/graph";
import { packName, policies as groundworkPolicies } from "../../policy/pack";
import { DescribedPolicy, PolicyConfigEntry, checkPolicyList, reconcilePolicyConfig } from "../policy-config";
import { EnforcementLevel, PolicyInfo, PolicyReport, Severity } from "../report";
import { ArgsBuilder, analyzedResources, deserialize, unproxy } from "./args";
import { PackFindings } from "./findings";
import { applyGateConfig, gateConfig } from "../pack-config";
import { STACK_TYPE } from "../../engine/monitor-records";

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

// A pack's own default level, for policies that name none (as `new PolicyPack` defaults it).
const PACK_LEVEL: PackLevel = "advisory";

/** One evaluation: the pack, its reconciled config, the args builder and what has been found so far. */
interface Evaluation {
  readonly pack: string;
  readonly all: readonly AnyPolicy[];
  readonly config: Record<string, PolicyConfigEntry>;
  readonly args: ArgsBuilder;
  readonly findings: PackFindings;
}

function effectiveLevel(entry: PolicyConfigEntry | undefined, p: AnyPolicy): EnforcementLevel {
  return (entry?.enforcementLevel ?? p.enforcementLevel ?? PACK_LEVEL) as EnforcementLevel;
}

/** The level a validation runs at, or undefined when it does not run; `remediate` validates as mandatory. */
function validationLevel(e: Evaluation, p: AnyPolicy): EnforcementLevel | undefined {
  const level = effectiveLevel(e.config[p.name], p);
  if (level === "disabled") return undefined;
  return level === "remediate" ? "mandatory" : level;
}

/**
 * Remediations run first, each on the output of the previous one; validations then see the fixed inputs.
 * Returns every analyzed resource's inputs after remediation.
 */
async function remediate(e: Evaluation, graph: ResourceGraph): Promise<Map<string, Record<string, unknown>>> {
  const currentInputs = new Map<string, Record<string, unknown>>();
  for (const r of analyzedResources(graph)) {
    let props = deserialize(r.inputs) as Record<string, unknown>;
    for (const p of e.all) {
      if (effectiveLevel(e.config[p.name], p) !== "remediate" || !p.remediateResource) continue;
      const remediateResource = p.remediateResource;
      await e.findings.run(p, "remediating resource", r.urn, async () => {
        const result = await remediateResource(e.args.resource(r, props, p));
        if (result) {
          props = unproxy(result) as Record<string, unknown>;
          e.findings.remediations.push({ pack: e.pack, policy: p.name, urn: r.urn, inputs: props });
        }
      });
    }
    currentInputs.set(r.urn, props);
  }
  return currentInputs;
}

async function validateResources(
  e: Evaluation,
  graph: ResourceGraph,
  currentInputs: ReadonlyMap<string, Record<string, unknown>>,
): Promise<void> {
  for (const r of analyzedResources(graph)) {
    for (const p of e.all) {
      const level = validationLevel(e, p);
      if (!level || typeof p.validateResource === "undefined") continue;
      const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
      for (const validate of validations) {
        const report = e.findings.reporter(p, level, r.urn);
        const pending = e.findings.run(p, "validating resource", r.urn, () =>
          validate(e.args.resource(r, currentInputs.get(r.urn) ?? {}, p), report),
        );
        if (pending) await pending;
      }
    }
  }
}

async function validateStack(
  e: Evaluation,
  currentInputs: ReadonlyMap<string, Record<string, unknown>>,
): Promise<void> {
  // Stack policies see each resource's outputs, with only a remediation's fixed inputs laid over them.
  const remediated = new Set(e.findings.remediations.map((x) => x.urn));
  const fixed = new Map([...currentInputs].filter(([urn]) => remediated.has(urn)));
  for (const p of e.all) {
    const level = validationLevel(e, p);
    if (!level || typeof p.validateStack !== "function") continue;
    const validate = p.validateStack;
    const args = e.args.stack(p, fixed);
    await e.findings.run(p, "validating stack", undefined, () =>
      validate(args, e.findings.reporter(p, level, undefined)),
    );
  }
}

function policyInfos(e: Evaluation): PolicyInfo[] {
  return e.all.map((p) => ({
    pack: e.pack,
    name: p.name,
    description: p.description,
    enforcementLevel: effectiveLevel(e.config[p.name], p),
    severity: p.severity as Severity | undefined,
    remediationSteps: p.remediationSteps,
    url: p.url,
    tags: p.tags,
    references: p.references,
  }));
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
  // As over the protocol: a duplicate name or an unknown level is an error, never a silent downgrade.
  checkPolicyList(
    pack.name,
    all.map((p) => ({ name: p.name, level: p.enforcementLevel })),
  );
  const described: DescribedPolicy[] = all.map((p) => ({
    name: p.name,
    enforcementLevel: (p.enforcementLevel ?? PACK_LEVEL) as EnforcementLevel,
    schema: p.configSchema as DescribedPolicy["schema"],
  }));
  const gate = gateConfig(pack.name, described, opts.config ?? {});
  const config = reconcilePolicyConfig(described, {}, gate.forPack);
  const e: Evaluation = {
    pack: pack.name,
    all,
    config,
    args: new ArgsBuilder(graph, config, opts.now),
    findings: new PackFindings(pack.name, config),
  };
  const currentInputs = await remediate(e, graph);
  await validateResources(e, graph, currentInputs);
  await validateStack(e, currentInputs);
  const stackUrn = graph.resources.find((r) => r.type === STACK_TYPE)?.urn;
  return applyGateConfig(
    e.findings.report(policyInfos(e)),
    pack.name,
    gate,
    opts.now ?? new Date(),
    stackUrn,
  );
}
