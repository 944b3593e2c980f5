// Reads a Terraform provider's Go source and lists every attribute of a resource with what the provider
// says of it: replaced on change, computed-only (set by the server), and whether it is a list. Two schema
// styles are read: terraform-plugin-sdk v2 (`ForceNew: true`, as terraform-provider-google and most of
// terraform-provider-aws write them) and terraform-plugin-framework (`RequiresReplace()` plan modifiers,
// as the newer terraform-provider-aws resources such as `aws_vpc_security_group_ingress_rule` do).
// Attribute keys may be string literals or constants (`names.AttrTags`), resolved from the provider's
// `names` package. Used by scripts/facts/derive.ts to regenerate the `replace`/`update` classes of
// facts/<cloud>/resources.json from the provider's own source; never loaded by the library.

/** One attribute of a Terraform resource schema, its path joined with dots (`settings.disk_size`). */
export interface TfAttribute {
  readonly path: string;
  /**
   * Any change replaces the resource: `ForceNew: true` (SDK v2), or a `RequiresReplace()` /
   * `RequiresReplaceIfConfigured()` / `RequiresReplaceIf(…)` plan modifier (framework; the conditional one
   * read cautiously, as a replacement).
   */
  readonly forceNew: boolean;
  /** `Computed: true` without `Optional`/`Required`: an output only, never set by a program. */
  readonly computedOnly: boolean;
  /** A `TypeList`/`TypeSet` whose `MaxItems` is not 1 (the Pulumi bridge names those in the plural). */
  readonly pluralList: boolean;
  /** 1-based line of the attribute's key in the file. */
  readonly line: number;
}

/** The index just past the bracket that closes the one at `open`, skipping strings and comments. */
export function matchBracket(text: string, open: number): number {
  const pairs: Record<string, string> = { "{": "}", "(": ")", "[": "]" };
  const stack = [pairs[text[open]]];
  let i = open + 1;
  while (i < text.length && stack.length > 0) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "/") {
      i = text.indexOf("\n", i);
      if (i < 0) return text.length;
    } else if (c === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i) + 1;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === "\\" ? 2 : 1;
    } else if (c === "`") {
      i = text.indexOf("`", i + 1);
    } else if (pairs[c]) {
      stack.push(pairs[c]);
    } else if (c === stack[stack.length - 1]) {
      stack.pop();
    }
    i++;
  }
  return i;
}

/** The block's text with everything nested below its first level, and every string, blanked out. */
function shallow(block: string): string {
  let out = "";
  let depth = 0;
  let i = 0;
  while (i < block.length) {
    const c = block[i];
    if (c === '"' || c === "`") {
      const end = c === "`" ? block.indexOf("`", i + 1) : matchString(block, i);
      out += depth <= 1 ? '""' : "";
      i = end + 1;
      continue;
    }
    if (c === "}" || c === ")" || c === "]") depth--;
    if (depth <= 1) out += c;
    if (c === "{" || c === "(" || c === "[") depth++;
    i++;
  }
  return out;
}

function matchString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i;
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split("\n").length;

/**
 * Where a top-level Go definition starts, or -1: `func name(...)`, `var name =`, or, for an entry written
 * `Type.Method`, the method `func (r *Type) Method(...)` (framework resources define `Schema` so).
 */
function definitionOf(source: string, name: string): number {
  const dot = name.indexOf(".");
  const re =
    dot > 0
      ? new RegExp(`^func\\s+\\(\\w+\\s+\\*?${name.slice(0, dot)}\\)\\s+${name.slice(dot + 1)}\\s*\\(`, "m")
      : new RegExp(`^(?:func\\s+${name}\\s*\\(|var\\s+${name}\\s*=)`, "m");
  const m = re.exec(source);
  return m ? m.index : -1;
}

/**
 * String constants of Go source (`AttrTags = "tags"`, `routeDestinationCIDRBlock = "destination_cidr_block"`,
 * in or out of a `const (...)` block), by name.
 */
