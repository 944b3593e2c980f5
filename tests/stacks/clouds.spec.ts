// The reference platform on Google Cloud and Azure: each flavour composes the same building blocks as the
// AWS one, wires the service to its data, protects what holds data in prod, and differs from dev by size
// and availability only. An AWS stack loads neither of the other clouds' SDKs.
import { strict as assert } from "assert";
import { execFile } from "child_process";
import { promisify } from "util";
import { assertFactsCover, assertUrnsLocked, platformGraph, ROOT } from "./platform";
import { GraphQuery, GraphResource, ResourceGraph, reveal } from "../../engine/graph";
import { evaluatePolicies } from "../../check";
import { CreationOrder } from "../../engine/ordering";
import { resourceFacts } from "../../facts/resources";
import { GCP_PREREQUISITE_APIS } from "../../components/gcp";
import { GCP_PLATFORM_APIS } from "../../stacks/gcp";

const inputs = (r: GraphResource): Record<string, unknown> => reveal<Record<string, unknown>>(r.inputs);

/** The value at a dotted path of a resource's inputs. */
function at(r: GraphResource, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
      inputs(r),
    );
}

/** `value` with every id of a resource of `g` in it replaced by `@<that resource's name>`. */
function byName(g: ResourceGraph, value: unknown): unknown {
  const names = new Map<string, string>();
  // Longest ids first: a child's id can hold its parent's (a crypto key's holds its key ring's).
  const withIds = g.resources.filter((r) => typeof r.id === "string" && r.id !== "");
  withIds.sort((a, b) => String(b.id).length - String(a.id).length);
  for (const r of withIds) names.set(r.id as string, `@${r.name}`);
  const swap = (v: unknown): unknown => {
    if (typeof v === "string") {
      let out = v;
      for (const [id, name] of names) if (out.includes(id)) out = out.split(id).join(name);
      return out;
    }
    if (Array.isArray(v)) return v.map(swap);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  return swap(value);
}

interface Flavour {
  readonly cloud: "gcp" | "azure";
  /** Component type and name each stack of the flavour composes. */
  readonly components: readonly string[];
  /** Outputs an operator needs. */
  readonly outputs: readonly string[];
  /** Resource types that hold data or keys: protected in prod, free to destroy in dev. */
  readonly stateful: readonly string[];
  /** Inputs (dotted paths) that carry a security control, per type: identical in dev and prod. */
  readonly security: { readonly [type: string]: readonly string[] };
  /** Inputs that the prod profile makes bigger or more available: [type, name, path, dev, prod]. */
  readonly profile: readonly (readonly [string, string, string, unknown, unknown])[];
}

const FLAVOURS: readonly Flavour[] = [
  {
    cloud: "gcp",
    components: [
      "groundwork:gcp:EncryptionKey::platform",
      "groundwork:gcp:Network::core",
      "groundwork:gcp:Bucket::assets",
      "groundwork:gcp:Bucket::uploads",
      "groundwork:gcp:ContainerService::api",
      "groundwork:gcp:PostgresDatabase::app",
      "groundwork:kubernetes:Namespace::storefront",
      "groundwork:kubernetes:WebService::web",
    ],
    outputs: ["networkId", "keyId", "assetsBucket", "uploadsBucket", "apiUrl", "databaseConnectionName"],
    stateful: [
      "gcp:storage/bucket:Bucket",
      "gcp:kms/keyRing:KeyRing",
      "gcp:kms/cryptoKey:CryptoKey",
      "gcp:sql/databaseInstance:DatabaseInstance",
      "gcp:sql/database:Database",
    ],
    security: {
      "gcp:storage/bucket:Bucket": [
        "uniformBucketLevelAccess",
        "publicAccessPrevention",
        "encryption",
        "versioning",
        "forceDestroy",
      ],
      "gcp:kms/cryptoKey:CryptoKey": ["rotationPeriod", "purpose", "versionTemplate"],
      "gcp:sql/databaseInstance:DatabaseInstance": [
        "settings.ipConfiguration",
        "settings.databaseFlags",
        "settings.backupConfiguration.enabled",
        "settings.backupConfiguration.pointInTimeRecoveryEnabled",
        "encryptionKeyName",
      ],
      "gcp:cloudrunv2/service:Service": [
        "ingress",
        "binaryAuthorization",
        "invokerIamDisabled",
        "template.encryptionKey",
        "template.vpcAccess",
      ],
      "gcp:compute/firewall:Firewall": ["direction", "allows", "denies", "logConfig", "priority"],
      "gcp:compute/subnetwork:Subnetwork": ["privateIpGoogleAccess", "logConfig"],
      "gcp:compute/routerNat:RouterNat": ["logConfig"],
    },
    profile: [
      [
        "gcp:sql/databaseInstance:DatabaseInstance",
        "app-instance",
        "settings.availabilityType",
        "ZONAL",
        "REGIONAL",
      ],
      ["gcp:sql/databaseInstance:DatabaseInstance", "app-instance", "deletionProtection", false, true],
      ["gcp:cloudrunv2/service:Service", "api-service", "template.scaling.minInstanceCount", 1, 3],
    ],
  },
  {
    cloud: "azure",
    components: [
      "groundwork:azure:EncryptionKey::platform",
      "groundwork:azure:Network::core",
      "groundwork:azure:StorageAccount::assets",
      "groundwork:azure:StorageAccount::uploads",
      "groundwork:azure:ContainerService::api",
      "groundwork:azure:PostgresDatabase::app",
    ],
    outputs: [
      "resourceGroupName",
      "vnetId",
      "keyId",
      "assetsAccount",
      "uploadsAccount",
      "apiFqdn",
      "databaseHost",
    ],
    stateful: [
      "azure-native:resources:ResourceGroup",
      "azure-native:storage:StorageAccount",
      "azure-native:keyvault:Vault",
      "azure-native:keyvault:Key",
      "azure-native:dbforpostgresql:Server",
      "azure-native:dbforpostgresql:Database",
      "azure-native:operationalinsights:Workspace",
    ],
    security: {
      "azure-native:storage:StorageAccount": [
        "allowBlobPublicAccess",
        "allowCrossTenantReplication",
        "allowSharedKeyAccess",
        "defaultToOAuthAuthentication",
        "enableHttpsTrafficOnly",
        "minimumTlsVersion",
        "networkRuleSet",
        "publicNetworkAccess",
      ],
      "azure-native:storage:BlobServiceProperties": [
        "isVersioningEnabled",
        "deleteRetentionPolicy.enabled",
        "containerDeleteRetentionPolicy.enabled",
      ],
      "azure-native:keyvault:Vault": [
        "properties.enablePurgeProtection",
        "properties.enableRbacAuthorization",
        "properties.softDeleteRetentionInDays",
        "properties.networkAcls",
        "properties.publicNetworkAccess",
      ],
      "azure-native:keyvault:Key": ["properties.kty", "properties.keySize", "properties.rotationPolicy"],
      "azure-native:dbforpostgresql:Server": [
        "authConfig",
        "network.publicNetworkAccess",
        "dataEncryption.type",
      ],
      "azure-native:app:ManagedEnvironment": ["publicNetworkAccess", "vnetConfiguration.internal"],
      "azure-native:app:ContainerApp": ["configuration.ingress", "identity.type"],
      "azure-native:network:NetworkSecurityGroup": ["securityRules"],
      "azure-native:network:Subnet": ["defaultOutboundAccess", "delegations"],
    },
    profile: [
      [
        "azure-native:dbforpostgresql:Server",
        "app-server",
        "highAvailability.mode",
        "Disabled",
        "ZoneRedundant",
      ],
      [
        "azure-native:dbforpostgresql:Server",
        "app-server",
        "backup.geoRedundantBackup",
        "Disabled",
        "Enabled",
      ],
      // The app's template is one unknown in preview (the SDK applies its defaults to the whole object and
      // the environment variables are outputs); the environment's zone redundancy is known.
      ["azure-native:app:ManagedEnvironment", "api-env", "zoneRedundant", false, true],
    ],
  },
];

describe("stacks: the reference platform on Google Cloud and Azure", function () {
  this.timeout(120_000);

  for (const flavour of FLAVOURS) {
    const { cloud } = flavour;
    const graphs = (update = false): Promise<[ResourceGraph, ResourceGraph]> =>
      Promise.all([platformGraph(`${cloud}-dev`, update), platformGraph(`${cloud}-prod`, update)]);
    assertUrnsLocked(`${cloud}-dev`);
    assertUrnsLocked(`${cloud}-prod`);
    assertFactsCover(`${cloud}-dev`);
    assertFactsCover(`${cloud}-prod`);

    it(`${cloud}: dev and prod compose the platform's components and export what an operator needs`, async () => {
      for (const [env, g] of (await graphs()).map((g, i) => [["dev", "prod"][i], g] as const)) {
        const components = g.resources
          .filter((r) => r.type.startsWith("groundwork:"))
          .map((r) => `${r.type}::${r.name}`);
        for (const expected of flavour.components)
          assert.ok(components.includes(expected), `${cloud}-${env} lacks ${expected}`);
        for (const key of flavour.outputs)
          assert.ok(key in g.outputs, `${cloud}-${env} does not export ${key}`);
        assert.deepEqual([g.outputs.environment, g.outputs.cloud], [env, cloud]);
        // No resource of another cloud: the flavour is the whole platform.
        const foreign = g.resources.filter(
          (r) => /^(aws|gcp|azure-native):/.test(r.type) && !r.type.startsWith(cloud),
        );
        assert.deepEqual(
          foreign.map((r) => r.urn),
          [],
        );
      }
    });

    it(`${cloud}: the pack finds nothing in dev or prod, advisory findings included`, async () => {
      // `.ci/run` gates mandatory findings; the reference platform holds itself to every finding.
      for (const g of [...(await graphs()), ...(await graphs(true))]) {
        const report = await evaluatePolicies(g);
        assert.deepEqual(
          report.violations.map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn ?? ""}: ${v.message}`),
          [],
        );
      }
    });

    it(`${cloud}: every stateful resource is protected in prod, none in dev`, async () => {
      const [dev, prod] = await graphs();
      const stateful = (g: ResourceGraph) => g.resources.filter((r) => flavour.stateful.includes(r.type));
      assert.ok(stateful(prod).length >= flavour.stateful.length, `found ${stateful(prod).length}`);
      assert.deepEqual(
        stateful(prod)
          .filter((r) => !r.protect)
          .map((r) => r.urn),
        [],
      );
      assert.deepEqual(
        stateful(dev)
          .filter((r) => r.protect)
          .map((r) => r.urn),
        [],
      );
    });

    it(`${cloud}: prod is bigger and more available than dev`, async () => {
      const [dev, prod] = (await graphs()).map((g) => new GraphQuery(g));
      for (const [type, name, path, devValue, prodValue] of flavour.profile) {
        assert.deepEqual(at(dev.one(type, name), path), devValue, `dev ${name}.${path}`);
        assert.deepEqual(at(prod.one(type, name), path), prodValue, `prod ${name}.${path}`);
      }
    });

    it(`${cloud}: prod is never weaker than dev: the security inputs of every shared resource are identical`, async () => {
      const [dev, prod] = await graphs(true); // every input known: nothing skipped as unknown
      let compared = 0;
      for (const [type, paths] of Object.entries(flavour.security)) {
        const devOfType = dev.resources.filter((r) => r.type === type);
        assert.ok(devOfType.length > 0, `dev has no ${type}`);
        for (const d of devOfType) {
          const p = prod.resources.find((r) => r.type === type && r.name === d.name);
          assert.ok(p, `prod lacks ${type} ${d.name}`);
          for (const path of paths) {
            // Ids differ between stacks; the resource an id names must not.
            const pv: unknown = byName(prod, at(p, path));
            const dv: unknown = byName(dev, at(d, path));
            assert.deepEqual(pv, dv, `${type} ${d.name}.${path} differs between dev and prod`);
            if (dv !== undefined) compared++;
          }
        }
      }
      assert.ok(compared > 40, `compared only ${compared} inputs`);
    });
  }

  it("gcp: the service reads the assets bucket, writes uploads, and logs in to its database with IAM only", async () => {
    const q = new GraphQuery(await platformGraph("gcp-dev"));
    const account = q.one("gcp:serviceaccount/account:Account", "api-sa").urn;
    const grants: [string, string, string][] = [
      ["gcp:storage/bucketIAMMember:BucketIAMMember", "assets-grant-api-read", "roles/storage.objectViewer"],
      [
        "gcp:storage/bucketIAMMember:BucketIAMMember",
        "uploads-grant-api-write",
        "roles/storage.objectCreator",
      ],
      ["gcp:projects/iAMMember:IAMMember", "app-grant-api-read-write-client", "roles/cloudsql.client"],
      [
        "gcp:projects/iAMMember:IAMMember",
        "app-grant-api-read-write-instance-user",
        "roles/cloudsql.instanceUser",
      ],
    ];
    for (const [type, name, role] of grants) {
      const grant = q.one(type, name);
      assert.equal(inputs(grant).role, role, name);
      assert.deepEqual(grant.propertyDependencies.member, [account], `${name} is not the service's account`);
    }
    // The service is told where its data is: the buckets and the instance, from their outputs.
    const template = q.one("gcp:cloudrunv2/service:Service", "api-service").propertyDependencies.template;
    for (const [type, name] of [
      ["gcp:storage/bucket:Bucket", "assets-bucket"],
      ["gcp:storage/bucket:Bucket", "uploads-bucket"],
      ["gcp:sql/databaseInstance:DatabaseInstance", "app-instance"],
    ])
      assert.ok(template?.includes(q.one(type, name).urn), `the service's environment does not name ${name}`);
    // The database user is named from the same account (its type and name follow in an apply).
    const user = q.one("gcp:sql/user:User", "app-grant-api-read-write");
    assert.ok(user.dependencies.includes(account), "the database user is not the service's account");
    assert.deepEqual(
      q
        .ofType("gcp:sql/user:User")
        .filter((u) => inputs(u).password !== undefined)
        .map((u) => u.urn),
      [],
      "no database user has a password",
    );
  });

  it("azure: the app's identity gets blob roles on each account; the server admits Entra principals only", async () => {
    const q = new GraphQuery(await platformGraph("azure-dev"));
    const identity = q.one("azure-native:managedidentity:UserAssignedIdentity", "api-identity").urn;
    for (const name of ["assets-grant-api-read", "uploads-grant-api-read-write"]) {
      const grant = q.one("azure-native:authorization:RoleAssignment", name);
      assert.deepEqual(grant.propertyDependencies.principalId, [identity], name);
      assert.equal(inputs(grant).principalType, "ServicePrincipal", name);
    }
    // It pulls its image from the stack's private registry with that identity.
    const pull = q.one("azure-native:authorization:RoleAssignment", "api-grant-registry");
    assert.deepEqual(pull.propertyDependencies.principalId, [identity]);
    assert.match(
      String(inputs(pull).scope),
      /\/Microsoft\.ContainerRegistry\/registries\/groundworkexample$/,
    );
    const server = q.one("azure-native:dbforpostgresql:Server", "app-server");
    // The app is told where its data is: both data accounts' blob endpoints and the server, from their
    // outputs (the flow-log account is Network Watcher's, not the app's).
    const template = q.one("azure-native:app:ContainerApp", "api-app").propertyDependencies.template;
    const data = q.ofType("azure-native:storage:StorageAccount").filter((a) => a.name !== "flowlogs-account");
    assert.equal(data.length, 2);
    for (const r of [...data, server])
      assert.ok(template?.includes(r.urn), `the app's environment does not name ${r.name}`);
    assert.deepEqual(at(server, "authConfig.passwordAuth"), "Disabled");
    assert.equal(inputs(server).administratorLoginPassword, undefined);
    const admin = q.one(
      "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra",
      "app-admin-platform-db-admins",
    );
    assert.equal(inputs(admin).principalType, "Group");
  });

  it("azure prod: geo-redundant backups are encrypted with a key in the paired region", async () => {
    const q = new GraphQuery(await platformGraph("azure-prod"));
    assert.equal(inputs(q.one("azure-native:keyvault:Vault", "platform-geo-kv")).location, "northeurope");
    const server = q.one("azure-native:dbforpostgresql:Server", "app-server");
    assert.ok(
      server.propertyDependencies.dataEncryption?.includes(
        q.one("azure-native:keyvault:Key", "platform-geo-key").urn,
      ),
      "the server's encryption does not use the geo key",
    );
  });

  it("an AWS stack loads neither the Google Cloud nor the Azure SDK (and each flavour no other cloud's)", async () => {
    // A fresh process per flavour loads the program's entry and the modules that flavour's stacks import;
    // the entry imports a cloud's half only when a stack asks for it (the other tests show each stack
    // builds only its own cloud's resources), so this is what each stack loads.
    const script = (modules: readonly string[]): string => `
      for (const m of ${JSON.stringify(modules)}) require("./dist/stacks/" + m);
      const files = Object.keys(require.cache).map((f) => f.split(require("path").sep).join("/"));
      process.stdout.write(JSON.stringify(["aws", "gcp", "azure-native", "kubernetes"].filter((s) =>
        files.some((f) => f.includes("/node_modules/@pulumi/" + s + "/")))));`;
    const run = promisify(execFile);
    const loaded = await Promise.all(
      [
        ["index", "config", "aws", "kubernetes"],
        ["index", "config", "gcp", "kubernetes"],
        ["index", "config", "azure"],
      ].map(async (modules) => {
        const { stdout } = await run(process.execPath, ["-e", script(modules)], { cwd: ROOT });
        return JSON.parse(stdout) as string[];
      }),
    );
    assert.deepEqual(loaded, [["aws", "kubernetes"], ["gcp", "kubernetes"], ["azure-native"]]);
  });
});

// A first `up` in a fresh Google Cloud project: every resource is created only once the APIs its type
// needs (by the provider facts) are enabled, the stack enables exactly those, and every CMEK user waits for
// its service agent's grant, which waits for what makes the agent exist.
describe("stacks on Google Cloud: the first deploy's order", function () {
  this.timeout(120_000);
  const SERVICE = "gcp:projects/service:Service";
  for (const stack of ["gcp-dev", "gcp-prod"]) {
    it(`${stack}: each resource waits for the APIs its type needs; the stack enables exactly those`, async () => {
      const g = await platformGraph(stack);
      const order = new CreationOrder(g);
      const enabled = new Map(
        g.resources.filter((r) => r.type === SERVICE).map((r) => [String(inputs(r).service), r.urn]),
      );
      const needed = new Set<string>();
      const early: string[] = [];
      for (const r of g.resources) {
        if (!r.custom || !r.type.startsWith("gcp:") || r.type === SERVICE) continue;
        for (const api of resourceFacts(r.type)?.apis ?? [`(no apis facts for ${r.type})`]) {
          needed.add(api);
          if (GCP_PREREQUISITE_APIS.includes(api)) continue;
          const service = enabled.get(api);
          if (service === undefined || !order.waitsFor(r.urn, service)) early.push(`${r.name} before ${api}`);
        }
      }
      assert.deepEqual(early, []);
      const expected = [...needed].filter((a) => !GCP_PREREQUISITE_APIS.includes(a)).sort();
      assert.deepEqual([...enabled.keys()].sort(), expected);
      assert.deepEqual([...GCP_PLATFORM_APIS], expected);
      for (const r of g.resources.filter((x) => x.type === SERVICE))
        assert.equal(inputs(r).disableOnDestroy, false, r.name);
    });

    it(`${stack}: data waits for its service agent's key grant; the Cloud SQL grant for the identity`, async () => {
      const g = await platformGraph(stack);
      const q = new GraphQuery(g);
      const order = new CreationOrder(g);
      const grant = (agent: string): string =>
        q.one(
          "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
          `platform-grant-${agent}-agent-encrypt-decrypt`,
        ).urn;
      const waits: [string, string, string][] = [
        ["gcp:storage/bucket:Bucket", "assets-bucket", grant("storage")],
        ["gcp:storage/bucket:Bucket", "uploads-logs", grant("storage")],
        ["gcp:sql/databaseInstance:DatabaseInstance", "app-instance", grant("sql")],
        ["gcp:cloudrunv2/service:Service", "api-service", grant("run")],
        [
          "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
          "platform-grant-sql-agent-encrypt-decrypt",
          q.one("gcp:projects/serviceIdentity:ServiceIdentity", "platform-sql-identity").urn,
        ],
        [
          "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
          "platform-grant-run-agent-encrypt-decrypt",
          q.one(SERVICE, "platform-apis-run").urn,
        ],
      ];
      for (const [type, name, first] of waits)
        assert.ok(order.waitsFor(q.one(type, name).urn, first), `${name} after ${first}`);
    });
  }
});
