// Derived child names that fit: a component name whose children's auto-names would pass a cloud's limit
// gets shortened, hashed names instead of a refusal (`fittedName`), while every name that fits today is
// left to the provider exactly as before, so no deployed child is renamed. The reference stacks' own
// component names are held to that: none of them gets a pinned name.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
  DerivedName,
  Validator,
  childName,
  fittedName,
  nameProblemFor,
  validateDerivedNames,
} from "../../components/core";
import * as aws from "../../components/aws";
import * as gcp from "../../components/gcp";
import * as azure from "../../components/azure";
import { S3_BUCKET_NAME, autoNamed, keyAliasNamed } from "../../components/aws/naming";
import { serviceNames } from "../../components/aws/container-service/names";
import { FLOW_LOG_NAMES } from "../../components/aws/network/args";
import { DATABASE_NAMES } from "../../components/aws/postgres-database/args";
import {
  CLOUD_RUN_SERVICE_NAME,
  GCP_KMS_NAME,
  GCP_RESOURCE_NAME,
  GCS_BUCKET_NAME,
  gcpAutoNamed,
} from "../../components/gcp/naming";
import { vaultNamed } from "../../components/azure/encryption-key/args";
import { VNET_NAMED } from "../../components/azure/network/args";
import { APP_NAMED } from "../../components/azure/container-service/args";
import { SERVER_NAMED } from "../../components/azure/postgres-database/args";
import { WORKSPACE_NAMED } from "../../components/azure/logs";
import { ResourceGraph, synth } from "../../testing";
import { SERVICE_ARGS } from "../aws/helpers";
import { networkLike } from "../azure/helpers";
import { PHYSICAL_NAMES, misfits, physicalName } from "./physical-names";
import { longName, prng } from "../property/kit";

const withKey = (d: DerivedName): DerivedName => ({ ...d, prefix: (n) => d.prefix(childName(n, "key")) });
const gcpNet = ["vpc", "private", "isolated", "router", "nat", "deny-ingress", "allow-internal"]
  .concat(["allow-health-checks", "services-range"])
  .map((s) => gcpAutoNamed(`the ${s}`, GCP_RESOURCE_NAME, s));
const gcpKey = [gcpAutoNamed("the ring", GCP_KMS_NAME, "ring"), gcpAutoNamed("the key", GCP_KMS_NAME, "cmk")];

/** Every physical name each component type derives from its name, the keys it creates included. */
const DERIVED: Readonly<Record<string, readonly DerivedName[]>> = {
  "groundwork:aws:ContainerService": serviceNames(true),
  "groundwork:aws:Network": [...Object.values(FLOW_LOG_NAMES), keyAliasNamed("key")],
  "groundwork:aws:PostgresDatabase": [...Object.values(DATABASE_NAMES), keyAliasNamed("key")],
  "groundwork:aws:Bucket": [
    autoNamed("the bucket", S3_BUCKET_NAME, "bucket", true),
    autoNamed("the log bucket", S3_BUCKET_NAME, "logs-bucket", true),
    keyAliasNamed("key"),
  ],
  "groundwork:aws:EncryptionKey": [keyAliasNamed()],
  "groundwork:gcp:Network": gcpNet,
  "groundwork:gcp:Bucket": [
    gcpAutoNamed("the bucket", GCS_BUCKET_NAME, "bucket"),
    gcpAutoNamed("the log bucket", GCS_BUCKET_NAME, "logs"),
    ...gcpKey.map(withKey),
  ],
  "groundwork:gcp:EncryptionKey": gcpKey,
  "groundwork:gcp:ContainerService": [
    gcpAutoNamed("the service", CLOUD_RUN_SERVICE_NAME, "service"),
    ...gcpKey.map(withKey),
  ],
  "groundwork:gcp:PostgresDatabase": [
    gcpAutoNamed("the instance", GCP_RESOURCE_NAME, "instance"),
    ...gcpKey.map(withKey),
  ],
  "groundwork:azure:EncryptionKey": [vaultNamed(), WORKSPACE_NAMED],
  "groundwork:azure:StorageAccount": [vaultNamed((n) => `${n}-key`), WORKSPACE_NAMED],
  "groundwork:azure:Network": [VNET_NAMED, WORKSPACE_NAMED],
  "groundwork:azure:ContainerService": [APP_NAMED, WORKSPACE_NAMED],
  "groundwork:azure:PostgresDatabase": [SERVER_NAMED, vaultNamed((n) => `${n}-key`), WORKSPACE_NAMED],
};
const ALL = Object.values(DERIVED).flat();

