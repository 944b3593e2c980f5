// The four report formats of `groundwork check`; each reads only a CheckReport.
export { toTable, TableOptions } from "./table";
export { toJson } from "./json";
export { toSarif, SarifOptions } from "./sarif";
export { toJunit } from "./junit";
export { redact } from "./common";

export type ReportFormat = "table" | "json" | "sarif" | "junit";
export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "json", "sarif", "junit"];
