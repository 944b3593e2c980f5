// Packaging: the consumer template as a user gets it. Packs this package, installs the tarball into a
// copy of examples/platform-repo, and runs what the template's CI runs: `npm test` (tsc + mocha with
// @groundwork/infra/testing) and the gate with the team's pack beside the built-in one. An insecure
// variant of the program must fail both packs.
//
// Installing without the network: `npm install <tarball>` would resolve every other dependency from the
// registry (and CI's npm cache need not hold them), so the test does what npm would leave behind instead:
// the tarball extracted to node_modules/@groundwork/infra, each other dependency a symlink to this
// repository's node_modules (the versions the lockfile pins), and node_modules/.bin links for each bin.
import { strict as assert } from "assert";
import { execFile, execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const TEMPLATE = path.join(ROOT, "examples", "platform-repo");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: "1", npm_config_loglevel: "error" },
      },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        resolve({ code: typeof code === "number" ? code : -1, stdout, stderr });
      },
    );
  });
}

/** Links `node_modules/.bin/<name>` for each bin of the installed package `pkgDir`, as npm does. */
function linkBins(nodeModules: string, pkgDir: string): void {
  const { name, bin } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as {
    name: string;
    bin?: string | Record<string, string>;
  };
  const bins = typeof bin === "string" ? { [name.split("/").pop()!]: bin } : (bin ?? {});
  for (const [command, file] of Object.entries(bins)) {
    const target = path.join(pkgDir, file);
    fs.chmodSync(fs.realpathSync(target), 0o755);
    fs.symlinkSync(
      path.relative(path.join(nodeModules, ".bin"), target),
      path.join(nodeModules, ".bin", command),
    );
  }
}

/** A copy of the template with the packed tarball installed (see the header for how). */
function install(dir: string): void {
  fs.cpSync(TEMPLATE, dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|bin)$/.test(src),
  });
  const nodeModules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(nodeModules, ".bin"), { recursive: true });
  // --ignore-scripts: dist is already built (npm test builds first); prepack would rebuild it.
  const tarball = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop()!;
  const infra = path.join(nodeModules, "@groundwork", "infra");
  fs.mkdirSync(infra, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(dir, tarball), "-C", infra, "--strip-components=1"]);
  fs.rmSync(path.join(dir, tarball));
  linkBins(nodeModules, infra);

  const manifest = (p: string): Record<string, Record<string, string>> =>
    JSON.parse(fs.readFileSync(path.join(p, "package.json"), "utf8"));
  const template = manifest(dir);
  const wanted = new Set([
    ...Object.keys(template.dependencies),
    ...Object.keys(template.devDependencies),
    ...Object.keys(manifest(infra).dependencies),
  ]);
  wanted.delete("@groundwork/infra");
  for (const dep of wanted) {
    const link = path.join(nodeModules, dep);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", dep), link, "dir");
    linkBins(nodeModules, link);
  }
}

interface JsonReport {
  readonly violations: ({ pack: string; policy: string; enforcementLevel: string; urn: string } & Located)[];
  readonly summary: { packs: { name: string; policies: number; builtIn: boolean }[]; mandatory: number };
}

const gate = (dir: string, format = "json"): Promise<Run> =>
  run(
    process.execPath,
    [
      path.join(dir, "node_modules/.bin/groundwork"),
      "check",
      ".",
      "--stack",
      "dev",
      "--policy-pack",
      "./policy",
      "--format",
      format,
    ],
    dir,
  );

interface Located {
  readonly location: { file: string; line: number } | null;
  readonly relatedLocations: { file: string; line: number }[];
}

const INSECURE = `// A raw bucket: public, unencrypted, with no cost centre; and a component without one either.
import * as s3 from "@pulumi/aws/s3";
import { Bucket } from "@groundwork/infra/aws";
export const uploads = new s3.Bucket("shared-uploads", { acl: "public-read" });
export const logs = new Bucket("team-logs", { environment: "dev", tags: { owner: "orders-team" } });
`;
/** The line of INSECURE that calls the component (1-based). */
const COMPONENT_LINE = INSECURE.split("\n").findIndex((l) => l.includes('new Bucket("team-logs"')) + 1;

