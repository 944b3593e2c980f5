// Stack and project files read as the Pulumi CLI reads them (its YAML decoder resolves anchors, aliases
// and `<<` merge keys before any value reaches the program), and bounded so a hostile file is a clear
// error rather than a hang or an out-of-memory crash.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAX_YAML_BYTES, ProjectError, loadProject, loadStackConfig } from "../../check/project";
import { FIXTURES, groundwork } from "../cli/helpers";

const temps: string[] = [];
after(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A project whose dev stack file is `stack`. */
function projectWith(stack: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-yaml-"));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "index.js"), "");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stack);
  return dir;
}

const load = (dir: string): Record<string, unknown> => loadStackConfig(loadProject(dir), "dev").config;

/** Asserts loading fails with a ProjectError naming the stack file and saying `what`. */
function refuses(dir: string, what: RegExp): void {
  assert.throws(
    () => load(dir),
    (err: Error) =>
      err instanceof ProjectError && err.message.includes("Pulumi.dev.yaml") && what.test(err.message),
  );
}

describe("stack config YAML: anchors, aliases, merge keys and caps", function () {
  this.timeout(120_000);

  it("resolves aliases and merge keys as the CLI does (explicit keys beat merged ones)", () => {
    // The CLI decodes stack files with a YAML library that expands `*alias` and `<<: *anchor`; the program
    // gets the resolved values, never a reference to an anchor.
    const c = load(
      projectWith(
        [
          "config:",
          "  p:base: &base {acl: private, size: 1}",
          "  p:extra: &extra {size: 9, zone: a}",
          "  p:obj:",
          "    <<: [*base, *extra]",
          "    acl: public-read",
          "  p:name: &n assets",
          "  p:alias: *n",
          "  p:list: [*n, *n]",
        ].join("\n"),
      ),
    );
    assert.deepStrictEqual(c["p:obj"], { acl: "public-read", size: 1, zone: "a" });
    assert.strictEqual(c["p:alias"], "assets");
    assert.deepStrictEqual(c["p:list"], ["assets", "assets"]);
  });

  it("a merge key in the config block itself contributes namespaced keys", () => {
    const c = load(projectWith("shared: &s {aws:region: eu-west-1}\nconfig:\n  <<: *s\n  p:x: 1\n"));
    assert.strictEqual(c["aws:region"], "eu-west-1");
    assert.strictEqual(c["p:x"], 1);
  });

  it("a public bucket enabled through an anchor and merge key is checked as the program sees it", async () => {
    // The real engine runs the program with the resolved config, so `pulumi preview --policy-pack` sees a
    // public-read bucket; the gate must see the same bucket and fail.
    const r = await groundwork(
      "check",
      path.join(FIXTURES, "yaml-anchors"),
      "--stack",
      "dev",
      "--format",
      "json",
    );
    assert.strictEqual(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as {
      resources: { type: string; inputs: Record<string, unknown> }[];
      violations: { policy: string; urn?: string; enforcementLevel: string }[];
    };
    const bucket = j.resources.find((x) => x.type === "aws:s3/bucket:Bucket");
    assert.strictEqual(bucket?.inputs.acl, "public-read", "the policies see the resolved ACL");
    assert.ok(
      j.violations.some(
        (v) =>
          v.policy === "aws-s3-no-public-acl" &&
          v.enforcementLevel === "mandatory" &&
          v.urn === "urn:pulumi:dev::yaml-anchors::aws:s3/bucket:Bucket::assets",
      ),
    );
  });

  it("refuses an alias explosion (billion laughs) naming the file", () => {
    const lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    lines.push("config:\n  p:boom: *l9");
    refuses(projectWith(lines.join("\n")), /too many alias expansions/);
  });

  it("refuses nesting deeper than 64 levels, in the text or through an alias", () => {
    refuses(projectWith(`config:\n  p:deep: ${"[".repeat(70)}${"]".repeat(70)}\n`), /deeper than 64/);
    // Deep enough to overflow the YAML parser's own stack: still the depth error, not a parser crash.
    refuses(projectWith(`config:\n  p:deep: ${"[".repeat(5000)}${"]".repeat(5000)}\n`), /deeper than 64/);
    const half = (a: string): string => `${"[".repeat(40)}${a}${"]".repeat(40)}`;
    refuses(projectWith(`x: &d ${half("1")}\nconfig:\n  p:deep: ${half("*d")}\n`), /deeper than 64/);
    // 60 levels is ordinary YAML and loads.
    assert.ok(load(projectWith(`config:\n  p:ok: ${"[".repeat(60)}${"]".repeat(60)}\n`)));
  });

  it("refuses a stack file over 10 MiB before reading it", async () => {
    const dir = projectWith("");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `# ${"x".repeat(MAX_YAML_BYTES)}\nconfig: {}\n`);
    refuses(dir, /the limit is 10485760/);
    // Through the command: exit 2 with the file named, as any broken stack file.
    const r = await groundwork("check", dir, "--stack", "dev");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /Pulumi\.dev\.yaml: file is \d+ bytes; the limit is 10485760/);
  });
});
