// The policies run with arguments built the way the CrossGuard server builds them from the engine's
// requests: unknowns during preview, resource and stack policies, waivers, config overrides, fixes.
import * as assert from "assert";
import * as childProcess from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as awsProvider from "@pulumi/aws/provider";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as kms from "@pulumi/aws/kms";
import * as s3 from "@pulumi/aws/s3";
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { GraphQuery, ResourceGraph, UNKNOWN, synth } from "../../testing";
import { PolicyReport, evaluatePolicies, runPolicyPack } from "../../check";
import { policies, packName, defaultLevel } from "../../policy/pack";
import { catalogue } from "../../policy/catalogue";
import { checkWaivers, unknownCheckingProxy, UnknownValueError } from "../../policy/runtime";
import { bucket, deployment, key, podSpec } from "./kit";

const ROOT = path.join(__dirname, "..", "..", "..");
const NOW = new Date("2026-01-15T12:00:00Z");

function named(report: PolicyReport, policy: string) {
  return report.violations.filter((v) => v.policy === policy);
}

async function graphOf(program: () => void, preview: boolean, stack = "dev"): Promise<ResourceGraph> {
  return synth(program, { preview, stack, project: "unit", config: { "aws:region": "eu-west-1" } });
}

function policy(name: string): ResourceValidationPolicy {
  const p = policies.find((x) => x.name === name);
  assert.ok(p, `no policy ${name}`);
  return p as ResourceValidationPolicy;
}

describe("policy metadata", () => {
  it("every policy has a unique name, severity, description, remediation and references", () => {
    const names = policies.map((p) => p.name);
    assert.strictEqual(new Set(names).size, names.length, "duplicate policy names");
    for (const p of policies) {
      assert.ok(["low", "medium", "high", "critical"].includes(p.severity), p.name);
      assert.ok(p.description.length > 20, `${p.name}: description`);
      assert.ok(p.remediationSteps.length > 10, `${p.name}: remediationSteps`);
      assert.ok(p.references.length > 0, `${p.name}: references`);
      assert.ok(/^[a-z0-9-]+$/.test(p.name) && p.name !== "all", p.name);
    }
  });

  it("critical and high are mandatory, medium and low advisory", () => {
    for (const p of policies) {
      const expected = p.severity === "critical" || p.severity === "high" ? "mandatory" : "advisory";
      assert.strictEqual(p.enforcementLevel, expected, p.name);
      assert.strictEqual(defaultLevel(p.severity), expected);
    }
  });

  it("every policy accepts waivers, and policies with knobs declare them with defaults", () => {
    for (const p of policies)
      assert.ok(p.configSchema?.properties.waivers, `${p.name}: no waivers in configSchema`);
    const knobs: Record<string, string[]> = {
      "aws-cloudwatch-log-retention": ["minimumRetentionDays"],
      "aws-rds-backups": ["minimumBackupRetentionDays"],
      "allowed-regions": ["allowedRegions"],
      "aws-required-tags": ["required", "defaults"],
      "azure-required-tags": ["required", "defaults"],
      "azure-storage-customer-managed-key": ["environments"],
      "k8s-required-labels": ["required", "defaults"],
      "k8s-rbac-cluster-admin-binding": ["adminRoles", "allowedServiceAccounts"],
      "k8s-service-type": ["allowedNodePortNamespaces"],
      "k8s-service-public-load-balancer": ["internalAnnotations"],
      "k8s-ingress-tls": ["externalTlsAnnotations"],
      "k8s-no-host-path": ["allowedHostPaths"],
      "k8s-safe-sysctls": ["allowedSysctls"],
      "k8s-restricted-volume-types": ["allowedVolumeTypes"],
    };
    for (const [name, keys] of Object.entries(knobs)) {
      const props = policies.find((p) => p.name === name)?.configSchema?.properties ?? {};
      for (const k of keys) assert.ok(props[k] && "default" in props[k], `${name}.${k}`);
    }
  });

  it("every resource policy names the types it reads (a fixed list, or one of the open-ended rules)", () => {
    const openEnded = ["allowed-regions", "k8s-required-labels", "k8s-not-default-namespace"];
    for (const p of policies) {
      if (!("validateResource" in p) || openEnded.includes(p.name)) continue;
      assert.ok(p.resourceTypes && p.resourceTypes.length > 0, `${p.name} names no resource types`);
    }
  });

  it("a resource policy returns at once on a type it does not read: no config, no waivers, no check", () => {
    let configRead = 0;
    const args = {
      type: "gcp:compute/network:Network",
      props: {},
      urn: "urn:pulumi:dev::p::gcp:compute/network:Network::n",
      name: "n",
      getConfig: () => {
        configRead++;
        return { waivers: [{ urn: "*", reason: "r", owner: "o", expires: "2000-01-01" }] };
      },
    } as unknown as ResourceValidationArgs;
    const reported: unknown[] = [];
    for (const name of [
      "aws-s3-no-public-acl",
      "k8s-no-privileged",
      "azure-storage-tls12",
      "aws-lb-listener-tls-policy",
    ]) {
      const out = policy(name).validateResource as (a: ResourceValidationArgs, r: ReportViolation) => unknown;
      assert.strictEqual(
        out(args, (m: string) => void reported.push(m)),
        undefined,
        name,
      );
    }
    assert.strictEqual(configRead, 0);
    assert.deepStrictEqual(reported, []);
    // On the root stack the same policies still audit their waivers (the expired one above), once each.
    const stack = {
      ...args,
      type: "pulumi:pulumi:Stack",
      urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
    };
    const validate = policy("aws-s3-no-public-acl").validateResource as (
      a: ResourceValidationArgs,
      r: ReportViolation,
    ) => unknown;
    const audited: unknown[] = [];
    validate(stack as ResourceValidationArgs, (m: string) => void audited.push(m));
    assert.strictEqual(configRead, 1);
    assert.match(JSON.stringify(audited), /expired on 2000-01-01/);
  });

  it("covers the baseline controls with at least one rule per BASELINE section", () => {
    const areas = new Set(policies.map((p) => p.area));
    for (const a of ["aws", "kubernetes", "common", "gcp"]) assert.ok(areas.has(a as never), a);
    const refs = policies.flatMap((p) => p.references);
    for (const id of [
      "CKV_AWS_7",
      "CKV_AWS_33",
      "CKV_AWS_53",
      "CKV_AWS_145",
      "CKV2_AWS_11",
      "CKV2_AWS_12",
      "CKV_AWS_17",
      "CKV_AWS_16",
      "CKV_K8S_20",
      "CKV_K8S_38",
      "CKV_K8S_21",
      // BASELINE.md, Google Cloud
      ...["CKV_GCP_26", "CKV_GCP_74", "CKV_GCP_2", "CKV_GCP_3", "CKV_GCP_43", "CKV_GCP_29", "CKV_GCP_114"],
      ...["CKV_GCP_78", "CKV_GCP_62"],
    ]) {
      assert.ok(refs.includes(id), `no policy references ${id}`);
    }
  });
});

