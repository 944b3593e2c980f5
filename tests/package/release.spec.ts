// Releases: the changeset guard (an API report change needs a changeset whose bump covers it), on
// synthetic inputs and through git in a scratch repository; and the staged pack for
// `pulumi policy publish`, whose version is the package's.
import { strict as assert } from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { declaredBump, diffStats, guard, requiredBump } from "../../scripts/changeset-guard";
import { stagePolicyPack } from "../../scripts/stage-policy-pack";

const ROOT = path.resolve(__dirname, "../../..");
const changeset = (bump: string, pkg = "@groundwork/infra") => ({
  file: `.changeset/${bump}.md`,
  text: `---\n"${pkg}": ${bump}\n---\n\nSomething changed.\n`,
});
const added = { file: "api/aws.api.md", added: 4, removed: 0 };
const changed = { file: "api/core.api.md", added: 1, removed: 1 };

describe("release: the changeset guard", () => {
  it("counts added and removed lines per file in a zero-context diff", () => {
    const diff = [
      "diff --git a/api/aws.api.md b/api/aws.api.md",
      "--- a/api/aws.api.md",
      "+++ b/api/aws.api.md",
      "@@ -10,0 +11,2 @@",
      "+## `allowFrom` (function)",
      "+",
      "diff --git a/api/core.api.md b/api/core.api.md",
      "--- a/api/core.api.md",
      "+++ b/api/core.api.md",
      "@@ -3 +3 @@",
      "-readonly size: number;",
      "+readonly size?: number;",
    ].join("\n");
    assert.deepEqual(diffStats(diff), [
      { file: "api/aws.api.md", added: 2, removed: 0 },
      { file: "api/core.api.md", added: 1, removed: 1 },
    ]);
  });

  it("reads the bump for this package from a changeset's front matter", () => {
    assert.equal(declaredBump(changeset("minor")), "minor");
    assert.equal(declaredBump(changeset("major", "other-package")), undefined);
    assert.throws(() => declaredBump(changeset("huge")), /bump "huge" is not one of patch, minor, major/);
    assert.throws(
      () => declaredBump({ file: ".changeset/x.md", text: "no front matter" }),
      /no front matter/,
    );
  });

  it("needs minor for additions, major for a changed or removed line (minor while 0.x)", () => {
    assert.equal(requiredBump([], "1.2.0"), undefined);
    assert.equal(requiredBump([added], "1.2.0"), "minor");
    assert.equal(requiredBump([added, changed], "1.2.0"), "major");
    assert.equal(requiredBump([changed], "0.4.1"), "minor");
  });

  it("passes an unchanged API without a changeset, and ignores other files", () => {
    const r = guard({ api: [{ file: "README.md", added: 9, removed: 9 }], changesets: [], version: "1.0.0" });
    assert.equal(r.ok, true);
  });

  it("fails an API change without a changeset, naming the file and the bump to declare", () => {
    const r = guard({ api: [added], changesets: [], version: "1.0.0" });
    assert.equal(r.ok, false);
    assert.match(r.message, /api\/aws\.api\.md \(\+4 -0\).*"@groundwork\/infra": minor/);
  });

  it("fails a bump too small for the change, passes one that covers it", () => {
    const small = guard({ api: [changed], changesets: [changeset("minor")], version: "1.0.0" });
    assert.equal(small.ok, false);
    assert.match(small.message, /needs a major bump; the changesets declare minor/);
    const covered = guard({
      api: [changed],
      changesets: [changeset("patch"), changeset("major")],
      version: "1.0.0",
    });
    assert.deepEqual([covered.ok, covered.declared], [true, "major"]);
  });

  it("works through git: an API report changed on a branch fails until a changeset is added", function () {
    this.timeout(60_000);
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "gw-guard-"));
    try {
      const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
        fs.writeFileSync(path.join(repo, file), text);
      };
      git("init", "-q", "-b", "main");
      git("config", "user.email", "t@example.com");
      git("config", "user.name", "t");
      write("package.json", '{ "version": "1.0.0" }');
      write("api/aws.api.md", "## `Bucket` (class)\n");
      git("add", ".");
      git("commit", "-qm", "base");
      git("checkout", "-qb", "feature");
      write("api/aws.api.md", "## `Bucket` (class)\n## `allowFrom` (function)\n");
      git("commit", "-qam", "add allowFrom");
      const guardJs = path.join(ROOT, "dist", "scripts", "changeset-guard.js");
      const run = () =>
        spawnSync(process.execPath, [guardJs, "--base", "main"], { cwd: repo, encoding: "utf8" });
      const without = run();
      assert.equal(without.status, 1, without.stderr);
      assert.match(without.stderr, /api\/aws\.api\.md \(\+1 -0\)/);
      write(".changeset/allow-from.md", '---\n"@groundwork/infra": minor\n---\n\nAdd allowFrom.\n');
      git("add", ".");
      git("commit", "-qm", "changeset");
      const withIt = run();
      assert.equal(withIt.status, 0, withIt.stderr);
      assert.match(withIt.stdout, /minor bump declared/);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe("release: the pack staged for pulumi policy publish", () => {
  it("carries the package's version and depends on exactly that package", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "gw-pack-"));
    try {
      const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
      const manifest = stagePolicyPack(out);
      assert.equal(manifest.version, root.version);
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")), manifest);
      assert.equal((manifest.dependencies as Record<string, string>)["@groundwork/infra"], root.version);
      assert.equal(
        fs.readFileSync(path.join(out, "PulumiPolicy.yaml"), "utf8"),
        fs.readFileSync(path.join(ROOT, "policy", "PulumiPolicy.yaml"), "utf8"),
      );
      // The entry resolves the installed package's compiled pack, which the tarball ships.
      assert.match(fs.readFileSync(path.join(out, "index.js"), "utf8"), /"dist", "policy", "index\.js"/);
      assert.ok(root.files.includes("dist/policy"));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