describe("core/naming: fittedName", () => {
  it("leaves every name whose auto-name fits to the provider (so nothing deployed is renamed)", () => {
    const rand = prng(2300);
    let kept = 0;
    for (let i = 0; i < 400; i++) {
      const name = longName(rand, 1 + Math.floor(rand() * 60));
      for (const d of ALL) {
        const auto = d.prefix(name) + "0".repeat(d.random);
        if (nameProblemFor(d.rule, auto) !== undefined) continue;
        kept++;
        assert.equal(fittedName(d, name, "p/s"), undefined, `${d.what} of ${name}`);
      }
    }
    assert.ok(kept > 2000, `only ${kept} fitting cases were drawn`);
  });

  it("gives a too-long auto-name a valid, stable, distinct name that starts with the readable cut", () => {
    const rand = prng(2301);
    let fitted = 0;
    for (let i = 0; i < 300; i++) {
      const name = longName(rand, 10 + Math.floor(rand() * 290));
      for (const d of ALL) {
        const got = fittedName(d, name, "p/s");
        if (got === undefined) continue;
        fitted++;
        assert.equal(nameProblemFor(d.rule, got), undefined, `${d.what} of ${name}: ${got}`);
        assert.equal(fittedName(d, name, "p/s"), got, "stable");
        assert.notEqual(fittedName(d, `${name}x`, "p/s"), got, "a longer name is another name");
        assert.notEqual(fittedName(d, name, "p/other"), got, "another stack is another name");
        assert.ok(got.startsWith(d.prefix(name).slice(0, 3)), `${got} keeps the start of ${d.prefix(name)}`);
      }
    }
    assert.ok(fitted > 1000, `only ${fitted} too-long cases were drawn`);
  });

  it("the load balancer: 20 characters keep the auto-name, 21 get a 32-character hashed name", () => {
    const [alb] = serviceNames(false);
    assert.equal(fittedName(alb, "a".repeat(20), "p/s"), undefined);
    assert.match(
      fittedName(alb, "orders-api-service-prod", "p/s") ?? "",
      /^orders-api-service-prod-[0-9a-f]{8}$/,
    );
    assert.match(fittedName(alb, "a".repeat(21), "p/s") ?? "", /^a{21}-a-[0-9a-f]{8}$/);
  });

  it("a name a cut cannot mend is still refused, naming what to change", () => {
    const [alb] = serviceNames(false);
    const v = new Validator("aws.ContainerService", "Orders API");
    assert.throws(
      () => validateDerivedNames(v, [alb]),
      /"Orders API-alb-" plus 7 random characters, which contains characters or a shape the rule does not allow/,
    );
  });
});

/** The vault of an `azure.StorageAccount` synthesized in `stack`. */
async function vaultName(name: string, stack = "dev"): Promise<string | undefined> {
  const graph = await synth(() => new azure.StorageAccount(name, { location: "westeurope" }), {
    stack,
    preview: false,
  });
  const vault = graph.resources.find((r) => r.type === "azure-native:keyvault:Vault");
  assert.ok(vault);
  assert.deepEqual(misfits(graph), []);
  return physicalName(vault, "vaultName");
}

