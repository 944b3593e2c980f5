// Deprecated module path: the rule metadata and wrapper moved to policy/runtime/. Kept so imports of
// `policy/policies/meta` keep compiling for one minor version.
/** @deprecated Import from `policy/runtime` (the same names). */
export * from "../runtime/rule";
export { resourcePolicy, stackPolicy } from "../runtime/wrapper";
export { ofTypes } from "../runtime/links";
