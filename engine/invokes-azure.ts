// Offline answers to azure-native invokes: the client's subscription and tenant, and the keys, tokens and
// credentials Azure lists for a resource, shaped as Azure returns them with every key a secret. Rendered
// into docs/offline-answers.md.
import {
  FAKE_AZURE_SUBSCRIPTION,
  FAKE_AZURE_TENANT,
  InvokeContext,
  argString,
  secret,
  setting,
  stableHex,
  stableKey,
} from "./invoke-context";
import type { OfflineAnswer } from "./invokes";

const location = (ctx: InvokeContext): string =>
  setting(ctx, "location", "azure-native:location", "westeurope");
const group = (ctx: InvokeContext): string => argString(ctx, "resourceGroupName") ?? "rg";

/** A stable 64-byte key in base64 (88 characters), the shape of storage, Service Bus and Cosmos DB keys. */
const key = (ctx: InvokeContext, which: string): Record<string, unknown> =>
  secret(stableKey(64, ctx.token, ctx.args, which));

function armId(ctx: InvokeContext, provider: string, name: string): string {
  return `/subscriptions/${FAKE_AZURE_SUBSCRIPTION}/resourceGroups/${group(ctx)}/providers/${provider}/${name}`;
}

/** A Service Bus or Event Hubs authorization rule's keys and connection strings. */
function namespaceKeys(ctx: InvokeContext, host: string): Record<string, unknown> {
  const ns = argString(ctx, "namespaceName") ?? "namespace";
  const rule = argString(ctx, "authorizationRuleName") ?? "RootManageSharedAccessKey";
  const entity = argString(ctx, "queueName") ?? argString(ctx, "topicName") ?? argString(ctx, "eventHubName");
  const primary = stableKey(32, ctx.token, ctx.args, "primary");
  const secondary = stableKey(32, ctx.token, ctx.args, "secondary");
  const connection = (k: string): string =>
    `Endpoint=sb://${ns}.${host}/;SharedAccessKeyName=${rule};SharedAccessKey=${k}${entity ? `;EntityPath=${entity}` : ""}`;
  return {
    keyName: rule,
    primaryKey: secret(primary),
    secondaryKey: secret(secondary),
    primaryConnectionString: secret(connection(primary)),
    secondaryConnectionString: secret(connection(secondary)),
    aliasPrimaryConnectionString: secret(""),
    aliasSecondaryConnectionString: secret(""),
  };
}

