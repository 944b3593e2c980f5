// Google Cloud Network: the custom-mode VPC, subnets with flow logs and Private Google Access, the logged
// NAT, the deny-all baseline and its allows, the private services connection, weakenings and bad input.
import * as assert from "assert";
import { GOOGLE_HEALTH_CHECK_RANGES, Network } from "../../components/gcp";
import { inputs, rejectsInputs, run } from "../aws/helpers";

const T = {
  component: "groundwork:gcp:Network",
  network: "gcp:compute/network:Network",
  subnet: "gcp:compute/subnetwork:Subnetwork",
  router: "gcp:compute/router:Router",
  nat: "gcp:compute/routerNat:RouterNat",
  firewall: "gcp:compute/firewall:Firewall",
  address: "gcp:compute/globalAddress:GlobalAddress",
  connection: "gcp:servicenetworking/connection:Connection",
};

describe("gcp.Network", () => {
  it("defaults: custom mode, two logged subnets with PGA, a logged NAT for the private one, deny-all", async () => {
    const { q } = await run(() => new Network("core"));
    const root = q.one(T.component, "core").urn;
    assert.deepStrictEqual(
      q.inventory(root),
      [
        `${T.firewall}::core-allow-internal`,
        `${T.firewall}::core-deny-ingress`,
        `${T.network}::core-vpc`,
        `${T.router}::core-router`,
        `${T.nat}::core-nat`,
        `${T.subnet}::core-isolated`,
        `${T.subnet}::core-private`,
      ].sort(),
    );
    const vpc = inputs(q, T.network, "core-vpc");
    assert.strictEqual(vpc.autoCreateSubnetworks, false);
    assert.strictEqual(vpc.description, "Groundwork gcp.Network core");
    const vpcId = q.one(T.network, "core-vpc").outputs.id;
    const priv = inputs(q, T.subnet, "core-private");
    const isolated = inputs(q, T.subnet, "core-isolated");
    assert.deepStrictEqual([priv.ipCidrRange, isolated.ipCidrRange], ["10.0.0.0/17", "10.0.128.0/18"]);
    for (const s of [priv, isolated]) {
      assert.strictEqual(s.network, vpcId);
      assert.strictEqual(s.region, "europe-west1");
      assert.strictEqual(s.privateIpGoogleAccess, true);
      assert.deepStrictEqual(s.logConfig, {
        aggregationInterval: "INTERVAL_5_SEC",
        flowSampling: 0.5,
        metadata: "INCLUDE_ALL_METADATA",
      });
    }
    const nat = inputs(q, T.nat, "core-nat");
    assert.deepStrictEqual(nat.logConfig, { enable: true, filter: "ALL" });
    assert.strictEqual(nat.sourceSubnetworkIpRangesToNat, "LIST_OF_SUBNETWORKS");
    assert.deepStrictEqual(nat.subnetworks, [
      { name: q.one(T.subnet, "core-private").outputs.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] },
    ]);
    const deny = inputs(q, T.firewall, "core-deny-ingress");
    assert.deepStrictEqual(
      [deny.direction, deny.priority, deny.denies, deny.sourceRanges],
      ["INGRESS", 65534, [{ protocol: "all" }], ["0.0.0.0/0"]],
    );
    const internal = inputs(q, T.firewall, "core-allow-internal");
    assert.deepStrictEqual(internal.sourceRanges, ["10.0.0.0/16"]);
    for (const f of [deny, internal])
      assert.deepStrictEqual(f.logConfig, { metadata: "INCLUDE_ALL_METADATA" });
    assert.deepStrictEqual(
      q.graph.resources.filter((r) => r.type === T.connection),
      [],
    );
  });

  it("health-check allow from Google's ranges only, private services range and connection when asked", async () => {
    let net: Network | undefined;
    const { q } = await run(() => {
      net = new Network("core", {
        region: "us-central1",
        cidrBlock: "10.20.0.0/20",
        healthCheckPorts: [8080, 443, 8080],
        privateServices: true,
        nat: false,
        allowInternal: false,
      });
    });
    assert.strictEqual(net?.cidrBlock, "10.20.0.0/20");
    assert.strictEqual(q.ofType(T.nat).length + q.ofType(T.router).length, 0);
    assert.strictEqual(q.ofType(T.firewall).length, 2);
    const hc = inputs(q, T.firewall, "core-allow-health-checks");
    assert.deepStrictEqual(hc.sourceRanges, ["35.191.0.0/16", "130.211.0.0/22"]);
    assert.deepStrictEqual(hc.sourceRanges, GOOGLE_HEALTH_CHECK_RANGES);
    assert.deepStrictEqual(hc.allows, [{ protocol: "tcp", ports: ["443", "8080"] }]);
    assert.strictEqual(inputs(q, T.subnet, "core-private").region, "us-central1");
    const range = inputs(q, T.address, "core-services-range");
    assert.deepStrictEqual(
      [range.purpose, range.addressType, range.prefixLength],
      ["VPC_PEERING", "INTERNAL", 16],
    );
    const conn = inputs(q, T.connection, "core-services");
    assert.strictEqual(conn.service, "servicenetworking.googleapis.com");
    assert.deepStrictEqual(conn.reservedPeeringRanges, [
      q.one(T.address, "core-services-range").outputs.name,
    ]);
  });

  it("records flow logs off in the weakened output only: the description (ForceNew) never changes", async () => {
    let weakened: unknown;
    const { q } = await run(() => {
      new Network("core", { flowLogs: false }).weakened.apply((w) => (weakened = w));
      new Network("edge");
    });
    assert.deepStrictEqual(weakened, ["flowLogs"]);
    // The same description whatever is weakened, and ignored, so networks made by 0.1 (whose description
    // recorded the weakening) are not replaced either.
    for (const name of ["core", "edge"]) {
      const vpc = q.one(T.network, `${name}-vpc`);
      assert.strictEqual(inputs(q, T.network, `${name}-vpc`).description, `Groundwork gcp.Network ${name}`);
      assert.deepStrictEqual(vpc.ignoreChanges, ["description"]);
    }
    assert.strictEqual(inputs(q, T.subnet, "core-private").logConfig, undefined);
  });

  rejectsInputs("gcp.Network", [
    [() => new Network("n", { cidr: "10.0.0.0/16" } as never), "cidr", '"10.0.0.0/16"', /cidrBlock/],
    [() => new Network("n", { cidrBlock: "10.0.0.0/26" }), "cidrBlock", '"10.0.0.0/26"', /between 16 and 24/],
    [
      () => new Network("n", { healthCheckPorts: [0] }),
      "healthCheckPorts[0]",
      "0",
      "an integer from 1 to 65535",
    ],
    [() => new Network("n", { region: "Europe West" }), "region", '"Europe West"', /region/],
    // A long name is not refused: its children take shortened names (tests/core/fitted-names.spec.ts).
    [() => new Network("Core"), "name", '"Core"', /RFC 1035/],
  ]);
});
