// The misconfiguration corpus: each program in corpus/ breaks one control with raw provider resources.
// Synthesized in preview and update mode, every expected policy must fire, and no other mandatory one.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { synth } from "../../testing";
import { evaluatePolicies } from "../../check";
import { policies } from "../../policy/pack";
import { CorpusEntry } from "./kit";

const DIR = path.join(__dirname, "corpus");
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".js"))
  .sort();
// Waiver audits are checked against a fixed date, so the corpus never rots.
const NOW = new Date("2026-01-15T12:00:00Z");

function load(file: string): CorpusEntry {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(DIR, file)) as { entry: CorpusEntry }).entry;
}

describe("policy corpus", function () {
  this.timeout(120_000);

  it("has at least 30 programs covering AWS, Google Cloud, Azure, Kubernetes and common rules", () => {
    assert.ok(FILES.length >= 30, `only ${FILES.length} corpus programs`);
    for (const prefix of ["aws-", "gcp-", "azure-", "k8s-", "common-"]) {
      assert.ok(FILES.filter((f) => f.startsWith(prefix)).length >= 3, `fewer than 3 ${prefix} programs`);
    }
  });

  it("trips every mandatory policy at least once", () => {
    const expected = new Set(FILES.flatMap((f) => load(f).expect));
    const mandatory = policies.filter((p) => p.enforcementLevel === "mandatory").map((p) => p.name);
    assert.deepStrictEqual(
      mandatory.filter((n) => !expected.has(n)),
      [],
    );
  });

  for (const file of FILES) {
    const entry = load(file);
    for (const mode of entry.modes ?? ["preview", "update"]) {
      it(`${file.replace(/\.js$/, "")} (${mode}): ${entry.description}`, async () => {
        const graph = await synth(entry.program, {
          stack: entry.stack ?? "dev",
          project: "corpus",
          preview: mode === "preview",
          config: { "aws:region": "eu-west-1" },
        });
        const report = await evaluatePolicies(graph, { config: entry.config, now: NOW });
        const fired = new Set(report.violations.map((v) => v.policy));
        const missing = entry.expect.filter((p) => !fired.has(p));
        assert.deepStrictEqual(
          missing,
          [],
          `expected policies did not fire; undecided: ${JSON.stringify(report.undecided)}`,
        );
        const strays = report.violations.filter(
          (v) => v.enforcementLevel === "mandatory" && !entry.expect.includes(v.policy),
        );
        assert.deepStrictEqual(strays, [], "other mandatory policies fired");
        for (const policy of entry.expect) {
          assert.ok(
            report.violations.some((v) => v.policy === policy && v.urn !== undefined) ||
              policy === "groundwork-waivers",
            `${policy} fired without naming a resource`,
          );
        }
      });
    }
  }
});
