// The built-in pack in-process and the same pack over the analyzer protocol (`--policy-pack policy`) must
// give the same verdict on every program, waivers and undecided checks included (issue #14: one waiver
// config gave "1 waived" in-process and one more advisory finding, 0 waived, over the protocol).
import * as assert from "assert";
import * as path from "path";
import { CheckOptions, CheckResult, runCheck } from "../../check/gate";
import { CheckReport } from "../../check/report";
import { annotationDescription, annotationOf } from "../../policy/runtime/rule";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures");
const PUBLIC_BUCKET = path.join(FIXTURES, "public-bucket");
const WAIVERS = path.join(FIXTURES, "parity", "waivers.json");

/** Each program the two paths are compared on. */
const CASES: Readonly<Record<string, CheckOptions>> = {
  // Groundwork's own Bucket: nothing to find, and its bucket policy unknown in preview (undecided).
  clean: { projectDir: path.join(FIXTURES, "parity"), stack: "dev" },
  // A public bucket: mandatory and advisory findings.
  violations: { projectDir: PUBLIC_BUCKET, stack: "dev" },
  // The same with one applied waiver, an expired one, one without a reason, and two level overrides.
  waivers: { projectDir: PUBLIC_BUCKET, stack: "dev", policyPackConfigs: [WAIVERS] },
};

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/** What a verdict is made of, as sets where order is the engine's business. */
function verdict(result: CheckResult) {
  const r: CheckReport = result.report;
  const s = r.summary;
  return {
    exitCode: result.exitCode,
    counts: { mandatory: s.mandatory, advisory: s.advisory, waived: s.waived, undecided: s.undecided },
    violations: sorted(r.violations.map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn ?? "(stack)"}`)),
    waivers: sorted(
      r.waivers.map((w) => `${w.status} ${w.policy} ${w.pattern} ${w.urn ?? "-"} ${w.owner} ${w.expires}`),
    ),
    undecided: sorted(r.undecided.map((u) => `${u.policy} ${u.urn ?? "(stack)"}`)),
    packs: s.packs,
  };
}

describe("in-process and analyzer-protocol parity", function () {
  // Six runs, each synthesizing a program; the protocol ones also start the pack's process.
  this.timeout(600_000);
  const runs: Record<string, { inProcess: CheckResult; protocol: CheckResult }> = {};

  before(async () => {
    // A case's two runs side by side: the protocol run waits on its pack's process much of the time.
    for (const [name, options] of Object.entries(CASES)) {
      const [inProcess, protocol] = await Promise.all([
        runCheck(options),
        runCheck({ ...options, policyPacks: [path.join(ROOT, "policy")] }),
      ]);
      runs[name] = { inProcess, protocol };
    }
  });

  for (const name of Object.keys(CASES)) {
    it(`${name}: the same counts, findings, waivers and undecided checks both ways`, () => {
      const { inProcess, protocol } = runs[name];
      assert.deepStrictEqual(verdict(protocol), verdict(inProcess));
    });
  }

  it("the cases exercise what they are for", () => {
    const clean = runs.clean.inProcess.report;
    assert.strictEqual(runs.clean.inProcess.exitCode, 0);
    assert.deepStrictEqual(clean.violations, []);
    assert.ok(clean.undecided.length > 0, "the clean preview has undecided checks");
    assert.ok(runs.violations.inProcess.report.summary.mandatory > 0);
    assert.strictEqual(runs.violations.inProcess.exitCode, 1);
  });

  it("over the protocol, waivers are records (not advisory findings) and config levels hold", () => {
    const bucket = "urn:pulumi:dev::public-bucket::aws:s3/bucket:Bucket::assets";
    const plain = runs.violations.protocol.report;
    const waived = runs.waivers.protocol.report;
    const has = (r: CheckReport, policy: string) => r.violations.some((v) => v.policy === policy);
    // The waived finding is gone, and no advisory groundwork-waivers finding stands in for it.
    assert.ok(has(plain, "aws-s3-encryption-kms") && !has(waived, "aws-s3-encryption-kms"));
    assert.ok(!waived.violations.some((v) => v.policy === "groundwork-waivers" && v.urn === bucket));
    const applied = waived.waivers.find((w) => w.status === "applied");
    assert.deepStrictEqual(applied && [applied.policy, applied.urn, applied.owner, applied.reason], [
      "aws-s3-encryption-kms",
      bucket,
      "team-web",
      "static site assets, encrypted with S3-managed keys",
    ]);
    assert.match(applied?.message ?? "", /server-side encryption/, "the finding it suppressed");
    // Refused waivers are records and mandatory findings both.
    assert.deepStrictEqual(
      sorted(waived.waivers.filter((w) => w.status !== "applied").map((w) => `${w.status} ${w.policy}`)),
      ["expired aws-s3-versioning", "missing-reason aws-s3-lifecycle"],
    );
    const refused = waived.violations.filter((v) => v.policy === "groundwork-waivers");
    assert.deepStrictEqual(
      refused.map((v) => v.enforcementLevel),
      ["mandatory", "mandatory"],
    );
    assert.ok(!has(waived, "aws-required-tags"), "disabled in the config");
    assert.ok(
      waived.violations.some(
        (v) => v.policy === "aws-s3-no-force-destroy" && v.enforcementLevel === "mandatory",
      ),
      "raised to mandatory in the config",
    );
    assert.strictEqual(waived.summary.waived, 1);
  });
});

describe("annotations over the protocol", () => {
  it("only a well-formed annotation in a diagnostic's description is read as one", () => {
    const applied = {
      kind: "waiver",
      policy: "aws-s3-versioning",
      status: "applied",
      pattern: "*",
      reason: "r",
      owner: "o",
      expires: "2099-01-01",
      finding: "f",
    } as const;
    assert.deepStrictEqual(annotationOf(annotationDescription(applied)), applied);
    const undecided = { kind: "undecided", policy: "p" } as const;
    assert.deepStrictEqual(annotationOf(annotationDescription(undecided)), undecided);
    // A third-party pack's description, or a damaged annotation, is no annotation: the finding stands.
    const [prefix] = annotationDescription(undecided).split("{");
    for (const description of [
      "Buckets must not be public",
      "",
      undefined,
      `${prefix}{not json`,
      `${prefix}${JSON.stringify({ ...applied, status: "granted" })}`,
      `${prefix}${JSON.stringify({ ...applied, pattern: 1 })}`,
      `${prefix}${JSON.stringify({ ...applied, owner: {} })}`,
      `${prefix}null`,
    ])
      assert.strictEqual(annotationOf(description), undefined, String(description));
  });
});
