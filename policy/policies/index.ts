// Deprecated entry (`@groundwork/infra/policy` and `policy/policies`): the pack now lives in policy/pack.ts
// and the rule runtime in policy/runtime/. Kept as a re-export for one minor version.
/** @deprecated Import from `policy/pack` (the same names). */
export * from "../pack";
