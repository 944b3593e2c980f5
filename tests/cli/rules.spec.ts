// `groundwork rules`, the coverage view: every built-in policy with its references, filtered by the
// framework its references map to, as a table or JSON; the framework of each reference prefix.
import { strict as assert } from "assert";
import { policies } from "../../policy/pack";
import { frameworksOf } from "../../policy/runtime";
import * as fs from "fs";
import * as path from "path";
import { RuleRow } from "../../cli/rules";
import { CoverageRow } from "../../policy/coverage/matrix";
import { groundwork } from "./helpers";

async function rows(...flags: string[]): Promise<RuleRow[]> {
  const r = await groundwork("rules", "--format", "json", ...flags);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as RuleRow[];
}

describe("groundwork rules", function () {
  this.timeout(60_000);

  it("maps reference prefixes to frameworks", () => {
    assert.deepEqual(frameworksOf("CIS AWS 3.6"), ["cis-aws"]);
    assert.deepEqual(frameworksOf("CIS Kubernetes 5.1.3"), ["cis-kubernetes"]);
    assert.deepEqual(frameworksOf("CIS GCP 5.1"), ["cis-gcp"]);
    assert.deepEqual(frameworksOf("CIS Azure 3.1"), ["cis-azure"]);
    assert.deepEqual(frameworksOf("PSS baseline"), ["pss-baseline", "pss-restricted"]);
    assert.deepEqual(frameworksOf("PSS restricted"), ["pss-restricted"]);
    assert.deepEqual(frameworksOf("AWS FSBP EC2.8"), ["aws-fsbp"]);
    assert.deepEqual(frameworksOf("CKV2_AWS_11"), ["checkov"]);
    assert.deepEqual(frameworksOf("CKV_K8S_49"), ["checkov"]);
    assert.deepEqual(frameworksOf("Groundwork BASELINE tags"), []);
    assert.deepEqual(frameworksOf("NSA/CISA Kubernetes Hardening Guide"), []);
  });

  it("lists every policy as JSON with its service and references", async () => {
    const all = await rows();
    assert.deepEqual(
      all.map((r) => r.name),
      policies.map((p) => p.name),
    );
    const wildcard = all.find((r) => r.name === "k8s-rbac-no-wildcard");
    assert.equal(wildcard?.service, "RBAC");
    assert.equal(wildcard?.enforcementLevel, "mandatory");
    assert.deepEqual(wildcard?.frameworks, ["cis-kubernetes", "checkov"]);
    assert.equal(all.find((r) => r.name === "aws-s3-versioning")?.service, "S3");
  });

  it("--framework keeps the policies with a reference of that framework", async () => {
    const cis = await rows("--framework", "cis-kubernetes");
    assert.ok(cis.length >= 6);
    for (const r of cis)
      assert.ok(
        r.references.some((x) => x.startsWith("CIS Kubernetes ")),
        r.name,
      );
    assert.equal(
      cis.length,
      policies.filter((p) => p.references.some((x) => x.startsWith("CIS Kubernetes "))).length,
    );
    const restricted = (await rows("--framework=pss-restricted")).map((r) => r.name);
    const baseline = (await rows("--framework", "pss-baseline")).map((r) => r.name);
    assert.ok(baseline.includes("k8s-no-privileged") && baseline.includes("k8s-no-host-path"));
    assert.ok(!baseline.includes("k8s-run-as-non-root"));
    assert.ok(restricted.includes("k8s-run-as-non-root"));
    assert.deepEqual(
      baseline.filter((n) => !restricted.includes(n)),
      [],
      "the restricted profile includes every baseline control",
    );
    for (const r of await rows("--framework", "checkov"))
      assert.ok(
        r.references.some((x) => /^CKV2?_/.test(x)),
        r.name,
      );
  });

  it("prints a table with a header, one line per policy and a count", async () => {
    const r = await groundwork("rules", "--framework", "cis-kubernetes");
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    assert.match(lines[0], /^POLICY +SEVERITY +LEVEL +AREA +SERVICE +REFERENCES$/);
    assert.match(
      r.stdout,
      /\nk8s-rbac-no-wildcard +high +mandatory +kubernetes +RBAC +CIS Kubernetes 5\.1\.3, CKV_K8S_49\n/,
    );
    assert.doesNotMatch(r.stdout, /\naws-/);
    assert.match(lines[lines.length - 1], /^\d+ policies$/);
  });

  it("--help prints the usage, rules included (exit 0)", async () => {
    const r = await groundwork("rules", "--help");
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /groundwork rules \[--framework cis-aws\|cis-gcp\|cis-azure\|cis-kubernetes\|cis-eks\|cis-gke\|cis-aks\|pss-restricted/,
    );
    assert.match(r.stdout, /groundwork rules --coverage \[--format table\|json\|markdown\]/);
  });

  it("--coverage prints the matrix: per cloud a summary, each service with its usage, each control's status", async () => {
    const r = await groundwork("rules", "--coverage");
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^AWS: \d+ services, \d+ controls: \d+ covered, \d+ not covered by decision, \d+ gaps$/m,
    );
    for (const cloud of ["Google Cloud", "Azure", "Kubernetes"])
      assert.match(r.stdout, new RegExp(`^${cloud}: `, "m"));
    assert.match(r.stdout, /^  S3 \(\d+ files\)$/m);
    assert.match(r.stdout, /^    \[x\] Viewers on HTTPS only  covered: aws-cloudfront-https-only$/m);
    assert.match(r.stdout, /^    \[-\] MFA delete  not covered: only the root user/m);
    assert.match(r.stdout, /^    \[ \] .*gap: /m);
  });

  it("--coverage --format json gives one row per control with its rules or reason; markdown is COVERAGE.md", async () => {
    const r = await groundwork("rules", "--coverage", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as CoverageRow[];
    const tls = rows.find((x) => x.service === "CloudFront" && x.rules.includes("aws-cloudfront-viewer-tls"));
    assert.deepEqual(tls?.references, ["CKV_AWS_174", "CKV2_AWS_42"]);
    assert.ok(rows.filter((x) => x.status === "not-covered").every((x) => (x.reason ?? "").length > 0));
    const md = await groundwork("rules", "--coverage", "--format=markdown");
    assert.equal(
      md.stdout,
      fs.readFileSync(path.join(__dirname, "..", "..", "..", "policy", "COVERAGE.md"), "utf8"),
    );
  });

  it("refuses an unknown framework, format or option (exit 2, usage)", async () => {
    for (const [flags, message] of [
      [["--framework", "nist"], /--framework nist is not one of cis-aws, cis-gcp, cis-azure, cis-kubernetes/],
      [["--format", "sarif"], /--format sarif is not one of table, json, markdown/],
      [["--stack", "dev"], /unknown option --stack for rules/],
      [["--format", "markdown"], /--format markdown needs --coverage/],
      [["--coverage", "--framework", "checkov"], /--coverage takes no --framework/],
    ] as const) {
      const r = await groundwork("rules", ...flags);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /groundwork rules \[--framework/);
    }
  });
});
