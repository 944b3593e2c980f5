// The Azure and Kubernetes rules of issues #21 and #27: firewall rules on every data service, subnets inline
// in a VirtualNetwork, App Service, ACR, AKS network policy, CMK on disks and PostgreSQL (the one key knob),
// and plaintext secrets in Container Apps, Container Instances, App Service and Kubernetes env.
import * as assert from "assert";
import * as app from "@pulumi/azure-native/app";
import * as compute from "@pulumi/azure-native/compute";
import * as containerinstance from "@pulumi/azure-native/containerinstance";
import * as network from "@pulumi/azure-native/network";
import * as redis from "@pulumi/azure-native/redis";
import * as web from "@pulumi/azure-native/web";
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import { LABELS, TAGS, container, deployment, podSpec } from "./kit";
import {
  LOCATION,
  RG,
  aksCluster,
  containerApp,
  linuxVm,
  postgresServer,
  securityGroup,
  webApp,
} from "./azure-kit";
import { evaluate, messages, ruleCases, undecidedInPreview } from "./rule-cases";

const base = { resourceGroupName: RG, location: LOCATION, tags: TAGS };

describe("Azure rules: networks and data-service firewalls", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "azure-subnet-nsg",
      title: "an inline subnet without an NSG in a VirtualNetwork",
      program: () =>
        void new network.VirtualNetwork("vnet", {
          ...base,
          addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
          subnets: [{ name: "vms", addressPrefix: "10.0.1.0/24", defaultOutboundAccess: false }],
        }),
      fail: /subnets\[0\] \(vms\): no networkSecurityGroup is bound/,
    },
    {
      policy: "azure-subnet-nsg",
      title: "inline subnets bound to an NSG, and the reserved gateway subnet",
      program: () => {
        const nsg = securityGroup("nsg");
        new network.VirtualNetwork("vnet", {
          ...base,
          addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
          subnets: [
            {
              name: "vms",
              addressPrefix: "10.0.1.0/24",
              defaultOutboundAccess: false,
              networkSecurityGroup: { id: nsg.id },
            },
            { name: "GatewaySubnet", addressPrefix: "10.0.255.0/27" },
          ],
        });
      },
    },
    {
      policy: "azure-database-firewall-not-open",
      title: "a Redis rule opening everything",
      program: () =>
        void new redis.FirewallRule("all", {
          resourceGroupName: RG,
          cacheName: "cache",
          ruleName: "all",
          startIP: "0.0.0.0",
          endIP: "255.255.255.255",
        }),
      fail: /0\.0\.0\.0–255\.255\.255\.255 opens 4294967296 addresses/,
    },
  ]);
});

describe("Azure rules: App Service, ACR, AKS and customer-managed keys", function () {
  this.timeout(60_000);
  ruleCases([
    { policy: "azure-appservice-https-only", title: "httpsOnly", program: () => void webApp("shop") },
    {
      policy: "azure-appservice-tls12",
      title: "minTlsVersion left to the default (1.2)",
      program: () => void webApp("shop", { siteConfig: {} }),
    },
    {
      policy: "azure-appservice-tls12",
      title: "an SCM site on TLS 1.1",
      program: () => void webApp("shop", { siteConfig: { minTlsVersion: "1.2", scmMinTlsVersion: "1.1" } }),
      fail: /siteConfig\.scmMinTlsVersion is "1\.1"/,
    },
    {
      policy: "azure-aks-network-policy",
      title: "no network policy engine",
      program: () => void aksCluster("aks", { networkProfile: { networkPlugin: "azure" } }),
      fail: /networkProfile\.networkPolicy is "unset": NetworkPolicies are not enforced/,
    },
    { policy: "azure-aks-network-policy", title: "Cilium", program: () => void aksCluster("aks") },
    {
      policy: "azure-disk-customer-managed-key",
      title: "a VM OS disk under a disk encryption set",
      program: () => void linuxVm("vm"),
    },
    {
      policy: "azure-disk-customer-managed-key",
      title: "a VM data disk under the platform key",
      program: () =>
        void new compute.VirtualMachine("vm", {
          ...base,
          hardwareProfile: { vmSize: "Standard_B2s" },
          storageProfile: {
            osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: "des" } } },
            dataDisks: [{ lun: 0, createOption: "Empty", diskSizeGB: 64 }],
          },
        }),
      fail: /storageProfile\.dataDisks\[0\]\.managedDisk\.diskEncryptionSet is not set/,
    },
    {
      policy: "azure-disk-customer-managed-key",
      title: "a platform key, with customerManagedKey: false",
      program: () =>
        void new compute.Disk("d", { ...base, creationData: { createOption: "Empty" }, diskSizeGB: 8 }),
      config: { "azure-disk-customer-managed-key": { customerManagedKey: false } },
    },
    {
      policy: "azure-postgres-customer-managed-key",
      title: "SystemManaged data encryption",
      program: () => void postgresServer("pg", { dataEncryption: { type: "SystemManaged" } }),
      fail: /dataEncryption\.type is "SystemManaged": data is encrypted under a Microsoft-managed key/,
    },
  ]);
});

