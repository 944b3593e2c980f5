// The pod template shared by Kubernetes workloads. Internal: the package entry re-exports only the
// argument types and the constants callers need, never the builders.
export { ContainerArgs, FileMountArgs, InitContainerArgs, PodContext } from "./args";
export { buildPodSpec } from "./spec";
export { parseQuantity } from "./resources";
export { DEFAULT_RUN_AS_ID, MIN_RUN_AS_ID, runAsId } from "./security";
