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
import { execFile, execFileSync } from "child_process";
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
  readonly violations: { pack: string; policy: string; enforcementLevel: string; urn: string }[];
  readonly summary: { packs: { name: string; policies: number; builtIn: boolean }[]; mandatory: number };
}

const gate = (dir: string): Promise<Run> =>
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
      "json",
    ],
    dir,
  );

const INSECURE = `// A raw bucket: public, unencrypted, with no cost centre.
import * as s3 from "@pulumi/aws/s3";
export const uploads = new s3.Bucket("shared-uploads", { acl: "public-read" });
`;

describe("packaging: the tarball in examples/platform-repo", function () {
  this.timeout(300_000);
  let temp: string;
  let tests: Run;
  let clean: Run;
  let insecure: Run;

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-platform-repo-"));
    const repo = path.join(temp, "repo");
    install(repo);
    // The insecure variant: the same repository with one raw, public, untagged bucket added.
    const variant = path.join(temp, "variant");
    fs.cpSync(repo, variant, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(variant, "insecure.ts"), INSECURE);
    fs.appendFileSync(path.join(variant, "index.ts"), 'import "./insecure";\n');
    // Independent, so run together: the template's own `npm test`, the gate, the gate on the variant.
    [tests, clean, insecure] = await Promise.all([run("npm", ["test"], repo), gate(repo), gate(variant)]);
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
});
