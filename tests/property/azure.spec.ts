// Property test of strict arguments, Azure: for every component, seeded random bad input (a wrong value in
// one field, an unknown key, a bad component name, args that are not an object) is refused with a
// GroundworkInputError naming the component and the field, before anything registers. The kinds below add
// Azure's own shapes: regions, resource groups, keys and networks (components only), Entra
// administrators, Key Vault secret references, Container Apps CPU.
import * as pulumi from "@pulumi/pulumi";
import * as azure from "../../components/azure";
import { networkLike } from "../azure/helpers";
import { CommonKind, COMMON_WRONG, Subject, construct, manyTags, outputTests, propertyTests } from "./kit";

/** The Azure kinds beyond the common ones. */
type Kind =
  | CommonKind
  | "tags"
  | "location"
  | "resourceGroup"
  | "workspaceId"
  | "key"
  | "tiers"
  | "network"
  | "privateNetwork"
  | "administrators"
  | "secret"
  | "secrets"
  | "cores";

const SECRET_URL = "https://contoso-kv.vault.azure.net/secrets/db-password";

/** Wrong values for each kind; every one must be refused wherever the kind appears. */
const WRONG: Record<Kind, readonly unknown[]> = {
  ...COMMON_WRONG,
  // More than Azure's 50 with Groundwork's four, a name with a character Azure forbids, a long value.
  tags: [...COMMON_WRONG.map, manyTags(47), { "a<b": "x" }, { "a/b": "x" }, { k: "v".repeat(257) }],
  // The display name instead of the short one, hyphenated, padded, a continent.
  location: [42, true, {}, ["westeurope"], "West Europe", "west-europe", "", "westeurope ", "eu"],
  resourceGroup: [42, true, {}, [], ["rg"], { name: "rg" }, "rg.", "my rg", "rg/x", "a".repeat(91), ""],
  workspaceId: [
    42,
    {},
    ["id"],
    "my-workspace",
    "",
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a",
  ],
  // Only an EncryptionKey component will do: not its key URL, nor something shaped like one.
  key: ["https://kv.vault.azure.net/keys/k", 42, true, {}, [], { keyId: "k", vaultId: "v" }],
  tiers: ["private", [], ["public"], ["Private"], ["private", "private"], [42], [null], {}],
  network: [
    "core",
    42,
    {},
    [],
    { subnetIds: { apps: "a", data: "d" } },
    { networkId: "n", subnetId: "s" },
    networkLike(["private"]),
  ],
  // A storage account's network needs the private tier its endpoint goes in.
  privateNetwork: ["core", 42, {}, [], { subnetIds: { private: "p" } }, networkLike(["apps", "data"])],
  administrators: [
    "group-object-id",
    {},
    [null],
    [42],
    [{ objectId: "id" }],
    [{ objectId: "", principalName: "ops" }],
    [{ objectId: 42, principalName: true }],
    [{ objectId: "id", principalName: "ops", principalType: "Robot" }],
    [{ objectId: "id", principalName: "ops", tenantId: "t" }],
  ],
  secret: [42, true, {}, [], ["pw"], "", null],
  secrets: [
    SECRET_URL,
    [],
    { DB: 42 },
    { DB: "projects/p/secrets/db" },
    { DB: SECRET_URL.replace("https", "http") },
    { DB: SECRET_URL.replace("secrets", "keys") },
    { "DB-PASS": SECRET_URL },
    { DB_KEY: SECRET_URL, db_key: SECRET_URL },
  ],
  // Container Apps CPU: 0.25 to 4 in quarter steps.
  cores: ["1", 0, 0.3, 5, -1, NaN, Infinity, true, [1]],
};

const LOC = { location: "westeurope" };

/** The arguments every Azure component takes, and the log arguments of those that log. */
const COMMON = {
  environment: "enum",
  tags: "tags",
  resourceGroup: "resourceGroup",
  location: "location",
  protect: "boolean",
} as const;
const LOGS = { logRetentionDays: "number", logWorkspaceId: "workspaceId" } as const;