describe("Plaintext secrets on every container platform", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "azure-containers-no-plaintext-secrets",
      title: "a Container App env value and a secretRef",
      program: () =>
        void new app.ContainerApp("api", {
          ...base,
          environmentId: "env",
          configuration: {
            secrets: [
              { name: "db", keyVaultUrl: "https://kv.vault.azure.net/secrets/db", identity: "system" },
            ],
          },
          template: {
            containers: [
              {
                name: "api",
                image: "ghcr.io/acme/api:1.0.0",
                env: [
                  { name: "DB_PASSWORD", secretRef: "db" },
                  { name: "API_TOKEN", value: "t0ken" },
                ],
              },
            ],
          },
        }),
      fail: /setting API_TOKEN \(template\.containers\[0\]\) holds a literal value/,
    },
    {
      policy: "azure-containers-no-plaintext-secrets",
      title: "Container Instances with a secureValue",
      program: () =>
        void new containerinstance.ContainerGroup("ci", {
          ...base,
          osType: "Linux",
          containers: [
            {
              name: "job",
              image: "ghcr.io/acme/job:1.0.0",
              resources: { requests: { cpu: 1, memoryInGB: 1 } },
              environmentVariables: [{ name: "DB_PASSWORD", secureValue: "from-pipeline" }],
            },
          ],
        }),
    },
    {
      policy: "azure-containers-no-plaintext-secrets",
      title: "App Service settings resource with a literal secret",
      program: () =>
        void new web.WebAppApplicationSettings("settings", {
          resourceGroupName: RG,
          name: "shop",
          properties: { CLIENT_SECRET: "s3cr3t", LOG_LEVEL: "info" },
        }),
      fail: /setting CLIENT_SECRET \(properties\) holds a literal value/,
    },
    {
      policy: "k8s-no-plaintext-secrets-in-env",
      title: "a secretKeyRef and a non-secret literal",
      program: () =>
        void deployment(
          "api",
          podSpec({
            containers: [
              container({
                env: [
                  { name: "LOG_LEVEL", value: "info" },
                  { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
                ],
              }),
            ],
          }),
        ),
    },
    {
      policy: "k8s-no-plaintext-secrets-in-env",
      title: "a literal token in an init container",
      program: () =>
        void deployment(
          "api",
          podSpec({
            initContainers: [container({ name: "migrate", env: [{ name: "GITHUB_TOKEN", value: "ghp_x" }] })],
          }),
        ),
      fail: /env GITHUB_TOKEN \(initContainer "migrate"\) holds a literal value/,
    },
  ]);
  undecidedInPreview("k8s-no-plaintext-secrets-in-env", "a secret-named value from an Output", () => {
    const app = containerApp("dep");
    new appsv1.Deployment("api", {
      metadata: { name: "api", namespace: "apps", labels: LABELS },
      spec: {
        selector: { matchLabels: { app: "api" } },
        template: {
          metadata: { labels: { app: "api" } },
          spec: podSpec({
            containers: [container({ env: [{ name: "DB_PASSWORD", value: app.id.apply(() => "x") }] })],
          }),
        },
      },
    });
  });

  it("one rule for every platform: the same names are refused on each", async () => {
    const report = await evaluate(() => {
      webApp("shop", {
        siteConfig: { minTlsVersion: "1.2", appSettings: [{ name: "AWS_SECRET_ACCESS_KEY", value: "x" }] },
      });
      deployment(
        "api",
        podSpec({ containers: [container({ env: [{ name: "AWS_SECRET_ACCESS_KEY", value: "x" }] })] }),
      );
    }, false);
    assert.strictEqual(messages(report, "azure-containers-no-plaintext-secrets").length, 1);
    assert.strictEqual(messages(report, "k8s-no-plaintext-secrets-in-env").length, 1);
  });
});
