// Generates policy/README.md from the policies' own metadata, so the catalogue cannot drift from the
// code: `npm run policy:catalogue` writes it, and a test fails when the committed file is stale.
import { policies, packName, WAIVER_POLICY, GroundworkPolicy } from "./pack";

const AREAS: Record<string, string> = {
  common: "Every cloud",
  aws: "AWS",
  kubernetes: "Kubernetes",
  gcp: "Google Cloud",
  azure: "Azure",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function knobs(p: GroundworkPolicy): string {
  const props = Object.entries(p.configSchema?.properties ?? {}).filter(([k]) => k !== "waivers");
  if (props.length === 0) return "";
  return props
    .map(([k, s]) => `\`${k}\` (default \`${JSON.stringify((s as { default?: unknown }).default)}\`)`)
    .join(", ");
}

/** The fixed part of the README: how to run the pack, levels and config, waivers, unknown values. */
function intro(): string[] {
  return [
    "A CrossGuard pack that holds every Pulumi program — ours or anyone's — to the Groundwork security",
    "baseline (`BASELINE.md`). Rules are written against raw provider resources.",
    "",
    "## Running it",
    "",
    "```sh",
    "npm run build                                   # compiles policy/ to dist/policy/",
    "pulumi preview --policy-pack policy [--policy-pack-config policy-config.json]",
    "groundwork check . --stack dev                  # the same pack, offline, no CLI needed",
    "```",
    "",
    "`policy/package.json` points `main` at the compiled `../dist/policy/index.js`. The CLI's runner",
    "(`@pulumi/pulumi/cmd/run-policy-pack`) `require`s the pack directory, so Node follows `main`; loading",
    "compiled JavaScript works the same under `pulumi preview` and under a bare",
    "`node …/run-policy-pack/index.js <engine> .` started in `policy/`, and needs no ts-node. Run the",
    "build first. `PolicyPack` reads the version from `policy/package.json`.",
    "",
    "## Levels and config",
    "",
    "Critical and high policies are `mandatory`, the rest `advisory`. Any level can be changed, and knobs",
    "set, in the pack config (a JSON file keyed by policy name, `all` for every policy):",
    "",
    "```json",
    "{",
    '  "all": "mandatory",',
    '  "aws-s3-lifecycle": "disabled",',
    '  "aws-cloudwatch-log-retention": { "minimumRetentionDays": 365 },',
    '  "allowed-regions": { "allowedRegions": ["eu-west-1", "eu-central-1"] },',
    '  "aws-required-tags": { "enforcementLevel": "remediate", "defaults": { "managed-by": "platform" } }',
    "}",
    "```",
    "",
    "At level `remediate`, policies with a safe automatic fix apply it (marked **fix** below); the others",
    "behave as `mandatory`.",
    "",
    "## Waivers",
    "",
    "A waiver exempts resources whose URN matches a glob (`*` any characters, `?` one) from one policy. It",
    "lives in that policy's config and needs a `reason`, an `owner` and an `expires` date (YYYY-MM-DD, UTC,",
    "inclusive):",
    "",
    "```json",
    "{",
    '  "aws-s3-public-access-block": {',
    '    "waivers": [',
    "      {",
    '        "urn": "urn:pulumi:prod::web::aws:s3/bucket:Bucket::public-site*",',
    '        "reason": "Static website bucket served publicly by design (ADR-012)",',
    '        "owner": "web-platform@example.com",',
    '        "expires": "2026-12-31"',
    "      }",
    "    ]",
    "  }",
    "}",
    "```",
    "",
    `Every applied waiver is reported as an advisory finding of \`${WAIVER_POLICY}\` naming the policy, the`,
    "resource, the reason, the owner and the expiry. A waiver that is expired, has no reason, no owner or an",
    `unreadable date suppresses nothing and is itself a mandatory \`${WAIVER_POLICY}\` violation.`,
    "",
    "## Unknown values",
    "",
    "During preview some values are not known yet. A check that depends on one is reported as undecided",
    '(advisory, "could not be decided during preview"), never as a mandatory violation. Links between',
    "resources (a bucket and its public-access block) are followed through the engine's",
    "`propertyDependencies`, which are known even when the values are not.",
    "",
    "## Rules",
    "",
    "Grouped by area and service. `groundwork rules --framework cis-kubernetes` (or `cis-aws`, `cis-gcp`, `cis-azure`,",
    "`cis-eks`, `cis-gke`, `cis-aks`, `pss-restricted`, `pss-baseline`, `aws-fsbp`, `checkov`) lists the policies that",
    "map to one framework. What the pack covers per service, and what it leaves out and why, is the coverage matrix,",
    "[COVERAGE.md](COVERAGE.md) (`groundwork rules --coverage`).",
    "",
  ];
}

/** Where the pack deliberately departs from Checkov, the CIS benchmarks or the Pod Security Standards. */
function differences(): string[] {
  return [
    "## Where the pack differs",
    "",
    "- `k8s-high-uid` asks for UID and GID ≥ 10000 (Checkov CKV_K8S_40); the restricted Pod Security Standard only",
    "  asks for a non-root user.",
    "- `k8s-no-host-path` forbids hostPath volumes as the baseline Standard does; `allowedHostPaths` admits named",
    "  paths mounted read-only, for node agents, which Checkov and the Standard leave to an exemption.",
    "- `k8s-service-public-load-balancer` is advisory: a public LoadBalancer is a design choice the pack asks to be",
    "  marked (internal annotation) or waived, where the Groundwork baseline would keep Services ClusterIP.",
    "- Customer-managed keys are asked for on every data store at high severity (docs/adr/0015-one-decision-per-control-in-the-pack.md); Checkov and CIS ask",
    "  for them service by service, often at Level 2. `customerManagedKey: false` on a rule accepts the provider's key.",
    "- Where a cloud now applies a secure default (S3 Block Public Access and ACLs off on new buckets, SSE-SQS, RDS",
    "  PostgreSQL 15 `rds.force_ssl`, EKS 1.28 envelope encryption), the pack refuses turning it off, not leaving it",
    "  unset; Checkov's checks for the explicit setting are matched only with `requireExplicit` (S3).",
    "- `aws-lb-listener-tls-policy` refuses ELBSecurityPolicy-TLS-1-2-2017-01 and -TLS-1-2-Ext-2018-06, which",
    "  Checkov CKV_AWS_103 accepts: their RSA key-exchange ciphers have no forward secrecy.",
    "- Pod templates are read on Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job and",
    "  CronJob; their `*Patch` and `*List` variants are not, since a patch carries only part of a pod spec and rules",
    "  that require a setting would misfire. RBAC `*Patch` objects are read: a patch grants what it lists.",
    "",
  ];
}

/** One area's rules, a table per service (services in order of first appearance). */
function areaTables(rules: readonly GroundworkPolicy[]): string[] {
  const out: string[] = [];
  for (const service of [...new Set(rules.map((p) => p.service))]) {
    out.push(`#### ${service}`, "");
    out.push("| Policy | Severity | Level | Kind | What it requires | Remediation | References | Config |");
    out.push("|---|---|---|---|---|---|---|---|");
    for (const p of rules.filter((r) => r.service === service)) {
      const kind =
        "validateStack" in p
          ? "stack"
          : "remediateResource" in p && p.remediateResource
            ? "resource, **fix**"
            : "resource";
      out.push(
        `| \`${p.name}\` | ${p.severity} | ${p.enforcementLevel} | ${kind} | ${cell(p.description)} | ${cell(p.remediationSteps)} | ${cell(p.references.join(", "))} | ${cell(knobs(p))} |`,
      );
    }
    out.push("");
  }
  return out;
}

/** The README text. */
export function catalogue(list: readonly GroundworkPolicy[] = policies): string {
  const out: string[] = [];
  out.push(
    `<!-- Generated by \`npm run policy:catalogue\` from the policy metadata. Do not edit by hand. -->`,
  );
  out.push(`# \`${packName}\` policy pack`, "");
  out.push(...intro());
  for (const [area, title] of Object.entries(AREAS)) {
    const rules = list.filter((p) => p.area === area);
    if (rules.length === 0) continue;
    out.push(`### ${title}`, "", ...areaTables(rules));
  }
  out.push(`${list.length} policies. Every policy also accepts \`waivers\` in its config.`, "");
  out.push(...differences());
  return out.join("\n");
}

if (require.main === module) process.stdout.write(catalogue());
