// docs/offline-answers.md, written from the tables the engine answers from (invokes.ts, zones.ts), so
// the page cannot drift from the code: tests/engine/answers-doc.spec.ts compares the two, and
// `node dist/tests/engine/update-answers-doc.js` rewrites the page.
import { OPAQUE_TYPES } from "./incomplete";
import { INVOKE_RANKING, RANKED_PROGRAMS, RANKING_CORPUS } from "./invoke-ranking";
import { DEFAULT_INVOKES, OFFLINE_ANSWERS } from "./invokes";
import { REGION_ZONES, zonesOf } from "./zones";

const HEADER = `# Answers the offline gate gives

\`groundwork check\` runs a program with no cloud account. Where the program asks a provider something
(an invoke, a \`StackReference\`, a remote component), the offline engine either answers from the table
below or records the question as **incomplete**: the check's verdict is then \`incomplete\` and it exits 2,
naming each item, unless \`--allow-incomplete\` is given (the items are then reported as advisory). It
never passes silently. See [ADR 0006](adr/0006-fail-closed-offline-engine.md).

This page is generated from \`engine/invokes*.ts\`, \`engine/zones.ts\`, \`engine/incomplete.ts\` and
\`engine/invoke-ranking.ts\`; a test fails when it differs.

**Fidelity** says how close each answer is to the provider's:

| Fidelity | Meaning |
| --- | --- |
| computed | what the provider itself computes without a cloud: the same result (\`getPolicyDocument\`'s JSON, partitions, service agents' names) |
| public data | from a table the cloud publishes (zones per region, Elastic Load Balancing's log-delivery accounts) |
| config | what the provider answers from its configuration (region, project, default tags) |
| shaped | what only an account knows (its default VPC, a zone's id, a storage account's keys): the provider's shape with invented, stable values; keys, passwords and tokens are **secrets**, as the provider returns them |
`;

const OUTPUTS = `## Outputs of new resources

Generated from the provider SDKs' own declarations by \`scripts/output-shapes.ts\` into
\`engine/shapes/<package>.json\` (\`npm run shapes:update\`; a test fails when a table was made from another
SDK version), so every resource type of \`@pulumi/aws\`, \`@pulumi/gcp\`, \`@pulumi/azure-native\` and
\`@pulumi/kubernetes\` is covered; the gate reads the tables, never the SDKs.

| | Preview | \`--update\` |
| --- | --- | --- |
| The inputs the program gave | as given | as given |
| The auto-named property (a bucket's \`bucket\`, \`name\`, an Azure resource's own name parameter, a Kubernetes object's \`metadata.name\`) | known, as Check gives it: \`<name>-<7 hex>\` (Azure \`<name><8 hex>\`, Kubernetes \`<name>-<8>\`), or a \`namePrefix\` and 26 digits | the same |
| AWS \`tagsAll\` and \`region\` | known: the provider's default tags under the resource's own; the provider's region | the same |
| The id | unknown | as the provider forms it, from the import form the SDK documents: an ARN (Secrets Manager, IAM policies …), a URL (SQS), a prefixed id (\`vpc-\`, \`sg-\`, \`i-\` and 17 hex digits), the name, a \`projects/…/locations/…\` path, an ARM id (its provider namespace from a table, a guess for modules not in it), \`<namespace>/<name>\` |
| Output-only properties | unknown | a value of the declared type, named for the resource: \`arn\`, endpoints and host names in the region's domain, addresses (private: 10.x; public: 203.0.113.x, a documentation range), base64 certificates, timestamps; arrays of one; nested objects to three levels (a nested Azure resource as its id) |
| Output-only fields inside an input object (GKE \`masterAuth.clusterCaCertificate\`) | unknown | a value, as above; a computed *setting* (\`httpTokens\`, \`kmsMasterKeyId\`) is never invented |
| Outputs the SDK declares secret (\`additionalSecretOutputs\`), keys and passwords | secret when known | secret |

Values are stable: the same URN always gets the same outputs.
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
| Resources that deploy what no policy sees (table below) | their contents are created by a service at deploy time (Helm, CloudFormation, Azure Resource Manager, Deployment Manager); the resource itself is checked |
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

function rankingRows(): string[] {
  const rows = ["| Rank | Invoke token | Programs | Offline |", "| --- | --- | --- | --- |"];
  const fidelity = new Map(OFFLINE_ANSWERS.map((a) => [a.token, a.fidelity]));
  INVOKE_RANKING.forEach((r, i) => {
    const answered = DEFAULT_INVOKES[r.token] ? (fidelity.get(r.token) ?? "answered") : "**incomplete**";
    rows.push(`| ${i + 1} | \`${r.token}\` | ${r.programs} | ${answered} |`);
  });
  return rows;
}

function rankingSection(): string[] {
  const corpus = RANKING_CORPUS.map((c) => `${c.repo}@${c.commit.slice(0, 12)}`).join(", ");
  return [
    "## Which invokes programs make",
    "",
    `The rows above cover the head of this ranking: how many of ${RANKED_PROGRAMS} public Pulumi TypeScript programs`,
    "call each invoke (tokens called by one program only are left out). Counted by `scripts/rank-invokes.ts`: each",
    "`.ts` file's imports of the provider SDKs and every call through them of a function the installed SDK",
    "implements as an invoke, once per program (a directory with a `Pulumi.yaml`). The held-out measures",
    "(pulumi/examples, pulumi/compliance-policies) are not counted. Corpus, at the commits read:",
    corpus + ".",
    "",
    ...rankingRows(),
    "",
  ];
}

function opaqueRows(): string[] {
  const rows = ["| Resource type | Why |", "| --- | --- |"];
  for (const [type, why] of Object.entries(OPAQUE_TYPES)) rows.push(`| \`${type}\` | ${escapeCell(why)} |`);
  return rows;
}

/** The whole page. */
export function offlineAnswersMarkdown(): string {
  const invokes = ["| Invoke token | Fidelity | Answer |", "| --- | --- | --- |"];
  for (const a of OFFLINE_ANSWERS)
    invokes.push(`| \`${a.token}\` | ${a.fidelity} | ${escapeCell(a.answer)} |`);
  return [
    HEADER,
    "## Invokes",
    "",
    ...invokes,
    "",
    "Region: the explicit provider's `region`, else `aws:region`, else us-east-1. Project: the explicit provider's",
    "`project`, else `gcp:project`. Location: the explicit provider's `location`, else `azure-native:location`.",
    "",
    ...rankingSection(),
    "## Availability zones (`getAvailabilityZones`)",
    "",
    ...zoneRows(),
    "",
    OUTPUTS,
    PINNING,
    "## Resources whose contents no policy sees",
    "",
    "Each is registered and checked as the one resource it is, and recorded as **incomplete** (`opaque-resource`):",
    "",
    ...opaqueRows(),
    "",
  ].join("\n");
}
