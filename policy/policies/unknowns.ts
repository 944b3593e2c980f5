// Deprecated module path: unknown-value handling moved to policy/runtime/unknowns.ts. Kept so imports of
// `policy/policies/unknowns` keep compiling for one minor version.
/** @deprecated Import from `policy/runtime` (the same names). */
export * from "../runtime/unknowns";
