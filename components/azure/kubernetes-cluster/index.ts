// KubernetesCluster (Azure): an AKS cluster whose API server is private (projected into a delegated subnet
// of the network, API Server VNet Integration) unless named ranges are allowed, Entra ID with Azure RBAC and
// no local accounts, Azure CNI overlay with Cilium enforcing NetworkPolicies, the OIDC issuer and workload
// identity, Secrets in etcd encrypted with the EncryptionKey over Private Link (KMS), automatic patch and
// node-image upgrades, nodes without public IPs in the network's private tier egressing through its NAT
// gateway, control-plane logs to the network's workspace, and a Kubernetes Provider whose credentials come
// from kubelogin, never from a static admin kubeconfig.
import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import {
  AgentPool,
  ManagedCluster,
  listManagedClusterUserCredentialsOutput,
} from "@pulumi/azure-native/containerservice";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { DiagnosticSetting } from "@pulumi/azure-native/monitor";
import { NetworkSecurityGroup, Subnet } from "@pulumi/azure-native/network";
import type { Provider } from "@pulumi/kubernetes/provider";
import { Validator, childName } from "../../core";
import { requirePeerSdk } from "../../core/peer";
import { outputProperties } from "../../core/component";
import { azureContext, wirePlacement } from "../common";
import { AzureGrants, identityGrantee } from "../grants";
import { diagnostics } from "../logs";
import { AZURE_ROLES } from "../roles";
import {
  KubernetesClusterArgs,
  ResolvedKubernetesClusterArgs,
  lastSlash28,
  resolveKubernetesClusterArgs,
} from "./args";
import { certificateAuthorityOf, execKubeconfig } from "./kubeconfig";

export { KubernetesClusterArgs, KubernetesClusterNodes } from "./args";
export { AKS_DEFAULT_VERSION, AKS_KUBERNETES_VERSIONS, KUBELOGIN_EXEC } from "./kubeconfig";

type Where = { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> };

/**
 * The control-plane log categories sent to the workspace: every one AKS has but `kube-audit`, whose reads
 * (get, list, watch) make it the costliest by far; `kube-audit-admin` keeps every change.
 * Source: https://learn.microsoft.com/azure/aks/monitor-aks-reference#resource-logs
 */
export const AKS_LOG_CATEGORIES = [
  "kube-apiserver",
  "kube-audit-admin",
  "kube-controller-manager",
  "kube-scheduler",
  "cluster-autoscaler",
  "cloud-controller-manager",
  "guard",
  "csi-azuredisk-controller",
  "csi-azurefile-controller",
  "csi-snapshot-controller",
] as const;

/**
 * The API server subnet's rules: HTTPS from the authorized ranges when there are any, then the network's
 * baseline, inbound from the internet denied at the lowest priority.
 */
export function apiServerRules(authorizedIpRanges: readonly string[] | undefined) {
  const rule = { direction: "Inbound", sourcePortRange: "*", destinationAddressPrefix: "*" };
  return [
    ...(authorizedIpRanges
      ? [
          {
            ...rule,
            name: "allow-api-server-from-authorized-ranges",
            priority: 100,
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefixes: [...authorizedIpRanges],
            destinationPortRange: "443",
          },
        ]
      : []),
    {
      ...rule,
      name: "deny-internet-inbound",
      priority: 4096,
      access: "Deny",
      protocol: "*",
      sourceAddressPrefix: "Internet",
      destinationPortRange: "*",
    },
  ];
}

/** The taint that keeps workloads off the system pool (AKS's documented `onlyCriticalAddonsMode`). */
export const CRITICAL_ADDONS_ONLY = "CriticalAddonsOnly=true:NoSchedule";

/**
 * The Kubernetes SDK's Provider class, loaded when a cluster is made: an Azure program without clusters
 * needs no Kubernetes SDK installed (it is an optional peer, like every provider SDK).
 */
function kubernetesProvider(): typeof Provider {
  requirePeerSdk("azure.KubernetesCluster", "@pulumi/kubernetes");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("@pulumi/kubernetes/provider") as typeof import("@pulumi/kubernetes/provider")).Provider;
}

