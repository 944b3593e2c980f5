// azure.KubernetesCluster: a private API server in a delegated subnet (or one public to named ranges, a
// recorded weakening), Entra ID with Azure RBAC and no local accounts, Cilium network policy, workload
// identity, KMS with the EncryptionKey granted first, upgrade channels, pools without public IPs in the
// private tier, control-plane logs, a kubelogin Provider; prod protected on the Standard tier across zones.
import * as assert from "assert";
import {
  AKS_DEFAULT_VERSION,
  AKS_KUBERNETES_VERSIONS,
  EncryptionKey,
  KubernetesCluster,
  KubernetesClusterArgs,
  Network,
} from "../../components/azure";
import { lastSlash28 } from "../../components/azure/kubernetes-cluster/args";
import { certificateAuthorityOf } from "../../components/azure/kubernetes-cluster/kubeconfig";
import { AZURE_ROLES } from "../../components/azure/roles";
import { GraphQuery, NewResourceHook, reveal } from "../../testing";
import { T, assertTagged, inputs, networkLike, protectedNames, rejectsInputs, run, urnOf } from "./helpers";

const LOC = { location: "westeurope" };
const COMPONENT = "groundwork:azure:KubernetesCluster";
const AKS = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const PROVIDER = "pulumi:providers:kubernetes";
const GROUP = "6f1c2a9e-0d3b-4c57-9a1e-2b8f4d7c0001";

/** What AKS computes for the cluster, on top of the Azure outputs the other specs use. */
const clusterOutputs: NewResourceHook = ({ type, name }) =>
  type === AKS
    ? {
        state: {
          name: `${name}-physical`,
          privateFQDN: `${name}.privatelink.westeurope.azmk8s.io`,
          fqdn: `${name}.hcp.westeurope.azmk8s.io`,
          identityProfile: {
            kubeletidentity: {
              objectId: "kubelet-object",
              clientId: "kubelet-client",
              resourceId: "kubelet-id",
            },
          },
          oidcIssuerProfile: { enabled: true, issuerURL: "https://westeurope.oic.prod-aks.azure.com/t/c/" },
        },
      }
    : type === "azure-native:keyvault:Key"
      ? {
          state: {
            name: `${name}-physical`,
            keyUriWithVersion: `https://vault.vault.azure.net/keys/${name}/0123`,
          },
        }
      : undefined;

/** A network, a key and a cluster on them; `extra` is what each test is about. */
function cluster(extra: Partial<KubernetesClusterArgs> = {}): KubernetesCluster {
  const environment = extra.environment;
  const network = new Network("core", { ...LOC, environment, addressSpace: "10.50.0.0/16" });
  const encryptionKey = new EncryptionKey("platform", { ...LOC, environment });
  return new KubernetesCluster("apps", { ...LOC, network, encryptionKey, ...extra });
}

async function synthCluster(extra: Partial<KubernetesClusterArgs> = {}): Promise<GraphQuery> {
  const { q } = await run(() => cluster(extra), { newResource: withAzure(clusterOutputs) });
  return q;
}

/** The Azure helpers' outputs, overridden where the cluster hook answers. */
function withAzure(hook: NewResourceHook): NewResourceHook {
  return (args) => {
    const own = hook(args);
    if (own) return own;
    // The helpers' defaults: a physical name and a principal id for identities.
    return {
      state: {
        name: `${args.name}-physical`,
        ...(args.type === T.identity
          ? { principalId: `${args.name}-principal`, clientId: `${args.name}-client` }
          : {}),
        ...(args.type === T.key ? { keyUri: `https://vault.vault.azure.net/keys/${args.name}` } : {}),
        ...(args.type === T.vault
          ? {
              properties: {
                ...(args.inputs.properties as object),
                vaultUri: `https://${args.name}.vault.azure.net/`,
              },
            }
          : {}),
        ...(args.type === T.publicIp ? { ipAddress: "203.0.113.7" } : {}),
      },
    };
  };
}

const rec = (v: unknown): Record<string, unknown> => (v ?? {}) as Record<string, unknown>;

