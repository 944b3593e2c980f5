// azure.PostgresDatabase: private access through the network's delegated subnet and a linked private DNS
// zone, TLS required, Entra-only authentication, backups and resilience from the profile, the key through
// a user-assigned identity granted first, a CanNotDelete lock with protect in prod, weakenings recorded.
import * as assert from "assert";
import { EncryptionKey, Network, PostgresDatabase, PostgresDatabaseArgs } from "../../components/azure";
import { T, assertTagged, inputs, networkLike, protectedNames, rejectsInputs, run, urnOf } from "./helpers";

const LOC = { location: "westeurope" };
const COMPONENT = "groundwork:azure:PostgresDatabase";

/** A network and a database on it; `extra` is what each test is about. */
function database(extra: Partial<PostgresDatabaseArgs> = {}): PostgresDatabase {
  const environment = extra.environment;
  const network = new Network("core", { ...LOC, environment });
  return new PostgresDatabase("orders", { ...LOC, network, ...extra });
}

/** Prod with the geo-backup key Azure needs in the paired region. */
function prodDatabase(extra: Partial<PostgresDatabaseArgs> = {}): PostgresDatabase {
  const geoKey = new EncryptionKey("geo", { environment: "prod", location: "northeurope" });
  return database({ environment: "prod", geoBackupEncryptionKey: geoKey, ...extra });
}

/** Bad input on an otherwise valid database: nothing at all may register. */
function bad(extra: Partial<PostgresDatabaseArgs>): () => PostgresDatabase {
  return () => new PostgresDatabase("orders", { ...LOC, network: networkLike(["data"]), ...extra });
}