/** A private, Entra-governed, KMS-encrypted AKS cluster with a system and a workload node pool. */
export class KubernetesCluster extends pulumi.ComponentResource {
  /** The cluster's (AKS) name. */
  public readonly name: pulumi.Output<string>;
  /** The cluster's resource id. */
  public readonly clusterId: pulumi.Output<string>;
  /** The API server's URL: its private FQDN, or its public one with `authorizedIpRanges`. */
  public readonly endpoint: pulumi.Output<string>;
  /** The API server's CA certificate, base64 (read from the user credentials, which carry no secret here). */
  public readonly certificateAuthority: pulumi.Output<string>;
  /** The kubelet identity every node runs as (grant it AcrPull on your registry). */
  public readonly nodeIdentity: pulumi.Output<{ objectId: string; clientId: string; resourceId: string }>;
  /** The OIDC issuer URL, for workload identity federated credentials. */
  public readonly oidcIssuerUrl: pulumi.Output<string>;
  /** The resource group the cluster is in. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** A Kubernetes provider for this cluster, credentials from `kubelogin get-token --login azurecli`. */
  public readonly provider: Provider;
  /** The raw cluster, workload pool, control-plane identity and API server subnet. */
  public readonly cluster: ManagedCluster;
  public readonly nodePool: AgentPool;
  public readonly identity: UserAssignedIdentity;
  public readonly apiServerSubnet: Subnet;

  constructor(name: string, args: KubernetesClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("azure.KubernetesCluster", name);
    const r = resolveKubernetesClusterArgs(v, args, opts?.protect);
    super("groundwork:azure:KubernetesCluster", name, {}, opts);
    const where = wirePlacement(this, name, r.placement, r.tags);
    // Replaced, it would be a new principal the KMS and network grants do not name: kept with the cluster.
    this.identity = new UserAssignedIdentity(
      childName(name, "identity"),
      { ...where, tags: r.tags },
      { parent: this, protect: r.protect },
    );
    this.apiServerSubnet = this.makeApiServerSubnet(name, r);
    const grants = this.grantIdentity(name, r, v);
    this.cluster = this.makeCluster(name, r, where, grants);
    this.nodePool = this.makeNodePool(name, r, where.resourceGroupName);
    new DiagnosticSetting(
      childName(name, "diagnostics"),
      {
        name: childName(name, "diagnostics"),
        resourceUri: this.cluster.id,
        workspaceId: r.logWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        logs: AKS_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
        metrics: [{ category: "AllMetrics", enabled: true }],
      },
      { parent: this },
    );
    this.name = this.cluster.name;
    this.clusterId = this.cluster.id;
    this.resourceGroupName = where.resourceGroupName;
    const fqdn = r.authorizedIpRanges ? this.cluster.fqdn : this.cluster.privateFQDN;
    this.endpoint = fqdn.apply((host) => `https://${host ?? ""}:443`);
    this.certificateAuthority = this.readCertificateAuthority(where.resourceGroupName);
    this.nodeIdentity = this.cluster.identityProfile.apply((p) => {
      const kubelet = p?.kubeletidentity;
      return {
        objectId: kubelet?.objectId ?? "",
        clientId: kubelet?.clientId ?? "",
        resourceId: kubelet?.resourceId ?? "",
      };
    });
    this.oidcIssuerUrl = this.cluster.oidcIssuerProfile.apply((p) => p?.issuerURL ?? "");
    this.weakened = pulumi.output(r.weakened);
    this.provider = new (kubernetesProvider())(
      childName(name, "provider"),
      {
        kubeconfig: pulumi
          .all([this.cluster.name, this.endpoint, this.certificateAuthority])
          .apply(([cluster, server, ca]) => execKubeconfig(cluster, server, ca)),
      },
      // The workloads wait for the nodes that run them.
      { parent: this, dependsOn: [this.nodePool] },
    );
    this.registerOutputs(outputProperties(this));
  }

