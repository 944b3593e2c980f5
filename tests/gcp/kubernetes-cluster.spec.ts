// Google Cloud KubernetesCluster (GKE): the hardened cluster and node pool, the least-privilege node account,
// the key grants made before the cluster, the profiles, the weakenings and their records, the Network's
// secondary ranges, the exec-credential provider, and bad input refused before anything registers.
import * as assert from "assert";
import {
  EncryptionKey,
  GKE_DEFAULT_VERSION,
  GKE_VERSIONS,
  KubernetesCluster,
  KubernetesClusterArgs,
  Network,
} from "../../components/gcp";
import { reveal as revealAny } from "../../testing";
import { inputs, rejectsInputs, run } from "../aws/helpers";

const reveal = (v: unknown): Record<string, unknown> => revealAny<Record<string, unknown>>(v);

const T = {
  component: "groundwork:gcp:KubernetesCluster",
  cluster: "gcp:container/cluster:Cluster",
  pool: "gcp:container/nodePool:NodePool",
  account: "gcp:serviceaccount/account:Account",
  member: "gcp:projects/iAMMember:IAMMember",
  keyGrant: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  provider: "pulumi:providers:kubernetes",
  subnet: "gcp:compute/subnetwork:Subnetwork",
};
const KEY_ID = "projects/acme/locations/europe-west1/keyRings/r/cryptoKeys/k";
const IDS = {
  networkId: "projects/acme/global/networks/core",
  subnetId: "projects/acme/regions/europe-west1/subnetworks/private",
  podsRangeName: "pods",
  servicesRangeName: "services",
};
const RANGES = { pods: "10.100.0.0/14", services: "10.104.0.0/20" };
const CONFIG = { config: { "gcp:project": "acme", "gcp:region": "europe-west1" } };

/** A cluster on a Network with ranges and a shared EncryptionKey, as the reference stacks build it. */
function onNetwork(o: Partial<KubernetesClusterArgs> = {}): () => void {
  return () => {
    const key = new EncryptionKey("platform", { location: "europe-west1" });
    const network = new Network("core", { region: "europe-west1", kubernetesRanges: RANGES });
    new KubernetesCluster("apps", { network, encryptionKey: key, ...o });
  };
}

/** A Network as far as validation looks (nothing registers). */
const fakeNetwork = (fields: Partial<Record<keyof Network, unknown>>): Network =>
  Object.assign(Object.create(Network.prototype) as Network, fields);

const ids =
  (o: Partial<KubernetesClusterArgs> = {}) =>
  () =>
    void new KubernetesCluster("apps", { network: IDS, encryptionKey: KEY_ID, ...o });

