// azure.ContainerService: an internal, network-bound Container Apps environment logging to a workspace, an
// app with internal HTTPS-only ingress and a user-assigned identity, Key Vault secret references only, a
// pinned image, sizes and replicas from the profile, and bad input refused before anything registers.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../../components/core";
import { resolveContainerServiceArgs } from "../../components/azure/container-service/args";
import { inputError } from "../core/helpers";
import { ContainerService, ContainerServiceArgs, Network, StorageAccount } from "../../components/azure";
import { T, assertTagged, inputs, networkLike, rejectsInputs, run, urnOf } from "./helpers";
import { synthRejectedLater } from "../kubernetes/helpers";

const LOC = { location: "westeurope" };
const COMPONENT = "groundwork:azure:ContainerService";
const IMAGE = "contoso.azurecr.io/api:1.4.2";
const SECRET = "https://contoso-kv.vault.azure.net/secrets/db-password";

function service(extra: Partial<ContainerServiceArgs> = {}): ContainerService {
  const network = new Network("core", { ...LOC, environment: extra.environment });
  return new ContainerService("api", { ...LOC, network, image: IMAGE, ...extra });
}

function bad(extra: Partial<ContainerServiceArgs>): () => ContainerService {
  return () =>
    new ContainerService("api", { ...LOC, network: networkLike(["apps"]), image: IMAGE, ...extra });
}