describe("azure KubernetesCluster", () => {
  it("private API server in a delegated /28, Entra ID with Azure RBAC, no local accounts", async () => {
    const q = await synthCluster({ administratorGroups: [GROUP] });
    const c = inputs(q, AKS, "apps-cluster");
    assert.strictEqual(c.enableRBAC, true);
    assert.strictEqual(c.disableLocalAccounts, true);
    assert.deepStrictEqual(
      [rec(c.aadProfile).managed, rec(c.aadProfile).enableAzureRBAC, rec(c.aadProfile).adminGroupObjectIDs],
      [true, true, [GROUP]],
    );
    const subnet = q.one(T.subnet, "apps-apiserver");
    assert.deepStrictEqual(c.apiServerAccessProfile, {
      enableVnetIntegration: true,
      subnetId: subnet.id,
      enablePrivateCluster: true,
      enablePrivateClusterPublicFQDN: false,
      privateDNSZone: "system",
    });
    const s = inputs(q, T.subnet, "apps-apiserver");
    // The last /28 of 10.50.0.0/16, outside the three tiers' eighths.
    assert.strictEqual(s.addressPrefix, "10.50.255.240/28");
    assert.deepStrictEqual(s.delegations, [
      { name: "aks-apiserver", serviceName: "Microsoft.ContainerService/managedClusters" },
    ]);
    assert.deepStrictEqual(s.networkSecurityGroup, { id: q.one(T.nsg, "apps-apiserver-nsg").id });
    const rules = inputs(q, T.nsg, "apps-apiserver-nsg").securityRules as Record<string, unknown>[];
    assert.deepStrictEqual(
      rules.map((x) => [x.name, x.access, x.sourceAddressPrefix]),
      [["deny-internet-inbound", "Deny", "Internet"]],
    );
    assert.strictEqual(
      inputs(q, T.diagnostics, "apps-apiserver-nsg-diagnostics").resourceUri,
      q.one(T.nsg, "apps-apiserver-nsg").id,
    );
    assert.strictEqual(s.virtualNetworkName, "core-vnet-physical");
    // Azure changes one subnet of a network at a time: this one waits for the network's own.
    for (const tier of ["core-private", "core-apps", "core-data"])
      assert.ok(subnet.dependencies.includes(q.one(T.subnet, tier).urn), tier);
    assert.deepStrictEqual(q.one(COMPONENT, "apps").outputs.weakened, []);
    assertTagged(q, urnOf(q, COMPONENT, "apps"), "dev");
  });

  it("Cilium enforces NetworkPolicies on Azure CNI overlay; egress through the network's NAT gateway", async () => {
    const q = await synthCluster();
    assert.deepStrictEqual(inputs(q, AKS, "apps-cluster").networkProfile, {
      networkPlugin: "azure",
      networkPluginMode: "overlay",
      networkDataplane: "cilium",
      networkPolicy: "cilium",
      podCidr: "192.168.0.0/16",
      serviceCidr: "172.16.0.0/16",
      dnsServiceIP: "172.16.0.10",
      outboundType: "userAssignedNATGateway",
      loadBalancerSku: "standard",
    });
  });

  it("KMS with the key's version over Private Link; the identity granted on key, vault and subnets first", async () => {
    const q = await synthCluster();
    const c = inputs(q, AKS, "apps-cluster");
    const security = rec(c.securityProfile);
    assert.deepStrictEqual(security.azureKeyVaultKms, {
      enabled: true,
      keyId: "https://vault.vault.azure.net/keys/platform-key/0123",
      keyVaultNetworkAccess: "Private",
      keyVaultResourceId: q.one(T.vault, "platform-kv").id,
    });
    assert.deepStrictEqual(security.workloadIdentity, { enabled: true });
    assert.deepStrictEqual(c.oidcIssuerProfile, { enabled: true });
    const identity = q.one(T.identity, "apps-identity");
    assert.deepStrictEqual(c.identity, { type: "UserAssigned", userAssignedIdentities: [identity.id] });
    const expected: [string, unknown, string][] = [
      ["apps-grant-kms", q.one(T.key, "platform-key").id, AZURE_ROLES.keyVaultCryptoUser],
      ["apps-grant-kms-vault", q.one(T.vault, "platform-kv").id, AZURE_ROLES.keyVaultContributor],
      ["apps-grant-node-subnet", q.one(T.subnet, "core-private").id, AZURE_ROLES.networkContributor],
      ["apps-grant-apiserver-subnet", q.one(T.subnet, "apps-apiserver").id, AZURE_ROLES.networkContributor],
    ];
    const deps = q.one(AKS, "apps-cluster").dependencies;
    for (const [grant, scope, role] of expected) {
      const g = inputs(q, T.role, grant);
      assert.strictEqual(g.scope, scope, grant);
      assert.strictEqual(g.principalId, "apps-identity-principal", grant);
      assert.strictEqual(g.principalType, "ServicePrincipal", grant);
      assert.ok(String(g.roleDefinitionId).endsWith(`/roleDefinitions/${role}`), grant);
      assert.ok(deps.includes(q.one(T.role, grant).urn), `the cluster waits for ${grant}`);
    }
  });

  it("patch and node-image upgrades, the pinned minor, the Free tier in dev, control-plane logs", async () => {
    const q = await synthCluster();
    const c = inputs(q, AKS, "apps-cluster");
    assert.deepStrictEqual(c.autoUpgradeProfile, {
      upgradeChannel: "patch",
      nodeOSUpgradeChannel: "NodeImage",
    });
    assert.strictEqual(c.kubernetesVersion, AKS_DEFAULT_VERSION);
    assert.strictEqual(AKS_DEFAULT_VERSION, AKS_KUBERNETES_VERSIONS[AKS_KUBERNETES_VERSIONS.length - 1]);
    assert.deepStrictEqual(c.sku, { name: "Base", tier: "Free" });
    const d = inputs(q, T.diagnostics, "apps-diagnostics");
    assert.strictEqual(d.resourceUri, q.one(AKS, "apps-cluster").id);
    assert.strictEqual(d.workspaceId, q.one(T.workspace, "core-logs").id);
    const categories = (d.logs as { category: string; enabled: boolean }[]).map((l) => l.category);
    for (const needed of ["kube-apiserver", "kube-audit-admin", "guard", "kube-controller-manager"])
      assert.ok(categories.includes(needed), needed);
    assert.ok(!categories.includes("kube-audit"), "the read-heavy kube-audit stays off");
  });

  it("pools: no public IPs, the private tier, host-encrypted ephemeral OS; the system pool critical-only", async () => {
    const q = await synthCluster();
    const [system] = inputs(q, AKS, "apps-cluster").agentPoolProfiles as Record<string, unknown>[];
    const pool = inputs(q, POOL, "apps-nodes");
    const privateTier = q.one(T.subnet, "core-private").id;
    for (const [what, p] of [
      ["system", system],
      ["workload", pool],
    ] as const) {
      assert.strictEqual(p.enableNodePublicIP, false, what);
      assert.strictEqual(p.vnetSubnetID, privateTier, what);
      assert.strictEqual(p.enableEncryptionAtHost, true, what);
      assert.strictEqual(p.osDiskType, "Ephemeral", what);
      assert.strictEqual(p.enableAutoScaling, true, what);
      assert.strictEqual(p.availabilityZones, undefined, `${what}: regional in dev`);
    }
    assert.deepStrictEqual(
      [system.mode, system.nodeTaints],
      ["System", ["CriticalAddonsOnly=true:NoSchedule"]],
    );
    assert.deepStrictEqual(
      [pool.mode, pool.minCount, pool.maxCount, pool.vmSize],
      ["User", 1, 3, "Standard_D2ds_v5"],
    );
    assert.strictEqual(pool.resourceName, "apps-cluster-physical");
    assert.deepStrictEqual(q.one(POOL, "apps-nodes").ignoreChanges, ["count"]);
    assert.deepStrictEqual(q.one(AKS, "apps-cluster").ignoreChanges, ["agentPoolProfiles"]);
  });

  it("a new size or zone set names a new workload pool; new bounds keep it", async () => {
    const poolName = async (extra: Partial<KubernetesClusterArgs>) =>
      inputs(await synthCluster(extra), POOL, "apps-nodes").agentPoolName as string;
    const base = await poolName({});
    assert.match(base, /^wk[0-9a-f]{6}$/);
    assert.strictEqual(await poolName({ nodes: { min: 2, max: 5 } }), base);
    assert.notStrictEqual(await poolName({ nodes: { vmSize: "Standard_D8ds_v5" } }), base);
    assert.notStrictEqual(await poolName({ zones: ["1"] }), base);
  });

  it("prod: Standard tier, three zones, cluster, pool and identity protected", async () => {
    const q = await synthCluster({ environment: "prod" });
    assert.deepStrictEqual(inputs(q, AKS, "apps-cluster").sku, { name: "Base", tier: "Standard" });
    const [system] = inputs(q, AKS, "apps-cluster").agentPoolProfiles as Record<string, unknown>[];
    const pool = inputs(q, POOL, "apps-nodes");
    assert.deepStrictEqual(system.availabilityZones, ["1", "2", "3"]);
    assert.deepStrictEqual(pool.availabilityZones, ["1", "2", "3"]);
    assert.deepStrictEqual([system.minCount, pool.minCount, pool.vmSize], [3, 3, "Standard_D4ds_v5"]);
    const prot = protectedNames(q, urnOf(q, COMPONENT, "apps"));
    for (const n of ["apps-cluster", "apps-nodes", "apps-identity"]) assert.ok(prot.includes(n), n);
    assert.deepStrictEqual(q.one(COMPONENT, "apps").outputs.weakened, []);
  });

  it("prod on one zone, with fewer nodes, unprotected: each recorded", async () => {
    const q = await synthCluster({ environment: "prod", zones: ["1"], nodes: { min: 1 }, protect: false });
    assert.deepStrictEqual(q.one(COMPONENT, "apps").outputs.weakened, ["minCapacity", "protect", "zones"]);
    assert.strictEqual(
      rec(inputs(q, AKS, "apps-cluster").tags)["groundwork-weakened"],
      "minCapacity protect zones",
    );
  });

  it("authorizedIpRanges: a public API server for those ranges only, recorded as publicApiServer", async () => {
    const q = await synthCluster({ authorizedIpRanges: ["203.0.113.0/24", "198.51.100.7"] });
    const c = inputs(q, AKS, "apps-cluster");
    assert.deepStrictEqual(c.apiServerAccessProfile, {
      enableVnetIntegration: true,
      subnetId: q.one(T.subnet, "apps-apiserver").id,
      enablePrivateCluster: false,
      authorizedIPRanges: ["203.0.113.0/24", "198.51.100.7/32"],
    });
    assert.deepStrictEqual(q.one(COMPONENT, "apps").outputs.weakened, ["publicApiServer"]);
    // HTTPS from those ranges reaches the API server subnet; the rest of the internet still does not.
    const rules = inputs(q, T.nsg, "apps-apiserver-nsg").securityRules as Record<string, unknown>[];
    assert.deepStrictEqual(
      rules.map((x) => [
        x.name,
        x.access,
        x.destinationPortRange,
        x.sourceAddressPrefixes ?? x.sourceAddressPrefix,
      ]),
      [
        ["allow-api-server-from-authorized-ranges", "Allow", "443", ["203.0.113.0/24", "198.51.100.7/32"]],
        ["deny-internet-inbound", "Deny", "*", "Internet"],
      ],
    );
    assert.strictEqual(rec(c.tags)["groundwork-weakened"], "publicApiServer");
    assert.strictEqual(
      q.one(COMPONENT, "apps").outputs.endpoint,
      "https://apps-cluster.hcp.westeurope.azmk8s.io:443",
    );
  });

  it("the provider: the private endpoint, the CA, kubelogin credentials, never an admin credential", async () => {
    const q = await synthCluster();
    const provider = q.one(PROVIDER, "apps-provider");
    const config = JSON.parse(String((reveal(provider.inputs) as Record<string, unknown>).kubeconfig)) as {
      clusters: { cluster: Record<string, string> }[];
      users: { user: Record<string, unknown> }[];
    };
    assert.strictEqual(
      config.clusters[0].cluster.server,
      "https://apps-cluster.privatelink.westeurope.azmk8s.io:443",
    );
    assert.strictEqual(
      config.clusters[0].cluster["certificate-authority-data"],
      Buffer.from("offline certificate authority of apps-cluster-physical").toString("base64"),
    );
    assert.deepStrictEqual(Object.keys(config.users[0].user), ["exec"]);
    assert.deepStrictEqual(rec(config.users[0].user.exec).args, [
      "get-token",
      "--login",
      "azurecli",
      "--server-id",
      "6dae42f8-4368-4678-94ff-3960e28e3630",
    ]);
    assert.strictEqual(rec(config.users[0].user.exec).command, "kubelogin");
    assert.ok(
      provider.dependencies.includes(q.one(POOL, "apps-nodes").urn),
      "the provider waits for the nodes",
    );
    const tokens = q.graph.invokes.map((i) => i.token);
    assert.ok(tokens.includes("azure-native:containerservice:listManagedClusterUserCredentials"));
    assert.ok(!tokens.some((t) => t.includes("AdminCredentials")), "admin credentials are never listed");
    assert.deepStrictEqual(q.one(COMPONENT, "apps").outputs.nodeIdentity, {
      objectId: "kubelet-object",
      clientId: "kubelet-client",
      resourceId: "kubelet-id",
    });
  });

  it("pure helpers: the last /28 of a space; only the CA is read from a kubeconfig", () => {
    assert.strictEqual(lastSlash28("10.0.0.0/16"), "10.0.255.240/28");
    assert.strictEqual(lastSlash28("10.1.16.0/20"), "10.1.31.240/28");
    const kubeconfig = Buffer.from(
      "clusters:\n- cluster:\n    certificate-authority-data: QUJD\n  user:\n    token: secret\n",
    );
    assert.strictEqual(certificateAuthorityOf(kubeconfig.toString("base64")), "QUJD");
    assert.strictEqual(certificateAuthorityOf(""), "");
  });

  const bad =
    (extra: Partial<KubernetesClusterArgs>, network: Network = networkLike(["private"])) =>
    () => {
      const encryptionKey = Object.create(EncryptionKey.prototype) as EncryptionKey;
      return new KubernetesCluster("apps", {
        ...LOC,
        network,
        encryptionKey,
        apiServerSubnetCidr: "10.0.255.240/28",
        ...extra,
      } as KubernetesClusterArgs);
    };
  rejectsInputs("azure.KubernetesCluster", [
    [bad({ version: "1.20" }), "version", "1.20", /one of/],
    [bad({ encryptionKey: undefined }), "encryptionKey", "undefined", /EncryptionKey/],
    [bad({ authorizedIpRanges: ["0.0.0.0/0"] }), "authorizedIpRanges[0]", "0.0.0.0/0", /never 0\.0\.0\.0\/0/],
    [
      bad({ authorizedIpRanges: [] }),
      "authorizedIpRanges",
      "[]",
      /never 0\.0\.0\.0\/0/,
      "authorizedIpRanges empty",
    ],
    [bad({ zones: ["1", "1"] }), "zones", "1", "distinct zones"],
    [bad({ zones: ["4"] }), "zones[0]", "4", /one of/],
    [bad({ serviceCidr: "192.168.0.0/20" }), "serviceCidr", "192.168.0.0/20", "a range apart from the pods'"],
    [
      bad({ apiServerSubnetCidr: "10.0.255.248/29" }),
      "apiServerSubnetCidr",
      "10.0.255.248/29",
      "a /28 or larger",
    ],
    [bad({ nodes: { min: 4, max: 2 } }), "nodes.max", "2", "at least 4"],
    [bad({ nodes: { vmsize: "x" } as never }), "nodes.vmsize", "x", /did you mean/, "nodes: unknown key"],
    [bad({ administratorGroups: ["admins"] }), "administratorGroups[0]", "admins", /GUID/],
    [
      bad({ privateCluster: false } as never),
      "privateCluster",
      "false",
      /one of the keys/,
      "unknown argument",
    ],
    [bad({}, networkLike(["data"])), "network", "[Network]", /private/, "network without a private tier"],
  ]);

  it("refuses a network without a NAT gateway, before anything registers", async () => {
    const { q } = await run(() => {
      const network = new Network("core", { ...LOC, nat: false });
      const encryptionKey = new EncryptionKey("platform", LOC);
      try {
        new KubernetesCluster("apps", { ...LOC, network, encryptionKey });
        assert.fail("expected a GroundworkInputError");
      } catch (e: unknown) {
        assert.match(String(e), /azure\.KubernetesCluster "apps": network .*has no NAT gateway/);
      }
    });
    assert.strictEqual(q.ofType(COMPONENT).length, 0);
  });
});
