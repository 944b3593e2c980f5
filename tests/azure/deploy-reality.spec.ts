// Azure deploy reality (issue 20): the flexible server's children run one at a time, services use a key or
// a registry only once their grant is in force, the disk size is the first one, the CIS logging
// parameters, the Key Vault's and the VNet's logs, and places checked against Azure's own lists.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import {
  ContainerService,
  EncryptionKey,
  Network,
  PostgresDatabase,
  PostgresDatabaseArgs,
  StorageAccount,
} from "../../components/azure";
import { AZURE_REGIONS, nearestRegion, pairedRegion } from "../../components/azure/locations";
import {
  POSTGRES_STORAGE_SIZES_GIB,
  SERVER_PARAMETERS,
} from "../../components/azure/postgres-database/parameters";
import {
  ROLE_PROPAGATION_SECONDS,
  afterGrants,
  propagationClock,
  propagationDelayMs,
} from "../../components/azure/propagation";
import { CreationOrder } from "../../engine/ordering";
import { loadPlatformConfig } from "../../stacks/config";
import { T, inputs, networkLike, rejectsInputs, run } from "./helpers";

const LOC = { location: "westeurope" };
const IMAGE = "contoso.azurecr.io/api:1.2.3";
const REGISTRY =
  "/subscriptions/s/resourceGroups/shared/providers/Microsoft.ContainerRegistry/registries/contoso";

function database(extra: Partial<PostgresDatabaseArgs> = {}): PostgresDatabase {
  const network = new Network("core", LOC);
  return new PostgresDatabase("orders", { ...LOC, network, ...extra });
}