describe("azure ContainerService", () => {
  it("an internal environment in the apps subnet, logs to the workspace without a shared key", async () => {
    const { q } = await run(() => service());
    const env = inputs(q, T.managedEnvironment, "api-env");
    assert.deepStrictEqual(env.vnetConfiguration, {
      internal: true,
      infrastructureSubnetId: q.one(T.subnet, "core-apps").id,
    });
    assert.strictEqual(env.publicNetworkAccess, "Disabled");
    assert.deepStrictEqual(env.appLogsConfiguration, { destination: "azure-monitor" });
    const d = inputs(q, T.diagnostics, "api-env-diagnostics");
    assert.strictEqual(d.resourceUri, q.one(T.managedEnvironment, "api-env").id);
    assert.strictEqual(d.workspaceId, q.one(T.workspace, "api-logs").id);
    assert.strictEqual(env.zoneRedundant, false);
    assert.deepStrictEqual(q.one(COMPONENT, "api").outputs.weakened, []);
    assertTagged(q, urnOf(q, COMPONENT, "api"), "dev");
  });

  it("an image the program builds (an Output) lands in the app; an Output without a tag is refused once known", async () => {
    const built = `contoso.azurecr.io/api@sha256:${"ef".repeat(32)}`;
    const { q } = await run(() => service({ image: pulumi.output(built) }));
    const app = inputs(q, T.containerApp, "api-app");
    assert.strictEqual(
      (app.template as { containers: Record<string, unknown>[] }).containers[0].image,
      built,
    );
    const seen = await synthRejectedLater(
      () => void service({ image: pulumi.output("contoso.azurecr.io/api") }),
    );
    assert.ok(
      seen.some((m) =>
        m.includes('azure.ContainerService "api": image "contoso.azurecr.io/api" is not pinned'),
      ),
      seen.join("\n"),
    );
  });

  it("the app: internal ingress, no plain HTTP, its own user-assigned identity, the pinned image", async () => {
    const { q } = await run(() => service());
    const app = inputs(q, T.containerApp, "api-app");
    const identity = q.one(T.identity, "api-identity").id;
    assert.deepStrictEqual(app.identity, { type: "UserAssigned", userAssignedIdentities: [identity] });
    const config = app.configuration as Record<string, Record<string, unknown>>;
    assert.strictEqual(config.ingress.external, false);
    assert.strictEqual(config.ingress.allowInsecure, false);
    assert.strictEqual(config.ingress.targetPort, 8080);
    const container = (app.template as { containers: Record<string, unknown>[] }).containers[0];
    assert.strictEqual(container.image, IMAGE);
    assert.deepStrictEqual(container.resources, { cpu: 0.25, memory: "0.5Gi" });
    assert.strictEqual(app.managedEnvironmentId, q.one(T.managedEnvironment, "api-env").id);
  });

  it("the internal environment's domain resolves in the network: a linked zone with a wildcard to its IP", async () => {
    const { q } = await run(() => service(), { preview: false });
    const env = q.one(T.managedEnvironment, "api-env");
    const zone = q.one(T.dnsZone, "api-env-dns");
    assert.strictEqual(zone.inputs.privateZoneName, env.outputs.defaultDomain);
    const link = q.one("azure-native:privatedns:VirtualNetworkLink", "api-env-dns-link");
    assert.deepStrictEqual(link.inputs.virtualNetwork, { id: q.one(T.vnet, "core-vnet").id });
    const wildcard = q.one("azure-native:privatedns:PrivateRecordSet", "api-env-dns-wildcard");
    assert.deepStrictEqual([wildcard.inputs.recordType, wildcard.inputs.relativeRecordSetName], ["A", "*"]);
    assert.deepStrictEqual(wildcard.inputs.aRecords, [{ ipv4Address: env.outputs.staticIp }]);
    assert.ok(wildcard.dependencies.includes(zone.urn));
  });

  it("secrets as Key Vault references read with the identity, granted on the vault first", async () => {
    const vault = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/contoso-kv";
    const { q } = await run(() =>
      service({
        environmentVariables: { LOG_LEVEL: "info" },
        secrets: { DB_PASSWORD: SECRET },
        secretVaultIds: [vault],
      }),
    );
    const app = q.one(T.containerApp, "api-app");
    const identity = q.one(T.identity, "api-identity").id;
    const config = app.inputs.configuration as { secrets: unknown[] };
    assert.deepStrictEqual(config.secrets, [{ name: "db-password", keyVaultUrl: SECRET, identity }]);
    const env = (app.inputs.template as { containers: { env: unknown[] }[] }).containers[0].env;
    assert.deepStrictEqual(env, [
      { name: "LOG_LEVEL", value: "info" },
      { name: "DB_PASSWORD", secretRef: "db-password" },
    ]);
    const grant = q.one(T.role, "api-grant-secrets-0");
    assert.strictEqual(grant.inputs.scope, vault);
    assert.match(String(grant.inputs.roleDefinitionId), /\/4633458b-17de-408a-b874-0445c86b69e6$/);
    assert.deepStrictEqual(
      [grant.inputs.principalId, grant.inputs.principalType],
      ["api-identity-principal", "ServicePrincipal"],
    );
    assert.ok(app.dependencies.includes(grant.urn));
  });

  it("a private registry: pulled with the identity, which gets AcrPull on the registry before the app", async () => {
    const registry =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso";
    const { q } = await run(() => service({ registryServer: "contoso.azurecr.io", registryId: registry }));
    const app = q.one(T.containerApp, "api-app");
    const config = app.inputs.configuration as { registries: unknown[] };
    assert.deepStrictEqual(config.registries, [
      { server: "contoso.azurecr.io", identity: q.one(T.identity, "api-identity").id },
    ]);
    const grant = q.one(T.role, "api-grant-registry");
    assert.strictEqual(grant.inputs.scope, registry);
    // AcrPull, Azure's built-in role id (the same in every tenant).
    assert.match(String(grant.inputs.roleDefinitionId), /\/7f951dda-4ed3-4680-a7ca-43fe172d538d$/);
    assert.strictEqual(grant.inputs.principalType, "ServicePrincipal");
    assert.ok(app.dependencies.includes(grant.urn), "the app does not wait for AcrPull");
  });

  it("prod: the profile's size and replicas, a zone-redundant environment; fewer replicas is a weakening", async () => {
    const { q } = await run(() => service({ environment: "prod" }));
    const template = inputs(q, T.containerApp, "api-app").template as Record<string, unknown>;
    assert.deepStrictEqual(template.scale, { minReplicas: 3, maxReplicas: 10 });
    assert.deepStrictEqual((template.containers as Record<string, unknown>[])[0].resources, {
      cpu: 1,
      memory: "2Gi",
    });
    assert.strictEqual(inputs(q, T.managedEnvironment, "api-env").zoneRedundant, true);
    const weak = await run(() => service({ environment: "prod", minCapacity: 1 }));
    assert.deepStrictEqual(weak.q.one(COMPONENT, "api").outputs.weakened, ["minCapacity"]);
  });

  it("is a grantee of a storage account whose blob endpoint (an Output) lands resolved in its env", async () => {
    const { q } = await run(() => {
      const data = new StorageAccount("data", LOC);
      const api = service({ environmentVariables: { LOG_LEVEL: "info", DATA_URL: data.blobEndpoint } });
      data.grantRead(api);
    });
    const grant = inputs(q, T.role, "data-grant-api-read");
    assert.deepStrictEqual(
      [grant.principalId, grant.principalType],
      ["api-identity-principal", "ServicePrincipal"],
    );
    const account = q.one(T.account, "data-account");
    const endpoint = (account.outputs.primaryEndpoints as { blob: string }).blob;
    assert.match(endpoint, /^https:\/\/.+\.blob\.core\.windows\.net\/$/);
    const app = q.one(T.containerApp, "api-app");
    assert.deepStrictEqual((app.inputs.template as { containers: { env: unknown[] }[] }).containers[0].env, [
      { name: "LOG_LEVEL", value: "info" },
      { name: "DATA_URL", value: endpoint },
    ]);
    assert.ok(app.dependencies.includes(account.urn), "the account comes first");
  });

  it("environment values: a known non-string is refused before anything, an Output passes", () => {
    const resolve = (environmentVariables: ContainerServiceArgs["environmentVariables"]) =>
      resolveContainerServiceArgs(new Validator("azure.ContainerService", "api"), {
        ...LOC,
        network: networkLike(["apps"]),
        image: IMAGE,
        environmentVariables,
      });
    for (const value of [8080, true, { v: "1" }, ["a"]]) {
      const err = inputError(() => resolve({ PORT: value as never }));
      assert.deepStrictEqual([err.field, err.problem], ["environmentVariables.PORT", "is not a string"]);
    }
    const named = inputError(() => resolve({ DSN: pulumi.output("x"), DB_TOKEN: pulumi.output("y") }));
    assert.deepStrictEqual([named.field, named.value], ["environmentVariables.DB_TOKEN", "(value hidden)"]);
    const env = resolve({
      LOG_LEVEL: "info",
      DATA_URL: pulumi.output("https://data.blob.core.windows.net/"),
    }).environmentVariables;
    assert.strictEqual(env.LOG_LEVEL, "info");
    assert.ok(pulumi.Output.isInstance(env.DATA_URL));
  });

  rejectsInputs("azure.ContainerService", [
    [
      bad({ image: "contoso.azurecr.io/api:latest" }),
      "image",
      '"contoso.azurecr.io/api:latest"',
      /sha256|tag/,
    ],
    [bad({ image: "contoso.azurecr.io/api" }), "image", '"contoso.azurecr.io/api"', /sha256|tag/],
    [
      bad({ environmentVariables: { DB_PASSWORD: "hunter2" } }),
      "environmentVariables.DB_PASSWORD",
      '"(value hidden)"',
      /secrets:/,
    ],
    [
      bad({ secrets: { DB_PASSWORD: "hunter2" } }),
      "secrets.DB_PASSWORD",
      '"hunter2"',
      /vault\.azure\.net\/secrets/,
    ],
    [
      bad({ secrets: { DB_KEY: SECRET, db_key: SECRET } }),
      "secrets.db_key",
      '"db_key"',
      /differ beyond case/,
    ],
    [bad({ network: networkLike(["data"]) }), "network", '"[Network]"', /apps/],
    [bad({ minCapacity: 3, maxCapacity: 2 }), "maxCapacity", "2", /from 3/],
    [bad({ cpu: 0.3 }), "cpu", "0.3", /steps of 0.25/],
    [bad({ registryServer: "docker.io" }), "registryServer", '"docker.io"', /azurecr/],
    [
      bad({ registryServer: "contoso.azurecr.io", registryId: "contoso" }),
      "registryId",
      '"contoso"',
      /registries/,
    ],
    [
      bad({
        registryId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/c",
      }),
      "registryServer",
      "undefined",
      /azurecr\.io/,
    ],
    [bad({ ingress: {} } as never), "ingress", "{}", /containerPort|image/],
    [
      () => new ContainerService("Api", { ...LOC, network: networkLike(["apps"]), image: IMAGE }),
      "name",
      '"Api"',
      /lowercase/,
      "name: the container app's",
    ],
  ]);
});