describe("gcp.KubernetesCluster", function () {
  this.timeout(30_000);

  it("dev: a private regional cluster with every control on, its node pool, account, roles and provider", async () => {
    const { q } = await run(onNetwork(), CONFIG);
    assert.deepStrictEqual(
      q.inventory(q.one(T.component, "apps").urn),
      [
        `${T.cluster}::apps-cluster`,
        `${T.pool}::apps-nodes`,
        ...[
          "artifactregistry-reader",
          "logging-logWriter",
          "monitoring-metricWriter",
          "monitoring-viewer",
          "stackdriver-resourceMetadata-writer",
        ].map((role) => `${T.member}::apps-nodes-${role}`),
        `${T.account}::apps-nodes-sa`,
        `${T.provider}::apps-provider`,
      ].sort(),
    );
    const c = inputs(q, T.cluster, "apps-cluster");
    assert.strictEqual(c.location, "europe-west1", "regional in every environment");
    assert.deepStrictEqual(c.privateClusterConfig, { enablePrivateNodes: true, enablePrivateEndpoint: true });
    assert.deepStrictEqual(c.masterAuthorizedNetworksConfig, {
      gcpPublicCidrsAccessEnabled: false,
      cidrBlocks: [],
    });
    assert.deepStrictEqual(c.workloadIdentityConfig, { workloadPool: "acme.svc.id.goog" });
    const keyId = q.one("gcp:kms/cryptoKey:CryptoKey", "platform-cmk").outputs.id;
    assert.deepStrictEqual(c.databaseEncryption, { state: "ENCRYPTED", keyName: keyId });
    assert.deepStrictEqual(
      [c.enableShieldedNodes, c.datapathProvider, c.enableLegacyAbac],
      [true, "ADVANCED_DATAPATH", false],
    );
    assert.deepStrictEqual(c.binaryAuthorization, { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" });
    assert.deepStrictEqual(c.masterAuth, { clientCertificateConfig: { issueClientCertificate: false } });
    assert.deepStrictEqual(c.releaseChannel, { channel: "REGULAR" });
    assert.strictEqual(c.minMasterVersion, GKE_DEFAULT_VERSION);
    assert.deepStrictEqual([c.removeDefaultNodePool, c.initialNodeCount], [true, 1]);
    assert.deepStrictEqual(c.ipAllocationPolicy, {
      clusterSecondaryRangeName: "pods",
      servicesSecondaryRangeName: "services",
    });
    assert.strictEqual(c.subnetwork, q.one(T.subnet, "core-private").outputs.id);
    assert.ok((c.loggingConfig as { enableComponents: string[] }).enableComponents.includes("WORKLOADS"));
    assert.ok((c.loggingConfig as { enableComponents: string[] }).enableComponents.includes("APISERVER"));
    assert.strictEqual(
      c.deletionProtection,
      false,
      "dev overrides the provider's default (true) to be destroyable",
    );
    assert.strictEqual((c.resourceLabels as Record<string, string>)["groundwork-weakened"], undefined);
    const cluster = q.one(T.cluster, "apps-cluster");
    assert.deepStrictEqual([...cluster.ignoreChanges].sort(), ["initialNodeCount", "nodeConfig"]);
    assert.strictEqual(cluster.protect, false);
  });

  it("nodes: the dedicated account, hardened config, CMEK boot disks, autoscaling per zone, auto-upgrade/repair", async () => {
    const { q } = await run(onNetwork(), CONFIG);
    const pool = inputs(q, T.pool, "apps-nodes");
    const email = q.one(T.account, "apps-nodes-sa").outputs.email;
    const keyId = q.one("gcp:kms/cryptoKey:CryptoKey", "platform-cmk").outputs.id;
    const config = pool.nodeConfig as Record<string, unknown>;
    assert.strictEqual(config.serviceAccount, email);
    assert.ok(!String(email).endsWith("-compute@developer.gserviceaccount.com"));
    assert.deepStrictEqual(config.shieldedInstanceConfig, {
      enableSecureBoot: true,
      enableIntegrityMonitoring: true,
    });
    assert.deepStrictEqual(config.workloadMetadataConfig, { mode: "GKE_METADATA" });
    assert.deepStrictEqual([config.imageType, config.bootDiskKmsKey], ["COS_CONTAINERD", keyId]);
    assert.deepStrictEqual(pool.management, { autoRepair: true, autoUpgrade: true });
    assert.deepStrictEqual(pool.autoscaling, {
      minNodeCount: 1,
      maxNodeCount: 2,
      locationPolicy: "BALANCED",
    });
    assert.deepStrictEqual(pool.nodeLocations, ["europe-west1-b", "europe-west1-c"], "the profile's 2 zones");
    assert.strictEqual(pool.nodeCount, undefined, "the autoscaler owns the count");
    assert.deepStrictEqual([...q.one(T.pool, "apps-nodes").ignoreChanges].sort(), [
      "initialNodeCount",
      "nodeCount",
    ]);
    // The short-lived default pool runs as the same account, never the Compute Engine default one.
    assert.deepStrictEqual(inputs(q, T.cluster, "apps-cluster").nodeConfig, config);
    const roles = q.ofType(T.member).map((m) => [reveal(m.inputs).role, reveal(m.inputs).member]);
    assert.deepStrictEqual(roles.map(([role]) => role).sort(), [
      "roles/artifactregistry.reader",
      "roles/logging.logWriter",
      "roles/monitoring.metricWriter",
      "roles/monitoring.viewer",
      "roles/stackdriver.resourceMetadata.writer",
    ]);
    for (const [, member] of roles) assert.strictEqual(member, `serviceAccount:${String(email)}`);
  });

  it("grants the GKE and Compute Engine agents on the key, and the roles, before the cluster and pool", async () => {
    const { q } = await run(onNetwork(), CONFIG);
    const grants = ["container", "compute"].map((s) =>
      q.one(T.keyGrant, `platform-grant-${s}-agent-encrypt-decrypt`),
    );
    assert.deepStrictEqual(
      grants.map((g) => reveal(g.inputs).member),
      [
        "serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com",
        "serviceAccount:service-123456789012@compute-system.iam.gserviceaccount.com",
      ],
    );
    const roles = q.ofType(T.member).map((m) => m.urn);
    for (const name of ["apps-cluster", "apps-nodes"]) {
      const deps = q.one(name === "apps-cluster" ? T.cluster : T.pool, name).dependencies;
      for (const needed of [...grants.map((g) => g.urn), ...roles])
        assert.ok(deps.includes(needed), `${name} ← ${needed}`);
    }
  });

  it("a key id: the two agent grants are the cluster's own children, named by service", async () => {
    const { q } = await run(ids(), CONFIG);
    assert.deepStrictEqual(
      q
        .ofType(T.keyGrant)
        .map((g) => [g.name, reveal(g.inputs).cryptoKeyId, reveal(g.inputs).member])
        .sort(),
      [
        [
          "apps-key-grant-compute",
          KEY_ID,
          "serviceAccount:service-123456789012@compute-system.iam.gserviceaccount.com",
        ],
        [
          "apps-key-grant-container",
          KEY_ID,
          "serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com",
        ],
      ],
    );
    assert.strictEqual(inputs(q, T.cluster, "apps-cluster").subnetwork, IDS.subnetId);
  });

  it("a name that fits keeps the auto-name; a long one gets names shortened with a hash to GKE's 40", async () => {
    const { q: short } = await run(ids(), CONFIG);
    assert.strictEqual(inputs(short, T.cluster, "apps-cluster").name, undefined);
    assert.strictEqual(inputs(short, T.pool, "apps-nodes").name, undefined);
    const long = "orders-platform-kubernetes-cluster";
    const { q } = await run(() => {
      new KubernetesCluster(long, { network: IDS, encryptionKey: KEY_ID });
    }, CONFIG);
    for (const [type, child] of [
      [T.cluster, "cluster"],
      [T.pool, "nodes"],
    ]) {
      const name = String(inputs(q, type, `${long}-${child}`).name);
      assert.ok(name.length <= 40 && /^[a-z][a-z0-9-]*[a-z0-9]$/.test(name), `${child}: ${name}`);
      assert.ok(name.startsWith("orders-platform"), name);
    }
  });

  it("prod: STABLE, deletion protection, protect on the cluster and pool, 3 zones, bigger nodes", async () => {
    const { q } = await run(ids({ environment: "prod" }), CONFIG);
    const c = inputs(q, T.cluster, "apps-cluster");
    assert.deepStrictEqual([c.releaseChannel, c.deletionProtection], [{ channel: "STABLE" }, true]);
    assert.ok(GKE_VERSIONS.STABLE.includes(String(c.minMasterVersion)));
    assert.deepStrictEqual(
      [q.one(T.cluster, "apps-cluster").protect, q.one(T.pool, "apps-nodes").protect],
      [true, true],
    );
    const pool = inputs(q, T.pool, "apps-nodes");
    assert.deepStrictEqual(pool.nodeLocations, ["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
    assert.strictEqual((pool.nodeConfig as Record<string, unknown>).machineType, "e2-standard-4");
    // The same security controls as dev: only size, zones and protection differ.
    const dev = await run(ids(), CONFIG);
    const d = inputs(dev.q, T.cluster, "apps-cluster");
    for (const field of [
      "privateClusterConfig",
      "binaryAuthorization",
      "masterAuth",
      "datapathProvider",
      "workloadIdentityConfig",
    ])
      assert.deepStrictEqual(c[field], d[field], field);
  });

  it("authorizedNetworks: the public endpoint admits those CIDRs only, recorded as weakened", async () => {
    let weakened: unknown;
    const { q } = await run(() => {
      const c = new KubernetesCluster("apps", {
        network: IDS,
        encryptionKey: KEY_ID,
        authorizedNetworks: ["203.0.113.0/24", "198.51.100.7/32"],
      });
      c.weakened.apply((w) => (weakened = w));
    }, CONFIG);
    const c = inputs(q, T.cluster, "apps-cluster");
    assert.deepStrictEqual(c.privateClusterConfig, {
      enablePrivateNodes: true,
      enablePrivateEndpoint: false,
    });
    assert.deepStrictEqual(c.masterAuthorizedNetworksConfig, {
      gcpPublicCidrsAccessEnabled: false,
      cidrBlocks: [
        { cidrBlock: "198.51.100.7/32", displayName: "authorized" },
        { cidrBlock: "203.0.113.0/24", displayName: "authorized" },
      ],
    });
    assert.deepStrictEqual(weakened, ["authorizedNetworks"]);
    assert.strictEqual(
      (c.resourceLabels as Record<string, string>)["groundwork-weakened"],
      "authorized-networks",
    );
  });

  it("prod weakenings: deletion protection, protect and zones below the profile are each recorded", async () => {
    let weakened: unknown;
    const { q } = await run(() => {
      const c = new KubernetesCluster("apps", {
        network: IDS,
        encryptionKey: KEY_ID,
        environment: "prod",
        deletionProtection: false,
        protect: false,
        zones: 2,
      });
      c.weakened.apply((w) => (weakened = w));
    }, CONFIG);
    assert.deepStrictEqual(weakened, ["deletionProtection", "protect", "zones"]);
    const c = inputs(q, T.cluster, "apps-cluster");
    assert.strictEqual(c.deletionProtection, false);
    assert.strictEqual(
      (c.resourceLabels as Record<string, string>)["groundwork-weakened"],
      "deletion-protection_protect_zones",
    );
    assert.strictEqual(q.one(T.cluster, "apps-cluster").protect, false);
  });

  it("the provider: a kubeconfig from the outputs whose user runs gke-gcloud-auth-plugin, no token or certificate", async () => {
    const seen: Record<string, unknown> = {};
    const program = () => {
      const c = new KubernetesCluster("apps", { network: IDS, encryptionKey: KEY_ID });
      for (const key of ["name", "clusterName", "endpoint", "certificateAuthority"] as const)
        c[key].apply((value) => (seen[key] = value));
    };
    const { q } = await run(program, {
      ...CONFIG,
      newResource: ({ type, name, inputs: i }) => ({
        state: {
          name: i.name ?? `${name}-physical`,
          ...(type === T.cluster
            ? { endpoint: "10.0.0.2", masterAuth: { clusterCaCertificate: "Q0EK" } }
            : {}),
        },
      }),
    });
    const provider = q.one(T.provider, "apps-provider");
    const kubeconfig = JSON.parse(String(reveal(provider.inputs).kubeconfig)) as {
      clusters: { cluster: Record<string, string> }[];
      users: { user: Record<string, Record<string, unknown>> }[];
    };
    assert.deepStrictEqual(kubeconfig.clusters[0].cluster, {
      server: "https://10.0.0.2",
      "certificate-authority-data": "Q0EK",
    });
    const user = kubeconfig.users[0].user;
    assert.deepStrictEqual(Object.keys(user), ["exec"], "no token, password or client certificate");
    assert.deepStrictEqual(
      [user.exec.command, user.exec.provideClusterInfo],
      ["gke-gcloud-auth-plugin", true],
    );
    assert.ok(provider.dependencies.includes(q.one(T.pool, "apps-nodes").urn), "waits for the nodes");
    assert.deepStrictEqual(seen, {
      name: "apps-cluster-physical",
      clusterName: "apps-cluster-physical",
      endpoint: "10.0.0.2",
      certificateAuthority: "Q0EK",
    });
  });

  rejectsInputs("gcp.KubernetesCluster", [
    [
      () => new KubernetesCluster("apps", { network: IDS } as never),
      "encryptionKey",
      "undefined",
      /EncryptionKey/,
    ],
    [
      () =>
        new KubernetesCluster("apps", {
          network: fakeNetwork({ cidrBlock: "10.0.0.0/16" }),
          encryptionKey: KEY_ID,
        }),
      "network",
      '"10.0.0.0/16"',
      /kubernetesRanges/,
      "a Network without kubernetesRanges",
    ],
    [
      () =>
        new KubernetesCluster("apps", {
          network: fakeNetwork({
            regionName: "europe-west4",
            kubernetesRangeNames: { pods: "p", services: "s" },
          }),
          region: "europe-west1",
          encryptionKey: KEY_ID,
        }),
      "region",
      '"europe-west1"',
      /"europe-west4"/,
    ],
    [
      ids({
        encryptionKey: "projects/acme/locations/europe-west4/keyRings/r/cryptoKeys/k",
        region: "europe-west1",
      }),
      "encryptionKey",
      '"europe-west4"',
      /"europe-west1"/,
      "a key in another region",
    ],
    [ids({ version: "1.20" }), "version", '"1.20"', /"1\.35"/],
    [
      ids({ environment: "prod", version: "1.36" }),
      "version",
      '"1.36"',
      /one of "1\.34", "1\.35"\)$/,
      "a version STABLE lacks",
    ],
    [ids({ authorizedNetworks: ["0.0.0.0/0"] }), "authorizedNetworks[0]", '"0.0.0.0/0"', /none of them \/0/],
    [ids({ nodes: { min: 3, max: 2 } }), "nodes.max", "2", "an integer from 3 to 1000"],
    [ids({ nodes: { count: 3 } as never }), "nodes.count", "3", /machineType, min, max, diskSizeGb/],
    [ids({ zones: 5 }), "zones", "5", "an integer from 1 to 4"],
    [ids({ releaseChannel: "RAPID" as never }), "releaseChannel", '"RAPID"', /"REGULAR", "STABLE"/],
  ]);
});

describe("gcp.Network kubernetesRanges", () => {
  it("adds the pods and services ranges to the private subnet only, and names them for the cluster", async () => {
    let names: unknown;
    const { q } = await run(() => {
      names = new Network("core", { kubernetesRanges: RANGES }).kubernetesRangeNames;
      new Network("edge");
    });
    assert.deepStrictEqual(names, { pods: "pods", services: "services" });
    assert.deepStrictEqual(inputs(q, T.subnet, "core-private").secondaryIpRanges, [
      { rangeName: "pods", ipCidrRange: "10.100.0.0/14" },
      { rangeName: "services", ipCidrRange: "10.104.0.0/20" },
    ]);
    // Networks without ranges register exactly what they did before (no empty list: nothing to update).
    for (const subnet of ["core-isolated", "edge-private", "edge-isolated"])
      assert.ok(!("secondaryIpRanges" in inputs(q, T.subnet, subnet)), subnet);
  });

  rejectsInputs("gcp.Network", [
    [
      () => new Network("n", { kubernetesRanges: { pods: "10.0.0.0/14", services: "10.104.0.0/20" } }),
      "kubernetesRanges.pods",
      '"10.0.0.0/14"',
      "a range outside cidrBlock",
    ],
    [
      () => new Network("n", { kubernetesRanges: { pods: "8.0.0.0/14", services: "10.104.0.0/20" } }),
      "kubernetesRanges.pods",
      '"8.0.0.0/14"',
      /RFC 1918/,
    ],
    [
      () => new Network("n", { kubernetesRanges: { pods: "10.100.0.0/14", services: "10.101.0.0/20" } }),
      "kubernetesRanges.services",
      '"10.101.0.0/20"',
      "a range apart from pods",
    ],
    [
      () => new Network("n", { kubernetesRanges: { pods: "10.100.0.0/24", services: "10.104.0.0/20" } }),
      "kubernetesRanges.pods",
      '"10.100.0.0/24"',
      /\/9 to \/21/,
    ],
  ]);
});