  /**
   * The API server's delegated subnet in the network's VNet, made after the network's own subnets (Azure
   * changes one subnet of a network at a time), behind an NSG of its own: inbound from the internet denied,
   * but HTTPS from `authorizedIpRanges` when the API server is public, so the weakening works and goes no
   * further. Its diagnostics go to the cluster's workspace, as the network's NSGs' do.
   */
  private makeApiServerSubnet(name: string, r: ResolvedKubernetesClusterArgs): Subnet {
    const network = r.network;
    const prefix =
      r.apiServerSubnetCidr ??
      network.vnet.addressSpace.apply((space) => lastSlash28(space?.addressPrefixes?.[0] ?? ""));
    const nsg = new NetworkSecurityGroup(
      childName(name, "apiserver", "nsg"),
      {
        resourceGroupName: network.resourceGroupName,
        location: network.location,
        securityRules: apiServerRules(r.authorizedIpRanges),
        tags: r.tags,
      },
      { parent: this },
    );
    diagnostics(this, "apiserver-nsg-diagnostics", nsg.id, r.logWorkspaceId);
    return new Subnet(
      childName(name, "apiserver"),
      {
        resourceGroupName: network.resourceGroupName,
        virtualNetworkName: network.vnetName,
        subnetName: childName(name, "apiserver"),
        addressPrefix: prefix,
        networkSecurityGroup: { id: nsg.id },
        defaultOutboundAccess: false,
        privateEndpointNetworkPolicies: "Enabled",
        delegations: [{ name: "aks-apiserver", serviceName: "Microsoft.ContainerService/managedClusters" }],
      },
      { parent: this, dependsOn: Object.values(network.subnets ?? {}) },
    );
  }

  /**
   * What the cluster's identity must hold before the cluster exists: encrypt and decrypt with the key
   * (KMS), manage the vault to make the KMS private endpoint, and join the node and API server subnets.
   */
  private grantIdentity(name: string, r: ResolvedKubernetesClusterArgs, v: Validator): RoleAssignment[] {
    const grants = new AzureGrants(this, name, () => v);
    const grantee = identityGrantee(name, this.identity);
    const key = r.encryptionKey;
    return [
      grants.assign(grantee, "encryptDecrypt", "kms", key.keyId, AZURE_ROLES.keyVaultCryptoUser),
      grants.assign(grantee, "write", "kms-vault", key.vaultId, AZURE_ROLES.keyVaultContributor),
      grants.assign(
        grantee,
        "write",
        "node-subnet",
        r.network.subnetId("private"),
        AZURE_ROLES.networkContributor,
      ),
      grants.assign(
        grantee,
        "write",
        "apiserver-subnet",
        this.apiServerSubnet.id,
        AZURE_ROLES.networkContributor,
      ),
    ];
  }

  /** The cluster, with its system pool inline (AKS needs one at creation). */
  private makeCluster(
    name: string,
    r: ResolvedKubernetesClusterArgs,
    where: Where,
    grants: RoleAssignment[],
  ): ManagedCluster {
    const isPublic = r.authorizedIpRanges !== undefined;
    return new ManagedCluster(
      childName(name, "cluster"),
      {
        ...where,
        dnsPrefix:
          name
            .toLowerCase()
            .replace(/[^a-z0-9-]/g, "-")
            .replace(/^-+|-+$/g, "") || "aks",
        kubernetesVersion: r.version,
        sku: { name: "Base", tier: r.skuTier },
        identity: { type: "UserAssigned", userAssignedIdentities: [this.identity.id] },
        enableRBAC: true,
        disableLocalAccounts: true,
        aadProfile: {
          managed: true,
          enableAzureRBAC: true,
          tenantID: azureContext(this).tenantId,
          adminGroupObjectIDs: r.administratorGroups,
        },
        apiServerAccessProfile: {
          enableVnetIntegration: true,
          subnetId: this.apiServerSubnet.id,
          enablePrivateCluster: !isPublic,
          ...(isPublic
            ? { authorizedIPRanges: r.authorizedIpRanges }
            : { enablePrivateClusterPublicFQDN: false, privateDNSZone: "system" }),
        },
        networkProfile: {
          networkPlugin: "azure",
          networkPluginMode: "overlay",
          networkDataplane: "cilium",
          networkPolicy: "cilium",
          podCidr: r.podCidr,
          serviceCidr: r.serviceCidr,
          dnsServiceIP: r.dnsServiceIp,
          // The network's NAT gateway is the nodes' egress: AKS makes no public load balancer IP.
          outboundType: "userAssignedNATGateway",
          loadBalancerSku: "standard",
        },
        oidcIssuerProfile: { enabled: true },
        securityProfile: this.securityProfile(r),
        autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
        agentPoolProfiles: [this.systemPool(r)],
        tags: r.tags,
      },
      {
        parent: this,
        protect: r.protect,
        dependsOn: grants,
        // azure-native cannot update the inline pool after creation (its ManagedCluster docs): changes to it
        // would only show as a diff that never applies. The workload pool is a separate AgentPool.
        ignoreChanges: ["agentPoolProfiles"],
      },
    );
  }