describe("policy pack process", function () {
  this.timeout(60_000);

  it("importing policy/pack (the `@groundwork/infra/policy` entry) does not start the pack server", () => {
    const out = childProcess.spawnSync(
      process.execPath,
      [
        "-e",
        `const m = require(${JSON.stringify(path.join(ROOT, "dist", "policy", "pack"))}); console.log(m.policies.length)`,
      ],
      { timeout: 30_000, encoding: "utf8" },
    );
    // A started server keeps the process alive (timeout) and prints its port first.
    assert.strictEqual(out.status, 0, out.stderr);
    assert.strictEqual(out.stdout.trim(), String(policies.length));
  });

  it("starts under the CLI's runner from policy/ (package.json main) and prints its port", async () => {
    const runner = path.join(ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack", "index.js");
    const child = childProcess.spawn(process.execPath, [runner, "127.0.0.1:1", "."], {
      cwd: path.join(ROOT, "policy"),
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let buf = "";
        child.stdout.on("data", (d: Buffer) => {
          buf += d.toString();
          if (buf.includes("\n")) resolve(buf.split("\n")[0]);
        });
        child.on("exit", (code) => reject(new Error(`pack exited with ${code}`)));
      });
      assert.match(first.trim(), /^\d+$/);
    } finally {
      child.kill();
    }
  });

  it("reports the same findings through the analyzer protocol as in-process", async () => {
    const graph = await graphOf(() => {
      bucket("open", { publicAccessBlock: { blockPublicPolicy: false } });
      key("stale", { enableKeyRotation: false });
    }, false);
    const policyConfig = {
      "aws-kms-key-rotation": {
        waivers: [{ urn: "*::stale", reason: "being replaced", owner: "sec", expires: "2099-01-01" }],
      },
      "aws-s3-tls-only": { waivers: [{ urn: "*", reason: "old", owner: "sec", expires: "2020-01-01" }] },
    };
    const host = await runPolicyPack(path.join(ROOT, "policy"), graph, {
      project: graph.project,
      stack: graph.stack,
      preview: false,
      policyConfig,
    });
    const local = await evaluatePolicies(graph, { config: policyConfig });
    const fingerprint = (v: { policy: string; enforcementLevel: string; urn?: string }) =>
      `${v.policy} ${v.enforcementLevel} ${v.urn ?? ""}`;
    const mandatory = (r: PolicyReport) =>
      r.violations
        .filter((v) => v.enforcementLevel === "mandatory")
        .map(fingerprint)
        .sort();
    assert.deepStrictEqual(mandatory(host), mandatory(local));
    assert.ok(mandatory(local).some((k) => k.startsWith("aws-s3-public-access-block mandatory")));
    assert.ok(mandatory(local).some((k) => k.startsWith("groundwork-waivers mandatory")));
    // The applied waiver reaches the host as a waiver record, as in-process, not as a finding.
    assert.ok(!host.violations.some((v) => /::stale$/.test(v.urn ?? "")));
    assert.ok(host.waivers.some((w) => w.status === "applied" && /::stale$/.test(w.urn ?? "")));
    assert.ok(local.waivers.some((w) => w.status === "applied" && /::stale$/.test(w.urn ?? "")));
    assert.deepStrictEqual(host.policies.map((p) => p.name).sort(), local.policies.map((p) => p.name).sort());
  });

  it("the analyzer host gives invalid waivers the level configured for groundwork-waivers too", async () => {
    const graph = await graphOf(() => void bucket("open", { publicAccessBlock: false }), false);
    const expired = {
      "aws-s3-tls-only": { waivers: [{ urn: "*", reason: "old", owner: "sec", expires: "2020-01-01" }] },
    };
    const levels = async (extra: Record<string, unknown>): Promise<string[]> => {
      const run = await runPolicyPack(path.join(ROOT, "policy"), graph, {
        project: graph.project,
        stack: graph.stack,
        preview: false,
        policyConfig: { ...expired, ...extra },
      });
      return run.violations.filter((v) => v.policy === "groundwork-waivers").map((v) => v.enforcementLevel);
    };
    assert.deepStrictEqual(await levels({ "groundwork-waivers": "advisory" }), ["advisory"]);
    assert.deepStrictEqual(await levels({ "groundwork-waivers": "disabled" }), []);
  });
});

