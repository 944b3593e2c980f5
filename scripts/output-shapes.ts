// Writes engine/shapes/<package>.json: for every resource type of the installed provider SDKs, what the
// provider returns that the program did not pass (output-only properties and the output-only fields
// inside input objects), each with its type, plus the id's form, the auto-named property and the
// secret outputs. The offline engine fabricates update-mode outputs from it, so every resource type is
// covered without loading an SDK in the gate. Read from the SDKs' declarations (`.d.ts`, with the
// TypeScript parser) and compiled modules (type tokens, `additionalSecretOutputs`):
//   npm run build && node dist/scripts/output-shapes.js
// tests/engine/shapes.spec.ts fails when an installed SDK's version differs from the one a table was made from.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export const SHAPE_PACKAGES = ["aws", "gcp", "azure-native", "kubernetes"] as const;
export type ShapePackage = (typeof SHAPE_PACKAGES)[number];

/** Where the tables live: engine/shapes, beside the engine's sources (dist/scripts → ../../engine/shapes). */
export const SHAPES_DIR = path.resolve(__dirname, "..", "..", "engine", "shapes");

/**
 * A property's type, compact: `s` string, `n` number, `b` boolean, `a` anything, `@mod.Type` a named object
 * type, `{T}` a map of T; each `[]` suffix an array; a leading `?` an optional property.
 */
export type Shape = string;

export interface ResourceShape {
  /** Output-only properties (no input of that name), by name. */
  readonly o: Record<string, Shape>;
  /** Input properties whose (object) type carries output-only fields: merged into what the program passed. */
  readonly m?: Record<string, Shape>;
  /** Outputs the SDK declares secret (`additionalSecretOutputs`). */
  readonly s?: string[];
  /** The property the provider names the resource by when the program leaves it out (auto-naming). */
  readonly n?: string;
  /** The id's form, from the SDK's import documentation (`arn:…`, `vpc-…`, `projects/{{project}}/…`). */
  readonly id?: string;
  /** The input the id is (`using the \`name\``). */
  readonly idFrom?: string;
  /** The resource takes a `region` input, which the provider defaults to its own (AWS since v7). */
  readonly r?: 1;
}

export interface ShapeTable {
  readonly package: ShapePackage;
  readonly version: string;
  /** Object types: field → shape (only the output-only fields, for types reached through `m`). */
  readonly types: Record<string, Record<string, Shape>>;
  readonly resources: Record<string, ResourceShape>;
}

interface Field {
  readonly type?: ts.TypeNode;
  readonly optional: boolean;
  /** The field is documented as computed by the provider: "(Output) …", as bridged providers say. */
  readonly output: boolean;
}
type Interfaces = Map<string, Map<string, Field>>;

/** Every interface of a `types/*.d.ts` file, by qualified name (`s3.BucketLogging`, `core.v1.ServiceStatus`). */
function interfacesOf(file: string): Interfaces {
  const out: Interfaces = new Map();
  if (!fs.existsSync(file)) return out;
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node, prefix: string[]): void => {
    if (ts.isModuleDeclaration(node) && node.body) {
      const name = [...prefix, node.name.getText(sf)];
      if (ts.isModuleBlock(node.body)) node.body.statements.forEach((s) => visit(s, name));
      else visit(node.body, name);
      return;
    }
    if (ts.isInterfaceDeclaration(node)) {
      const fields = new Map<string, Field>();
      for (const m of node.members) {
        if (ts.isPropertySignature(m) && m.name) {
          const type = m.type;
          fields.set(m.name.getText(sf).replace(/^"|"$/g, ""), {
            type: m.questionToken && type ? optional(type) : type,
            optional: !!m.questionToken,
            output: /\(Output\)/.test(docOf(m, sf)),
          });
        }
      }
      out.set([...prefix, node.name.text].join("."), fields);
      return;
    }
    ts.forEachChild(node, (c) => visit(c, prefix));
  };
  visit(sf, []);
  return out;
}

/** Marks a type node optional (a `?` property), for `shapeOf`. */
const OPTIONAL = new WeakSet<ts.TypeNode>();
function optional(t: ts.TypeNode): ts.TypeNode {
  OPTIONAL.add(t);
  return t;
}

