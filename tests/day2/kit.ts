// The day-2 matrix kit: for one component, a base program and the changes a user makes after the first
// deploy, each checked against the provider facts for what a second `up` would do. A change may replace a
// stateful resource only when the case names it, with the reason the replacement is what the user asked
// for; everything else must update in place or be ignored.
import * as assert from "assert";
import {
  Day2Options,
  Day2Plan,
  ResourceChange,
  planChange,
  serverDrift,
  unclassifiedInputs,
} from "../../engine/day2";
import { Program } from "../../engine/synth";
import { urnName } from "../../engine/graph";

/** One change a user makes after the first deploy. */
export interface Day2Case {
  /** What the user changes, in words (`tier db-custom-2-7680 → db-custom-4-15360`). */
  readonly change: string;
  /** The program after the change (the base program is the one before). */
  readonly after: Program;
  /** The program before the change, when not the suite's base. */
  readonly before?: Program;
  /**
   * Stateful resources this change replaces or deletes on purpose, by logical name, each with the reason
   * (`"a new key: the user asked for one; the database is re-created from a backup"`). The test fails if
   * any other stateful resource is replaced, or a named one is not.
   */
  readonly replaces?: Readonly<Record<string, string>>;
}

const fmt = (v: unknown): string => (v === undefined ? "(unset)" : JSON.stringify(v));

/** One line per replaced input, with the fact's source: what a reviewer needs to judge it. */
export function describeChange(c: ResourceChange): string {
  const lines = c.inputs
    .filter(
      (i) => !i.ignored && (i.change === "replace" || i.change === "refused" || i.change === "unclassified"),
    )
    .map(
      (i) =>
        `    ${i.path}: ${fmt(i.before)} → ${fmt(i.after)} (${i.change}${i.source ? `; ${i.source}` : ""})`,
    );
  return `  ${c.type} "${c.name}" (${c.stateful}) ${c.action}s:\n${lines.join("\n")}`;
}

/** The problems a plan shows for a case: unexpected stateful replacements, refusals, unclassified inputs. */
export function planProblems(plan: Day2Plan, expected: Readonly<Record<string, string>> = {}): string[] {
  const problems: string[] = [];
  const stateful = (s: string): boolean => s !== "none";
  for (const c of plan.changed) {
    const unclassified = c.inputs.filter((i) => !i.ignored && i.change === "unclassified");
    if (unclassified.length > 0)
      problems.push(`unclassified input change (add it to facts/):\n${describeChange(c)}`);
    if (c.action === "refused") problems.push(`the API refuses this change:\n${describeChange(c)}`);
    if (c.action === "replace" && stateful(c.stateful) && !(c.name in expected))
      problems.push(`a stateful resource is replaced:\n${describeChange(c)}`);
  }
  for (const d of plan.deleted)
    if (stateful(d.stateful) && !(urnName(d.urn) in expected))
      problems.push(`a stateful resource is deleted: ${d.type} "${urnName(d.urn)}"`);
  for (const name of Object.keys(expected)) {
    const happens =
      plan.changed.some((c) => c.name === name && c.action === "replace") ||
      plan.deleted.some((d) => urnName(d.urn) === name);
    if (!happens) problems.push(`"${name}" was expected to be replaced (${expected[name]}), and is not`);
  }
  return problems;
}

/**
 * Registers the day-2 tests of one component: the base program is stable (a second `up` with the same
 * inputs changes nothing), every input it sets is classified by the facts, nothing the server changes is
 * fought over, and each case does only what it names.
 */
export function day2Suite(
  title: string,
  base: Program,
  cases: readonly Day2Case[],
  options: Day2Options = {},
): void {
  describe(`day 2: ${title}`, () => {
    it("a second up with the same inputs changes nothing; every input is classified; server-side changes are ignored", async () => {
      const plan = await planChange(base, base, options);
      assert.deepStrictEqual(
        plan.changed.map(describeChange),
        [],
        "the same program synthesized twice must register the same inputs",
      );
      const unclassified = unclassifiedInputs(plan.before);
      assert.deepStrictEqual(
        unclassified.map((u) => `${u.type} ${urnName(u.urn)}: ${u.path}`),
        [],
        "every input set on a resource must be classified in facts/<cloud>/resources.json",
      );
      const drift = serverDrift(plan.before);
      assert.deepStrictEqual(
        drift.map((d) => `${d.type} ${urnName(d.urn)}: ${d.path} (${d.why}; ${d.source})`),
        [],
        "a property the server changes after create must be in the resource's ignoreChanges",
      );
    });
    for (const c of cases) {
      it(c.change, async () => {
        const plan = await planChange(c.before ?? base, c.after, options);
        const problems = planProblems(plan, c.replaces);
        assert.ok(problems.length === 0, `${c.change}:\n${problems.join("\n")}`);
        // The change must change something: a case whose programs are identical proves nothing.
        assert.ok(
          plan.changed.length + plan.created.length + plan.deleted.length > 0,
          `${c.change}: the two programs register the same inputs`,
        );
      });
    }
  });
}
