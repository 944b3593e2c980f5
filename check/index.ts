// `@groundwork/infra/check`: the policy gate as a library. Evaluate a pack over a synthesized graph
// (ours in-process, any pack directory over the analyzer protocol), read a Pulumi project and its stacks,
// and render the report `groundwork check` prints.
export {
  CheckOptions,
  CheckResult,
  DEFAULT_SYNTH_TIMEOUT_MS,
  EngineInputs,
  SynthesizedProject,
  buildReport,
  runCheck,
  synthProject,
} from "./gate";
export { EvaluateOptions, evaluatePolicies } from "./in-process/evaluate";
export {
  ISOLATION_REQUESTS,
  IsolationError,
  IsolationMode,
  IsolationRequest,
} from "../engine/runner/isolation";
export { AnalyzerError, AnalyzerHostOptions, AnalyzerLog, AnalyzerRun, runPolicyPack } from "./analyzer/host";
export * from "./project";
export * from "./policy-config";
export * from "./report";
export * from "./reporters";