/** The compact shape of a type node, and whether it admits `undefined`. */
function shapeOf(node: ts.TypeNode, sf?: ts.SourceFile): { shape: Shape; optional: boolean } {
  let opt = OPTIONAL.has(node);
  let t: ts.TypeNode = node;
  while (ts.isParenthesizedTypeNode(t)) t = t.type;
  if (ts.isUnionTypeNode(t)) {
    const rest = t.types.filter(
      (u) =>
        u.kind !== ts.SyntaxKind.UndefinedKeyword &&
        !(ts.isLiteralTypeNode(u) && u.literal.kind === ts.SyntaxKind.NullKeyword),
    );
    if (rest.length !== t.types.length) opt = true;
    const refs = rest.filter((u) => ts.isTypeReferenceNode(u) && /^outputs\./.test(u.typeName.getText(sf)));
    const pick = refs[0] ?? rest.find((u) => !ts.isLiteralTypeNode(u)) ?? rest[0];
    if (!pick) return { shape: "a", optional: opt };
    const inner = shapeOf(pick, sf);
    return { shape: inner.shape, optional: opt || inner.optional };
  }
  switch (t.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { shape: "s", optional: opt };
    case ts.SyntaxKind.NumberKeyword:
      return { shape: "n", optional: opt };
    case ts.SyntaxKind.BooleanKeyword:
      return { shape: "b", optional: opt };
  }
  if (ts.isLiteralTypeNode(t)) {
    const k = t.literal.kind;
    return {
      shape: k === ts.SyntaxKind.NumericLiteral ? "n" : k === ts.SyntaxKind.StringLiteral ? "s" : "b",
      optional: opt,
    };
  }
  if (ts.isArrayTypeNode(t)) return { shape: `${shapeOf(t.elementType, sf).shape}[]`, optional: opt };
  if (ts.isTypeLiteralNode(t)) {
    const index = t.members.find(ts.isIndexSignatureDeclaration);
    return { shape: index ? `{${shapeOf(index.type, sf).shape}}` : "a", optional: opt };
  }
  if (ts.isTypeReferenceNode(t)) {
    const name = t.typeName.getText(sf);
    if (name.startsWith("outputs.")) return { shape: `@${name.slice("outputs.".length)}`, optional: opt };
    if (name.startsWith("enums.")) return { shape: "s", optional: opt };
    if ((name === "Array" || name === "pulumi.Output") && t.typeArguments?.[0])
      return {
        shape: `${shapeOf(t.typeArguments[0], sf).shape}${name === "Array" ? "[]" : ""}`,
        optional: opt,
      };
    if (name === "Record" && t.typeArguments?.[1])
      return { shape: `{${shapeOf(t.typeArguments[1], sf).shape}}`, optional: opt };
  }
  return { shape: "a", optional: opt };
}

/** The named type a shape refers to, if any (`@s3.X[]` → `s3.X`). */
const refOf = (shape: Shape): string | undefined => /^\??@([\w.!]+)/.exec(shape)?.[1];

interface Parsed {
  readonly className: string;
  readonly outputs: Map<string, ts.TypeNode>;
  readonly args: Map<string, { optional: boolean; doc: string }>;
  readonly classDoc: string;
  readonly sf: ts.SourceFile;
}

function docOf(node: ts.Node, sf: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  return ranges.map((r) => sf.text.slice(r.pos, r.end)).join("\n");
}

/** A resource module's class (its `pulumi.Output` properties and docs) and its `Args` interface. */
function parseResource(file: string): Parsed | undefined {
  const text = fs.readFileSync(file, "utf8");
  if (!text.includes("extends pulumi.CustomResource")) return undefined;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  let parsed: Parsed | undefined;
  for (const st of sf.statements) {
    if (!ts.isClassDeclaration(st) || !st.name) continue;
    const heritage = st.heritageClauses?.[0]?.types[0]?.expression.getText(sf);
    if (heritage !== "pulumi.CustomResource") continue;
    const outputs = new Map<string, ts.TypeNode>();
    for (const m of st.members) {
      if (!ts.isPropertyDeclaration(m) || !m.type || !ts.isTypeReferenceNode(m.type)) continue;
      if (m.type.typeName.getText(sf) !== "pulumi.Output" || !m.type.typeArguments?.[0]) continue;
      outputs.set(m.name.getText(sf), m.type.typeArguments[0]);
    }
    parsed = { className: st.name.text, outputs, args: new Map(), classDoc: docOf(st, sf), sf };
  }
  if (!parsed) return undefined;
  for (const st of sf.statements) {
    if (!ts.isInterfaceDeclaration(st) || st.name.text !== `${parsed.className}Args`) continue;
    for (const m of st.members) {
      if (ts.isPropertySignature(m) && m.name)
        parsed.args.set(m.name.getText(sf), { optional: !!m.questionToken, doc: docOf(m, sf) });
    }
  }
  return parsed;
}