  /** Workload identity, KMS over Private Link with the key's current version, image cleaning, Defender. */
  private securityProfile(r: ResolvedKubernetesClusterArgs) {
    const key = r.encryptionKey;
    return {
      workloadIdentity: { enabled: true },
      azureKeyVaultKms: {
        enabled: true,
        // KMS takes a key version; `pulumi refresh` then `up` after each rotation moves it on.
        keyId: key.key.keyUriWithVersion,
        keyVaultNetworkAccess: "Private",
        keyVaultResourceId: key.vaultId,
      },
      imageCleaner: { enabled: true, intervalHours: 168 },
      ...(r.defender
        ? {
            defender: {
              logAnalyticsWorkspaceResourceId: r.logWorkspaceId,
              securityMonitoring: { enabled: true },
            },
          }
        : {}),
    };
  }

  /** The system pool: critical add-ons only, in the zones, no public IPs, host-encrypted ephemeral OS disks. */
  private systemPool(r: ResolvedKubernetesClusterArgs) {
    return {
      name: "system",
      mode: "System",
      ...this.poolShape(r),
      vmSize: r.system.vmSize,
      count: r.system.min,
      minCount: r.system.min,
      maxCount: r.system.max,
      nodeTaints: [CRITICAL_ADDONS_ONLY],
    };
  }

  /** What both pools share. */
  private poolShape(r: ResolvedKubernetesClusterArgs) {
    return {
      type: "VirtualMachineScaleSets",
      osType: "Linux",
      osSKU: "AzureLinux",
      enableAutoScaling: true,
      ...(r.zones.length > 0 ? { availabilityZones: r.zones } : {}),
      vnetSubnetID: r.network.subnetId("private"),
      enableNodePublicIP: false,
      enableEncryptionAtHost: r.encryptionAtHost,
      osDiskType: "Ephemeral",
      osDiskSizeGB: r.osDiskGiB,
      upgradeSettings: { maxSurge: "33%" },
      tags: r.tags,
    };
  }

  /**
   * The workload pool. Its AKS name hashes what AKS fixes at creation, so a new size or zone set makes a
   * new pool first, then the old one is drained and deleted; the autoscaler owns `count` after creation.
   */
  private makeNodePool(
    name: string,
    r: ResolvedKubernetesClusterArgs,
    resourceGroupName: pulumi.Output<string>,
  ): AgentPool {
    return new AgentPool(
      childName(name, "nodes"),
      {
        resourceGroupName,
        resourceName: this.cluster.name,
        agentPoolName: r.poolName,
        mode: "User",
        ...this.poolShape(r),
        vmSize: r.nodes.vmSize,
        count: r.nodes.min,
        minCount: r.nodes.min,
        maxCount: r.nodes.max,
        orchestratorVersion: r.version,
      },
      { parent: this, protect: r.protect, ignoreChanges: ["count"] },
    );
  }

  /**
   * The API server's CA, from the cluster's user credentials (Entra-only: they hold no secret). The admin
   * credentials are never listed: with local accounts disabled there are none, and they would be a secret.
   */
  private readCertificateAuthority(resourceGroupName: pulumi.Output<string>): pulumi.Output<string> {
    const credentials = listManagedClusterUserCredentialsOutput(
      { resourceGroupName, resourceName: this.cluster.name },
      { parent: this },
    );
    return pulumi.unsecret(credentials.kubeconfigs.apply((k) => certificateAuthorityOf(k?.[0]?.value ?? "")));
  }
}
