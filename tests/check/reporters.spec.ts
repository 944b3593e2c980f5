import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import { synth } from "../../engine/synth";
import { CheckReport, Isolation } from "../../check/report";
import { toJson, toJunit, toSarif, toTable } from "../../check/reporters";
import { parseArgs } from "../../cli/args";
import { toGraphJson, toMermaid } from "../../cli/graph";
import { sarifValidator } from "./sarif-schema";

class Site extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:web:Site", name, {}, opts);
    new s3.Bucket(`${name}-content`, { tags: { token: pulumi.secret("hunter2") } }, { parent: this });
    this.registerOutputs({});
  }
}

describe("reporters and graph (in-process)", function () {
  this.timeout(60_000);
  let report: CheckReport;

  before(async () => {
    const graph = await synth(
      () => {
        new Site("www");
        new s3.Bucket("loose", {});
      },
      { project: "demo", stack: "dev" },
    );
    const site = graph.resources.find((r) => r.name === "www-content")!.urn;
    report = {
      graph,
      programFile: "index.ts",
      policies: [
        {
          pack: "p",
          name: "crit",
          description: "Critical <thing> & more",
          enforcementLevel: "mandatory",
          severity: "critical",
          references: ["CKV_AWS_1"],
        },
        { pack: "p", name: "budget", description: "Stack budget", enforcementLevel: "advisory" },
      ],
      violations: [
        { pack: "p", policy: "budget", enforcementLevel: "advisory", message: "too many" },
        {
          pack: "p",
          policy: "crit",
          enforcementLevel: "mandatory",
          severity: "critical",
          urn: site,
          message: "bad <acl> \u0001",
        },
      ],
      waivers: [
        {
          pack: "p",
          policy: "crit",
          pattern: "*loose*",
          urn: "u",
          status: "applied",
          reason: "legacy",
          owner: "team-a",
          expires: "2027-01-01",
        },
      ],
      remediations: [],
      undecided: [],
      incomplete: [],
      summary: {
        packs: [{ name: "p", policies: 2, builtIn: false }],
        builtInDisabled: false,
        resources: 3,
        policies: 2,
        mandatory: 1,
        advisory: 1,
        waived: 1,
        undecided: 0,
        incomplete: 0,
        allowIncomplete: false,
        verdict: "fail",
      },
    };
  });

  it("table: level, then severity, before resource; waivers listed, colour only when asked", () => {
    const plain = toTable(report);
    assert.ok(plain.indexOf("MANDATORY (1)") < plain.indexOf("ADVISORY (1)"), plain);
    assert.ok(plain.indexOf("  critical (1)") < plain.indexOf("  severity not set (1)"), plain);
    assert.doesNotMatch(plain, /UNSPECIFIED/);
    assert.match(plain, /aws:s3\/bucket:Bucket www-content/);
    assert.match(
      plain,
      /applied {2}p\/crit {2}u {2}\(owner team-a, expires 2027-01-01\)\n {4}reason: legacy/,
    );
    assert.match(plain, /3 resources, 2 policies evaluated/);
    assert.doesNotMatch(plain, /\x1b\[/);
    assert.match(toTable(report, { color: true }), /\x1b\[31mMANDATORY \(1\)\x1b\[0m/);
  });

  it("table: a program that registered no resources is warned about, naming the file that ran", () => {
    const empty: CheckReport = { ...report, summary: { ...report.summary, resources: 0 } };
    assert.match(toTable(empty), /warning: the program registered no resources \(index\.ts ran\)/);
    assert.doesNotMatch(toTable(report), /registered no resources/);
  });

  describe("undecided checks", () => {
    // Two checks a value unknown in preview kept from deciding: the engine's wording and the SDK's.
    const undecidedReport = (): CheckReport => {
      const site = report.graph.resources.find((r) => r.name === "www-content")!.urn;
      return {
        ...report,
        undecided: [
          {
            pack: "p",
            policy: "crit",
            urn: site,
            message: `could not be decided during preview: "www-content": string value at .policy can't be known during preview`,
          },
          {
            pack: "q",
            policy: "stacky",
            message: "can't run policy 'stacky' from policy pack 'q' during preview: later",
          },
        ],
        summary: { ...report.summary, undecided: 2 },
      };
    };

    it("table: one line by default, each check listed with verbose", () => {
      const folded = toTable(undecidedReport());
      assert.match(folded, /\n2 undecided checks \(unknown until apply\); --verbose to list\n/);
      assert.doesNotMatch(folded, /UNDECIDED DURING PREVIEW|stacky/);
      const one = toTable({ ...undecidedReport(), undecided: undecidedReport().undecided.slice(1) });
      assert.match(one, /\n1 undecided check \(unknown until apply\)/);
      const listed = toTable(undecidedReport(), { verbose: true });
      assert.match(
        listed,
        /UNDECIDED DURING PREVIEW \(2\)\n {2}p\/crit {2}aws:s3\/bucket:Bucket www-content: could not/,
      );
      assert.match(listed, /\n {2}q\/stacky {2}\(stack\): can't run policy/);
      assert.doesNotMatch(listed, /--verbose to list/);
      assert.doesNotMatch(toTable(report), /undecided check/, "nothing to fold, no line");
    });

    it("json: each check with its resource type and the property it could not read", () => {
      const json = JSON.parse(toJson(undecidedReport()));
      assert.deepStrictEqual(json.undecided, [
        {
          pack: "p",
          policy: "crit",
          urn: json.resources.find((r: { name: string }) => r.name === "www-content").urn,
          type: "aws:s3/bucket:Bucket",
          property: ".policy",
          message: undecidedReport().undecided[0].message,
          location: null,
          relatedLocations: [],
        },
        {
          pack: "q",
          policy: "stacky",
          urn: null,
          type: null,
          property: null,
          message: undecidedReport().undecided[1].message,
          location: null,
          relatedLocations: [],
        },
      ]);
      assert.strictEqual(json.summary.undecided, 2);
    });

    it("sarif: notes beside the findings, valid, with a rule even for an undescribed policy", () => {
      const log = JSON.parse(toSarif(undecidedReport(), { baseDir: "/" }));
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const run = log.runs[0];
      const notes = run.results.filter((r: { level: string }) => r.level === "note");
      assert.deepStrictEqual(
        notes.map((r: { ruleId: string; properties: object }) => [r.ruleId, r.properties]),
        [
          ["p/crit", { undecided: true }],
          ["q/stacky", { undecided: true }],
        ],
      );
      assert.strictEqual(run.results.length, 4, "the two findings stay");
      assert.strictEqual(run.tool.driver.rules[notes[1].ruleIndex].id, "q/stacky");
      assert.match(notes[0].message.text, /string value at \.policy.*\nResource: urn:pulumi:dev::demo::/s);
      assert.strictEqual(notes[0].locations[0].logicalLocations[0].kind, "resource");
      const crit = run.results.find((r: { level: string; ruleId: string }) => r.level === "error");
      assert.notStrictEqual(
        notes[0].partialFingerprints["groundwork/v1"],
        crit.partialFingerprints["groundwork/v1"],
        "an undecided check must not merge with a finding of its policy on the same resource",
      );
    });
  });

  it("a policy's description once per policy, not per finding (table, SARIF results, JUnit)", () => {
    // As @pulumi/policy files a string finding: the description, a newline, then the finding's own text.
    const site = report.graph.resources.find((r) => r.name === "www-content")!.urn;
    const loose = report.graph.resources.find((r) => r.name === "loose")!.urn;
    const finding = (urn: string, text: string) => ({
      pack: "p",
      policy: "crit",
      enforcementLevel: "mandatory" as const,
      severity: "critical" as const,
      urn,
      message: `Critical <thing> & more\n${text}`,
    });
    const twice = { ...report, violations: [finding(site, "acl one"), finding(loose, "acl two")] };
    const table = toTable(twice);
    assert.strictEqual(table.split("Critical <thing> & more").length - 1, 1, table);
    assert.match(table, /p\/crit: acl one\n/);
    assert.match(table, /p\/crit: acl two\n/);
    const sarif = JSON.parse(toSarif(twice, { baseDir: "/" }));
    assert.deepStrictEqual(
      sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text.split("\n")[0]),
      ["acl one", "acl two"],
    );
    const junit = toJunit(twice);
    assert.strictEqual(junit.split("Critical &lt;thing&gt; &amp; more").length - 1, 1, junit);
  });

  it("json never prints a secret's plain text", () => {
    const text = toJson(report);
    assert.doesNotMatch(text, /hunter2/);
    const bucket = JSON.parse(text).resources.find((r: { name: string }) => r.name === "www-content");
    assert.deepStrictEqual(bucket.inputs.tags, { token: "[secret]" });
  });

  it("sarif: a stack-level finding (no resource) is still a valid result; references reach the rule", () => {
    const log = JSON.parse(toSarif(report, { baseDir: "/" }));
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "p/crit");
    assert.match(rule.help.text, /References: CKV_AWS_1/);
    assert.strictEqual(rule.properties["security-severity"], "9.5");
    assert.strictEqual(log.runs[0].results.length, 2);
  });

  it("sarif: two findings of one policy on one resource keep distinct fingerprints", () => {
    const [first] = report.violations.filter((v) => v.urn);
    const twin = { ...first, message: `${first.message} (second container)` };
    const log = JSON.parse(toSarif({ ...report, violations: [first, twin, { ...first }] }, { baseDir: "/" }));
    const prints = log.runs[0].results.map(
      (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["groundwork/v1"],
    );
    assert.strictEqual(prints.length, 3);
    assert.notStrictEqual(prints[0], prints[1], "distinct messages merged");
    assert.strictEqual(prints[0], prints[2], "the same finding must keep its fingerprint");
    assert.ok(prints[0].startsWith(`${log.runs[0].results[0].ruleId}|${first.urn}|`), prints[0]);
  });

  describe("the isolation in force, in every format", () => {
    // ADR 0014: every report says how the program was kept from the gate; an unisolated run says so loudly.
    const user: Isolation = {
      mode: "user",
      full: true,
      uid: 65534,
      gid: 65534,
      pidNamespace: true,
      readOnlyFilesystem: false,
      description:
        "the program runs as uid 65534 (gid 65534) with no capabilities, in its own PID and mount namespaces",
      unavailable: [],
    };
    const none: Isolation = {
      mode: "process",
      full: false,
      pidNamespace: false,
      readOnlyFilesystem: false,
      description: "NOT ISOLATED: the program runs as the gate's own user",
      unavailable: ["user: the gate is not root", "namespaces: unshare failed: Operation not permitted"],
    };

    it("table: one line, and for a weaker rung why the stronger ones were not used", () => {
      assert.match(
        toTable({ ...report, isolation: user }),
        /\nisolation: user - the program runs as uid 65534 /,
      );
      const weak = toTable({ ...report, isolation: none }, { color: true });
      assert.match(weak, /\x1b\[33misolation: process - NOT ISOLATED/);
      assert.match(weak, /not used: namespaces: unshare failed: Operation not permitted/);
    });

    it("json: the whole record, after the stack", () => {
      const j = JSON.parse(toJson({ ...report, isolation: user }));
      assert.deepStrictEqual(Object.keys(j).slice(0, 3), ["project", "stack", "isolation"]);
      assert.deepStrictEqual(j.isolation, user);
    });

    it("sarif: the invocation's properties, and a warning notification when not isolated", () => {
      const validate = sarifValidator();
      for (const iso of [user, none]) {
        const log = JSON.parse(toSarif({ ...report, isolation: iso }, { baseDir: "/" }));
        assert.ok(validate(log), JSON.stringify(validate.errors));
        const inv = log.runs[0].invocations[0];
        assert.deepStrictEqual(inv.properties.isolation, iso);
        const warned = (inv.toolExecutionNotifications ?? []).filter(
          (n: { descriptor?: { id: string } }) => n.descriptor?.id === "groundwork/isolation",
        );
        assert.strictEqual(warned.length, iso.full ? 0 : 1);
        if (!iso.full) assert.match(warned[0].message.text, /NOT ISOLATED.*unshare failed/);
      }
    });

    it("junit: a property of every suite", () => {
      const xml = toJunit({ ...report, isolation: none });
      const suites = xml.match(/<testsuite /g)!.length;
      assert.strictEqual(
        xml.match(/<property name="isolation" value="process - NOT ISOLATED/g)?.length,
        suites,
      );
      assert.match(xml, /<property name="isolation.full" value="false"\/>/);
      assert.match(xml, /<property name="isolation.unavailable" value="user: the gate is not root"\/>/);
    });
  });

  it("junit escapes markup and drops characters XML cannot carry", () => {
    const xml = toJunit(report);
    assert.match(xml, /bad &lt;acl&gt; <\/failure>/);
    assert.doesNotMatch(xml, /\u0001/);
    assert.match(xml, /<testcase classname="p\/budget" name="budget">/);
  });

  it("graph: components as groups, custom resources as nodes", () => {
    const m = toMermaid(report.graph);
    assert.match(m, /^flowchart TB\n/);
    assert.match(
      m,
      /subgraph r\d+\["www<br\/><small>test:web:Site<\/small>"\]\n {4}r\d+\["www-content<br\/><small>aws:s3\/bucket:Bucket<\/small>"\]\n {2}end/,
    );
    assert.match(m, /\n {2}r\d+\["loose<br\/><small>aws:s3\/bucket:Bucket<\/small>"\]/);
    const tree = JSON.parse(toGraphJson(report.graph)).root;
    assert.deepStrictEqual(
      tree.children.map((c: { name: string; children: { name: string }[] }) => [
        c.name,
        c.children.map((x) => x.name),
      ]),
      [
        ["loose", []],
        ["www", ["www-content"]],
      ],
    );
  });

  it("args: strict parsing, defaults, and packs paired with configs", () => {
    assert.deepStrictEqual(parseArgs(["check", "--stack", "dev"]), {
      command: "check",
      projectDir: ".",
      stack: "dev",
      policyPacks: [],
      policyPackConfigs: [],
      builtIn: true,
      builtInConfig: undefined,
      format: "table",
      output: undefined,
      update: false,
      synthTimeoutMs: 300_000,
      allowIncomplete: false,
      invokesFile: undefined,
      stackOutputsDir: undefined,
      typecheck: false,
      verbose: false,
      isolation: "auto",
      allowNodeOptions: false,
    });
    const strict = parseArgs(["graph", "--stack", "dev", "--isolation", "strict", "--allow-node-options"]);
    assert.ok(strict.command === "graph" && strict.isolation === "strict" && strict.allowNodeOptions);
    assert.throws(
      () => parseArgs(["check", "--stack", "dev", "--isolation", "off"]),
      /--isolation off is not one of auto, strict, none/,
    );
    const verbose = parseArgs(["check", "--stack", "dev", "--verbose"]);
    assert.ok(verbose.command === "check" && verbose.verbose);
    assert.throws(
      () => parseArgs(["graph", "--stack", "dev", "--verbose"]),
      /--verbose is only valid for check/,
    );
    const timed = parseArgs(["graph", "--stack", "dev", "--timeout", "2.5"]);
    assert.ok(timed.command === "graph" && timed.synthTimeoutMs === 2500);
    // graph reads the engine's files as check does; check's own flags stay check's.
    const pinned = parseArgs(["graph", "--stack", "dev", "--invokes", "i.json", "--stack-outputs=outs"]);
    assert.ok(
      pinned.command === "graph" && pinned.invokesFile === "i.json" && pinned.stackOutputsDir === "outs",
    );
    assert.throws(
      () => parseArgs(["graph", "--stack", "dev", "--update"]),
      /--update is only valid for check/,
    );
    const a = parseArgs([
      "check",
      "proj",
      "--stack=prod",
      "--policy-pack",
      "a",
      "--policy-pack",
      "b",
      "--policy-pack-config",
      "a.json",
      "--update",
    ]);
    assert.ok(a.command === "check" && a.policyPacks.join() === "a,b" && a.update && a.projectDir === "proj");
    assert.throws(() => parseArgs(["check", "--stack", "dev", "--bogus"]), /unknown option --bogus/);
    assert.throws(() => parseArgs(["check"]), /--stack NAME is required/);
    assert.throws(
      () => parseArgs(["check", "--stack", "dev", "--policy-pack-config", "a", "--policy-pack-config", "b"]),
      /2 --policy-pack-config given/,
    );
    assert.throws(
      () => parseArgs(["graph", "--stack", "dev", "--format", "sarif"]),
      /not one of mermaid, json/,
    );
  });
});
