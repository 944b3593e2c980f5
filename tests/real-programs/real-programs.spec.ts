// Real programs written by others (re-authored from public repositories, see README.md) through the offline
// gate in preview and update: each gets the verdict recorded in expectations.json, every finding there is
// judged true or false by a person, and a change in what the gate says shows as a diff.
//   refresh after a deliberate change: node dist/tests/real-programs/update-expectations.js
import { strict as assert } from "assert";
import { Mode, observe, programNames, readExpectations } from "./run";

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
});