describe("azure deploy reality", () => {
  describe("PostgreSQL flexible server: one change at a time (ServerIsBusy)", () => {
    it("parameters, administrators and the database form one chain after the server", async () => {
      const admins = [
        { objectId: "00000000-0000-4000-8000-00000000000a", principalName: "db-admins" },
        { objectId: "00000000-0000-4000-8000-00000000000b", principalName: "ops" },
      ];
      const { q, graph } = await run(() => database({ administrators: admins }));
      const order = new CreationOrder(graph);
      const chain = [
        q.one(T.postgres, "orders-server"),
        ...SERVER_PARAMETERS.map((p) => q.one(T.postgresConfig, `orders-${p.child}`)),
        q.one(T.postgresAdmin, "orders-admin-db-admins"),
        q.one(T.postgresAdmin, "orders-admin-ops"),
        q.one(T.database, "orders-db"),
      ];
      // Each waits for the one before it, so no two server operations overlap.
      for (let i = 1; i < chain.length; i++)
        assert.ok(
          chain[i].dependencies.includes(chain[i - 1].urn),
          `${chain[i].name} waits for ${chain[i - 1].name}`,
        );
      // Every pair of server children is ordered one way or the other.
      const children = [...q.ofType(T.postgresConfig), ...q.ofType(T.postgresAdmin), ...q.ofType(T.database)];
      for (const a of children)
        for (const b of children)
          if (a !== b)
            assert.ok(
              order.waitsFor(a.urn, b.urn) || order.waitsFor(b.urn, a.urn),
              `${a.name} and ${b.name} could run together`,
            );
    });

    it("the CIS logging parameters, each a user override with its benchmark value", async () => {
      const { q } = await run(() => database());
      const set = Object.fromEntries(
        q
          .ofType(T.postgresConfig)
          .map((c) => [c.inputs.configurationName, [c.inputs.value, c.inputs.source]]),
      );
      assert.deepStrictEqual(set, {
        require_secure_transport: ["on", "user-override"],
        log_checkpoints: ["on", "user-override"],
        log_connections: ["on", "user-override"],
        log_disconnections: ["on", "user-override"],
        "connection_throttle.enable": ["on", "user-override"],
        "logfiles.retention_days": ["7", "user-override"],
        log_min_messages: ["warning", "user-override"],
        log_min_error_statement: ["error", "user-override"],
        log_min_duration_statement: ["-1", "user-override"],
        log_statement: ["ddl", "user-override"],
      });
    });
  });

  describe("storage: the size Azure grows is the first one, from Azure's sizes", () => {
    it("storageSizeGB is ignored after creation, autoGrow on", async () => {
      const { q } = await run(() => database({ storageGiB: 256 }));
      const server = q.one(T.postgres, "orders-server");
      assert.deepStrictEqual(server.inputs.storage, { storageSizeGB: 256, autoGrow: "Enabled" });
      assert.deepStrictEqual(server.ignoreChanges, ["storage.storageSizeGB", "backup.geoRedundantBackup"]);
    });

    it("the sizes are Premium SSD's, doubling from 32 GiB to 32 TiB", () => {
      assert.deepStrictEqual(
        POSTGRES_STORAGE_SIZES_GIB,
        Array.from({ length: 11 }, (_, i) => 32 * 2 ** i),
      );
    });
  });

  describe("grants in force before use (docs/adr/0016)", () => {
    it("the wait is measured from the grant's creation: new grants wait, old ones do not", () => {
      const created = "2026-12-06T08:00:00Z";
      const at = Date.parse(created);
      assert.strictEqual(propagationDelayMs(created, at), ROLE_PROPAGATION_SECONDS * 1000);
      assert.strictEqual(propagationDelayMs(created, at + 60_000), (ROLE_PROPAGATION_SECONDS - 60) * 1000);
      assert.strictEqual(propagationDelayMs(created, at + ROLE_PROPAGATION_SECONDS * 1000), 0);
      assert.strictEqual(propagationDelayMs(created, at + 86_400_000), 0);
      assert.strictEqual(propagationDelayMs(undefined, at), 0);
      assert.strictEqual(propagationDelayMs("not a date", at), 0);
    });

    it("a value handed over after grants waits for the youngest grant, then is the value", async () => {
      const slept: number[] = [];
      const saved = { ...propagationClock };
      const now = Date.parse("2026-12-06T08:05:00Z");
      propagationClock.now = () => now;
      propagationClock.sleep = async (ms) => void slept.push(ms);
      try {
        let value: string | undefined;
        await run(
          () => {
            const key = new EncryptionKey("k", LOC);
            const young = key.grantEncryptDecrypt({ granteeName: "a", grantPrincipal: { principalId: "p" } });
            const old = key.grantEncryptDecrypt({ granteeName: "b", grantPrincipal: { principalId: "q" } });
            afterGrants([young, old], "the-key-uri").apply((v) => (value = v));
          },
          {
            newResource: ({ type, name }) =>
              type === T.role
                ? {
                    state: {
                      createdOn: name.includes("-a-") ? "2026-12-06T08:04:00Z" : "2026-12-01T00:00:00Z",
                    },
                  }
                : undefined,
          },
        );
        assert.strictEqual(value, "the-key-uri");
        assert.deepStrictEqual(slept, [(ROLE_PROPAGATION_SECONDS - 60) * 1000]);
      } finally {
        Object.assign(propagationClock, saved);
      }
    });

    it("the server's keys, the account's key and the app's registry and secrets depend on the grants", async () => {
      const { q } = await run(() => {
        const network = new Network("core", LOC);
        const geo = new EncryptionKey("geo", { environment: "prod", location: "northeurope" });
        new PostgresDatabase("orders", { ...LOC, environment: "prod", network, geoBackupEncryptionKey: geo });
        new StorageAccount("files", LOC);
        new ContainerService("api", {
          ...LOC,
          network,
          image: IMAGE,
          registryServer: "contoso.azurecr.io",
          registryId: REGISTRY,
          secrets: { TOKEN: "https://contoso-kv.vault.azure.net/secrets/token" },
          secretVaultIds: ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"],
        });
      });
      const deps = (type: string, name: string, property: string): readonly string[] =>
        q.one(type, name).propertyDependencies[property] ?? [];
      const server = deps(T.postgres, "orders-server", "dataEncryption");
      assert.ok(server.includes(q.one(T.role, "orders-key-grant-orders-encrypt-decrypt").urn));
      assert.ok(server.includes(q.one(T.role, "geo-grant-orders-geo-encrypt-decrypt").urn));
      const account = deps(T.account, "files-account", "encryption");
      assert.ok(account.includes(q.one(T.role, "files-key-grant-files-encrypt-decrypt").urn));
      const app = deps(T.containerApp, "api-app", "configuration");
      assert.ok(app.includes(q.one(T.role, "api-grant-registry").urn), "AcrPull before the registry is used");
      assert.ok(app.includes(q.one(T.role, "api-grant-secrets-0").urn), "secret reads before the secrets");
    });
  });

  describe("logs: the Key Vault's and the VNet's flows", () => {
    it("VNet flow logs (not NSG flow logs) to the storage account, traffic analytics to the workspace", async () => {
      const { q } = await run(() => {
        const network = new Network("core", { ...LOC, environment: "prod" });
        const store = new StorageAccount("flows", LOC);
        network.flowLogsTo(store.accountId);
      });
      const log = inputs(q, "azure-native:network:FlowLog", "core-flow-log");
      assert.strictEqual(log.targetResourceId, q.one(T.vnet, "core-vnet").id);
      assert.strictEqual(log.storageId, q.one(T.account, "flows-account").id);
      assert.strictEqual(log.resourceGroupName, "NetworkWatcherRG");
      assert.strictEqual(log.networkWatcherName, "NetworkWatcher_westeurope");
      assert.strictEqual(log.enabled, true);
      assert.deepStrictEqual(log.format, { type: "JSON", version: 2 });
      assert.deepStrictEqual(log.retentionPolicy, { enabled: true, days: 365 });
      const ta = (log.flowAnalyticsConfiguration as Record<string, Record<string, unknown>>)
        .networkWatcherFlowAnalyticsConfiguration;
      assert.strictEqual(ta.enabled, true);
      assert.strictEqual(ta.workspaceResourceId, q.one(T.workspace, "core-logs").id);
      assert.deepStrictEqual(q.ofType(T.nsg).length, 3);
      // No NSG flow log: Azure stopped creating them on 30 June 2025.
      assert.ok(
        q
          .ofType("azure-native:network:FlowLog")
          .every((f) => f.inputs.targetResourceId === log.targetResourceId),
      );
    });

    it("one flow log per network: a second call is refused", () => {
      assert.throws(() => {
        const network = new Network("core", LOC);
        network.flowLogsTo(
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a",
        );
        network.flowLogsTo(
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/b",
        );
      }, /azure\.Network "core": flowLogsTo .*one flow log per network/);
    });
  });

  describe("places: Azure's regions and pairs (facts/azure/locations.json)", () => {
    it("every pair is a region, and pairs are mutual except the documented one-way ones", () => {
      for (const r of AZURE_REGIONS.names) {
        const pair = pairedRegion(r);
        if (pair === undefined) continue;
        assert.ok(AZURE_REGIONS.names.includes(pair), `${r} pairs with unknown ${pair}`);
        if (pairedRegion(pair) !== r)
          assert.ok(["brazilsouth", "westindia", "westus3", "brazilsoutheast"].includes(r), `${r} ↔ ${pair}`);
      }
      assert.strictEqual(pairedRegion("westeurope"), "northeurope");
      assert.strictEqual(nearestRegion("narnia"), "eastasia");
    });

    it("the stack config refuses narnia and a geo-backup region that is not the pair", () => {
      const file = fs.readFileSync(path.join(__dirname, "../../../stacks/Pulumi.azure-prod.yaml"), "utf8");
      const config = (parse(file) as { config: Record<string, unknown> }).config;
      const raw = (over: Record<string, unknown>): Record<string, string> =>
        Object.fromEntries(
          Object.entries({ ...config, ...over }).map(([k, v]) => [
            k,
            typeof v === "string" ? v : JSON.stringify(v),
          ]),
        );
      const load = (over: Record<string, unknown>) => () =>
        loadPlatformConfig(raw(over), "groundwork-platform", "azure-prod");
      assert.doesNotThrow(load({}));
      assert.throws(
        load({ "groundwork-platform:location": "narnia" }),
        /groundwork-platform:location: .*an Azure region such as westeurope/,
      );
      assert.throws(load({ "groundwork-platform:location": "westeurop" }), /did you mean "westeurope"/);
      const database = config["groundwork-platform:database"] as Record<string, unknown>;
      assert.throws(
        load({ "groundwork-platform:database": { ...database, geoBackupLocation: "francecentral" } }),
        /geoBackupLocation: the region paired with location \(westeurope\): northeurope/,
      );
    });
  });

  it("refuses a geo-backup key outside the region paired with the server's", async () => {
    await assert.rejects(
      run(() => {
        const geo = new EncryptionKey("geo", { location: "francecentral" });
        new PostgresDatabase("orders", {
          ...LOC,
          network: networkLike(["data"]),
          geoBackupEncryptionKey: geo,
        });
      }),
      /azure\.PostgresDatabase "orders": geoBackupEncryptionKey "francecentral" is not the region paired with "westeurope".*a key in "northeurope"/,
    );
  });

  rejectsInputs("azure.PostgresDatabase", [
    [
      () => new PostgresDatabase("orders", { ...LOC, network: networkLike(["data"]), storageGiB: 100 }),
      "storageGiB",
      "100",
      /one of 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768/,
      "storageGiB: a size Azure does not offer",
    ],
    [
      () => new PostgresDatabase("orders", { location: "narnia", network: networkLike(["data"]) }),
      "location",
      '"narnia"',
      /Microsoft Azure region such as westeurope/,
      "location: narnia",
    ],
  ]);
});
