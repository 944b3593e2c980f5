// The coverage matrix stays true against the pack: every rule it names exists and reads one of its service's
// types, every rule of the pack appears in it, every type it lists is a type the provider SDK declares, every
// reference is of a known form, and the committed policy/COVERAGE.md and the README summary are current.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policy/pack";
import {
  MATRIX,
  coverageMarkdown,
  coverageRows,
  summarize,
  summaryMarkdown,
} from "../../policy/coverage/matrix";
import { CUSTOMER_MANAGED_KEY_KNOBS } from "../../policy/rules/keys";

const ROOT = path.join(__dirname, "..", "..", "..");

/** The class a Pulumi type token names, from its SDK sub-module, or undefined when there is none. */
function sdkClass(token: string): { __pulumiType?: string } | undefined {
  const [pkg, mod, name] = token.split(":");
  const [module] = mod.split("/");
  const version = mod.split("/")[1];
  const modulePath =
    pkg === "kubernetes"
      ? `@pulumi/kubernetes/${module === "core" ? "core" : module.split(".")[0]}/${version}`
      : `@pulumi/${pkg}/${module}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(modulePath) as Record<string, { __pulumiType?: string }>)[name];
  } catch {
    return undefined;
  }
}

describe("coverage matrix", function () {
  this.timeout(60_000);
  const byName = new Map(policies.map((p) => [p.name, p]));
  const services = MATRIX.flatMap((cloud) => cloud.services.map((s) => ({ cloud, s })));

  it("names only rules the pack has", () => {
    const unknown = services.flatMap(({ s }) =>
      s.controls
        .flatMap((c) => (c.status.kind === "covered" ? c.status.rules : []))
        .filter((r) => !byName.has(r)),
    );
    assert.deepStrictEqual(unknown, []);
  });

  it("lists every rule of the pack", () => {
    const named = new Set(coverageRows().flatMap((r) => r.rules));
    assert.deepStrictEqual(
      policies.map((p) => p.name).filter((n) => !named.has(n)),
      [],
    );
  });

  it("names a rule under a service only when the rule reads one of the service's types", () => {
    const wrong: string[] = [];
    for (const { s } of services) {
      if (s.types.length === 0) continue;
      for (const c of s.controls) {
        if (c.status.kind !== "covered") continue;
        for (const r of c.status.rules) {
          const types = byName.get(r)?.resourceTypes;
          // Open-ended rules (tags, regions) read every type; EKS/AKS rows name the Kubernetes rules they rely on.
          if (
            types === undefined ||
            types.some((t) => t.startsWith("kubernetes:")) !==
              s.types.some((t) => t.startsWith("kubernetes:"))
          )
            continue;
          if (!types.some((t) => s.types.includes(t))) wrong.push(`${s.service}: ${r}`);
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it("lists only types the provider SDKs declare", () => {
    const bad: string[] = [];
    for (const { s } of services)
      for (const t of s.types) if (sdkClass(t)?.__pulumiType !== t) bad.push(`${s.service}: ${t}`);
    assert.deepStrictEqual(bad, []);
  });

  it("cites references of known forms (Checkov ids and CIS sections)", () => {
    const refs = coverageRows().flatMap((r) => r.references);
    const odd = refs.filter(
      (r) =>
        !/^CKV2?_(AWS|GCP|AZURE|K8S)_\d+$/.test(r) &&
        !/^CIS (AWS|GCP|Azure|Kubernetes|EKS|GKE|AKS) \d+(\.\d+)*$/.test(r),
    );
    assert.deepStrictEqual(odd, []);
    assert.ok(refs.filter((r) => r.startsWith("CKV")).length > 200);
  });

  it("marks every control covered, not covered with a reason, or a gap with a note", () => {
    for (const r of coverageRows()) {
      if (r.status === "covered") assert.ok(r.rules.length > 0, r.control);
      else assert.ok((r.reason ?? "").length > 20, `${r.service}: ${r.control}`);
    }
    for (const cloud of MATRIX) {
      const s = summarize(cloud);
      assert.strictEqual(s.covered + s.notCovered + s.gaps, s.controls);
      assert.ok(s.covered / s.controls > 0.6, `${cloud.cloud}: ${s.covered}/${s.controls} covered`);
    }
  });

  it("asks for customer-managed keys on every data store with one decision: same knobs, same severity", () => {
    const knobbed = policies.filter((p) => p.configSchema?.properties.customerManagedKey !== undefined);
    assert.ok(knobbed.length >= 20, String(knobbed.length));
    for (const p of knobbed) {
      const knobs = p.configSchema!.properties;
      for (const k of Object.keys(CUSTOMER_MANAGED_KEY_KNOBS!))
        assert.deepStrictEqual(knobs[k], CUSTOMER_MANAGED_KEY_KNOBS![k], `${p.name}.${k}`);
      assert.strictEqual(p.severity, "high", p.name);
    }
    const names = new Set(knobbed.map((p) => p.name));
    const cmkControls = coverageRows().filter(
      (r) => r.control.includes("knob: customerManagedKey") && r.status === "covered",
    );
    assert.ok(cmkControls.length >= 20);
    for (const r of cmkControls) {
      assert.ok(
        r.rules.some((n) => names.has(n)),
        `${r.service}: ${r.rules.join(", ")} take no customerManagedKey knob`,
      );
    }
  });

  it("policy/COVERAGE.md is the generated matrix (run `npm run policy:coverage`)", () => {
    assert.strictEqual(fs.readFileSync(path.join(ROOT, "policy", "COVERAGE.md"), "utf8"), coverageMarkdown());
  });

  it("the README's policy section carries the current per-cloud summary", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const line of summaryMarkdown()) assert.ok(readme.includes(line), `README lacks: ${line}`);
  });
});