const SUBJECTS = [
  {
    name: "azure.EncryptionKey",
    build: construct(azure.EncryptionKey),
    base: LOC,
    kinds: { ...COMMON, ...LOGS, rotationDays: "number", keySize: "number" },
    badNames: ["9key", "a_b", "a--b"],
    longNames: "fit",
  } satisfies Subject<azure.EncryptionKeyArgs, Kind>,
  {
    name: "azure.StorageAccount",
    build: construct(azure.StorageAccount),
    base: LOC,
    kinds: {
      ...{ ...COMMON, ...LOGS, encryptionKey: "key", accountName: "string", containers: "list" },
      ...{ publicNetworkAccess: "boolean", allowedIpRanges: "list", sharedKeyAccess: "boolean" },
      softDeleteDays: "number",
      network: "privateNetwork",
    },
    badNames: ["9data", "a_b"],
    longNames: "fit",
  } satisfies Subject<azure.StorageAccountArgs, Kind>,
  {
    name: "azure.Network",
    build: construct(azure.Network),
    base: LOC,
    kinds: { ...COMMON, ...LOGS, addressSpace: "string", tiers: "tiers", nat: "boolean" },
    badNames: ["-core", "core."],
    longNames: "fit",
  } satisfies Subject<azure.NetworkArgs, Kind>,
  {
    name: "azure.PostgresDatabase",
    build: construct(azure.PostgresDatabase),
    // Password authentication on, so its login and password are checked as values, not as extras.
    base: {
      ...LOC,
      network: networkLike(["data"]),
      passwordAuth: true,
      administratorLoginPassword: "a-secret-in-config",
    },
    kinds: {
      ...{ ...COMMON, ...LOGS, network: "network", encryptionKey: "key", geoBackupEncryptionKey: "key" },
      ...{ engineVersion: "enum", skuName: "string", skuTier: "enum", storageGiB: "number" },
      ...{ databaseName: "string", administrators: "administrators", backupRetentionDays: "number" },
      ...{ geoRedundantBackup: "boolean", multiAz: "boolean", deletionProtection: "boolean" },
      ...{ passwordAuth: "boolean", administratorLogin: "string", administratorLoginPassword: "secret" },
    },
    badNames: ["9db", "a_b", "-db"],
    longNames: "fit",
  } satisfies Subject<azure.PostgresDatabaseArgs, Kind>,
  {
    name: "azure.ContainerService",
    build: construct(azure.ContainerService),
    base: { ...LOC, network: networkLike(["apps"]), image: "contoso.azurecr.io/api:1.4.2" },
    kinds: {
      ...{ ...COMMON, ...LOGS, network: "network", image: "string", containerPort: "number" },
      ...{ cpu: "cores", memory: "string", minCapacity: "number", maxCapacity: "number" },
      ...{
        environmentVariables: "env",
        secrets: "secrets",
        secretVaultIds: "list",
        registryServer: "string",
        registryId: "string",
      },
    },
    related: { registryId: ["registryServer"] },
    badNames: ["Api", "9api", "api_1"],
    longNames: "fit",
  } satisfies Subject<azure.ContainerServiceArgs, Kind>,
  {
    name: "azure.KubernetesCluster",
    build: construct(azure.KubernetesCluster),
    base: {
      ...LOC,
      // A stand-in network with what the cluster wires to: its group, VNet and workspace.
      network: Object.assign(networkLike(["private"]), {
        resourceGroupName: pulumi.output("rg"),
        vnetName: pulumi.output("vnet"),
        logWorkspaceId: pulumi.output(
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w",
        ),
      }),
      encryptionKey: Object.assign(Object.create(azure.EncryptionKey.prototype) as azure.EncryptionKey, {
        keyId: pulumi.output("key-id"),
        vaultId: pulumi.output("vault-id"),
        key: { keyUriWithVersion: pulumi.output("https://kv.vault.azure.net/keys/k/1") },
      }),
      // A stand-in network has no address space to take the API server's /28 from.
      apiServerSubnetCidr: "10.0.255.240/28",
    },
    kinds: {
      ...{ ...COMMON, network: "privateNetwork", encryptionKey: "key", version: "enum", nodes: "map" },
      ...{ systemVmSize: "string", zones: "list", authorizedIpRanges: "list", administratorGroups: "list" },
      ...{ podCidr: "string", serviceCidr: "string", apiServerSubnetCidr: "string" },
      ...{ logWorkspaceId: "workspaceId", encryptionAtHost: "boolean", defender: "boolean" },
    },
    badNames: ["-apps", "a b", "a".repeat(45)],
  } satisfies Subject<azure.KubernetesClusterArgs, Kind>,
] as const;

describe("strict arguments: seeded random bad input, every Azure component", () => {
  propertyTests(WRONG, SUBJECTS, { seed: 1600, count: 200 });
});

describe("inputs as programs produce them: Output-valued bad input, the azure network and container service", () => {
  const outputs = SUBJECTS;
  outputTests(WRONG, outputs, { seed: 2500, count: 40 });
});
