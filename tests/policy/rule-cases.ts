// Rule cases shared by the per-cloud rule specs: a program that must pass or fail one policy, and what a
// policy says while its decisive value is unknown in preview. Synthesized offline, evaluated in-process.
import * as assert from "assert";
import { synth } from "../../testing";
import { PolicyReport, evaluatePolicies } from "../../check";

/** A program that must leave `policy` silent (`fail: undefined`) or fire it with a message matching `fail`. */
export interface RuleCase {
  readonly policy: string;
  readonly title: string;
  readonly program: () => void;
  readonly fail?: RegExp;
  readonly config?: Record<string, unknown>;
}

/** Synthesizes `program` (stack "dev") and runs the pack over it, in preview or update mode. */
export async function evaluate(
  program: () => void,
  preview: boolean,
  config?: Record<string, unknown>,
): Promise<PolicyReport> {
  const graph = await synth(program, {
    stack: "dev",
    project: "rules",
    preview,
    config: { "aws:region": "eu-west-1", "gcp:project": "groundwork-rules", "gcp:region": "europe-west1" },
  });
  return evaluatePolicies(graph, { config, now: new Date("2026-01-15T12:00:00Z") });
}

/** The messages `policy` reported as violations. */
export function messages(report: PolicyReport, policy: string): string[] {
  return report.violations.filter((v) => v.policy === policy).map((v) => v.message);
}

/** Runs every case in update mode: a pass reports nothing for its policy, a fail reports a matching finding. */
export function ruleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    it(`${c.policy}: ${c.title} ${c.fail ? "fails" : "passes"}`, async () => {
      const found = messages(await evaluate(c.program, false, c.config), c.policy);
      if (c.fail === undefined) assert.deepStrictEqual(found, []);
      else
        assert.ok(
          found.some((m) => c.fail!.test(m)),
          `no finding matching ${c.fail}: ${JSON.stringify(found)}`,
        );
    });
  }
}

/** The program's `policy` is undecided (not violated) in preview, and violated in update. */
export function undecidedInPreview(policy: string, title: string, program: () => void): void {
  it(`${policy}: ${title} is undecided in preview, a violation in update`, async () => {
    const preview = await evaluate(program, true);
    assert.deepStrictEqual(messages(preview, policy), []);
    assert.ok(
      preview.undecided.some((u) => u.policy === policy),
      JSON.stringify(preview.undecided),
    );
    assert.ok(messages(await evaluate(program, false), policy).length > 0);
  });
}

/** The program passes `policy` in preview too, where the links it needs are known only as dependencies. */
export function passesInPreview(policy: string, title: string, program: () => void): void {
  it(`${policy}: ${title} passes in preview, links followed through dependencies`, async () => {
    const preview = await evaluate(program, true);
    assert.deepStrictEqual(messages(preview, policy), []);
    assert.deepStrictEqual(
      preview.undecided.filter((u) => u.policy === policy),
      [],
    );
  });
}