export function goStringConstants(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/^\s*(?:const\s+)?([A-Za-z_]\w*)\s*(?:string\s*)?=\s*"([^"\\]*)"/gm))
    out[m[1]] = m[2];
  return out;
}

/**
 * The attribute name a constant key stands for: its value in `constants` (the provider's `names`
 * package), else the name read from the constant itself (`names.AttrSecurityGroupID` →
 * `security_group_id`), the convention that package follows.
 */
function constantKey(key: string, constants: Readonly<Record<string, string>>): string {
  if (constants[key] !== undefined) return constants[key];
  const name = key.slice(key.lastIndexOf(".") + 1);
  if (constants[name] !== undefined) return constants[name];
  return name
    .replace(/^Attr/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** The first `Schema: map[string]*schema.Schema{` (or bare map literal) at or after `from`, as an index of its `{`. */
function schemaMapAfter(source: string, from: number, until: number): number {
  // The resource's own `Schema:` field first: an identity `SchemaFunc` may come before it.
  for (const re of [
    /\bSchema:\s*map\[string\]\*schema\.Schema\s*\{/g,
    /map\[string\]\*schema\.Schema\s*\{/g,
  ]) {
    re.lastIndex = from;
    const m = re.exec(source);
    if (m && m.index < until) return m.index + m[0].length - 1;
  }
  return -1;
}

/**
 * The attributes of the schema that `entry` (a Go function or variable in `source`, such as
 * `ResourceSqlDatabaseInstance`) returns, nested blocks included. Elements defined by another function
 * or variable of the same file are followed; anything else (a helper from another package) is listed as
 * the attribute alone.
 */
export function parseTerraformSchema(
  source: string,
  entry: string,
  constants: Readonly<Record<string, string>> = {},
): TfAttribute[] {
  const start = definitionOf(source, entry);
  if (start < 0) throw new Error(`no definition of ${entry} in the source`);
  // The file's own constants name keys too (`routeDestinationCIDRBlock: {` in aws_route).
  constants = { ...goStringConstants(source), ...constants };
  const out: TfAttribute[] = [];
  const seen = new Set<string>();
  const walkDefinition = (name: string, prefix: string): void => {
    if (seen.has(`${name}@${prefix}`)) return;
    seen.add(`${name}@${prefix}`);
    const at = definitionOf(source, name);
    if (at < 0) return;
    const bodyOpen = source.indexOf("{", source.indexOf(name.slice(name.indexOf(".") + 1), at) + 1);
    const bodyEnd = matchBracket(source, bodyOpen);
    const framework = /\bAttributes:\s*map\[string\]schema\.Attribute\s*\{/.exec(
      source.slice(bodyOpen, bodyEnd),
    );
    if (framework) {
      // `resp.Schema = schema.Schema{ Attributes: …, Blocks: … }`: the object holding the maps.
      const holder = source.lastIndexOf("schema.Schema{", bodyOpen + framework.index);
      if (holder >= bodyOpen)
        walkFrameworkObject(source, holder + "schema.Schema".length, prefix, constants, out);
      return;
    }
    // `var X = map[string]*schema.Schema{…}` is the map itself; a function or resource holds one.
    const isMap = /=\s*map\[string\]\*schema\.Schema\s*$/.test(source.slice(at, bodyOpen));
    const map = isMap ? bodyOpen : schemaMapAfter(source, at, bodyEnd);
    if (map >= 0) walkMap(map, prefix);
  };
  const walkMap = (open: number, prefix: string): void => {
    for (const e of mapEntries(source, open, constants)) {
      const path = prefix ? `${prefix}.${e.key}` : e.key;
      const line = lineOf(source, e.at);
      if (source[e.valueAt] !== "{") {
        // A schema built by a helper (`tpgresource.LabelsSchema()`): the attribute alone.
        out.push({ path, forceNew: false, computedOnly: false, pluralList: false, line });
        continue;
      }
      const blockEnd = matchBracket(source, e.valueAt);
      const block = source.slice(e.valueAt, blockEnd);
      const top = shallow(block);
      const computed = /\bComputed:\s*true/.test(top);
      const settable = /\b(?:Optional|Required):\s*true/.test(top);
      const list = /\bType:\s*schema\.Type(?:List|Set)\b/.test(top);
      const maxOne = /\bMaxItems:\s*1\b/.test(top);
      out.push({
        path,
        forceNew: /\bForceNew:\s*true/.test(top),
        computedOnly: computed && !settable,
        pluralList: list && !maxOne,
        line,
      });
      const elem = /\bElem:\s*(&schema\.Resource\s*\{|[A-Za-z_][\w]*(?:\(\))?)/.exec(top);
      if (!elem) continue;
      if (elem[1].startsWith("&schema.Resource")) {
        const inner = schemaMapAfter(source, e.valueAt + block.indexOf("Elem:"), blockEnd);
        if (inner >= 0) walkMap(inner, path);
      } else {
        walkDefinition(elem[1].replace(/\(\)$/, ""), path);
      }
    }
  };
  walkDefinition(entry, "");
  return out;
}

/**
 * The `key: value` entries directly inside the map literal whose `{` is at `open`: keys written as string
 * literals, or as constants (`names.AttrTags`) resolved through `constants`.
 */
function mapEntries(
  source: string,
  open: number,
  constants: Readonly<Record<string, string>> = {},
): { key: string; at: number; valueAt: number }[] {
  const end = matchBracket(source, open) - 1;
  const out: { key: string; at: number; valueAt: number }[] = [];
  let i = open + 1;
  while (i < end) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
      continue;
    }
    // A constant key: qualified (`names.AttrTags`), or a constant of the file (`routeDestinationCIDRBlock`).
    const constant = /^[A-Za-z_]\w*(?:\.[A-Z]\w*)?(?=\s*:[^=])/.exec(source.slice(i, i + 120));
    if (
      constant &&
      /[\s{,]/.test(source[i - 1]) &&
      (constant[0].includes(".") || constants[constant[0]] !== undefined)
    ) {
      const after = /^\s*:\s*/.exec(source.slice(i + constant[0].length, i + constant[0].length + 40))!;
      const valueAt = i + constant[0].length + after[0].length;
      out.push({ key: constantKey(constant[0], constants), at: i, valueAt });
      i = skipValue(source, valueAt, end);
      continue;
    }
    if (c === '"') {
      const close = matchString(source, i);
      const after = /^\s*:\s*/.exec(source.slice(close + 1, close + 40));
      if (after) {
        const valueAt = close + 1 + after[0].length;
        out.push({ key: source.slice(i + 1, close), at: i, valueAt });
        i = skipValue(source, valueAt, end);
        continue;
      }
      i = close + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** The index just past a Go expression starting at `from`: up to the next `,` outside brackets. */
function skipValue(source: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = source[i];
    if (c === "{" || c === "(" || c === "[") i = matchBracket(source, i);
    else if (c === '"') i = matchString(source, i) + 1;
    else if (c === "`") i = source.indexOf("`", i + 1) + 1;
    else if (c === ",") return i + 1;
    else i++;
  }
  return end;
}

/** A Terraform attribute name in the Pulumi bridge's form: camelCase, lists of blocks in the plural. */
export function pulumiName(tfName: string, pluralList: boolean): string {
  const camel = tfName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (!pluralList || camel.endsWith("s")) return camel;
  if (/[^aeiou]y$/.test(camel)) return `${camel.slice(0, -1)}ies`;
  return `${camel}s`;
}

/** A whole path in Pulumi's form, each segment named as the bridge names it. */
export function pulumiPath(attributes: readonly TfAttribute[], tfPath: string): string {
  const byPath = new Map(attributes.map((a) => [a.path, a]));
  const segments = tfPath.split(".");
  return segments
    .map((s, i) => pulumiName(s, byPath.get(segments.slice(0, i + 1).join("."))?.pluralList ?? false))
    .join(".");
}

/** The top-level `Field: value` pairs of the Go composite literal whose `{` is at `open`, by field name. */
function fieldsOf(source: string, open: number): Map<string, { at: number; end: number }> {
  const end = matchBracket(source, open) - 1;
  const out = new Map<string, { at: number; end: number }>();
  let i = open + 1;
  while (i < end) {
    if (source[i] === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
      continue;
    }
    const m = /^([A-Z]\w*)\s*:\s*/.exec(source.slice(i, i + 80));
    if (m && /[\s{,]/.test(source[i - 1])) {
      const valueAt = i + m[0].length;
      const valueEnd = skipValue(source, valueAt, end);
      out.set(m[1], { at: valueAt, end: valueEnd });
      i = valueEnd;
      continue;
    }
    i++;
  }
  return out;
}

/** The index of the `{` that opens the composite literal starting at `at` (`schema.StringAttribute{`), or -1. */
function literalOpen(source: string, at: number, end: number): number {
  const m = /^[\w.&]+\s*\{/.exec(source.slice(at, Math.min(end, at + 200)));
  return m ? at + m[0].length - 1 : -1;
}

/**
 * A terraform-plugin-framework schema object (`schema.Schema{…}`, a `NestedBlockObject`, a
 * `NestedAttributeObject` or a `SingleNestedBlock`) whose `{` is at `open`: its `Attributes` and `Blocks`
 * maps, recursively. An attribute is replaced on change when its `PlanModifiers` hold a `RequiresReplace…`
 * modifier; a list or set block is singular when a validator caps it at one (`SizeAtMost(1)`).
 */
function walkFrameworkObject(
  source: string,
  open: number,
  prefix: string,
  constants: Readonly<Record<string, string>>,
  out: TfAttribute[],
): void {
  const fields = fieldsOf(source, open);
  for (const kind of ["Attributes", "Blocks"] as const) {
    const f = fields.get(kind);
    if (!f) continue;
    const mapOpen = source.indexOf("{", source.indexOf("map[", f.at));
    if (mapOpen < 0 || mapOpen > f.end) continue;
    for (const e of mapEntries(source, mapOpen, constants)) {
      const path = prefix ? `${prefix}.${e.key}` : e.key;
      const line = lineOf(source, e.at);
      const valueEnd = skipValue(source, e.valueAt, matchBracket(source, mapOpen));
      const lit = literalOpen(source, e.valueAt, valueEnd);
      if (lit < 0) {
        // A helper (`tftags.TagsAttribute()`, `framework.IDAttribute()`): the attribute alone.
        out.push({ path, forceNew: false, computedOnly: false, pluralList: false, line });
        continue;
      }
      const typeName = source.slice(e.valueAt, lit).trim();
      const own = fieldsOf(source, lit);
      const text = (name: string): string => {
        const v = own.get(name);
        return v ? source.slice(v.at, v.end) : "";
      };
      const isTrue = (name: string): boolean => /^\s*true\b/.test(text(name));
      const block = kind === "Blocks";
      const listy = /(List|Set)(Nested)?(Attribute|Block)$/.test(typeName);
      out.push({
        path,
        forceNew: /\bRequiresReplace(?:IfConfigured|If)?\s*\(/.test(text("PlanModifiers")),
        computedOnly: !block && isTrue("Computed") && !isTrue("Optional") && !isTrue("Required"),
        pluralList: listy && !/\bSizeAtMost\(\s*1\s*\)/.test(text("Validators")),
        line,
      });
      const nested = own.get("NestedObject");
      if (nested) {
        const nestedOpen = literalOpen(source, nested.at, nested.end);
        if (nestedOpen >= 0) walkFrameworkObject(source, nestedOpen, path, constants, out);
      } else if (/SingleNested(Block|Attribute)$/.test(typeName)) {
        walkFrameworkObject(source, lit, path, constants, out);
      }
    }
  }
}
