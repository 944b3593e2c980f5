// A pack cannot be downgraded silently: duplicate policy names and unknown enforcement levels are errors,
// over the analyzer protocol and in-process alike.
import * as assert from "assert";
import * as path from "path";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { ResourceGraph } from "../../engine/graph";
import { AnalyzerError, runPolicyPack } from "../../check/analyzer/host";
import { Findings } from "../../check/analyzer/results";
import { synthProject } from "../../check/gate";
import { evaluatePolicies } from "../../check/in-process/evaluate";
import { FIXTURES, groundwork } from "../cli/helpers";

const pack = (name: string): string => path.join(FIXTURES, "packs", name);
const PROJECT = path.join(FIXTURES, "public-bucket");

describe("policy packs: duplicate names and unknown enforcement levels", function () {
  this.timeout(120_000);
  let graph: ResourceGraph;
  const host = { project: "public-bucket", stack: "dev" };
  before(async () => {
    ({ graph } = await synthProject(PROJECT, "dev"));
  });

  it("two policies with one name in a pack: exit 2 naming the pack and the policy", async () => {
    // Config and findings are keyed by policy name, so the second policy's advisory level would have
    // replaced the first's mandatory one and the public bucket would have passed.
    const r = await groundwork("check", PROJECT, "--stack", "dev", "--policy-pack", pack("duplicate"));
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /policy pack 'duplicate' defines policy 'no-public-acl' more than once/);
  });

  it("an enforcement level code outside the four fails the pack, as the CLI's 'invalid enforcement level'", async () => {
    // The Pulumi CLI converts each GetAnalyzerInfo level and fails on an unknown one; reading it as
    // advisory (as before) would let a mandatory policy pass a public bucket.
    await assert.rejects(
      runPolicyPack(pack("bad-level"), graph, host),
      (err: Error) =>
        err instanceof AnalyzerError &&
        /policy pack 'bad-level': policy 'strict-acl' has invalid enforcement level 7/.test(err.message),
    );
  });

  it("a finding with an unknown level code is an error, not an advisory finding", () => {
    // The CLI's convertDiagnostics fails on an unknown level the same way.
    const d = new analyzerpb.AnalyzeDiagnostic();
    d.setPolicyname("p");
    d.setPolicypackname("x");
    d.setEnforcementlevel(9 as analyzerpb.EnforcementLevel);
    d.setMessage("m");
    assert.throws(
      () => new Findings("x", {}).collect(0, [d], "urn:x"),
      /policy pack 'x': policy 'p' reported a finding with invalid enforcement level 9/,
    );
  });

  it("in-process: a given pack object with a duplicate name or an unknown level is refused", async () => {
    // @pulumi/policy refuses an unknown level name when the CLI asks for the pack's policies
    // (UnknownEnforcementLevelError); the in-process path must not read "strict" as a non-blocking level.
    const validateResource = (): void => undefined;
    const policy = { name: "a", description: "d", validateResource };
    await assert.rejects(
      evaluatePolicies(graph, {
        pack: {
          name: "in-proc",
          policies: [
            { ...policy, enforcementLevel: "mandatory" },
            { ...policy, enforcementLevel: "advisory" },
          ],
        },
      }),
      /policy pack 'in-proc' defines policy 'a' more than once/,
    );
    await assert.rejects(
      evaluatePolicies(graph, {
        pack: {
          name: "in-proc",
          policies: [{ ...policy, enforcementLevel: "strict" as "mandatory" }],
        },
      }),
      /policy pack 'in-proc': policy 'a' has invalid enforcement level "strict"/,
    );
  });
});
