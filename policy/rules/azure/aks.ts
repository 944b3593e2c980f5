// AKS rules beyond access control (compute.ts holds RBAC, local accounts, the API server and network
// policy): Entra ID with Azure RBAC, Secrets encrypted with a Key Vault key (KMS), upgrade channels, node
// pools without public IPs and with host encryption, workload identity, and control-plane audit logs. The
// SDK wraps `securityProfile`, `networkProfile` and each pool's defaults in an Output, so an unknown inside
// (a key id from the same program) makes it unknown during preview: those rules decide in update mode.
import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice";
import type { DiagnosticSettingArgs } from "@pulumi/azure-native/monitor";
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Props, inputsOf, onInputs, propsOf, record, recordAt, records } from "../../runtime/props";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";

const POOL_TYPES = [...T.managedCluster, ...T.agentPool];

/** The pools a resource states: a cluster's inline profiles, or an AgentPool itself. */
function poolsOf(type: string, props: Props): { where: string; pool: Props }[] {
  if ((T.agentPool as readonly string[]).includes(type)) return [{ where: "the agent pool", pool: props }];
  return records(props.agentPoolProfiles).map((pool, i) => ({
    where: `agentPoolProfiles[${i}] (${String(pool.name ?? i)})`,
    pool,
  }));
}

/** A rule over every node pool a cluster or agent pool states. */
function poolRule(check: (pool: Props, where: string, report: (message: string) => void) => void) {
  return {
    types: POOL_TYPES,
    validateResource(args: ResourceValidationArgs, report: (message: string) => void): void {
      const props = inputsOf<Props>(args, POOL_TYPES);
      if (!props) return;
      for (const { where, pool } of poolsOf(args.type, props)) check(pool, where, report);
    },
  };
}

/** Upgrade channels that upgrade nothing. */
const NO_UPGRADES = ["none"];
const NO_NODE_OS_UPGRADES = ["none", "unmanaged"];
/** Diagnostic categories (and groups) that carry the API server's audit records. */
const AUDIT_CATEGORIES = ["kube-audit", "kube-audit-admin"];
const AUDIT_GROUPS = ["audit", "alllogs"];