/** The id's form from the import documentation: the last word of the first `pulumi import` line. */
function idForm(doc: string, token: string): { id?: string; idFrom?: string } {
  const line = doc
    .split("\n")
    .map((l) => l.replace(/^\s*\*\s?/, ""))
    .find((l) => l.startsWith(`$ pulumi import ${token} `));
  const id = line?.trim().split(/\s+/).slice(5).join(" ") || undefined;
  const using = /import [^.]*? using the `(\w+)`\./.exec(doc.replace(/\s*\n\s*\*\s*/g, " "));
  return { id, idFrom: using?.[1] };
}

/** The auto-named property: the one documented as given a random, unique name; else an optional, computed `name`. */
function autoName(p: Parsed, pkg: ShapePackage): string | undefined {
  for (const [name, a] of p.args)
    if (a.optional && /random,? unique (name|identifier)/.test(a.doc)) return name;
  if (pkg === "azure-native") {
    // The resource's own name parameter: optional (auto-named), ending in `Name`, not its group's.
    const own = [...p.args].filter(([n, a]) => a.optional && /Name$/.test(n) && n !== "resourceGroupName");
    const words = p.className
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(" ");
    const best = own.find(([n]) => words.some((w) => n.toLowerCase().startsWith(w))) ?? own[0];
    return best?.[0];
  }
  const name = p.args.get("name");
  const out = p.outputs.get("name");
  if (name?.optional && out && !shapeOf(out, p.sf).optional) return "name";
  return undefined;
}

function secretsOf(jsFile: string): { token?: string; secrets: string[] } {
  if (!fs.existsSync(jsFile)) return { secrets: [] };
  const js = fs.readFileSync(jsFile, "utf8");
  const token = /__pulumiType = ['"]([^'"]+)['"]/.exec(js)?.[1];
  const secrets = /additionalSecretOutputs: \[([^\]]*)\]/.exec(js)?.[1];
  return { token, secrets: secrets ? [...secrets.matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [] };
}

