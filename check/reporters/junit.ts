// JUnit XML for CI test reporters: one test case per policy per resource type, failing on mandatory findings.
import { CheckReport, Violation } from "../report";
import { describeIncomplete, describeUrn, ruleId } from "./common";

export function esc(s: string): string {
  return (
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // XML 1.0 cannot carry most control characters, even escaped.
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "")
  );
}

const STACK_CLASS = "(stack)";

/**
 * The offline engine's own suite: one case per incomplete item, failing unless --allow-incomplete made
 * the items advisory. A CI test view then shows what the check could not see, never a green run.
 */
function incompleteSuite(report: CheckReport): { xml: string; tests: number; failures: number } | undefined {
  if (report.incomplete.length === 0) return undefined;
  const allowed = report.summary.allowIncomplete;
  const cases = report.incomplete.map((item) => {
    const attrs = `classname="groundwork/incomplete/${esc(item.kind)}" name="${esc(item.urn ?? item.type ?? item.kind)}"`;
    const text = esc(describeIncomplete(item));
    return allowed
      ? `    <testcase ${attrs}>\n      <system-out>advisory (--allow-incomplete): ${text}</system-out>\n    </testcase>`
      : `    <testcase ${attrs}>\n      <failure type="incomplete" message="${esc(item.reason)}">${text}</failure>\n    </testcase>`;
  });
  const failures = allowed ? 0 : cases.length;
  const xml = `  <testsuite name="groundwork offline engine (incomplete)" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join("\n")}\n  </testsuite>`;
  return { xml, tests: cases.length, failures };
}

export function toJunit(report: CheckReport): string {
  const typeOf = new Map(report.graph.resources.map((r) => [r.urn, r.type]));
  const types = [
    ...new Set(report.graph.resources.filter((r) => r.parent !== undefined).map((r) => r.type)),
  ].sort();
  const packs = [...new Set(report.policies.map((p) => p.pack))];
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const pack of packs) {
    const cases: string[] = [];
    let failures = 0;
    for (const p of report.policies.filter((x) => x.pack === pack)) {
      const mine = report.violations.filter((v) => v.pack === pack && v.policy === p.name);
      const classes = [...types];
      if (mine.some((v) => !v.urn || !typeOf.has(v.urn) || typeOf.get(v.urn) === "pulumi:pulumi:Stack"))
        classes.push(STACK_CLASS);
      for (const type of classes) {
        const here = mine.filter((v) => {
          const t = v.urn ? typeOf.get(v.urn) : undefined;
          return type === STACK_CLASS ? t === undefined || t === "pulumi:pulumi:Stack" : t === type;
        });
        const name = `${p.name} [${type}]`;
        const attrs = `classname="${esc(ruleId(pack, p.name))}" name="${esc(name)}"`;
        if (p.enforcementLevel === "disabled") {
          cases.push(`    <testcase ${attrs}><skipped message="policy disabled"/></testcase>`);
          continue;
        }
        const mandatory = here.filter(
          (v) => v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate",
        );
        const advisory = here.filter((v) => !mandatory.includes(v));
        const body: string[] = [];
        if (mandatory.length) {
          failures++;
          const text = mandatory
            .map((v: Violation) => `${describeUrn(v.urn)} (${v.urn ?? "stack"}): ${v.message}`)
            .join("\n\n");
          body.push(
            `      <failure type="mandatory" message="${esc(`${mandatory.length} mandatory violation(s) of ${p.name}`)}">${esc(text)}</failure>`,
          );
        }
        if (advisory.length) {
          body.push(
            `      <system-out>${esc(advisory.map((v) => `advisory: ${describeUrn(v.urn)}: ${v.message}`).join("\n"))}</system-out>`,
          );
        }
        cases.push(
          body.length
            ? `    <testcase ${attrs}>\n${body.join("\n")}\n    </testcase>`
            : `    <testcase ${attrs}/>`,
        );
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${esc(pack)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${cases.filter((c) => c.includes("<skipped")).length}">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  const incomplete = incompleteSuite(report);
  if (incomplete) {
    suites.push(incomplete.xml);
    totalTests += incomplete.tests;
    totalFailures += incomplete.failures;
  }
  const g = report.graph;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${esc(`groundwork check ${g.project}/${g.stack}`)}" tests="${totalTests}" failures="${totalFailures}" errors="0">\n` +
    suites.join("\n") +
    `\n</testsuites>\n`
  );
}
