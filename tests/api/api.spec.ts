// The public API lock: each entry of package.json "exports" must match its checked-in report in api/,
// so a change of the public surface fails here until someone reviews it and records it on purpose.
// The second half proves the generator sees what it claims to, on a small declaration file.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ApiEntry, API_DIR, ROOT, packageEntries, reportFile } from "./entries";
import { lineDiff } from "./diff";
import { generateReports } from "./report";

describe("public API reports", () => {
  const entries = packageEntries(ROOT);
  let reports: Map<string, string>;

  before(() => {
    reports = generateReports(ROOT, entries);
  });

  for (const entry of entries) {
    const file = reportFile(entry.entry);
    it(`${entry.specifier} matches ${file}`, () => {
      const full = path.join(ROOT, file);
      const actual = reports.get(entry.entry) ?? "";
      // A checkout with CRLF line endings still holds the same report.
      const expected = fs.existsSync(full) ? fs.readFileSync(full, "utf8").replace(/\r\n/g, "\n") : "";
      if (actual === expected) return;
      assert.fail(
        `the public API of ${entry.specifier} changed: review it, then run \`npm run api:update\` and commit ` +
          `${file} (and a CHANGELOG line)\n` +
          (fs.existsSync(full)
            ? `(- ${file}, + the build)\n${lineDiff(expected, actual)}`
            : `${file} is missing`),
      );
    });
  }

  it("keeps no report for an entry that is gone", () => {
    const wanted = new Set(entries.map((e) => reportFile(e.entry)));
    const stale = fs
      .readdirSync(path.join(ROOT, API_DIR))
      .map((name) => `${API_DIR}/${name}`)
      .filter((file) => file.endsWith(".api.md") && !wanted.has(file));
    assert.deepEqual(
      stale,
      [],
      "run `npm run api:update` to remove reports of entries no longer in package.json",
    );
  });
});

const INDEX = `
import { Base } from "./base";
export * from "./more";
export { helper as renamedHelper } from "./more";
export { Thing } from "some-package";
export * from "other-package";
/** A widget. */
export declare class Widget extends Base {
    readonly size: number;
    private secret;
    protected guarded: string;
    constructor(name: string);
    resize(by: number): Widget;
    /** @deprecated use resize */
    grow(): void;
}
export interface WidgetArgs {
    readonly name: string;
    color?: "red" | "blue";
    count: number;
}
export declare function makeWidget(args: WidgetArgs): Widget;
export declare const DEFAULT_SIZE = 3;
/** @deprecated since 0.2.0: use makeWidget */
export declare const oldMake: (args: WidgetArgs) => Widget;
export type Color = WidgetArgs["color"];
`;

describe("API report generator", () => {
  let dir: string;
  const entry: ApiEntry = { entry: ".", specifier: "fixture", types: "index.d.ts" };
  const generate = (index: string): string => {
    fs.writeFileSync(path.join(dir, "index.d.ts"), index);
    return generateReports(dir, [entry]).get(".") ?? "";
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-api-"));
    fs.writeFileSync(
      path.join(dir, "base.d.ts"),
      "export declare class Base {\n    readonly id: string;\n}\n",
    );
    fs.writeFileSync(path.join(dir, "more.d.ts"), "export declare function helper(x: number): string;\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("records each export with its kind and declaration, public members only", () => {
    const report = generate(INDEX);
    const expected = [
      "## `Widget` (class)",
      "class Widget extends Base {\n    constructor(name: string);\n    /** @deprecated */\n    grow(): void;\n" +
        "    resize(by: number): Widget;\n    readonly size: number;\n}",
      "## `WidgetArgs` (interface)",
      'interface WidgetArgs {\n    color?: "red" | "blue";\n    count: number;\n    readonly name: string;\n}',
      "## `makeWidget` (function)\n\n```ts\nfunction makeWidget(args: WidgetArgs): Widget;\n```",
      "## `DEFAULT_SIZE` (const)\n\n```ts\nconst DEFAULT_SIZE: 3;\n```",
      "## `oldMake` (const, @deprecated)\n\n```ts\nconst oldMake: (args: WidgetArgs) => Widget;\n```",
      '## `Color` (type)\n\n```ts\ntype Color = WidgetArgs["color"];\n```',
      "## `helper` (function)\n\n```ts\nfunction helper(x: number): string;\n```",
      "## `renamedHelper` (function, declared as `helper`)",
      '## `Thing` (re-export, from `some-package`)\n\n```ts\nexport { Thing } from "some-package";\n```',
      '```ts\nexport * from "other-package";\n```',
    ];
    for (const text of expected) assert.ok(report.includes(text), `missing:\n${text}\n--- in ---\n${report}`);
    for (const hidden of ["secret", "guarded", "## `Base`", "A widget", dir]) {
      assert.ok(!report.includes(hidden), `the report shows ${hidden}`);
    }
    const order = [...report.matchAll(/^## `([^`]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(order, [
      '* from "other-package"',
      "Color",
      "DEFAULT_SIZE",
      "helper",
      "makeWidget",
      "oldMake",
      "renamedHelper",
      "Thing",
      "Widget",
      "WidgetArgs",
    ]);
    assert.equal(generate(INDEX), report, "two runs give the same report");
  });

  it("changes when one member's type changes, and the diff shows that member", () => {
    const before = generate(INDEX);
    const after = generate(INDEX.replace("count: number;", "count: string;"));
    assert.notEqual(after, before);
    const diff = lineDiff(before, after);
    assert.match(diff, /^- {5}count: number;$/m);
    assert.match(diff, /^\+ {5}count: string;$/m);
    assert.ok(diff.split("\n").length < 12, `a short diff, got:\n${diff}`);
  });

  it("reads the entries from package.json exports, new ones included", () => {
    const pkg = {
      name: "@scope/lib",
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./check": { import: { types: "./dist/check/index.d.ts" } },
        "./plain": "./dist/plain.js",
        "./package.json": "./package.json",
      },
    };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg));
    assert.deepEqual(packageEntries(dir), [
      { entry: ".", specifier: "@scope/lib", types: "dist/index.d.ts" },
      { entry: "./check", specifier: "@scope/lib/check", types: "dist/check/index.d.ts" },
      { entry: "./plain", specifier: "@scope/lib/plain", types: "dist/plain.d.ts" },
    ]);
    assert.deepEqual([".", "./check", "./aws"].map(reportFile), [
      "api/index.api.md",
      "api/check.api.md",
      "api/aws.api.md",
    ]);
  });
});
