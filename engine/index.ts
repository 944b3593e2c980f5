// The offline engine: runs a Pulumi program through the SDK's mock hook against Groundwork's resource
// monitor and hands back the resource graph. Internal: users reach it through `@groundwork/infra/testing`,
// the gate through check/.
export * from "./graph";
export * from "./invokes";
export { GroundworkMonitor, MonitorOptions, NewResourceHook, STACK_TYPE, makeUrn } from "./monitor";
export * from "./synth";
export * from "./urns";
