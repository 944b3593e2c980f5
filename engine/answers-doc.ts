// docs/offline-answers.md, written from the tables the engine answers from (invokes.ts, zones.ts), so
// the page cannot drift from the code: tests/engine/answers-doc.spec.ts compares the two, and
// `node dist/tests/engine/update-answers-doc.js` rewrites the page.
import { OFFLINE_ANSWERS } from "./invokes";
import { REGION_ZONES, zonesOf } from "./zones";

const HEADER = `# Answers the offline gate gives

\`groundwork check\` runs a program with no cloud account. Where the program asks a provider something
(an invoke, a \`StackReference\`, a remote component), the offline engine either answers from the table
below or records the question as **incomplete**: the check's verdict is then \`incomplete\` and it exits 2,
naming each item, unless \`--allow-incomplete\` is given (the items are then reported as advisory). It
never passes silently. See [ADR 0006](adr/0006-fail-closed-offline-engine.md).

This page is generated from \`engine/invokes.ts\` and \`engine/zones.ts\`; a test fails when it differs.
`;

const PINNING = `## Pinning the rest

- \`--invokes FILE\`: JSON, invoke token → result object, or token → list of \`{ "args": {…}, "result": {…} }\`
  (the first entry whose \`args\` are all in the invoke's args answers; none matching is incomplete).
  A pinned token replaces the built-in answer.
- \`--stack-outputs DIR\`: the outputs of the stack a \`StackReference\` names, read from
  \`DIR/<org>/<project>/<stack>.json\` (the full name), else \`DIR/<stack>.json\`, as
  \`pulumi stack output --json\` prints them. Without it, the outputs are unknown in preview, empty
  under \`--update\`, and the check is incomplete.

## Never answered (always incomplete)

| What | Why |
| --- | --- |
| Remote components (\`remote: true\`: awsx, eks, \`kubernetes:helm.sh/v4:Chart\`, \`kubernetes:yaml/v2:ConfigFile\` …) | their provider builds the children in \`Construct\`, which needs the provider plugin; the component is kept, childless |
| An invoke with no row above and no \`--invokes\` entry | the program gets \`{}\`, the result the SDK itself gives an invoke with unknown inputs, and runs on |
| A \`StackReference\` with no \`--stack-outputs\` file | another stack's outputs live in the backend |

Reads (\`Resource.get(...)\`, \`StackReference\`) stay in the graph, marked as reads, and are never sent
to a policy, as the engine never analyzes reads.

## The program's callbacks

| What | Offline |
| --- | --- |
| Transforms (\`registerResourceTransform\`, the \`transforms\` option) | called before each registration is recorded; the policies see what they return |
| Invoke transforms (\`registerInvokeTransform\`) | called before each invoke is answered, in registration order; the answer is for the args they return |
| Resource and error hooks (the \`hooks\` option, \`ResourceHook\`, \`ErrorHook\`) | registered (a repeated name is refused, as the engine refuses it), never called: hooks run when a step is applied, after the policies have seen its inputs, and the gate applies none ([ADR 0008](adr/0008-offline-engine-callbacks-and-esm-typescript.md)) |
| Method calls on remote components (\`Call\`) | refused: the program fails and the check exits 2 |
`;

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

function zoneRows(): string[] {
  const rows = ["| Region | Zones | Names and ids | Note |", "| --- | --- | --- | --- |"];
  for (const [region, z] of Object.entries(REGION_ZONES)) {
    const zones = zonesOf(region).map((x) => `${x.name} (${x.zoneId})`);
    rows.push(`| ${region} | ${zones.length} | ${zones.join(", ")} | ${escapeCell(z.note ?? "")} |`);
  }
  rows.push(
    "| any other | — | none: the invoke fails with `invalid AWS Region`, as the provider does | a region AWS does not have (facts/aws/locations.json lists the ones it has) |",
  );
  return rows;
}

/** The whole page. */
export function offlineAnswersMarkdown(): string {
  const invokes = ["| Invoke token | Answer |", "| --- | --- |"];
  for (const a of OFFLINE_ANSWERS) invokes.push(`| \`${a.token}\` | ${escapeCell(a.answer)} |`);
  return [
    HEADER,
    "## Invokes",
    "",
    ...invokes,
    "",
    "Region: the explicit provider's `region`, else `aws:region`, else us-east-1.",
    "",
    "## Availability zones (`getAvailabilityZones`)",
    "",
    ...zoneRows(),
    "",
    PINNING,
  ].join("\n");
}