describe("unknown values during preview", () => {
  it("a resource check that needs an unknown is undecided in preview and decided in update", async () => {
    const program = (): void => {
      const b = bucket("seed");
      // Known only after the bucket exists: unknown during preview.
      key("derived", { enableKeyRotation: b.id.apply(() => false) });
    };
    const preview = await evaluatePolicies(await graphOf(program, true));
    assert.deepStrictEqual(named(preview, "aws-kms-key-rotation"), []);
    const und = preview.undecided.filter((u) => u.policy === "aws-kms-key-rotation");
    assert.strictEqual(und.length, 1);
    assert.match(und[0].urn ?? "", /aws:kms\/key:Key::derived$/);
    assert.match(und[0].message, /enableKeyRotation/);
    const update = await evaluatePolicies(await graphOf(program, false));
    assert.strictEqual(named(update, "aws-kms-key-rotation").length, 1);
    assert.strictEqual(named(update, "aws-kms-key-rotation")[0].enforcementLevel, "mandatory");
  });

  it("a stack check with an unknown setting is undecided for that bucket only", async () => {
    const program = (): void => {
      bucket("clean");
      const b = bucket("late", { publicAccessBlock: false });
      new s3.BucketPublicAccessBlock("late-pab", {
        bucket: b.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: b.id.apply(() => false),
      });
      const bare = new s3.Bucket("bare", {});
      new s3.BucketPublicAccessBlock("bare-pab", { bucket: bare.id, blockPublicAcls: true });
    };
    const preview = await evaluatePolicies(await graphOf(program, true));
    const pab = named(preview, "aws-s3-public-access-block");
    assert.deepStrictEqual(
      pab.map((v) => v.urn?.split("::").pop()),
      ["bare"],
    );
    assert.ok(
      preview.undecided.some((u) => u.policy === "aws-s3-public-access-block" && /::late$/.test(u.urn ?? "")),
    );
    const update = await evaluatePolicies(await graphOf(program, false));
    assert.deepStrictEqual(
      named(update, "aws-s3-public-access-block")
        .map((v) => v.urn?.split("::").pop())
        .sort(),
      ["bare", "late"],
    );
  });

  it("links are followed through propertyDependencies while ids are unknown", async () => {
    const graph = await graphOf(() => void bucket("linked"), true);
    const pab = new GraphQuery(graph).one(
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "linked-pab",
    );
    assert.strictEqual(pab.inputs.bucket, UNKNOWN, "the bucket id is unknown in preview");
    const report = await evaluatePolicies(graph);
    for (const p of ["aws-s3-public-access-block", "aws-s3-encryption-kms"]) {
      assert.deepStrictEqual(named(report, p), [], p);
      assert.deepStrictEqual(
        report.undecided.filter((u) => u.policy === p),
        [],
        p,
      );
    }
  });

  it("findings reported before an unknown is read are dropped, not reported", async () => {
    const p = policy("k8s-no-host-access");
    const calls: unknown[] = [];
    const props = unknownCheckingProxy({
      spec: { template: { spec: { hostNetwork: true, containers: UNKNOWN } } },
    });
    const args = {
      type: "kubernetes:apps/v1:Deployment",
      props,
      urn: "urn:pulumi:dev::p::kubernetes:apps/v1:Deployment::d",
      name: "d",
      opts: {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
      },
      stackTags: new Map(),
      isType: () => false,
      asType: () => undefined,
      getConfig: () => ({}),
      notApplicable: () => {
        throw new Error("not applicable");
      },
    } as unknown as ResourceValidationArgs;
    const validate = p.validateResource as (
      a: ResourceValidationArgs,
      r: ReportViolation,
    ) => void | Promise<void>;
    // A synchronous rule throws at once, an asynchronous one rejects: either way nothing is reported.
    await assert.rejects(
      async () => validate(args, (m: string) => void calls.push(m)),
      (e: unknown) => e instanceof UnknownValueError,
    );
    assert.deepStrictEqual(calls, []);
  });
});

