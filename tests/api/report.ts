// The API report generator: every export of each entry's declaration file, with its kind and its
// declaration as TypeScript prints it, sorted and free of paths, so a diff of a report is a diff of the
// public surface. Re-exports are followed to the real declarations; private and protected members and
// comments (other than a @deprecated marker) are left out.
import * as path from "path";
import * as ts from "typescript";
import { ApiEntry, reportFile } from "./entries";

// Declaration files only, and only this package's: nothing is type-checked or emitted, and imports of
// other packages (the provider SDKs, Node's types) are left unresolved, so none of their declarations is
// even parsed. Printing is syntactic, so their names still appear exactly as our declarations write them.
const OPTIONS: ts.CompilerOptions = {
  noEmit: true,
  noLib: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  types: [],
};

function ownFilesHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(OPTIONS);
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, options) =>
    literals.map((literal) => {
      const { resolvedModule } = ts.resolveModuleName(literal.text, containingFile, options, host);
      return { resolvedModule: resolvedModule?.isExternalLibraryImport ? undefined : resolvedModule };
    });
  host.resolveTypeReferenceDirectiveReferences = (references) =>
    references.map(() => ({ resolvedTypeReferenceDirective: undefined }));
  return host;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const INDENT = "    ";

interface Context {
  readonly checker: ts.TypeChecker;
  /** Entry by the absolute path of its declaration file, to name a re-exported module by its entry. */
  readonly byFile: ReadonlyMap<string, ApiEntry>;
}

interface Rendered {
  readonly kind: string;
  readonly text: string;
}

interface ExportReport {
  readonly name: string;
  readonly notes: string[];
  readonly blocks: string[];
}

/** Names in a stable, locale-free order: case-insensitive, then by code point. */
export function compareNames(a: string, b: string): number {
  const [al, bl] = [a.toLowerCase(), b.toLowerCase()];
  if (al !== bl) return al < bl ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

const print = (node: ts.Node): string =>
  printer.printNode(ts.EmitHint.Unspecified, node, node.getSourceFile());
const withoutModifiers = (text: string): string => text.replace(/^(?:export |default |declare )+/, "");
const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => (line ? INDENT + line : line))
    .join("\n");

function isDeprecated(node: ts.Node): boolean {
  if (ts.getJSDocDeprecatedTag(node)) return true;
  // `/** @deprecated */ export { x } from "./y"`: the comment sits on the export declaration.
  return ts.isExportSpecifier(node) && ts.getJSDocDeprecatedTag(node.parent.parent) !== undefined;
}

function nameOf(node: ts.Node): string {
  const name = ts.getNameOfDeclaration(node as ts.Declaration);
  if (!name) return "";
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
    ? name.text
    : name.getText();
}

