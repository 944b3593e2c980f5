// `aws.iam.getPolicyDocument` offline: the document built exactly as the AWS provider builds it, since it
// needs no cloud. The semantics follow terraform-provider-aws, which pulumi-aws bridges:
// internal/service/iam/policy_document_data_source.go (statements, source and override documents) and
// internal/service/iam/policy_model.go (the JSON marshalling), read at
// https://github.com/hashicorp/terraform-provider-aws (main, 2025). In short:
// - a list of one string becomes that string; longer lists are reverse-sorted (`sort.Reverse`), and being
//   sets in the schema, they lose duplicates;
// - principals group by type (keys sorted, as Go marshals a map); `{ type: "*", identifiers: ["*"] }` alone
//   is `"*"`; conditions group by test and variable, a single value is a string;
// - `&{` becomes `${` in resources, principals and condition values (IAM policy variables);
// - source documents merge first (their Sids must be unique), then the statements, then each override
//   document, a statement with a Sid replacing the earlier one with that Sid;
// - `json` is Go's `MarshalIndent` with two spaces (HTML characters escaped, as `encoding/json` does),
//   `minifiedJson` the compact form, and the id the CRC-32 of `json` in decimal.

type Json = unknown;

interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: Json;
  NotAction?: Json;
  Resource?: Json;
  NotResource?: Json;
  Principal?: Principal[];
  NotPrincipal?: Principal[];
  Condition?: Condition[];
}

interface Principal {
  readonly type: string;
  readonly identifiers: string | string[];
}

interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: string | string[];
}

interface Doc {
  Version?: string;
  Id?: string;
  Statement?: Statement[];
}

/** Thrown where the provider refuses the arguments; the message is the provider's. */
export class PolicyDocumentError extends Error {}