describe("waivers", () => {
  const program = (): void => {
    bucket("legacy", { publicAccessBlock: { restrictPublicBuckets: false } });
    bucket("other", { publicAccessBlock: { restrictPublicBuckets: false } });
  };
  let graph: ResourceGraph;
  before(async () => {
    graph = await graphOf(program, false);
  });
  const waive = (w: Record<string, unknown>) => ({ "aws-s3-public-access-block": { waivers: [w] } });
  const valid = {
    urn: "urn:pulumi:dev::unit::aws:s3/bucket:Bucket::legacy",
    reason: "migrating to CloudFront",
    owner: "web-team",
    expires: "2026-06-30",
  };

  it("a valid waiver suppresses the finding on the matched resource only, and is reported", async () => {
    const r = await evaluatePolicies(graph, { config: waive(valid), now: NOW });
    assert.deepStrictEqual(
      named(r, "aws-s3-public-access-block").map((v) => v.urn?.split("::").pop()),
      ["other"],
    );
    assert.strictEqual(r.waivers.length, 1);
    const w = r.waivers[0];
    assert.deepStrictEqual(
      {
        policy: w.policy,
        status: w.status,
        urn: w.urn,
        pattern: w.pattern,
        reason: w.reason,
        owner: w.owner,
        expires: w.expires,
      },
      {
        policy: "aws-s3-public-access-block",
        status: "applied",
        urn: valid.urn,
        pattern: valid.urn,
        reason: valid.reason,
        owner: valid.owner,
        expires: valid.expires,
      },
    );
    assert.match(w.message ?? "", /restrictPublicBuckets is false on "legacy-pab"/);
    assert.deepStrictEqual(named(r, "groundwork-waivers"), []);
  });

  it("a glob waiver applies up to and including its expiry day", async () => {
    const lastDay = await evaluatePolicies(graph, {
      config: waive({ ...valid, urn: "*::aws:s3/bucket:Bucket::*" }),
      now: new Date("2026-06-30T23:00:00Z"),
    });
    assert.deepStrictEqual(named(lastDay, "aws-s3-public-access-block"), []);
    assert.strictEqual(lastDay.waivers.filter((w) => w.status === "applied").length, 2);
    const dayAfter = await evaluatePolicies(graph, {
      config: waive({ ...valid, urn: "*" }),
      now: new Date("2026-07-01T00:00:01Z"),
    });
    assert.strictEqual(named(dayAfter, "aws-s3-public-access-block").length, 2);
  });

  it("an expired waiver suppresses nothing and is a mandatory violation, reported once", async () => {
    const r = await evaluatePolicies(graph, { config: waive({ ...valid, expires: "2025-12-31" }), now: NOW });
    assert.strictEqual(named(r, "aws-s3-public-access-block").length, 2);
    const bad = named(r, "groundwork-waivers");
    assert.strictEqual(bad.length, 1);
    assert.strictEqual(bad[0].enforcementLevel, "mandatory");
    assert.match(bad[0].message, /aws-s3-public-access-block.*expired on 2025-12-31/);
    assert.deepStrictEqual(
      r.waivers.map((w) => w.status),
      ["expired"],
    );
  });

  it("an invalid waiver's finding takes the level configured for groundwork-waivers, or none when disabled", async () => {
    const expired = waive({ ...valid, expires: "2025-12-31" });
    const advisory = await evaluatePolicies(graph, {
      config: { ...expired, "groundwork-waivers": "advisory" },
      now: NOW,
    });
    assert.deepStrictEqual(
      named(advisory, "groundwork-waivers").map((v) => v.enforcementLevel),
      ["advisory"],
    );
    const all = await evaluatePolicies(graph, { config: { all: "advisory", ...expired }, now: NOW });
    assert.deepStrictEqual(
      named(all, "groundwork-waivers").map((v) => v.enforcementLevel),
      ["advisory"],
    );
    const disabled = await evaluatePolicies(graph, {
      config: { ...expired, "groundwork-waivers": "disabled" },
      now: NOW,
    });
    assert.deepStrictEqual(named(disabled, "groundwork-waivers"), []);
    // Disabling the audit does not make the expired waiver apply.
    assert.strictEqual(named(disabled, "aws-s3-public-access-block").length, 2);
  });

  it("a waiver without a reason, or with an unreadable date, is refused", async () => {
    const { reason: _r, ...reasonless } = valid;
    const r = await evaluatePolicies(graph, { config: waive(reasonless), now: NOW });
    assert.strictEqual(named(r, "aws-s3-public-access-block").length, 2);
    assert.deepStrictEqual(
      r.waivers.map((w) => w.status),
      ["missing-reason"],
    );
    assert.match(named(r, "groundwork-waivers")[0].message, /has no reason/);
    const d = await evaluatePolicies(graph, { config: waive({ ...valid, expires: "30/06/2026" }), now: NOW });
    assert.deepStrictEqual(
      d.waivers.map((w) => w.status),
      ["invalid"],
    );
    assert.strictEqual(named(d, "groundwork-waivers")[0].enforcementLevel, "mandatory");
  });

  it("an invalid waiver on a resource policy is reported once, not per resource", async () => {
    const g = await graphOf(() => {
      key("a", { enableKeyRotation: false });
      key("b", { enableKeyRotation: false });
    }, false);
    const r = await evaluatePolicies(g, {
      config: {
        "aws-kms-key-rotation": {
          waivers: [{ urn: "*::a", reason: "x", owner: "y", expires: "2020-02-02" }],
        },
      },
      now: NOW,
    });
    assert.strictEqual(named(r, "groundwork-waivers").length, 1);
    assert.strictEqual(named(r, "aws-kms-key-rotation").length, 2);
  });

  it("checkWaivers refuses impossible dates and missing owners", () => {
    const [feb30, noOwner, ok] = checkWaivers(
      [
        { urn: "*", reason: "r", owner: "o", expires: "2026-02-30" },
        { urn: "*", reason: "r", expires: "2026-12-01" },
        { urn: "urn:*::b?cket", reason: "r", owner: "o", expires: "2026-12-01" },
      ],
      NOW,
    );
    assert.strictEqual(feb30.status, "invalid");
    assert.strictEqual(noOwner.status, "invalid");
    assert.strictEqual(ok.status, "valid");
    assert.ok(ok.matches("urn:x::bucket") && !ok.matches("urn:x::buckets"));
  });
});