/** The README's install lines (step 1 of "Use it in your platform repo"). */
function installLines(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const step = readme.slice(readme.indexOf("1. **Install.**"));
  const block = step.slice(step.indexOf("```sh"), step.indexOf("```", step.indexOf("```sh") + 5));
  return block
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("npm install "));
}

describe("packaging: the tarball in examples/platform-repo", function () {
  this.timeout(300_000);
  let temp: string;
  let tests: Run;
  let clean: Run;
  let insecure: Run;
  let sarif: Run;
  let repoDir: string;

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-platform-repo-"));
    const repo = path.join(temp, "repo");
    install(repo);
    // The insecure variant: the same repository with one raw, public, untagged bucket added.
    const variant = path.join(temp, "variant");
    fs.cpSync(repo, variant, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(variant, "insecure.ts"), INSECURE);
    fs.appendFileSync(path.join(variant, "index.ts"), 'import "./insecure";\n');
    // npm init's `"main": "index.js"`, which does not exist in a TypeScript project (Node warned DEP0128).
    const manifest = path.join(variant, "package.json");
    fs.writeFileSync(
      manifest,
      JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, "utf8")), main: "index.js" }),
    );
    // Independent, so run together: the template's own `npm test`, the gate, the gate on the variant.
    [tests, clean, insecure, sarif] = await Promise.all([
      run("npm", ["test"], repo),
      gate(repo),
      gate(variant),
      gate(variant, "sarif"),
    ]);
    repoDir = repo;
  });

  after(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  it("the template's own tests pass against the installed package (npm test: tsc + mocha)", () => {
    assert.equal(tests.code, 0, `${tests.stdout}\n${tests.stderr}`);
    assert.match(tests.stdout, /4 passing/);
    assert.doesNotMatch(tests.stdout, /failing|pending/);
  });

  it("the gate passes with the team's pack and the built-in pack both evaluated", () => {
    assert.equal(clean.code, 0, clean.stderr);
    const report = JSON.parse(clean.stdout) as JsonReport;
    const packs = Object.fromEntries(report.summary.packs.map((p) => [p.name, p]));
    assert.deepEqual(Object.keys(packs).sort(), ["acme-platform", "groundwork-security"]);
    assert.equal(packs["groundwork-security"].builtIn, true);
    assert.ok(packs["groundwork-security"].policies > 50, JSON.stringify(packs));
    assert.deepEqual(packs["acme-platform"], { name: "acme-platform", policies: 2, builtIn: false });
    assert.equal(report.summary.mandatory, 0);
  });

  it("an insecure variant fails both packs (exit 1)", () => {
    assert.equal(insecure.code, 1, insecure.stderr);
    const report = JSON.parse(insecure.stdout) as JsonReport;
    const on = (pack: string): string[] =>
      report.violations
        .filter(
          (v) => v.pack === pack && v.enforcementLevel === "mandatory" && v.urn.endsWith("::shared-uploads"),
        )
        .map((v) => v.policy);
    assert.deepEqual(on("acme-platform"), ["cost-centre-tag"]);
    assert.ok(on("groundwork-security").length > 0, JSON.stringify(report.violations));
  });

  it("prints no Node warning, even with npm init's `main` (DEP0128)", () => {
    for (const r of [clean, insecure, sarif]) assert.doesNotMatch(r.stderr, /DEP0128|DeprecationWarning/);
  });

  it("locates findings on a component's children at the program's call, not in node_modules (JSON)", () => {
    const report = JSON.parse(insecure.stdout) as JsonReport;
    const children = report.violations.filter(
      (v) => v.pack === "acme-platform" && v.urn.includes("groundwork:aws:Bucket$"),
    );
    assert.ok(children.length >= 2, JSON.stringify(report.violations.map((v) => v.urn)));
    for (const v of children) {
      assert.deepEqual([v.location?.file, v.location?.line], ["insecure.ts", COMPONENT_LINE], v.urn);
      // The component's own line, inside the installed package, is kept as related information.
      assert.ok(v.relatedLocations.length > 0, v.urn);
      for (const r of v.relatedLocations)
        assert.match(r.file, /^node_modules\/@groundwork\/infra\/dist\/components\//, v.urn);
    }
    // A raw resource points at its own line, with nothing behind it.
    const raw = report.violations.find((v) => v.urn.endsWith("::shared-uploads"))!;
    assert.deepEqual([raw.location?.file, raw.location?.line, raw.relatedLocations], ["insecure.ts", 4, []]);
    // No finding of any pack points into node_modules.
    const inModules = report.violations.filter((v) => v.location?.file.includes("node_modules"));
    assert.deepEqual(inModules, []);
  });

  it("locates them the same way in SARIF, with relatedLocations", () => {
    const log = JSON.parse(sarif.stdout);
    type Loc = { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } };
    const results = (
      log.runs[0].results as {
        ruleId: string;
        locations: Loc[];
        relatedLocations?: Loc[];
        message: { text: string };
      }[]
    ).filter(
      (r) =>
        r.ruleId === "acme-platform/cost-centre-tag" && r.message.text.includes("groundwork:aws:Bucket$"),
    );
    assert.ok(results.length >= 2);
    for (const r of results) {
      const where = r.locations[0].physicalLocation;
      assert.deepEqual([where.artifactLocation.uri, where.region.startLine], ["insecure.ts", COMPONENT_LINE]);
      assert.match(
        r.relatedLocations![0].physicalLocation.artifactLocation.uri,
        /^node_modules\/@groundwork\/infra\/dist\/components\//,
      );
    }
  });

  it("the docs' summary line is the one the gate prints for the example", () => {
    const { packs } = (JSON.parse(clean.stdout) as JsonReport).summary;
    const line = packs.map((p) => `${p.name} (${p.policies}${p.builtIn ? ", built-in" : ""})`).join(", ");
    for (const doc of ["README.md", "examples/platform-repo/README.md"])
      assert.ok(
        fs.readFileSync(path.join(ROOT, doc), "utf8").includes(`packs: ${line}`),
        `${doc}: packs: ${line}`,
      );
  });

  it("the README's install line pins the TypeScript the example builds its program and pack with", () => {
    const lines = installLines();
    const dev = lines.find((l) => l.includes("--save-dev"))!;
    assert.match(dev, /(^| )typescript@~5\.9( |$)/, dev);
    // Every package the two lines install is what the example repository installs.
    const template = JSON.parse(fs.readFileSync(path.join(TEMPLATE, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const named = lines.flatMap((l) => l.split(" ").slice(2)).filter((w) => !w.startsWith("-"));
    const bare = named.map((w) => w.replace(/(.)@.*$/, "$1")).sort();
    assert.deepEqual(
      bare,
      [...Object.keys(template.dependencies), ...Object.keys(template.devDependencies)].sort(),
    );
    assert.match(template.devDependencies.typescript, /^~5\.9\./);
    // The TypeScript installed in the copy is that version, and builds the pack with the pack's tsconfig.
    const ts = path.join(repoDir, "node_modules", "typescript");
    assert.match(JSON.parse(fs.readFileSync(path.join(ts, "package.json"), "utf8")).version, /^5\.9\./);
    const built = spawnSync(process.execPath, [path.join(ts, "bin", "tsc"), "-p", "policy", "--noEmit"], {
      cwd: repoDir,
      encoding: "utf8",
    });
    assert.equal(built.status, 0, built.stdout + built.stderr);
    const tsconfig = JSON.parse(fs.readFileSync(path.join(TEMPLATE, "policy", "tsconfig.json"), "utf8"));
    assert.deepEqual(
      [tsconfig.compilerOptions.module, tsconfig.compilerOptions.moduleResolution],
      ["nodenext", "nodenext"],
    );
  });
});