/** A kubeconfig for an AKS cluster, base64 as `listManagedCluster*Credentials` returns it. */
function kubeconfigs(ctx: InvokeContext, user: string): Record<string, unknown> {
  const cluster = argString(ctx, "resourceName") ?? "cluster";
  const server = `https://${cluster}-dns-${stableHex(8, ctx.args)}.hcp.${location(ctx)}.azmk8s.io:443`;
  const ca = Buffer.from(`offline certificate authority of ${cluster}`).toString("base64");
  const config = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${cluster}`,
    "  cluster:",
    `    server: ${server}`,
    `    certificate-authority-data: ${ca}`,
    "contexts:",
    `- name: ${cluster}`,
    "  context:",
    `    cluster: ${cluster}`,
    `    user: ${user}_${group(ctx)}_${cluster}`,
    `current-context: ${cluster}`,
    "users:",
    `- name: ${user}_${group(ctx)}_${cluster}`,
    "  user:",
    `    token: ${stableHex(64, ctx.token, ctx.args)}`,
    "",
  ].join("\n");
  return { kubeconfigs: [{ name: user, value: secret(Buffer.from(config).toString("base64")) }] };
}

/** The built-in azure-native rows. */
export const AZURE_ANSWERS: readonly OfflineAnswer[] = [
  {
    token: "azure-native:authorization:getClientConfig",
    fidelity: "shaped",
    answer: `subscription ${FAKE_AZURE_SUBSCRIPTION}, tenant ${FAKE_AZURE_TENANT}`,
    handler: () => ({
      clientId: "00000000-0000-4000-8000-000000000003",
      objectId: "00000000-0000-4000-8000-000000000004",
      subscriptionId: FAKE_AZURE_SUBSCRIPTION,
      tenantId: FAKE_AZURE_TENANT,
    }),
  },
  {
    token: "azure-native:authorization:getClientToken",
    fidelity: "shaped",
    answer: "an access token as a **secret**",
    handler: (ctx) => ({ token: secret(`offline-${stableHex(32, ctx.args)}`) }),
  },
  {
    token: "azure-native:resources:getResourceGroup",
    fidelity: "shaped",
    answer: "the asked group in the configured location (`azure-native:location`, else westeurope)",
    handler: (ctx) => ({
      id: `/subscriptions/${FAKE_AZURE_SUBSCRIPTION}/resourceGroups/${group(ctx)}`,
      name: group(ctx),
      location: location(ctx),
      type: "Microsoft.Resources/resourceGroups",
      properties: { provisioningState: "Succeeded" },
      tags: {},
    }),
  },
  {
    token: "azure-native:storage:listStorageAccountKeys",
    fidelity: "shaped",
    answer: "`key1` and `key2`, full permissions, each value a **secret** (88 base64 characters)",
    handler: (ctx) => ({
      keys: ["key1", "key2"].map((keyName) => ({
        keyName,
        value: key(ctx, keyName),
        permissions: "FULL",
        creationTime: "2025-01-01T00:00:00.0000000Z",
      })),
    }),
  },
  {
    token: "azure-native:storage:listStorageAccountServiceSAS",
    fidelity: "shaped",
    answer: "a service SAS token for the asked resource and permissions, as a **secret**",
    handler: (ctx) => {
      const sp = argString(ctx, "permissions") ?? "r";
      const sr = argString(ctx, "resource") ?? "c";
      return {
        serviceSasToken: secret(
          `sv=2022-11-02&sr=${sr}&sp=${sp}&se=2030-01-01T00%3A00%3A00Z&spr=https&sig=${encodeURIComponent(stableKey(32, ctx.args))}`,
        ),
      };
    },
  },
  {
    token: "azure-native:storage:listStorageAccountSAS",
    fidelity: "shaped",
    answer: "an account SAS token for the asked services and permissions, as a **secret**",
    handler: (ctx) => {
      const sp = argString(ctx, "permissions") ?? "r";
      const ss = argString(ctx, "services") ?? "b";
      return {
        accountSasToken: secret(
          `sv=2022-11-02&ss=${ss}&srt=sco&sp=${sp}&se=2030-01-01T00%3A00%3A00Z&spr=https&sig=${encodeURIComponent(stableKey(32, ctx.args))}`,
        ),
      };
    },
  },
  {
    token: "azure-native:containerservice:listManagedClusterUserCredentials",
    fidelity: "shaped",
    answer:
      "one kubeconfig (`clusterUser`), base64, as a **secret**, for the cluster's API server in the location",
    handler: (ctx) => kubeconfigs(ctx, "clusterUser"),
  },
  {
    token: "azure-native:containerservice:listManagedClusterAdminCredentials",
    fidelity: "shaped",
    answer: "one kubeconfig (`clusterAdmin`), base64, as a **secret**",
    handler: (ctx) => kubeconfigs(ctx, "clusterAdmin"),
  },
  {
    token: "azure-native:containerregistry:listRegistryCredentials",
    fidelity: "shaped",
    answer: "the registry's name as user name, `password` and `password2` as **secrets**",
    handler: (ctx) => ({
      username: argString(ctx, "registryName") ?? "registry",
      passwords: ["password", "password2"].map((name) => ({
        name,
        value: secret(stableKey(40, ctx.args, name)),
      })),
    }),
  },
  {
    token: "azure-native:operationalinsights:getSharedKeys",
    fidelity: "shaped",
    answer: "the workspace's primary and secondary shared keys as **secrets**",
    handler: (ctx) => ({ primarySharedKey: key(ctx, "primary"), secondarySharedKey: key(ctx, "secondary") }),
  },
  {
    token: "azure-native:logic:listWorkflowTriggerCallbackUrl",
    fidelity: "shaped",
    answer: "the trigger's callback URL with its signature, as a **secret**, and its parts",
    handler: (ctx) => {
      const workflow = argString(ctx, "workflowName") ?? "workflow";
      const trigger = argString(ctx, "triggerName") ?? "manual";
      const sig = stableHex(43, ctx.args);
      const basePath = `https://prod-00.${location(ctx)}.logic.azure.com/workflows/${stableHex(32, workflow)}/triggers/${trigger}/paths/invoke`;
      return {
        value: secret(
          `${basePath}?api-version=2016-10-01&sp=%2Ftriggers%2F${trigger}%2Frun&sv=1.0&sig=${sig}`,
        ),
        method: "POST",
        basePath,
        relativePath: "",
        relativePathParameters: [],
        queries: { apiVersion: "2016-10-01", sp: `/triggers/${trigger}/run`, sv: "1.0", sig: secret(sig) },
      };
    },
  },
  {
    token: "azure-native:network:getPublicIPAddress",
    fidelity: "shaped",
    answer: "a static Standard address with a stable IP (20.x.x.x) and its id",
    handler: (ctx) => {
      const name = argString(ctx, "publicIpAddressName") ?? "ip";
      const n = Number.parseInt(stableHex(6, ctx.args), 16);
      return {
        id: armId(ctx, "Microsoft.Network", `publicIPAddresses/${name}`),
        name,
        location: location(ctx),
        ipAddress: `20.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 253) + 1}`,
        publicIPAllocationMethod: "Static",
        publicIPAddressVersion: "IPv4",
        sku: { name: "Standard", tier: "Regional" },
        provisioningState: "Succeeded",
      };
    },
  },
  {
    token: "azure-native:web:listWebAppPublishingCredentials",
    fidelity: "shaped",
    answer: "the app's deployment user, password as a **secret**, and SCM URI",
    handler: (ctx) => {
      const app = argString(ctx, "name") ?? "app";
      const password = stableKey(48, ctx.args);
      return {
        id: armId(ctx, "Microsoft.Web", `sites/${app}/config/publishingcredentials`),
        name: app,
        publishingUserName: `$${app}`,
        publishingPassword: secret(password),
        scmUri: secret(`https://$${app}:${password}@${app}.scm.azurewebsites.net`),
      };
    },
  },
  {
    token: "azure-native:cosmosdb:listDatabaseAccountKeys",
    fidelity: "shaped",
    answer: "the four Cosmos DB keys (read-write and read-only, primary and secondary) as **secrets**",
    handler: (ctx) => ({
      primaryMasterKey: key(ctx, "primary"),
      secondaryMasterKey: key(ctx, "secondary"),
      primaryReadonlyMasterKey: key(ctx, "primary-ro"),
      secondaryReadonlyMasterKey: key(ctx, "secondary-ro"),
    }),
  },
  {
    token: "azure-native:cosmosdb:listDatabaseAccountConnectionStrings",
    fidelity: "shaped",
    answer: "the account's primary and secondary connection strings as **secrets**",
    handler: (ctx) => {
      const account = argString(ctx, "accountName") ?? "account";
      return {
        connectionStrings: ["Primary", "Secondary"].map((which) => ({
          connectionString: secret(
            `AccountEndpoint=https://${account}.documents.azure.com:443/;AccountKey=${stableKey(64, ctx.args, which)};`,
          ),
          description: `${which} SQL Connection String`,
          keyKind: which,
          type: "Sql",
        })),
      };
    },
  },
  {
    token: "azure-native:redis:listRedisKeys",
    fidelity: "shaped",
    answer: "the cache's primary and secondary keys as **secrets**",
    handler: (ctx) => ({ primaryKey: key(ctx, "primary"), secondaryKey: key(ctx, "secondary") }),
  },
  ...(["listNamespaceKeys", "listQueueKeys", "listTopicKeys"] as const).map((fn): OfflineAnswer => ({
    token: `azure-native:servicebus:${fn}`,
    fidelity: "shaped",
    answer:
      "the rule's keys and connection strings (`Endpoint=sb://<namespace>.servicebus.windows.net/…`) as **secrets**",
    handler: (ctx) => namespaceKeys(ctx, "servicebus.windows.net"),
  })),
  ...(["listNamespaceKeys", "listEventHubKeys"] as const).map((fn): OfflineAnswer => ({
    token: `azure-native:eventhub:${fn}`,
    fidelity: "shaped",
    answer: "the rule's keys and connection strings as **secrets**",
    handler: (ctx) => namespaceKeys(ctx, "servicebus.windows.net"),
  })),
  {
    token: "azure-native:signalrservice:listSignalRKeys",
    fidelity: "shaped",
    answer: "primary and secondary keys and connection strings as **secrets**",
    handler: (ctx) => {
      const name = argString(ctx, "resourceName") ?? "signalr";
      const primary = stableKey(32, ctx.args, "primary");
      const secondary = stableKey(32, ctx.args, "secondary");
      const cs = (k: string): string =>
        `Endpoint=https://${name}.service.signalr.net;AccessKey=${k};Version=1.0;`;
      return {
        primaryKey: secret(primary),
        secondaryKey: secret(secondary),
        primaryConnectionString: secret(cs(primary)),
        secondaryConnectionString: secret(cs(secondary)),
      };
    },
  },
  {
    token: "azure-native:appconfiguration:listConfigurationStoreKeys",
    fidelity: "shaped",
    answer:
      "the store's four access keys (primary and secondary, read-write and read-only), each with its connection string, as **secrets**",
    handler: (ctx) => {
      const store = argString(ctx, "configStoreName") ?? "store";
      return {
        value: ["Primary", "Secondary", "Primary Read Only", "Secondary Read Only"].map((name) => {
          const id = stableHex(4, name, ctx.args);
          const value = stableKey(32, ctx.args, name);
          return {
            id,
            name,
            value: secret(value),
            connectionString: secret(`Endpoint=https://${store}.azconfig.io;Id=${id};Secret=${value}`),
            readOnly: name.endsWith("Read Only"),
            lastModified: "2025-01-01T00:00:00+00:00",
          };
        }),
      };
    },
  },
  {
    token: "azure-native:search:listQueryKeyBySearchService",
    fidelity: "shaped",
    answer: "one query key as a **secret**",
    handler: (ctx) => ({ value: [{ name: "", key: secret(stableHex(52, ctx.args).toUpperCase()) }] }),
  },
  {
    token: "azure-native:search:listAdminKey",
    fidelity: "shaped",
    answer: "primary and secondary admin keys as **secrets**",
    handler: (ctx) => ({
      primaryKey: secret(stableHex(52, ctx.args, "p").toUpperCase()),
      secondaryKey: secret(stableHex(52, ctx.args, "s").toUpperCase()),
    }),
  },
  {
    token: "azure-native:cognitiveservices:listAccountKeys",
    fidelity: "shaped",
    answer: "`key1` and `key2` as **secrets**",
    handler: (ctx) => ({
      key1: secret(stableHex(32, ctx.args, 1)),
      key2: secret(stableHex(32, ctx.args, 2)),
    }),
  },
  {
    token: "azure-native:web:listWebAppHostKeys",
    fidelity: "shaped",
    answer: "the master key and a default function key as **secrets**",
    handler: (ctx) => ({
      masterKey: secret(stableKey(40, ctx.args, "master")),
      functionKeys: { default: secret(stableKey(40, ctx.args, "default")) },
      systemKeys: {},
    }),
  },
];