describe("pack config", () => {
  let graph: ResourceGraph;
  before(async () => {
    graph = await graphOf(() => {
      bucket("b", { tlsPolicy: false });
      new cloudwatch.LogGroup("logs", {
        retentionInDays: 60,
        kmsKeyId: key("logs-key").arn,
        tags: { environment: "dev", "managed-by": "x", component: "y" },
      });
    }, false);
  });

  it("changes a level: disabled, advisory, or `all`", async () => {
    const base = await evaluatePolicies(graph);
    assert.strictEqual(named(base, "aws-s3-tls-only")[0].enforcementLevel, "mandatory");
    const off = await evaluatePolicies(graph, { config: { "aws-s3-tls-only": "disabled" } });
    assert.deepStrictEqual(named(off, "aws-s3-tls-only"), []);
    assert.strictEqual(off.policies.find((p) => p.name === "aws-s3-tls-only")?.enforcementLevel, "disabled");
    const soft = await evaluatePolicies(graph, {
      config: { "aws-s3-tls-only": { enforcementLevel: "advisory" } },
    });
    assert.strictEqual(named(soft, "aws-s3-tls-only")[0].enforcementLevel, "advisory");
    const all = await evaluatePolicies(graph, { config: { all: "advisory" } });
    assert.deepStrictEqual(
      all.violations.filter((v) => v.enforcementLevel === "mandatory"),
      [],
    );
    assert.ok(all.violations.length > 0);
  });

  it("sets a knob, validated against the configSchema", async () => {
    assert.deepStrictEqual(named(await evaluatePolicies(graph), "aws-cloudwatch-log-retention"), []);
    const strict = await evaluatePolicies(graph, {
      config: { "aws-cloudwatch-log-retention": { minimumRetentionDays: 90 } },
    });
    assert.match(
      named(strict, "aws-cloudwatch-log-retention")[0].message,
      /retentionInDays is 60 \(at least 90\)/,
    );
    await assert.rejects(
      evaluatePolicies(graph, {
        config: { "aws-cloudwatch-log-retention": { minimumRetentionDays: "long" } },
      }),
      /validating policy config: aws-cloudwatch-log-retention/,
    );
    await assert.rejects(
      evaluatePolicies(graph, { config: { "aws-s3-tsl-only": "disabled" } }),
      /aws-s3-tsl-only/,
    );
  });

  it("allowed-regions does nothing until regions are configured", async () => {
    const g = await graphOf(() => void bucket("far", { args: { region: "ap-southeast-2" } }), false);
    assert.deepStrictEqual(named(await evaluatePolicies(g), "allowed-regions"), []);
    const r = await evaluatePolicies(g, { config: { "allowed-regions": { allowedRegions: ["eu-west-1"] } } });
    assert.strictEqual(named(r, "allowed-regions").length, 1);
    assert.strictEqual(named(r, "allowed-regions")[0].enforcementLevel, "mandatory");
  });

  it("uses the default provider's region (from aws:region) for a resource given no provider", async () => {
    const g = await graphOf(() => void new kms.Key("k", { enableKeyRotation: true }), false);
    const r = await evaluatePolicies(g, { config: { "allowed-regions": { allowedRegions: ["us-east-1"] } } });
    const found = named(r, "allowed-regions");
    assert.deepStrictEqual(
      found.map((v) => v.urn),
      ["urn:pulumi:dev::unit::aws:kms/key:Key::k"],
    );
    assert.match(found[0].message, /region "eu-west-1" is not one of us-east-1$/);
    const ok = await evaluatePolicies(g, {
      config: { "allowed-regions": { allowedRegions: ["eu-west-1"] } },
    });
    assert.deepStrictEqual(named(ok, "allowed-regions"), []);
  });

  it("uses the provider's region when the resource has none", async () => {
    const g = await graphOf(() => {
      const aws = new awsProvider.Provider("us", { region: "us-east-1" });
      new kms.Key("k", { enableKeyRotation: true }, { provider: aws });
    }, false);
    const r = await evaluatePolicies(g, { config: { "allowed-regions": { allowedRegions: ["eu-west-1"] } } });
    assert.match(named(r, "allowed-regions")[0]?.message ?? "", /"us-east-1"/);
  });
});

