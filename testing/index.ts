// The offline engine, exported for users' tests as `@groundwork/infra/testing`.
export * from "./graph";
export * from "./invokes";
export { GroundworkMonitor, makeUrn, STACK_TYPE, NewResourceHook } from "./monitor";
export * from "./synth";
export * from "./report";
export * from "./urns";
export * from "./project";
export * from "./policy-config";
export { runPolicyPack, AnalyzerError, AnalyzerHostOptions, AnalyzerLog, AnalyzerRun } from "./analyzer-host";
export * from "./reporters";