function isPublic(member: ts.Node): boolean {
  const name = ts.getNameOfDeclaration(member as ts.Declaration);
  if (name && ts.isPrivateIdentifier(name)) return false;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

// Constructors and call, construct and index signatures first (in declaration order), then by name.
function memberOrder(a: ts.Node, b: ts.Node): number {
  const rank = (m: ts.Node): number => (ts.getNameOfDeclaration(m as ts.Declaration) ? 1 : 0);
  return rank(a) - rank(b) || compareNames(nameOf(a), nameOf(b));
}

function members(list: readonly ts.Node[]): string[] {
  return list
    .filter(isPublic)
    .sort(memberOrder)
    .map((m) => (isDeprecated(m) ? `${INDENT}/** @deprecated */\n` : "") + indent(print(m)));
}

function withMembers(
  keyword: string,
  node: ts.ClassDeclaration | ts.InterfaceDeclaration,
  list: readonly ts.Node[],
): string {
  const abstract = ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Abstract ? "abstract " : "";
  const params = node.typeParameters ? `<${node.typeParameters.map(print).join(", ")}>` : "";
  const heritage = (node.heritageClauses ?? []).map((h) => ` ${print(h).trim()}`).join("");
  const head = `${abstract}${keyword} ${node.name?.text ?? "default"}${params}${heritage}`;
  const body = members(list);
  return body.length ? `${head} {\n${body.join("\n")}\n}` : `${head} {}`;
}

function variable(ctx: Context, node: ts.VariableDeclaration): Rendered {
  const flags = ts.getCombinedNodeFlags(node);
  const kind = flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
  // A lazy namespace (`typeof AwsModule`) stays as declared: its members are in its own entry's report.
  const type = node.type
    ? print(node.type)
    : ctx.checker.typeToString(
        ctx.checker.getTypeAtLocation(node),
        undefined,
        ts.TypeFormatFlags.NoTruncation,
      );
  return { kind, text: `${kind} ${nameOf(node)}: ${type};` };
}

// `export { core }` of `import * as core from "./core"`: the module, named by its entry when it has one.
function moduleReference(ctx: Context, file: ts.SourceFile, exportName: string): Rendered {
  const entry = ctx.byFile.get(path.resolve(file.fileName));
  if (entry) {
    return {
      kind: "namespace",
      text: `import * as ${exportName} from "${entry.specifier}"; // ${reportFile(entry.entry)}`,
    };
  }
  const symbol = ctx.checker.getSymbolAtLocation(file);
  const names = (symbol ? ctx.checker.getExportsOfModule(symbol) : []).map((s) => s.name).sort(compareNames);
  return {
    kind: "namespace",
    text: `namespace ${exportName} {\n${INDENT}export { ${names.join(", ")} };\n}`,
  };
}

function declaration(ctx: Context, node: ts.Declaration, exportName: string): Rendered {
  if (ts.isClassDeclaration(node)) return { kind: "class", text: withMembers("class", node, node.members) };
  if (ts.isInterfaceDeclaration(node))
    return { kind: "interface", text: withMembers("interface", node, node.members) };
  if (ts.isVariableDeclaration(node)) return variable(ctx, node);
  if (ts.isSourceFile(node)) return moduleReference(ctx, node, exportName);
  const kind = ts.isFunctionDeclaration(node)
    ? "function"
    : ts.isTypeAliasDeclaration(node)
      ? "type"
      : ts.isEnumDeclaration(node)
        ? "enum"
        : ts.isModuleDeclaration(node)
          ? "namespace"
          : ts.SyntaxKind[node.kind];
  return { kind, text: withoutModifiers(print(node)) };
}

// Every alias on the way from the entry to the declaration can carry the @deprecated marker.
function aliasDeprecated(ctx: Context, exported: ts.Symbol): boolean {
  let symbol: ts.Symbol | undefined = exported;
  for (let hops = 0; symbol && symbol.flags & ts.SymbolFlags.Alias && hops < 100; hops++) {
    if ((symbol.declarations ?? []).some(isDeprecated)) return true;
    symbol = ctx.checker.getImmediateAliasedSymbol(symbol);
  }
  return false;
}

function moduleSpecifier(node: ts.Node): ts.Expression | undefined {
  const statement = ts.findAncestor(node, (n) => ts.isImportDeclaration(n) || ts.isExportDeclaration(n));
  return statement && (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))
    ? statement.moduleSpecifier
    : undefined;
}

// Another package's export, passed on (`export { Output } from "@pulumi/pulumi"`): recorded as the
// re-export it is, since that package's declarations are not ours to snapshot (nor loaded, see OPTIONS).
function externalReExport(ctx: Context, exported: ts.Symbol): ExportReport {
  let from: string | undefined;
  let symbol: ts.Symbol | undefined = exported;
  for (let hops = 0; symbol && symbol.flags & ts.SymbolFlags.Alias && hops < 100; hops++) {
    for (const d of symbol.declarations ?? []) {
      const specifier = moduleSpecifier(d);
      if (specifier && ts.isStringLiteral(specifier)) from = specifier.text;
    }
    symbol = ctx.checker.getImmediateAliasedSymbol(symbol);
  }
  if (!from) throw new Error(`export "${exported.name}" does not resolve to a declaration`);
  const deprecated = aliasDeprecated(ctx, exported) ? ["@deprecated"] : [];
  return {
    name: exported.name,
    notes: ["re-export", `from \`${from}\``, ...deprecated],
    blocks: [`export { ${exported.name} } from "${from}";`],
  };
}

