// JUnit XML for CI test reporters: one test case per policy, failing on its mandatory findings (a clean run
// of a 60-policy pack is 60 cases, not one per policy per resource type).
import { CheckReport, Violation } from "../report";
import { describeIncomplete, describeUrn, findingText, isolationLines, ruleId } from "./common";

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
  const xml = `  <testsuite name="groundwork offline engine (incomplete)" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${isolationProperties(report)}${cases.join("\n")}\n  </testsuite>`;
  return { xml, tests: cases.length, failures };
}

/** One policy's test case: failing on its mandatory findings, advisory ones as output, skipped when disabled. */
function policyCase(
  pack: string,
  policy: CheckReport["policies"][number],
  mine: readonly Violation[],
): string {
  const attrs = `classname="${esc(ruleId(pack, policy.name))}" name="${esc(policy.name)}"`;
  if (policy.enforcementLevel === "disabled")
    return `    <testcase ${attrs}><skipped message="policy disabled"/></testcase>`;
  const mandatory = mine.filter(
    (v) => v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate",
  );
  const advisory = mine.filter((v) => !mandatory.includes(v));
  const body: string[] = [];
  if (mandatory.length) {
    // The policy's description once, then what is wrong with each resource.
    const text = [
      policy.description,
      ...mandatory.map(
        (v: Violation) =>
          `${describeUrn(v.urn)} (${v.urn ?? "stack"}): ${findingText(v, policy.description)}`,
      ),
    ].join("\n\n");
    body.push(
      `      <failure type="mandatory" message="${esc(`${mandatory.length} mandatory violation(s) of ${policy.name}`)}">${esc(text)}</failure>`,
    );
  }
  if (advisory.length) {
    body.push(
      `      <system-out>${esc(advisory.map((v) => `advisory: ${describeUrn(v.urn)}: ${findingText(v, policy.description)}`).join("\n"))}</system-out>`,
    );
  }
  return body.length
    ? `    <testcase ${attrs}>\n${body.join("\n")}\n    </testcase>`
    : `    <testcase ${attrs}/>`;
}

/** The isolation as a suite property, which every suite carries (CI test views show suite properties). */
export function isolationProperties(report: Pick<CheckReport, "isolation">): string {
  const iso = isolationLines(report.isolation);
  if (!iso) return "";
  const props = [
    `      <property name="isolation" value="${esc(iso.line)}"/>`,
    `      <property name="isolation.full" value="${report.isolation!.full}"/>`,
    ...iso.reasons.map((r) => `      <property name="isolation.unavailable" value="${esc(r)}"/>`),
  ];
  return `    <properties>\n${props.join("\n")}\n    </properties>\n`;
}

export function toJunit(report: CheckReport): string {
  const packs = [...new Set(report.policies.map((p) => p.pack))];
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const pack of packs) {
    const cases = report.policies
      .filter((x) => x.pack === pack)
      .map((p) =>
        policyCase(
          pack,
          p,
          report.violations.filter((v) => v.pack === pack && v.policy === p.name),
        ),
      );
    const failures = cases.filter((c) => c.includes("<failure")).length;
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${esc(pack)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${cases.filter((c) => c.includes("<skipped")).length}">\n${isolationProperties(report)}${cases.join("\n")}\n  </testsuite>`,
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