export const aksRules: ResourceRule[] = [
  {
    name: "azure-aks-entra-azure-rbac",
    area: "azure",
    severity: "high",
    description:
      "AKS clusters authenticate with Entra ID (managed AAD) and authorize with Azure RBAC, so access is granted " +
      "and revoked where the rest of the subscription's is, and audited there.",
    remediationSteps: "Set `aadProfile: { managed: true, enableAzureRBAC: true }` (with `enableRBAC: true`).",
    references: ["CIS AKS 5.5.1", "CIS AKS 5.5.2"],
    validateResource: (args, report) => {
      const cluster = inputsOf<ManagedClusterArgs>(args, T.managedCluster);
      if (!cluster) return;
      const aad = record(cluster.aadProfile);
      if (aad.managed !== true) report("aadProfile.managed is not true: no Entra ID integration");
      else if (aad.enableAzureRBAC !== true)
        report("aadProfile.enableAzureRBAC is not true: access is not governed by Azure RBAC");
    },
    types: T.managedCluster,
  },
  {
    name: "azure-aks-secrets-kms",
    area: "azure",
    severity: "high",
    description:
      "AKS clusters encrypt Kubernetes Secrets in etcd with a customer-managed Key Vault key (KMS, " +
      "`securityProfile.azureKeyVaultKms`); AKS encrypts etcd under a platform-managed key otherwise, which " +
      "`customerManagedKey: false` accepts.",
    remediationSteps:
      "Set `securityProfile.azureKeyVaultKms: { enabled: true, keyId, keyVaultNetworkAccess, keyVaultResourceId }` with " +
      "a user-assigned cluster identity granted the key first.",
    references: ["CIS AKS 5.3.1"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<ManagedClusterArgs>(T.managedCluster, (cluster, report, args) => {
      if (!asksForKey(args, record(cluster.tags).environment)) return;
      const kms = recordAt(cluster.securityProfile, ["azureKeyVaultKms"]);
      if (kms.enabled !== true)
        report(
          `securityProfile.azureKeyVaultKms.enabled is not true: Secrets use a platform-managed key; ${CMK_KNOB_HINT}`,
        );
      else if (!isSet(kms, "keyId")) report("securityProfile.azureKeyVaultKms.keyId is not set");
    }),
  },
  {
    name: "azure-aks-auto-upgrade",
    area: "azure",
    severity: "medium",
    description:
      "AKS clusters follow an auto-upgrade channel for Kubernetes patches and a node OS channel for node images, so " +
      "fixed vulnerabilities reach the cluster without someone remembering to.",
    remediationSteps:
      'Set `autoUpgradeProfile: { upgradeChannel: "patch" (or "stable", "rapid", "node-image"), nodeOSUpgradeChannel: ' +
      '"NodeImage" (or "SecurityPatch") }`.',
    references: ["CKV_AZURE_171"],
    types: T.managedCluster,
    validateResource: (args, report) => {
      const cluster = inputsOf<ManagedClusterArgs>(args, T.managedCluster);
      if (!cluster) return;
      const profile = record(cluster.autoUpgradeProfile);
      const channel = String(profile.upgradeChannel ?? "none").toLowerCase();
      if (NO_UPGRADES.includes(channel))
        report(`autoUpgradeProfile.upgradeChannel is ${JSON.stringify(profile.upgradeChannel ?? "unset")}`);
      const nodeOs = String(profile.nodeOSUpgradeChannel ?? "").toLowerCase();
      if (NO_NODE_OS_UPGRADES.includes(nodeOs))
        report(`autoUpgradeProfile.nodeOSUpgradeChannel is ${JSON.stringify(profile.nodeOSUpgradeChannel)}`);
    },
  },
  {
    name: "azure-aks-workload-identity",
    area: "azure",
    severity: "medium",
    description:
      "AKS clusters run the OIDC issuer and workload identity, so pods get their own Entra identity by federation " +
      "instead of the node's (kubelet) identity or a stored secret.",
    remediationSteps:
      "Set `oidcIssuerProfile: { enabled: true }` and `securityProfile: { workloadIdentity: { enabled: true } }`.",
    references: ["Groundwork BASELINE Kubernetes"],
    types: T.managedCluster,
    validateResource: (args, report) => {
      const cluster = inputsOf<ManagedClusterArgs>(args, T.managedCluster);
      if (!cluster) return;
      if (record(cluster.oidcIssuerProfile).enabled !== true) report("oidcIssuerProfile.enabled is not true");
      else if (recordAt(cluster.securityProfile, ["workloadIdentity"]).enabled !== true)
        report("securityProfile.workloadIdentity.enabled is not true");
    },
  },
  {
    name: "azure-aks-node-public-ip",
    area: "azure",
    severity: "high",
    description:
      "AKS nodes get no public IP of their own: they egress through the cluster's outbound path and take no traffic " +
      "from the internet except through a load balancer.",
    remediationSteps:
      "Remove `enableNodePublicIP` (or set it to false) on every pool, inline or `AgentPool`.",
    references: ["CKV_AZURE_143", "CIS AKS 5.4.3"],
    ...poolRule((pool, where, report) => {
      if (pool.enableNodePublicIP === true) report(`${where}: enableNodePublicIP is true`);
    }),
  },
  {
    name: "azure-aks-encryption-at-host",
    area: "azure",
    severity: "medium",
    description:
      "AKS node pools encrypt at host: OS and temp disks, caches and the data flowing to storage are encrypted on " +
      "the VM host (managed disks alone leave the temp disk and caches clear).",
    remediationSteps:
      "Set `enableEncryptionAtHost: true` on every pool (the subscription needs the Microsoft.Compute/EncryptionAtHost feature).",
    references: ["CKV_AZURE_227"],
    ...poolRule((pool, where, report) => {
      if (pool.enableEncryptionAtHost !== true) report(`${where}: enableEncryptionAtHost is not true`);
    }),
  },
];

/** The enabled log entries of a diagnostic setting. */
function enabledLogs(setting: PolicyResource): Props[] {
  return records(propsOf<DiagnosticSettingArgs>(setting).logs).filter((log) => log.enabled !== false);
}

/**
 * True when one of the settings sends the API server's audit records somewhere. Categories are read before
 * category groups, so a setting that names `kube-audit-admin` decides even while an SDK default it fills
 * into the groups is unknown during preview.
 */
function sendsAudit(settings: PolicyResource[]): boolean {
  const among = (values: unknown[], wanted: readonly string[]): boolean =>
    values.some((v) => typeof v === "string" && wanted.includes(v.toLowerCase()));
  const logs = settings.flatMap(enabledLogs);
  return (
    among(
      logs.map((log) => log.category),
      AUDIT_CATEGORIES,
    ) ||
    among(
      logs.map((log) => log.categoryGroup),
      AUDIT_GROUPS,
    )
  );
}

export const aksStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "azure-aks-audit-logs",
    area: "azure",
    severity: "medium",
    description:
      "AKS clusters send the API server's audit records (`kube-audit-admin` or `kube-audit`, or the `audit` group) " +
      "to a workspace, storage account or event hub through a diagnostic setting on the cluster.",
    remediationSteps:
      "Add a `monitor.DiagnosticSetting` with `resourceUri: cluster.id`, a destination and `logs` naming " +
      '`kube-audit-admin` (or `categoryGroup: "audit"`), plus the other control-plane categories you keep.',
    references: ["CIS AKS 2.1.1", "CKV_AZURE_4"],
    types: T.managedCluster,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.managedCluster), report, (cluster) => {
        const settings = referrers(args.resources, T.diagnosticSetting, "resourceUri", cluster);
        if (!sendsAudit(settings))
          report(
            settings.length === 0
              ? `cluster ${cluster.name} has no diagnostic setting: its audit records are kept nowhere`
              : `cluster ${cluster.name}'s diagnostic settings send no audit category`,
            cluster.urn,
          );
      });
    },
  }),
];