describe("automatic fixes", () => {
  const config = {
    "aws-required-tags": {
      enforcementLevel: "remediate",
      defaults: { "managed-by": "platform", component: "legacy" },
    },
  };

  for (const preview of [true, false]) {
    it(`adds missing tags from config and the stack name (${preview ? "preview" : "update"})`, async () => {
      const g = await graphOf(
        () => {
          const k = new kms.Key("k", { enableKeyRotation: true, tags: { team: "data" } });
          new cloudwatch.LogGroup("lg", { retentionInDays: 90, kmsKeyId: k.arn });
        },
        preview,
        "staging",
      );
      const r = await evaluatePolicies(g, { config });
      const fixes = r.remediations.filter((x) => x.policy === "aws-required-tags");
      assert.deepStrictEqual(fixes.map((f) => f.urn.split("::").pop()).sort(), ["k", "lg"]);
      const keyFix = fixes.find((f) => f.urn.endsWith("::k"))!;
      assert.deepStrictEqual(keyFix.inputs.tags, {
        team: "data",
        environment: "staging",
        "managed-by": "platform",
        component: "legacy",
      });
      assert.strictEqual(keyFix.inputs.enableKeyRotation, true);
      const lgFix = fixes.find((f) => f.urn.endsWith("::lg"))!;
      // The fix copies what it does not understand, unknowns included.
      assert.strictEqual(
        lgFix.inputs.kmsKeyId,
        preview ? UNKNOWN : g.resources.find((x) => x.name === "lg")!.inputs.kmsKeyId,
      );
      assert.deepStrictEqual(named(r, "aws-required-tags"), []);
    });
  }

  it("leaves what it cannot fill as a (mandatory) violation, and skips waived resources", async () => {
    const g = await graphOf(
      () => {
        new kms.Key("a", { enableKeyRotation: true });
        new kms.Key("b", { enableKeyRotation: true });
      },
      false,
      "sandbox",
    );
    const r = await evaluatePolicies(g, {
      config: {
        "aws-required-tags": {
          enforcementLevel: "remediate",
          waivers: [{ urn: "*::b", reason: "imported", owner: "ops", expires: "2099-01-01" }],
        },
      },
    });
    assert.deepStrictEqual(r.remediations, []);
    const v = named(r, "aws-required-tags");
    assert.deepStrictEqual(
      v.map((x) => x.urn?.split("::").pop()),
      ["a"],
    );
    assert.strictEqual(v[0].enforcementLevel, "mandatory");
  });

  it("adds Kubernetes labels under metadata.labels without touching the spec", async () => {
    const g = await graphOf(() => void deployment("api", podSpec()), false, "prod");
    const r = await evaluatePolicies(g, {
      config: {
        "k8s-required-labels": {
          enforcementLevel: "remediate",
          required: ["environment", "team"],
          defaults: { team: "payments" },
        },
      },
    });
    const fix = r.remediations.find((x) => x.policy === "k8s-required-labels");
    assert.ok(fix);
    const meta = fix.inputs.metadata as { labels: Record<string, string>; namespace: string };
    assert.strictEqual(meta.labels.team, "payments");
    assert.strictEqual(
      meta.labels.environment,
      "dev",
      "an existing label is kept, not overwritten by the stack name",
    );
    assert.strictEqual(meta.namespace, "apps");
    assert.deepStrictEqual(
      fix.inputs.spec,
      new GraphQuery(g).one("kubernetes:apps/v1:Deployment", "api").inputs.spec,
    );
  });
});

describe("policy/README.md", () => {
  it("is the generated catalogue (run `npm run policy:catalogue` after changing a policy)", () => {
    const committed = fs.readFileSync(path.join(ROOT, "policy", "README.md"), "utf8");
    assert.strictEqual(committed, catalogue());
  });

  it("lists every policy with its severity and level", () => {
    const text = catalogue();
    for (const p of policies)
      assert.ok(text.includes(`| \`${p.name}\` | ${p.severity} | ${p.enforcementLevel} |`), p.name);
    assert.ok(text.includes(packName));
  });
});
