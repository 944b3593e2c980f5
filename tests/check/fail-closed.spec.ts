// The gate fails closed: what the offline engine cannot expand or decide makes the verdict "incomplete"
// (exit 2, each item named), never a silent pass; reads are kept but never analyzed. One fixture project,
// one stack per case (tests/fixtures/fail-closed).
import { strict as assert } from "assert";
import * as path from "path";
import { CheckOptions, CheckResult, runCheck } from "../../check/gate";
import { Violation } from "../../check/report";
import { GraphQuery } from "../../engine/graph";
import { FIXTURES, ROOT, groundwork } from "../cli/helpers";

const PROJECT = path.join(FIXTURES, "fail-closed");
const check = (stack: string, more: Partial<CheckOptions> = {}): Promise<CheckResult> =>
  runCheck({ projectDir: PROJECT, stack, ...more });
const cli = (stack: string, ...more: string[]): ReturnType<typeof groundwork> =>
  groundwork("check", path.relative(ROOT, PROJECT), "--stack", stack, ...more);

/** `policy level` of every finding on resources of a type: what the policies said about them. */
function findingsOn(result: CheckResult, type: string): string[] {
  const typeOf = new Map(result.report.graph.resources.map((r) => [r.urn, r.type]));
  return result.report.violations
    .filter((v: Violation) => v.urn !== undefined && typeOf.get(v.urn) === type)
    .map((v) => `${v.policy} ${v.enforcementLevel}`)
    .sort();
}

