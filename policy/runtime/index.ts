// The rule runtime: what a rule is, the wrapper that makes it a CrossGuard policy (levels, waivers,
// undecided findings), unknown-value handling, links between resources, the property readers, and the
// frameworks and services rules are grouped by.
export * from "./rule";
export { resourcePolicy, stackPolicy } from "./wrapper";
export * from "./waivers";
export * from "./unknowns";
export * from "./links";
export * from "./props";
export * from "./frameworks";
