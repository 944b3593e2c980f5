// The house limits of issue #10, kept by a test so they cannot creep back: no source file under
// components/, policy/, engine/ or check/ over 450 lines, and no function anywhere in them over 80 lines.
// Long files and long functions are where a copy-and-vary pattern hides; the limit forces a name on it.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");
const FOLDERS = ["components", "policy", "engine", "check"];
const MAX_FILE_LINES = 450;
const MAX_FUNCTION_LINES = 80;

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every function-like node longer than the limit, as `file:line name (N lines)`. */
export function longFunctions(file: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) {
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : ts.SyntaxKind[node.kind];
        found.push(`${path.relative(ROOT, file)}:${start + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("repository limits", () => {
  const files = FOLDERS.flatMap((f) => sources(path.join(ROOT, f)));

  it("finds the sources it limits", () => {
    assert.ok(files.length > 20, `only ${files.length} sources found under ${FOLDERS.join(", ")}`);
  });

  it(`no source file under ${FOLDERS.join(", ")} is over ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((f) => ({ f, n: fs.readFileSync(f, "utf8").split("\n").length }))
      .filter(({ n }) => n > MAX_FILE_LINES)
      .map(({ f, n }) => `${path.relative(ROOT, f)} (${n} lines)`);
    assert.deepEqual(long, []);
  });

  it(`no function there is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((f) => longFunctions(f, fs.readFileSync(f, "utf8"), MAX_FUNCTION_LINES));
    assert.deepEqual(long, []);
  });

  it("the function measure counts a long function and passes a short one", () => {
    const body = Array.from({ length: 90 }, (_, i) => `  const a${i} = ${i};`).join("\n");
    const text = `function big() {\n${body}\n}\nconst small = () => 1;\nclass C { m() { return 2; } }\n`;
    const found = longFunctions(path.join(ROOT, "x.ts"), text, MAX_FUNCTION_LINES);
    assert.deepEqual(found, ["x.ts:1 big (92 lines)"]);
  });
});
