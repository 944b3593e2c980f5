// `@groundwork/infra/testing`: what a user's test needs to synthesize a program offline and assert on the
// resource graph, and to run the Groundwork policy pack over it.
import type { ResourceGraph } from "../engine/graph";
import type { PolicyReport } from "../check/report";
import type { EvaluateOptions } from "../check/in-process/evaluate";

export { synth, SynthOptions, SynthError, Program, resolveProgramPath } from "../engine/synth";
export {
  GraphQuery,
  ResourceGraph,
  GraphResource,
  GraphInvoke,
  IncompleteItem,
  IncompleteKind,
  SourcePosition,
  PropertyValue,
  UNKNOWN,
  SECRET_SIG_KEY,
  SECRET_SIG,
  RESOURCE_SIG,
  isUnknown,
  isSecret,
  containsUnknown,
  reveal,
  isDefaultProvider,
  urnQualifiedType,
  urnName,
} from "../engine/graph";
export {
  InvokeContext,
  InvokeHandler,
  NoAnswer,
  DEFAULT_INVOKES,
  FAKE_AWS_ACCOUNT,
  FAKE_GCP_PROJECT,
  FAKE_AZURE_SUBSCRIPTION,
  FAKE_AZURE_TENANT,
  awsRegion,
} from "../engine/invokes";
export { STACK_TYPE, NewResourceHook } from "../engine/monitor";
export { UrnChange, urnList, diffUrns, formatUrnChanges } from "../engine/urns";
export { EvaluateOptions } from "../check/in-process/evaluate";
export * from "./deprecated";

/**
 * Runs a CrossGuard pack (Groundwork's own, `groundwork-security`, unless `opts.pack` names another)
 * in-process over a synthesized graph, as `groundwork check` does: violations, waivers, remediations and
 * checks undecided in preview come back apart.
 */
export function evaluatePolicies(graph: ResourceGraph, opts?: EvaluateOptions): Promise<PolicyReport> {
  // Loaded on first use: a test that only synthesizes never pays for loading the pack's rules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const evaluate = require("../check/in-process/evaluate") as typeof import("../check/in-process/evaluate");
  return evaluate.evaluatePolicies(graph, opts);
}