describe("azure PostgresDatabase", () => {
  it("private: the delegated data subnet, a private DNS zone linked to the network, public access off", async () => {
    const { q } = await run(() => database());
    const s = inputs(q, T.postgres, "orders-server");
    assert.deepStrictEqual(s.network, {
      delegatedSubnetResourceId: q.one(T.subnet, "core-data").id,
      privateDnsZoneArmResourceId: q.one(T.dnsZone, "orders-dns").id,
      publicNetworkAccess: "Disabled",
    });
    assert.strictEqual(
      inputs(q, T.dnsZone, "orders-dns").privateZoneName,
      "orders.private.postgres.database.azure.com",
    );
    const link = inputs(q, T.dnsLink, "orders-dns-link");
    assert.deepStrictEqual(link.virtualNetwork, { id: q.one(T.vnet, "core-vnet").id });
    assert.strictEqual(link.registrationEnabled, false);
    assert.ok(
      q.one(T.postgres, "orders-server").dependencies.includes(q.one(T.dnsLink, "orders-dns-link").urn),
    );
    assert.deepStrictEqual(q.one(COMPONENT, "orders").outputs.weakened, []);
    assertTagged(q, urnOf(q, COMPONENT, "orders"), "dev");
  });

  it("the DNS zone name is lowercase whatever the component name", async () => {
    const { q } = await run(
      () => new PostgresDatabase("OrdersDb", { ...LOC, network: new Network("core", LOC) }),
    );
    assert.strictEqual(
      inputs(q, T.dnsZone, "OrdersDb-dns").privateZoneName,
      "ordersdb.private.postgres.database.azure.com",
    );
  });

  it("TLS required, Entra ID only, the database and Entra administrators", async () => {
    const admin = { objectId: "00000000-0000-4000-8000-00000000000a", principalName: "db-admins" };
    const { q } = await run(() => database({ administrators: [admin] }));
    const tls = inputs(q, T.postgresConfig, "orders-secure-transport");
    assert.deepStrictEqual([tls.configurationName, tls.value], ["require_secure_transport", "on"]);
    const s = inputs(q, T.postgres, "orders-server");
    assert.strictEqual((s.authConfig as Record<string, unknown>).activeDirectoryAuth, "Enabled");
    assert.strictEqual((s.authConfig as Record<string, unknown>).passwordAuth, "Disabled");
    assert.strictEqual(s.administratorLogin, undefined);
    const a = inputs(q, T.postgresAdmin, "orders-admin-db-admins");
    assert.deepStrictEqual([a.objectId, a.principalType], [admin.objectId, "Group"]);
    assert.strictEqual(a.serverName, "orders-server-physical");
    assert.strictEqual(inputs(q, T.database, "orders-db").databaseName, "app");
  });

  it("the key through a user-assigned identity (a map here), granted before the server", async () => {
    const { q } = await run(() => database());
    const server = q.one(T.postgres, "orders-server");
    const identity = q.one(T.identity, "orders-identity");
    assert.deepStrictEqual(server.inputs.identity, {
      type: "UserAssigned",
      userAssignedIdentities: { [String(identity.id)]: {} },
    });
    assert.deepStrictEqual(server.inputs.dataEncryption, {
      type: "AzureKeyVault",
      primaryKeyURI: "https://vault.vault.azure.net/keys/orders-key-key",
      primaryUserAssignedIdentityId: identity.id,
    });
    const grant = q.one(T.role, "orders-key-grant-orders-encrypt-decrypt");
    assert.strictEqual(grant.inputs.principalType, "ServicePrincipal");
    assert.ok(server.dependencies.includes(grant.urn));
  });

  it("dev: the profile's sizes and backups, no geo backup, no HA, no lock, nothing protected", async () => {
    const { q } = await run(() => database());
    const s = inputs(q, T.postgres, "orders-server");
    assert.deepStrictEqual(s.sku, { name: "Standard_B1ms", tier: "Burstable" });
    assert.deepStrictEqual(s.backup, { backupRetentionDays: 7, geoRedundantBackup: "Disabled" });
    assert.strictEqual((s.highAvailability as Record<string, unknown>).mode, "Disabled");
    assert.deepStrictEqual(q.ofType(T.lock), []);
    assert.deepStrictEqual(protectedNames(q, urnOf(q, COMPONENT, "orders")), []);
  });

  it("prod: geo-redundant backups with the paired-region key, zone-redundant HA, a CanNotDelete lock, protect", async () => {
    const { q } = await run(() => prodDatabase());
    const s = inputs(q, T.postgres, "orders-server");
    assert.deepStrictEqual(s.backup, { backupRetentionDays: 30, geoRedundantBackup: "Enabled" });
    assert.strictEqual((s.highAvailability as Record<string, unknown>).mode, "ZoneRedundant");
    assert.deepStrictEqual(s.sku, { name: "Standard_D4ds_v5", tier: "GeneralPurpose" });
    const enc = s.dataEncryption as Record<string, unknown>;
    assert.strictEqual(enc.geoBackupKeyURI, "https://vault.vault.azure.net/keys/geo-key");
    // A second identity, in the geo key's region, reads the geo key only (Azure refuses the primary one).
    const geoIdentity = q.one(T.identity, "orders-geo-identity");
    assert.strictEqual(enc.geoBackupUserAssignedIdentityId, geoIdentity.id);
    assert.notStrictEqual(geoIdentity.id, q.one(T.identity, "orders-identity").id);
    assert.strictEqual(geoIdentity.inputs.location, "northeurope");
    assert.deepStrictEqual(
      Object.keys((s.identity as { userAssignedIdentities: object }).userAssignedIdentities).sort(),
      [q.one(T.identity, "orders-identity").id, geoIdentity.id].sort(),
    );
    const geoGrant = q.one(T.role, "geo-grant-orders-geo-encrypt-decrypt");
    assert.deepStrictEqual(geoGrant.propertyDependencies.principalId, [geoIdentity.urn]);
    assert.deepStrictEqual(
      q.ofType(T.role).filter((g) => g.name.startsWith("geo-grant-orders-encrypt")),
      [],
      "the primary identity has no grant on the geo key",
    );
    const lock = inputs(q, T.lock, "orders-lock");
    assert.deepStrictEqual([lock.scope, lock.level], [q.one(T.postgres, "orders-server").id, "CanNotDelete"]);
    assert.deepStrictEqual(protectedNames(q, urnOf(q, COMPONENT, "orders")), [
      "orders-db",
      "orders-geo-identity",
      "orders-identity",
      "orders-key-key",
      "orders-key-kv",
      "orders-logs",
      "orders-server",
    ]);
  });

  it("deletion protection is the CanNotDelete lock: on from staging, off in prod a weakening", async () => {
    const staging = await run(() => database({ environment: "staging" }));
    assert.strictEqual(inputs(staging.q, T.lock, "orders-lock").level, "CanNotDelete");
    assert.deepStrictEqual(protectedNames(staging.q, urnOf(staging.q, COMPONENT, "orders")), []);
    const prod = await run(() => prodDatabase({ deletionProtection: false }));
    assert.deepStrictEqual(prod.q.ofType(T.lock), []);
    assert.deepStrictEqual(prod.q.one(COMPONENT, "orders").outputs.weakened, ["deletionProtection"]);
  });

  it("password auth, no geo backup, no standby and short backups in prod are recorded weakenings", async () => {
    const { q } = await run(() =>
      database({
        environment: "prod",
        passwordAuth: true,
        administratorLoginPassword: "correct-horse",
        geoRedundantBackup: false,
        multiAz: false,
        backupRetentionDays: 7,
      }),
    );
    const s = inputs(q, T.postgres, "orders-server");
    assert.strictEqual((s.authConfig as Record<string, unknown>).passwordAuth, "Enabled");
    assert.strictEqual(s.administratorLogin, "pgadmin");
    const weakened = ["passwordAuth", "geoRedundantBackup", "multiAz", "backupRetentionDays"];
    assert.deepStrictEqual(
      [...(q.one(COMPONENT, "orders").outputs.weakened as string[])].sort(),
      [...weakened].sort(),
    );
    assert.ok((s.tags as Record<string, string>)["groundwork-weakened"].includes("passwordAuth"));
  });

  it("dev with a geo-backup key: geo-redundant backups on, encrypted with that key", async () => {
    const { q } = await run(() => {
      const geoKey = new EncryptionKey("geo", { location: "northeurope" });
      database({ geoBackupEncryptionKey: geoKey });
    });
    const s = inputs(q, T.postgres, "orders-server");
    assert.deepStrictEqual(s.backup, { backupRetentionDays: 7, geoRedundantBackup: "Enabled" });
    assert.ok(
      q
        .one(T.postgres, "orders-server")
        .propertyDependencies.dataEncryption?.includes(q.one(T.key, "geo-key").urn),
    );
  });

  rejectsInputs("azure.PostgresDatabase", [
    [bad({ network: "vnet" as never }), "network", '"vnet"', /Network/],
    [bad({ network: networkLike(["apps"]) }), "network", '"[Network]"', /data/],
    [bad({ environment: "prod" }), "geoBackupEncryptionKey", "undefined", /paired with location/],
    [
      bad({ geoBackupEncryptionKey: new EncryptionKey("geo", LOC), geoRedundantBackup: false }),
      "geoBackupEncryptionKey",
      '"[EncryptionKey]"',
      /geoRedundantBackup left on/,
    ],
    [bad({ passwordAuth: true }), "administratorLoginPassword", "undefined", /password/],
    [
      bad({ administratorLoginPassword: "x" }),
      "administratorLoginPassword",
      '"[secret]"',
      /passwordAuth: true/,
    ],
    [bad({ multiAz: true }), "multiAz", "true", /GeneralPurpose/],
    [bad({ backupRetentionDays: 3 }), "backupRetentionDays", "3", /from 7 to 35/],
    [bad({ engineVersion: "12" as never }), "engineVersion", '"12"', /16/],
    [bad({ backupRetentionDays: 60 }), "backupRetentionDays", "60", /35/],
    [
      bad({ administrators: [{ objectId: "o" } as never] }),
      "administrators[0].principalName",
      "undefined",
      /name/,
    ],
    [
      bad({ administrators: [{ objectId: 42 as never, principalName: "ops" }] }),
      "administrators[0].objectId",
      "42",
      /object id/,
    ],
    [
      bad({ administrators: [{ objectId: "id", principalName: "ops", tenantId: "t" } as never] }),
      "administrators[0].tenantId",
      '"t"',
      /principalType/,
    ],
    [
      bad({ passwordAuth: true, administratorLoginPassword: 42 as never }),
      "administratorLoginPassword",
      '"[secret]"',
      /a password/,
    ],
    [bad({ administratorLogin: "ops" }), "administratorLogin", '"ops"', /passwordAuth: true/],
  ]);
});