/** Every `.d.ts` under the package, but its shared types. */
function declarationFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "types") declarationFiles(p, out);
    } else if (entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Fields named as what creation produces, never as a setting. */
const ARTEFACT =
  /^(clientCertificate|clusterCaCertificate|caCertificate|certificate|.*Endpoint|endpoint|.*Fingerprint|fingerprint|selfLink|uid|resourceVersion|creationTimestamp|.*IpAddress|ipAddress|ip|hostname|dnsName|fqdn|url|.*Url)$/;

/** The input counterpart of an output type: the same name, or (azure-native) without `Response`. */
function inputTypeOf(name: string, inputs: Interfaces): Map<string, Field> | undefined {
  return inputs.get(name) ?? inputs.get(name.replace(/Response$/, ""));
}

/** Builds one package's table. */
export function buildShapeTable(pkg: ShapePackage): ShapeTable {
  const root = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`));
  const version = (
    JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }
  ).version;
  const outputTypes = interfacesOf(path.join(root, "types", "output.d.ts"));
  const inputTypes = interfacesOf(path.join(root, "types", "input.d.ts"));
  const types: Record<string, Record<string, Shape>> = {};
  const resources: Record<string, ResourceShape> = {};

  // An output type's fields for fabrication: all of them when the whole object is output-only, else only
  // the output-only ones (and fields whose type has some); undefined when it has none.
  const fieldsOf = (name: string, onlyOutput: boolean, seen: Set<string>): string | undefined => {
    const key = onlyOutput ? `${name}!` : name;
    if (types[key]) return key;
    if (seen.has(key)) return key;
    const out = outputTypes.get(name);
    if (!out) return undefined;
    seen.add(key);
    const input = onlyOutput ? inputTypeOf(name, inputTypes) : undefined;
    const fields: Record<string, Shape> = {};
    for (const [field, f] of out) {
      if (!f.type) continue;
      const { shape, optional } = shapeOf(f.type);
      const ref = refOf(shape);
      // Output-only inside an input object: absent from the input type (azure-native's `…Response` types),
      // or (bridged providers, whose input types list computed fields too) documented "(Output)", or
      // optional as an input, always returned, and named as an artefact of creation (a certificate, an
      // endpoint, an address). A computed *setting* (`httpTokens`, `kmsMasterKeyId`) is never invented:
      // its real value is the cloud's default, which a made-up one would misstate.
      const asInput = input?.get(field);
      const computed = asInput?.optional === true && !optional && ARTEFACT.test(field);
      const inInput = asInput !== undefined && !f.output && !computed;
      if (ref) {
        const target = fieldsOf(ref, onlyOutput && inInput, seen);
        if (!target) continue;
        if (onlyOutput && inInput && !types[target] && !seen.has(target)) continue;
        fields[field] = `${optional ? "?" : ""}${shape.replace(`@${ref}`, `@${target}`)}`;
      } else if (!onlyOutput || !inInput) fields[field] = `${optional ? "?" : ""}${shape}`;
    }
    seen.delete(key);
    if (onlyOutput && Object.keys(fields).length === 0) return undefined;
    types[key] = fields;
    return key;
  };

  for (const file of declarationFiles(root)) {
    const p = parseResource(file);
    if (!p) continue;
    const { token, secrets } = secretsOf(file.replace(/\.d\.ts$/, ".js"));
    if (!token) continue;
    const o: Record<string, Shape> = {};
    const m: Record<string, Shape> = {};
    for (const [prop, node] of p.outputs) {
      if (prop === "id" || prop === "urn") continue;
      const { shape, optional } = shapeOf(node, p.sf);
      const ref = refOf(shape);
      const isInput = p.args.has(prop);
      if (!isInput) {
        const target = ref ? fieldsOf(ref, false, new Set()) : undefined;
        if (ref && !target) continue;
        o[prop] = `${optional ? "?" : ""}${ref && target ? shape.replace(`@${ref}`, `@${target}`) : shape}`;
      } else if (ref) {
        const target = fieldsOf(ref, true, new Set());
        if (target) m[prop] = `${optional ? "?" : ""}${shape.replace(`@${ref}`, `@${target}`)}`;
      }
    }
    const { id, idFrom } = idForm(p.classDoc, token);
    const n = autoName(p, pkg);
    resources[token] = {
      o,
      ...(Object.keys(m).length ? { m } : {}),
      ...(secrets.length ? { s: secrets } : {}),
      ...(n ? { n } : {}),
      ...(id ? { id } : {}),
      ...(idFrom ? { idFrom } : {}),
      ...(pkg === "aws" && p.args.has("region") ? { r: 1 as const } : {}),
    };
  }
  // Only the types some resource reaches.
  const reached = new Set<string>();
  const reach = (shape: Shape): void => {
    const ref = refOf(shape);
    if (!ref || reached.has(ref)) return;
    reached.add(ref);
    Object.values(types[ref] ?? {}).forEach(reach);
  };
  for (const r of Object.values(resources))
    [...Object.values(r.o), ...Object.values(r.m ?? {})].forEach(reach);
  const kept = Object.fromEntries(
    Object.entries(types)
      .filter(([k]) => reached.has(k))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const sorted = Object.fromEntries(Object.entries(resources).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { package: pkg, version, types: kept, resources: sorted };
}

export function shapeFile(pkg: ShapePackage): string {
  return path.join(SHAPES_DIR, `${pkg}.json`);
}

if (require.main === module) {
  fs.mkdirSync(SHAPES_DIR, { recursive: true });
  for (const pkg of process.argv.slice(2).length
    ? (process.argv.slice(2) as ShapePackage[])
    : SHAPE_PACKAGES) {
    const t0 = Date.now();
    const table = buildShapeTable(pkg);
    fs.writeFileSync(shapeFile(pkg), `${JSON.stringify(table)}\n`);
    const size = fs.statSync(shapeFile(pkg)).size;
    process.stdout.write(
      `${pkg} ${table.version}: ${Object.keys(table.resources).length} resources, ${Object.keys(table.types).length} types, ${(size / 1024).toFixed(0)} KiB, ${Date.now() - t0} ms\n`,
    );
  }
}
