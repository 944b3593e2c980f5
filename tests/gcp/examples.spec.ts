// Every examples/gcp-* program compiles (it is part of the build) and synthesizes; each result is
// checked for what the example is meant to show. Also guards the import rule of components/gcp.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { GraphQuery, reveal, synth } from "../../testing";

const EXAMPLES = path.join(__dirname, "../../examples");

async function example(name: string): Promise<GraphQuery> {
  return new GraphQuery(await synth(path.join(EXAMPLES, name), { preview: false }));
}

describe("gcp examples", () => {
  it("gcp-encryption-key-simple: one ring, one 90-day key", async () => {
    const q = await example("gcp-encryption-key-simple");
    assert.strictEqual(q.one("gcp:kms/cryptoKey:CryptoKey", "data-cmk").inputs.rotationPeriod, "7776000s");
    assert.strictEqual(q.ofType("gcp:kms/keyRing:KeyRing").length, 1);
  });

  it("gcp-encryption-key-complete: protected prod key, SQL agent and worker granted", async () => {
    const q = await example("gcp-encryption-key-complete");
    const key = q.one("gcp:kms/cryptoKey:CryptoKey", "data-cmk");
    assert.deepStrictEqual(
      [key.inputs.rotationPeriod, key.inputs.destroyScheduledDuration, key.protect],
      ["2592000s", "5184000s", true],
    );
    assert.deepStrictEqual(
      q
        .ofType("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember")
        .map((r) => r.name)
        .sort(),
      ["data-grant-sql-agent-encrypt-decrypt", "data-grant-worker-encrypt-decrypt"],
    );
    assert.deepStrictEqual(q.graph.outputs.weakened, []);
  });

  it("gcp-bucket-simple: one hardened bucket, its key and log bucket", async () => {
    const q = await example("gcp-bucket-simple");
    assert.strictEqual(q.ofType("gcp:storage/bucket:Bucket").length, 2);
    assert.strictEqual(q.ofType("gcp:kms/cryptoKey:CryptoKey").length, 1);
  });

  it("gcp-bucket-complete: fixed name, shared key, central log bucket, grants named from the grantee", async () => {
    const q = await example("gcp-bucket-complete");
    const b = reveal<Record<string, unknown>>(q.one("gcp:storage/bucket:Bucket", "reports-bucket").inputs);
    assert.strictEqual(b.name, "acme-prod-reports");
    assert.deepStrictEqual(b.logging, { logBucket: "acme-prod-access-logs", logObjectPrefix: "reports/" });
    assert.strictEqual(q.ofType("gcp:storage/bucket:Bucket").length, 1, "no log bucket when one is named");
    assert.deepStrictEqual(
      q
        .ofType("gcp:storage/bucketIAMMember:BucketIAMMember")
        .map((r) => r.name)
        .sort(),
      ["reports-grant-ingest-read", "reports-grant-ingest-write"],
    );
  });

  it("gcp-network-simple: custom-mode VPC, two subnets, logged NAT, no private services", async () => {
    const q = await example("gcp-network-simple");
    assert.strictEqual(q.one("gcp:compute/network:Network", "core-vpc").inputs.autoCreateSubnetworks, false);
    assert.strictEqual(q.ofType("gcp:compute/subnetwork:Subnetwork").length, 2);
    assert.strictEqual(q.ofType("gcp:compute/routerNat:RouterNat").length, 1);
    assert.strictEqual(q.ofType("gcp:servicenetworking/connection:Connection").length, 0);
  });

  it("gcp-network-complete: region and block as given, health-check allow, private services", async () => {
    const q = await example("gcp-network-complete");
    const subnet = q.one("gcp:compute/subnetwork:Subnetwork", "core-private").inputs;
    assert.deepStrictEqual([subnet.region, subnet.ipCidrRange], ["europe-west4", "10.40.0.0/21"]);
    assert.strictEqual(q.ofType("gcp:compute/firewall:Firewall").length, 3);
    assert.strictEqual(q.ofType("gcp:servicenetworking/connection:Connection").length, 1);
    assert.deepStrictEqual(q.graph.outputs.weakened, []);
  });

  it("gcp-postgres-database-simple: private IP through the network's services connection", async () => {
    const q = await example("gcp-postgres-database-simple");
    const db = q.one("gcp:sql/databaseInstance:DatabaseInstance", "orders-instance");
    assert.ok(
      db.dependencies.includes(q.one("gcp:servicenetworking/connection:Connection", "core-services").urn),
    );
    const ip = reveal<{ settings: { ipConfiguration: Record<string, unknown> } }>(db.inputs).settings
      .ipConfiguration;
    assert.strictEqual(ip.ipv4Enabled, false);
  });

  it("gcp-postgres-database-complete: prod, shared key, client certificates, nothing weakened", async () => {
    const q = await example("gcp-postgres-database-complete");
    const db = q.one("gcp:sql/databaseInstance:DatabaseInstance", "orders-instance");
    const s = reveal<{ databaseVersion: string; settings: Record<string, Record<string, unknown>> }>(
      db.inputs,
    );
    assert.strictEqual(s.databaseVersion, "POSTGRES_17");
    assert.strictEqual(s.settings.ipConfiguration.sslMode, "TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
    assert.deepStrictEqual(s.settings.backupConfiguration.backupRetentionSettings, {
      retainedBackups: 60,
      retentionUnit: "COUNT",
    });
    assert.strictEqual(db.protect, true);
    assert.strictEqual(q.ofType("gcp:kms/cryptoKey:CryptoKey").length, 1, "the shared key only");
    assert.deepStrictEqual(q.graph.outputs.weakened, []);
  });

  it("gcp-container-service-simple: internal ingress, own account, egress through the network", async () => {
    const q = await example("gcp-container-service-simple");
    const s = reveal<Record<string, unknown>>(q.one("gcp:cloudrunv2/service:Service", "web-service").inputs);
    assert.strictEqual(s.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
    assert.strictEqual(q.ofType("gcp:serviceaccount/account:Account").length, 1);
    assert.strictEqual(q.ofType("gcp:cloudrunv2/serviceIamMember:ServiceIamMember").length, 0);
  });

  it("gcp-container-service-complete: shared key, secret read and bucket grant to the service, nothing weakened", async () => {
    const q = await example("gcp-container-service-complete");
    assert.strictEqual(q.ofType("gcp:kms/cryptoKey:CryptoKey").length, 2, "the shared key and the bucket's");
    const read = q.one("gcp:secretmanager/secretIamMember:SecretIamMember", "api-secret-db-password");
    assert.strictEqual(
      reveal<Record<string, unknown>>(read.inputs).secretId,
      "projects/acme-prod/secrets/api-db-password",
    );
    assert.ok(q.one("gcp:storage/bucketIAMMember:BucketIAMMember", "reports-grant-api-read"));
    assert.deepStrictEqual(q.graph.outputs.weakened, []);
  });

  it("gcp-kubernetes-cluster-simple: a private cluster, its node pool, and a Namespace through its provider", async () => {
    const q = await example("gcp-kubernetes-cluster-simple");
    const c = reveal<Record<string, unknown>>(q.one("gcp:container/cluster:Cluster", "apps-cluster").inputs);
    assert.deepStrictEqual(c.privateClusterConfig, { enablePrivateNodes: true, enablePrivateEndpoint: true });
    assert.strictEqual(q.ofType("gcp:container/nodePool:NodePool").length, 1);
    const provider = q.one("pulumi:providers:kubernetes", "apps-provider");
    const ns = q.one("kubernetes:core/v1:Namespace", "storefront-namespace");
    assert.ok(
      ns.provider?.startsWith(`${provider.urn}::`),
      `the namespace goes through the cluster: ${ns.provider}`,
    );
  });

  it("gcp-kubernetes-cluster-complete: prod on STABLE in three zones, the public endpoint weakening recorded", async () => {
    const q = await example("gcp-kubernetes-cluster-complete");
    const c = reveal<Record<string, unknown>>(q.one("gcp:container/cluster:Cluster", "apps-cluster").inputs);
    assert.deepStrictEqual(
      [c.releaseChannel, c.minMasterVersion, c.deletionProtection],
      [{ channel: "STABLE" }, "1.35", true],
    );
    assert.strictEqual((c.privateClusterConfig as Record<string, unknown>).enablePrivateEndpoint, false);
    const pool = reveal<Record<string, unknown>>(
      q.one("gcp:container/nodePool:NodePool", "apps-nodes").inputs,
    );
    assert.deepStrictEqual(pool.autoscaling, {
      minNodeCount: 2,
      maxNodeCount: 10,
      locationPolicy: "BALANCED",
    });
    assert.strictEqual((pool.nodeLocations as string[]).length, 3);
    assert.deepStrictEqual(q.graph.outputs.weakened, ["authorizedNetworks"]);
  });

  it("no file under components/gcp imports the @pulumi/gcp root", () => {
    const dir = path.join(__dirname, "../../../components/gcp");
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    assert.ok(files.length >= 7 && files.some((f) => f.includes(path.sep)), "subfolders are read too");
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      assert.ok(
        !/(from\s+|require\(\s*|import\(\s*)["']@pulumi\/gcp["']/.test(text),
        `${f} imports the @pulumi/gcp root`,
      );
    }
  });
});
