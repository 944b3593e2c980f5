// Real programs written by others (re-authored from public repositories, see README.md) through the offline
// gate in preview and update: each gets the verdict recorded in expectations.json, every finding there is
// judged true or false by a person, and a change in what the gate says shows as a diff.
//   refresh after a deliberate change: node dist/tests/real-programs/update-expectations.js
import { strict as assert } from "assert";
import * as path from "path";
import { runCheck } from "../../check/gate";
import { Mode, PROGRAMS_DIR, SUITE_STACK, nameOf, observe, programNames, readExpectations } from "./run";

describe("real programs through the offline gate", function () {
  this.timeout(120_000);
  const expectations = readExpectations();
  const names = programNames();

  it("has a recorded expectation for every program, and 25 or more programs on all four clouds", () => {
    assert.deepEqual(
      names.filter((n) => !expectations[n]),
      [],
    );
    assert.ok(names.length >= 25, `only ${names.length} programs`);
    assert.deepEqual([...new Set(names.map((n) => expectations[n].cloud))].sort(), [
      "aws",
      "azure",
      "gcp",
      "kubernetes",
    ]);
  });

  it("judges every finding it records", () => {
    const unjudged = names.flatMap((n) => {
      const e = expectations[n];
      return [...e.preview.findings, ...e.update.findings]
        .filter((f) => (e.judgements[f]?.judged ?? "unjudged") === "unjudged")
        .map((f) => `${n}: ${f}`);
    });
    assert.deepEqual(unjudged, []);
  });

  for (const name of names) {
    for (const mode of ["preview", "update"] as Mode[]) {
      it(`${name} (${mode}): the recorded verdict, incomplete items and findings`, async () => {
        const seen = await observe(name, mode);
        const want = expectations[name]?.[mode];
        // A program a real preview runs gets a verdict, or exit 2 naming what no offline engine can know.
        assert.notEqual(seen.verdict, "error", seen.error);
        assert.deepEqual(seen, want);
      });
    }
  }

  // The suite runs in-process for speed; the gate runs each program in its own process, through the SDK's
  // runner, which takes the entry point from the nearest package.json (each program has its own, as real
  // projects do). The two agree.
  for (const [name, exitCode] of [
    ["aws-dynamo-kms", 0],
    ["k8s-helm-release", 2],
  ] as const) {
    it(`${name}: groundwork check's own runner exits ${exitCode}, as its recorded verdict says`, async () => {
      const result = await runCheck({ projectDir: path.join(PROGRAMS_DIR, name), stack: SUITE_STACK });
      assert.equal(result.exitCode, exitCode);
      assert.equal(result.report.summary.verdict, expectations[name].preview.verdict);
      assert.deepEqual(
        [...new Set(result.report.incomplete.map((i) => `${i.kind} ${i.type ?? ""}`.trim()))].sort(),
        expectations[name].preview.incomplete,
      );
      const findings = [
        ...result.report.violations.map((v) => `${v.enforcementLevel} ${v.policy} ${nameOf(v.urn)}`),
        ...result.report.undecided.map((u) => `undecided ${u.policy} ${nameOf(u.urn)}`),
      ];
      assert.deepEqual([...new Set(findings)].sort(), expectations[name].preview.findings);
    });
  }
});