describe("components: derived names fit, whatever the component name", function () {
  this.timeout(120_000);

  it('azure.StorageAccount("orders-uploads") registers; its key\'s vault takes a 24-character name', async () => {
    const name = await vaultName("orders-uploads");
    assert.match(name ?? "", /^orders-uploads-[0-9a-f]{8}$/);
    assert.equal(await vaultName("orders-uploads"), name, "the same name on the next run");
    assert.notEqual(await vaultName("orders-uploads", "prod"), name, "another stack, another vault name");
    // A name that fits keeps the provider's auto-name, as before: no vaultName input at all.
    const graph = await synth(() => new azure.StorageAccount("data", { location: "westeurope" }));
    const vault = graph.resources.find((r) => r.type === "azure-native:keyvault:Vault");
    assert.equal(vault?.inputs.vaultName, undefined);
  });

  const LONG = "orders-platform-uploads-archive-for-the-compliance-team-eu-west";
  const subjects: [string, () => unknown][] = [
    ["aws.ContainerService", () => new aws.ContainerService(LONG, SERVICE_ARGS)],
    ["aws.Bucket", () => new aws.Bucket(LONG, {})],
    ["aws.Network", () => new aws.Network(LONG, {})],
    [
      "aws.PostgresDatabase",
      () =>
        new aws.PostgresDatabase(LONG, { vpcId: SERVICE_ARGS.vpcId, subnetIds: ["subnet-a", "subnet-b"] }),
    ],
    ["aws.EncryptionKey", () => new aws.EncryptionKey(LONG.repeat(4), {})],
    ["gcp.Network", () => new gcp.Network(LONG, { privateServices: true })],
    ["gcp.Bucket", () => new gcp.Bucket(LONG, { location: "europe-west1" })],
    ["gcp.EncryptionKey", () => new gcp.EncryptionKey(LONG, {})],
    [
      "gcp.PostgresDatabase",
      () => new gcp.PostgresDatabase(LONG, { network: "projects/p/global/networks/n" }),
    ],
    [
      "gcp.ContainerService",
      () =>
        new gcp.ContainerService(LONG, {
          image: "europe-docker.pkg.dev/acme/apps/web:1.2.3",
          network: {
            networkId: "projects/acme/global/networks/core",
            subnetId: "projects/acme/regions/europe-west1/subnetworks/app",
          },
        }),
    ],
    ["azure.Network", () => new azure.Network(LONG, { location: "westeurope" })],
    [
      "azure.ContainerService",
      () =>
        new azure.ContainerService(LONG, {
          location: "westeurope",
          network: networkLike(["apps"]),
          image: "contoso.azurecr.io/api:1.4.2",
        }),
    ],
    [
      "azure.PostgresDatabase",
      () => new azure.PostgresDatabase(LONG, { location: "westeurope", network: networkLike(["data"]) }),
    ],
  ];
  for (const [label, build] of subjects) {
    it(`${label}: a ${LONG.length}-character name registers and every physical name fits its cloud`, async () => {
      const graph: ResourceGraph = await synth(build, { preview: false });
      assert.ok(graph.resources.length > 1);
      assert.deepEqual(misfits(graph), []);
    });
  }
});

describe("stacks: no reference stack's child takes a pinned name (physical names unchanged)", () => {
  const dir = path.join(__dirname, "..", "..", "..", "tests", "stacks", "urns");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    it(file.replace(/\.txt$/, ""), () => {
      const components = fs
        .readFileSync(path.join(dir, file), "utf8")
        .split("\n")
        .map((line) => /::(groundwork:[a-z]+:[A-Za-z]+)::([^:]+)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null);
      assert.ok(components.length > 0);
      const pinned = components.flatMap(([, type, name]) =>
        (DERIVED[type] ?? [])
          .filter((d) => fittedName(d, name, "p/s") !== undefined)
          .map((d) => `${name}: ${d.what}`),
      );
      assert.deepEqual(pinned, []);
    });
  }
});

describe("facts: name and tag limits carry their sources, and the rules say the same numbers", () => {
  const files = ["aws", "gcp", "azure"].map((cloud) =>
    path.join(__dirname, "..", "..", "..", "facts", cloud, "limits.json"),
  );

  it("every name and tag limit has a source at the provider", () => {
    for (const file of files) {
      const limits = JSON.parse(fs.readFileSync(file, "utf8")) as Record<
        string,
        { value: number; source: string }
      >;
      const keys = Object.keys(limits).filter((k) => /^(names|tags|labels)\./.test(k));
      assert.ok(keys.length >= 4, file);
      for (const k of keys) {
        assert.ok(Number.isInteger(limits[k].value) && limits[k].value > 0, `${file} ${k}`);
        assert.match(
          limits[k].source,
          /^https:\/\/(docs\.aws\.amazon\.com|cloud\.google\.com|learn\.microsoft\.com)\//,
          `${file} ${k}`,
        );
      }
    }
  });

  it("each rule's words give the length range the facts give", () => {
    for (const [type, [, rule]] of Object.entries(PHYSICAL_NAMES)) {
      // A KMS alias counts `alias/` in its 256; the words count what follows it.
      const max = rule.id === "kmsAlias" ? rule.maxLength - "alias/".length : rule.maxLength;
      assert.ok(rule.description.includes(`-${max} `), `${type}: "${rule.description}" does not say ${max}`);
    }
  });
});