const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** `policyDecodeConfigStringList` over a schema set: duplicates gone, one → the string, more → reverse-sorted. */
function decodeList(values: readonly string[]): string | string[] {
  const unique = [...new Set(values)];
  if (unique.length === 1) return unique[0];
  return unique.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

function replaceVars(v: string | string[], version: string): string | string[] {
  const one = (s: string): string => {
    if (version === "2008-10-17" && s.includes("&{"))
      throw new PolicyDocumentError(
        `found &{ sequence in (${s}), which is not supported in document version 2008-10-17`,
      );
    return s.split("&{").join("${");
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}

function principalsOf(v: unknown, version: string): Principal[] | undefined {
  const list = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  if (list.length === 0) return undefined;
  return list.map((p) => ({
    type: String(p.type),
    identifiers: replaceVars(decodeList(strs(p.identifiers)), version),
  }));
}

function conditionsOf(v: unknown, version: string): Condition[] | undefined {
  const list = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  if (list.length === 0) return undefined;
  return list.map((c) => {
    const values = replaceVars(strs(c.values), version) as string[];
    return {
      test: String(c.test),
      variable: String(c.variable),
      values: values.length === 1 ? values[0] : values,
    };
  });
}

function statementOf(s: Record<string, unknown>, version: string): Statement {
  const out: Statement = { Effect: typeof s.effect === "string" && s.effect ? s.effect : "Allow" };
  if (typeof s.sid === "string") out.Sid = s.sid;
  const list = (key: string): string | string[] | undefined => {
    const values = strs(s[key]);
    return values.length > 0 ? decodeList(values) : undefined;
  };
  const actions = list("actions");
  if (actions !== undefined) out.Action = actions;
  const notActions = list("notActions");
  if (notActions !== undefined) out.NotAction = notActions;
  const resources = list("resources");
  if (resources !== undefined) out.Resource = replaceVars(resources, version);
  const notResources = list("notResources");
  if (notResources !== undefined) out.NotResource = replaceVars(notResources, version);
  out.Principal = principalsOf(s.principals, version);
  out.NotPrincipal = principalsOf(s.notPrincipals, version);
  out.Condition = conditionsOf(s.conditions, version);
  return out;
}

/** A principal element read from a policy's JSON, as `IAMPolicyStatementPrincipalSet.UnmarshalJSON` reads it. */
function parsePrincipals(v: unknown): Principal[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return [{ type: "*", identifiers: ["*"] }];
  if (typeof v !== "object" || Array.isArray(v))
    throw new PolicyDocumentError("Unsupported data type for Principal");
  return Object.entries(v as Record<string, unknown>).map(([type, ids]) => {
    if (typeof ids === "string") return { type, identifiers: ids };
    if (Array.isArray(ids)) return { type, identifiers: strs(ids).sort() };
    throw new PolicyDocumentError(`Unsupported data type for Principal ${type}`);
  });
}

function parseConditions(v: unknown): Condition[] | undefined {
  if (v === undefined || v === null) return undefined;
  const out: Condition[] = [];
  for (const [test, vars] of Object.entries(v as Record<string, Record<string, unknown>>)) {
    for (const [variable, values] of Object.entries(vars ?? {})) {
      if (typeof values === "string") out.push({ test, variable, values: [values] });
      else if (typeof values === "boolean") out.push({ test, variable, values: String(values) });
      else if (Array.isArray(values)) out.push({ test, variable, values: values.map(String) });
    }
  }
  return out;
}

/** A source or override document, read as the provider unmarshals it. */
function parseDoc(text: string, what: string): Doc {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new PolicyDocumentError(`writing IAM Policy Document: merging ${what}: ${(err as Error).message}`);
  }
  const statements = raw.Statement === undefined || raw.Statement === null ? [] : raw.Statement;
  const list = (Array.isArray(statements) ? statements : [statements]) as Record<string, unknown>[];
  return {
    Version: typeof raw.Version === "string" ? raw.Version : undefined,
    Id: typeof raw.Id === "string" ? raw.Id : undefined,
    Statement: list.map((s) => ({
      Sid: typeof s.Sid === "string" ? s.Sid : undefined,
      Effect: typeof s.Effect === "string" ? s.Effect : undefined,
      Action: s.Action ?? undefined,
      NotAction: s.NotAction ?? undefined,
      Resource: s.Resource ?? undefined,
      NotResource: s.NotResource ?? undefined,
      Principal: parsePrincipals(s.Principal),
      NotPrincipal: parsePrincipals(s.NotPrincipal),
      Condition: parseConditions(s.Condition),
    })),
  };
}

/** `IAMPolicyDoc.Merge`: the newer Id, the higher Version, statements replaced by Sid or appended. */
function merge(into: Doc, next: Doc): void {
  if (next.Id) into.Id = next.Id;
  if ((next.Version ?? "") > (into.Version ?? "")) into.Version = next.Version;
  for (const s of next.Statement ?? []) {
    into.Statement ??= [];
    const at = s.Sid ? into.Statement.findIndex((e) => e.Sid === s.Sid) : -1;
    if (at >= 0) into.Statement[at] = s;
    else into.Statement.push(s);
  }
}

/** Go's map marshalling: keys sorted. */
function sortedObject(entries: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const reverseSorted = (v: string[]): string[] => [...v].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

/** `IAMPolicyStatementPrincipalSet.MarshalJSON`. */
function marshalPrincipals(ps: Principal[]): unknown {
  if (ps.length === 1 && ps[0].type === "*") {
    const ids = ps[0].identifiers;
    if (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*")) return "*";
  }
  const raw = new Map<string, string | string[]>();
  for (const p of ps) {
    const have = raw.get(p.type);
    if (Array.isArray(p.identifiers)) {
      const base = have === undefined ? [] : Array.isArray(have) ? have : [have];
      raw.set(p.type, [...base, ...reverseSorted(p.identifiers)]);
    } else if (have === undefined) raw.set(p.type, p.identifiers);
    else raw.set(p.type, [...(Array.isArray(have) ? have : [have]), p.identifiers]);
  }
  return sortedObject([...raw]);
}

/** `IAMPolicyStatementConditionSet.MarshalJSON`. */
function marshalConditions(cs: Condition[]): unknown {
  const raw = new Map<string, Map<string, string[]>>();
  for (const c of cs) {
    const byVar = raw.get(c.test) ?? new Map<string, string[]>();
    raw.set(c.test, byVar);
    byVar.set(c.variable, [
      ...(byVar.get(c.variable) ?? []),
      ...(Array.isArray(c.values) ? c.values : [c.values]),
    ]);
  }
  return sortedObject(
    [...raw].map(([test, vars]) => [
      test,
      sortedObject([...vars].map(([k, v]) => [k, v.length === 1 ? v[0] : v])),
    ]),
  );
}

/** The document as Go marshals the provider's structs: field order, `omitempty`, custom marshallers. */
function marshalable(doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (doc.Version) out.Version = doc.Version;
  if (doc.Id) out.Id = doc.Id;
  if (doc.Statement && doc.Statement.length > 0) {
    out.Statement = doc.Statement.map((s) => {
      const st: Record<string, unknown> = {};
      if (s.Sid) st.Sid = s.Sid;
      if (s.Effect) st.Effect = s.Effect;
      for (const key of ["Action", "NotAction", "Resource", "NotResource"] as const) {
        const v = s[key];
        // omitempty on an interface leaves out nil only (an empty string or array is kept, as in Go).
        if (v !== undefined && v !== null) st[key] = v;
      }
      if (s.Principal?.length) st.Principal = marshalPrincipals(s.Principal);
      if (s.NotPrincipal?.length) st.NotPrincipal = marshalPrincipals(s.NotPrincipal);
      if (s.Condition?.length) st.Condition = marshalConditions(s.Condition);
      return st;
    });
  }
  return out;
}

/** `encoding/json`'s escaping of HTML characters and the JavaScript line separators. */
function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

let crcTable: Uint32Array | undefined;
/** CRC-32 (IEEE), as Go's `crc32.ChecksumIEEE`. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The result of `aws:iam/getPolicyDocument:getPolicyDocument` for its (Pulumi-named) arguments. */
export function policyDocument(args: Record<string, unknown>): Record<string, unknown> {
  const version = typeof args.version === "string" && args.version ? args.version : "2012-10-17";
  if (version !== "2008-10-17" && version !== "2012-10-17")
    throw new PolicyDocumentError(
      `expected version to be one of ["2008-10-17" "2012-10-17"], got ${version}`,
    );
  const merged: Doc = {};
  const sids = new Set<string>();
  strs(args.sourcePolicyDocuments).forEach((text, i) => {
    const source = parseDoc(text, `source document ${i}`);
    (source.Statement ?? []).forEach((s, j) => {
      if (!s.Sid) return;
      if (sids.has(s.Sid))
        throw new PolicyDocumentError(
          `writing IAM Policy Document: merging source document ${i}: duplicate Sid (${s.Sid}) in source_policy_documents (statement ${j}). Remove the Sid or ensure Sids are unique.`,
        );
      sids.add(s.Sid);
    });
    merge(merged, source);
  });
  const doc: Doc = { Version: version };
  if (typeof args.policyId === "string" && args.policyId) doc.Id = args.policyId;
  const statements = Array.isArray(args.statements) ? (args.statements as Record<string, unknown>[]) : [];
  if (statements.length > 0) {
    const own = new Set<string>();
    doc.Statement = statements.map((s) => {
      const sid = typeof s.sid === "string" ? s.sid : undefined;
      if (sid !== undefined && own.has(sid))
        throw new PolicyDocumentError(
          `writing IAM Policy Document: duplicate Sid (${sid}). Remove the Sid or ensure the Sid is unique.`,
        );
      if (sid) own.add(sid);
      return statementOf(s, version);
    });
  }
  merge(merged, doc);
  strs(args.overridePolicyDocuments).forEach((text, i) =>
    merge(merged, parseDoc(text, `override document ${i}`)),
  );
  const value = marshalable(merged);
  const json = goEscape(JSON.stringify(value, null, 2));
  const minifiedJson = goEscape(JSON.stringify(value));
  return {
    ...args,
    version,
    id: String(crc32(json)),
    json,
    minifiedJson,
  };
}