// `export * from "some-package"` adds names this program cannot see; each such line is recorded itself.
function externalStars(ctx: Context, file: ts.SourceFile, seen = new Set<ts.SourceFile>()): ExportReport[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found: ExportReport[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier) continue;
    if (!ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = ctx.checker.getSymbolAtLocation(statement.moduleSpecifier)?.declarations?.[0];
    if (target && ts.isSourceFile(target)) {
      found.push(...externalStars(ctx, target, seen));
    } else {
      const from = statement.moduleSpecifier.text;
      found.push({ name: `* from "${from}"`, notes: ["re-export"], blocks: [`export * from "${from}";`] });
    }
  }
  return found;
}

function describeExport(ctx: Context, exported: ts.Symbol): ExportReport {
  const target = exported.flags & ts.SymbolFlags.Alias ? ctx.checker.getAliasedSymbol(exported) : exported;
  const declarations = target.declarations ?? [];
  if (declarations.length === 0) return externalReExport(ctx, exported);
  const rendered = declarations.map((d) => declaration(ctx, d, exported.name));
  const notes = [...new Set(rendered.map((r) => r.kind))];
  const declaredAs = declarations
    .map(nameOf)
    .find((n) => n && n !== exported.name && !ts.isSourceFile(declarations[0]));
  if (declaredAs) notes.push(`declared as \`${declaredAs}\``);
  if (aliasDeprecated(ctx, exported) || declarations.some(isDeprecated)) notes.push("@deprecated");
  return { name: exported.name, notes, blocks: rendered.map((r) => r.text) };
}

function render(entry: ApiEntry, exports: readonly ExportReport[]): string {
  const lines = [
    `# API report: \`${entry.specifier}\``,
    "",
    `<!-- Generated from ${entry.types} by \`npm run api:update\`; do not edit by hand. -->`,
    "",
    `${exports.length} export${exports.length === 1 ? "" : "s"}.`,
  ];
  for (const e of exports) {
    lines.push("", `## \`${e.name}\` (${e.notes.join(", ")})`, "", "```ts", e.blocks.join("\n\n"), "```");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The report of every entry, keyed by entry ("." , "./aws" …), from one program over all declaration
 * files. `root` is the package root that the entries' `types` paths are relative to.
 */
export function generateReports(root: string, entries: readonly ApiEntry[]): Map<string, string> {
  const files = entries.map((e) => path.resolve(root, e.types));
  const program = ts.createProgram(files, OPTIONS, ownFilesHost());
  const ctx: Context = {
    checker: program.getTypeChecker(),
    byFile: new Map(entries.map((e, i) => [files[i], e])),
  };
  const reports = new Map<string, string>();
  entries.forEach((entry, i) => {
    const file = program.getSourceFile(files[i]);
    if (!file) throw new Error(`${entry.entry}: ${entry.types} does not exist (run \`npm run build\` first)`);
    const symbol = ctx.checker.getSymbolAtLocation(file);
    const exported = symbol ? ctx.checker.getExportsOfModule(symbol) : [];
    const described = [...exported.map((s) => describeExport(ctx, s)), ...externalStars(ctx, file)];
    described.sort((a, b) => compareNames(a.name, b.name));
    // A path inferred into a type (`import("/home/…")`) would differ between machines.
    reports.set(
      entry.entry,
      render(entry, described)
        .split(`${path.resolve(root)}/`)
        .join(""),
    );
  });
  return reports;
}