describe("groundwork check fails closed", function () {
  this.timeout(180_000);

  // The real engine hands a remote component to its provider's Construct, which registers the children
  // (here: the Deployment inside a yaml.v2.ConfigFile) for the policies to analyze.
  it("a remote component: exit 2 naming it; with --allow-incomplete, the exit code follows the violations", async () => {
    const strict = await cli("remote");
    assert.equal(strict.code, 2, strict.stderr);
    assert.match(
      strict.stdout,
      /INCOMPLETE \(1\)\n {2}remote-component {2}kubernetes:yaml\/v2:ConfigFile app {2}urn:pulumi:remote::fail-closed::kubernetes:yaml\/v2:ConfigFile::app: remote component/,
    );
    assert.match(strict.stdout, /\nINCOMPLETE: [1-9]\d* mandatory, .*, 1 incomplete\n$/);

    const allowed = await cli("remote", "--allow-incomplete", "--format", "json");
    assert.equal(allowed.code, 1, allowed.stderr); // the public bucket's mandatory findings
    const json = JSON.parse(allowed.stdout);
    assert.deepEqual(
      json.incomplete.map((i: { kind: string; type: string }) => [i.kind, i.type]),
      [["remote-component", "kubernetes:yaml/v2:ConfigFile"]],
    );
    assert.equal(json.summary.verdict, "fail");
    assert.equal(json.summary.allowIncomplete, true);
  });

  it("--allow-incomplete with no violation exits 0, the item still reported (SARIF warning, JUnit advisory)", async () => {
    const sarif = await cli("stackref", "--allow-incomplete", "--format", "sarif");
    assert.equal(sarif.code, 0, sarif.stderr);
    const inv = JSON.parse(sarif.stdout).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, true);
    assert.equal(inv.toolExecutionNotifications[0].level, "warning");
    const junit = await cli("stackref", "--format", "junit");
    assert.equal(junit.code, 2);
    assert.match(
      junit.stdout,
      /<failure type="incomplete" message="no offline outputs for stack acme\/network\/prod/,
    );
  });

  // The real engine fails the deployment when a provider cannot answer an invoke.
  it("an invoke with no answer: exit 2 naming the token; --invokes FILE answers it and the policies see the answer", async () => {
    const bare = await cli("invoke");
    assert.equal(bare.code, 2, bare.stderr);
    assert.match(
      bare.stdout,
      /invoke {2}acme:index:getThing: no offline answer for this invoke; pin one with --invokes FILE/,
    );

    const pinned = await check("invoke", { invokesFile: path.join(PROJECT, "invokes.json") });
    assert.equal(pinned.exitCode, 0);
    assert.deepEqual(pinned.report.incomplete, []);
    assert.equal(new GraphQuery(pinned.report.graph).one("acme:index:Widget", "thing").inputs.size, "3");
  });

  // The real engine reads a referenced stack's outputs from the backend, in preview and update alike.
  it("a StackReference: incomplete without --stack-outputs; with it, preview and --update pass with the value", async () => {
    const bare = await check("stackref");
    assert.equal(bare.exitCode, 2);
    assert.equal(bare.report.summary.verdict, "incomplete");
    assert.deepEqual(
      bare.report.incomplete.map((i) => i.kind),
      ["stack-reference"],
    );
    for (const update of [false, true]) {
      const r = await check("stackref", { stackOutputsDir: path.join(PROJECT, "stack-outputs"), update });
      assert.equal(r.exitCode, 0, `update=${update}`);
      assert.equal(new GraphQuery(r.report.graph).one("acme:index:Widget", "app").inputs.vpcId, "vpc-0abc");
    }
  });

  // `pulumi preview` answers invokes and reads stack references the same way whatever it is asked to show:
  // graph takes the files check takes, and names what it could not expand.
  it("graph --invokes --stack-outputs: the tree holds the resources the answers make; without them, stderr names the gaps", async () => {
    const names = (stdout: string): string[] =>
      (JSON.parse(stdout).root.children as { name: string; type: string }[])
        .filter((c) => c.type === "acme:index:Widget")
        .map((c) => c.name);
    const dir = path.relative(ROOT, PROJECT);
    const bare = await groundwork("graph", dir, "--stack", "graph", "--format", "json");
    assert.equal(bare.code, 0, bare.stderr);
    assert.deepEqual(names(bare.stdout), []);
    assert.match(bare.stderr, /incomplete \(2\)[^]*invoke {2}acme:index:getThing: no offline answer/);
    assert.match(bare.stderr, /stack-reference {2}.*no offline outputs for stack acme\/network\/prod/);

    const pinned = await groundwork(
      "graph",
      dir,
      "--stack",
      "graph",
      "--format",
      "json",
      "--invokes",
      path.join(dir, "invokes.json"),
      `--stack-outputs=${path.join(dir, "stack-outputs")}`,
    );
    assert.equal(pinned.code, 0, pinned.stderr);
    assert.deepEqual(names(pinned.stdout), ["in-vpc-0abc", "w0", "w1", "w2"]);
    assert.doesNotMatch(pinned.stderr, /incomplete/);
  });

  // The real engine never analyzes reads: `.get()` registers no goal state, so no policy sees it.
  it("reads of public buckets: kept in the graph as reads, never analyzed, in-process or over the protocol", async () => {
    for (const policyPacks of [[], [path.join(ROOT, "policy")]]) {
      const r = await check("reads", { policyPacks });
      assert.equal(r.exitCode, 0);
      assert.deepEqual(r.report.violations, []);
      assert.deepEqual(r.report.undecided, []);
      const reads = r.report.graph.resources.filter((x) => x.external).map((x) => x.name);
      assert.deepEqual(reads.sort(), ["existing", "legacy"]);
    }
  });

  // The real Kubernetes provider decodes a ConfigFile v1's YAML; its objects are then registered and
  // analyzed like any other resource.
  it("a yaml.ConfigFile v1 Deployment gets the same findings as the same Deployment written directly", async () => {
    const viaFile = await check("configfile");
    const direct = await check("direct");
    const deployment = "kubernetes:apps/v1:Deployment";
    const expected = findingsOn(direct, deployment);
    assert.ok(expected.filter((f) => f.endsWith(" mandatory")).length >= 3, expected.join("\n"));
    assert.deepEqual(findingsOn(viaFile, deployment), expected);
    assert.equal(viaFile.exitCode, 1);
    assert.equal(direct.exitCode, 1);
    assert.deepEqual(viaFile.report.incomplete, []);
  });
});
