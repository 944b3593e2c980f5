// The published SARIF 2.1.0 schema (as shipped by @microsoft/jest-sarif), compiled once for the specs.
import type { ErrorObject } from "ajv";

/** Not a type guard on purpose: callers keep the parsed log's inferred type. */
export interface SarifValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

let validate: SarifValidator | undefined;

export function sarifValidator(): SarifValidator {
  if (!validate) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const Ajv = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
    const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
    const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    /* eslint-enable @typescript-eslint/no-require-imports */
    // The schema is draft-04; one of its patterns is not valid as a unicode regular expression.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate;
}
