// groundwork-weakened-defaults: every default recorded as weakened (AWS tag, Kubernetes annotation) is an
// advisory finding per resource and default; nothing is reported where nothing is weakened.
import * as assert from "assert";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { PostgresDatabase } from "../../components/aws";
import { Bucket as GcpBucket } from "../../components/gcp";
import { synth } from "../../testing";
import { PolicyReport, evaluatePolicies } from "../../check";
import { LABELS, TAGS, key } from "./kit";

const POLICY = "groundwork-weakened-defaults";

/** The finding itself: the engine puts the policy's description on the line before it. */
function finding(message: string): string {
  return message.split("\n").pop() ?? "";
}

async function findings(program: () => void, stack = "dev"): Promise<PolicyReport["violations"]> {
  const config = { "aws:region": "eu-west-1", "gcp:project": "unit-project", "gcp:region": "europe-west1" };
  const graph = await synth(program, { stack, project: "unit", config });
  const report = await evaluatePolicies(graph);
  return report.violations.filter((v) => v.policy === POLICY);
}

describe(POLICY, function () {
  this.timeout(60_000);

  it("reports nothing for resources without the tag or annotation", async () => {
    assert.deepStrictEqual(
      await findings(() => {
        key("plain");
        new corev1.ConfigMap("cfg", { metadata: { namespace: "apps", labels: LABELS } });
      }),
      [],
    );
  });

  it("reports each default named in the AWS tag, advisory, on the tagged resource", async () => {
    const found = await findings(() => {
      key("k", { tags: { ...TAGS, "groundwork-weakened": "logRetentionDays  multiAz" } });
    });
    assert.deepStrictEqual(
      found.map((v) => [v.enforcementLevel, v.urn?.split("::").pop(), finding(v.message)]),
      [
        ["advisory", "k", `"k" weakens the default "logRetentionDays" below the environment profile`],
        ["advisory", "k", `"k" weakens the default "multiAz" below the environment profile`],
      ],
    );
  });

  it("reads a Google Cloud component's label back in the names the other clouds use", async () => {
    // Label values allow no spaces or capitals: the component writes `access-logging_protect`.
    const found = await findings(
      () => new GcpBucket("assets", { environment: "prod", accessLogging: false, protect: false }),
      "prod",
    );
    const messages = [...new Set(found.map((v) => finding(v.message)))];
    // The key the bucket creates records its own `protect` weakening, under its own component.
    assert.deepStrictEqual(messages.sort(), [
      `"assets" weakens the default "accessLogging" below the environment profile`,
      `"assets" weakens the default "protect" below the environment profile`,
      `"assets-key" weakens the default "protect" below the environment profile`,
    ]);
  });

  it("reports each default named in the Kubernetes annotation", async () => {
    const found = await findings(() => {
      new corev1.Namespace("apps", {
        metadata: {
          name: "apps",
          labels: LABELS,
          annotations: { "groundwork.dev/weakened": "allowExternalServices" },
        },
      });
    });
    assert.deepStrictEqual(
      found.map((v) => finding(v.message)),
      [`"apps" weakens the default "allowExternalServices" below the environment profile`],
    );
  });

  it("reports a Groundwork component's weakening once, against the component, and nothing at the profile's defaults", async () => {
    const program = (backupRetentionDays?: number) => () => {
      new PostgresDatabase("db", {
        environment: "prod",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-a", "subnet-b"],
        backupRetentionDays,
      });
    };
    assert.deepStrictEqual(await findings(program(), "prod"), []);
    const found = await findings(program(7), "prod");
    assert.strictEqual(found.length, 1, JSON.stringify(found, null, 2));
    assert.match(found[0].urn ?? "", /::groundwork:aws:PostgresDatabase::db$/);
    assert.strictEqual(found[0].enforcementLevel, "advisory");
    assert.match(
      finding(found[0].message),
      /^"db" weakens the default "backupRetentionDays" below the environment profile/,
    );
  });
});
