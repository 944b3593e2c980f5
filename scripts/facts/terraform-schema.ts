// Reads a Terraform provider's Go source (terraform-plugin-sdk v2 schemas, as terraform-provider-google
// and most of terraform-provider-aws write them) and lists every attribute of a resource with what the
// provider says of it: `ForceNew` (a change replaces the resource), computed-only (set by the server), and
// whether it is a list. Used by scripts/facts/derive.ts to regenerate the `replace`/`update` classes of
// facts/<cloud>/resources.json from the provider's own source; never loaded by the library.

/** One attribute of a Terraform resource schema, its path joined with dots (`settings.disk_size`). */
export interface TfAttribute {
  readonly path: string;
  /** `ForceNew: true`: any change replaces the resource. */
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

/** Where a top-level Go definition (`func name(...)`, `var name =`) starts, or -1. */
function definitionOf(source: string, name: string): number {
  const re = new RegExp(`^(?:func\\s+${name}\\s*\\(|var\\s+${name}\\s*=)`, "m");
  const m = re.exec(source);
  return m ? m.index : -1;
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
export function parseTerraformSchema(source: string, entry: string): TfAttribute[] {
  const start = definitionOf(source, entry);
  if (start < 0) throw new Error(`no definition of ${entry} in the source`);
  const out: TfAttribute[] = [];
  const seen = new Set<string>();
  const walkDefinition = (name: string, prefix: string): void => {
    if (seen.has(`${name}@${prefix}`)) return;
    seen.add(`${name}@${prefix}`);
    const at = definitionOf(source, name);
    if (at < 0) return;
    const bodyOpen = source.indexOf("{", source.indexOf(name, at) + name.length);
    const bodyEnd = matchBracket(source, bodyOpen);
    // `var X = map[string]*schema.Schema{…}` is the map itself; a function or resource holds one.
    const isMap = /=\s*map\[string\]\*schema\.Schema\s*$/.test(source.slice(at, bodyOpen));
    const map = isMap ? bodyOpen : schemaMapAfter(source, at, bodyEnd);
    if (map >= 0) walkMap(map, prefix);
  };
  const walkMap = (open: number, prefix: string): void => {
    for (const e of mapEntries(source, open)) {
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

/** The `"key": value` entries directly inside the map literal whose `{` is at `open`. */
function mapEntries(source: string, open: number): { key: string; at: number; valueAt: number }[] {
  const end = matchBracket(source, open) - 1;
  const out: { key: string; at: number; valueAt: number }[] = [];
  let i = open + 1;
  while (i < end) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
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
