// The bar: the pack evaluated over the components' default output, in every profile and in both
// preview and update mode, reports no violation at all (mandatory or advisory) and no waiver.
import * as assert from "assert";
import { ENVIRONMENTS, Environment } from "../../components/core";
import {
  Bucket,
  ContainerService,
  EncryptionKey,
  KubernetesCluster,
  Network,
  PostgresDatabase,
} from "../../components/aws";
import { Namespace, WebService } from "../../components/kubernetes";
import * as azure from "../../components/azure";
import * as gcp from "../../components/gcp";
import { synth } from "../../testing";
import { PolicyReport, evaluatePolicies } from "../../check";

function describeFindings(report: PolicyReport): string {
  return report.violations
    .map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn ?? ""}: ${v.message}`)
    .join("\n");
}

function awsPlatform(environment: Environment): void {
  new EncryptionKey("key", { environment });
  new Bucket("assets", { environment });
  const net = new Network("core", { environment });
  new PostgresDatabase("db", { environment, vpcId: net.vpcId, subnetIds: net.isolatedSubnetIds });
  new ContainerService("web", {
    environment,
    vpcId: net.vpcId,
    subnetIds: net.privateSubnetIds,
    loadBalancerSubnetIds: net.publicSubnetIds,
    image: "ghcr.io/acme/web:1.2.3",
    certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0d7e7f7a-0000-4000-8000-000000000000",
  });
  new KubernetesCluster("apps", {
    environment,
    network: net,
    encryptionKey: new EncryptionKey("cluster-key", { environment, services: ["logs"] }),
    administrators: ["arn:aws:iam::123456789012:role/platform-deployer"],
  });
}

function kubernetesPlatform(environment: Environment): void {
  const ns = new Namespace("apps", { environment });
  new WebService("hello", {
    environment,
    namespace: ns.namespaceName,
    containers: [{ name: "hello", image: "ghcr.io/acme/hello:1.0.0" }],
  });
}

function azurePlatform(environment: Environment): void {
  const key = new azure.EncryptionKey("key", { environment, location: "westeurope" });
  new azure.StorageAccount("assets", {
    environment,
    location: "westeurope",
    encryptionKey: key,
    containers: ["uploads"],
  });
  const network = new azure.Network("core", { environment, location: "westeurope" });
  // Geo-redundant backups (on in prod) need a key in the paired region.
  const geoBackupEncryptionKey =
    environment === "prod"
      ? new azure.EncryptionKey("geo", { environment, location: "northeurope" })
      : undefined;
  new azure.PostgresDatabase("orders", {
    environment,
    location: "westeurope",
    network,
    encryptionKey: key,
    geoBackupEncryptionKey,
  });
  new azure.ContainerService("api", {
    environment,
    location: "westeurope",
    network,
    image: "contoso.azurecr.io/api:1.4.2",
    secrets: { DB_PASSWORD: "https://contoso-kv.vault.azure.net/secrets/db-password" },
  });
}

function gcpPlatform(environment: Environment): void {
  const key = new gcp.EncryptionKey("key", { environment, services: ["storage"] });
  new gcp.Bucket("assets", { environment, encryptionKey: key });
  const net = new gcp.Network("core", {
    environment,
    healthCheckPorts: [8080],
    privateServices: true,
    kubernetesRanges: { pods: "10.100.0.0/14", services: "10.104.0.0/20" },
  });
  const db = new gcp.PostgresDatabase("db", { environment, network: net });
  new gcp.KubernetesCluster("apps", { environment, network: net, encryptionKey: key });
  const web = new gcp.ContainerService("web", {
    environment,
    network: net,
    image: "europe-docker.pkg.dev/acme/apps/web:1.2.3",
    secrets: { DB_PASSWORD: "projects/acme/secrets/db-password" },
  });
  db.grantConnect(web);
}

describe("policy pack over the components' default output", function () {
  this.timeout(180_000);
  for (const environment of ENVIRONMENTS) {
    for (const preview of [true, false]) {
      const mode = preview ? "preview" : "update";
      for (const [cloud, program] of [
        ["aws", awsPlatform],
        ["kubernetes", kubernetesPlatform],
        ["azure", azurePlatform],
        ["gcp", gcpPlatform],
      ] as const) {
        it(`${cloud}, ${environment}, ${mode}: zero violations`, async () => {
          const graph = await synth(() => program(environment), {
            stack: environment,
            project: "platform",
            preview,
            config: { "aws:region": "eu-west-1" },
            // AWS names an auto-named bucket at creation; the plain mock would leave `bucket` unset.
            newResource: ({ type, name }) =>
              type === "aws:s3/bucket:Bucket" ? { state: { bucket: `${name}-physical` } } : undefined,
          });
          assert.ok(graph.resources.length > 5, "the program registered its resources");
          const report = await evaluatePolicies(graph);
          assert.deepStrictEqual(report.violations, [], describeFindings(report));
          assert.deepStrictEqual(report.waivers, []);
        });
      }
    }
  }
});
