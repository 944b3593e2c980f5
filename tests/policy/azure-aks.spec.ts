// The AKS rules beyond access control (policy/rules/azure/aks.ts), each passing on the kit cluster and
// failing on the one argument it is about; the KMS rule is undecided in preview when the key comes from
// the same program, and the audit-log rule follows the diagnostic setting that names the cluster.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as monitor from "@pulumi/azure-native/monitor";
import { KubernetesCluster } from "../../components/azure";
import { EncryptionKey, Network } from "../../components/azure";
import { aksCluster } from "./azure-kit";
import { RuleCase, passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";

const RULES = [
  "entra-azure-rbac",
  "secrets-kms",
  "auto-upgrade",
  "workload-identity",
  "node-public-ip",
  "encryption-at-host",
  "audit-logs",
];

const pool = (extra: Partial<containerservice.AgentPoolArgs> = {}) =>
  new containerservice.AgentPool("user", {
    resourceGroupName: "rg-corpus",
    resourceName: "aks",
    agentPoolName: "user",
    vmSize: "Standard_D4ds_v5",
    enableEncryptionAtHost: true,
    ...extra,
  });

/** The component on a network and key of its own. */
function component(): void {
  const network = new Network("core", { location: "westeurope" });
  const encryptionKey = new EncryptionKey("platform", { location: "westeurope" });
  new KubernetesCluster("apps", { location: "westeurope", network, encryptionKey });
}

const cases: RuleCase[] = [
  ...RULES.map((rule) => ({
    policy: `azure-aks-${rule}`,
    title: "the kit cluster",
    program: () => void aksCluster("aks"),
  })),
  {
    policy: "azure-aks-entra-azure-rbac",
    title: "Kubernetes RBAC without Entra ID",
    program: () => void aksCluster("aks", { aadProfile: undefined }),
    fail: /aadProfile.managed is not true/,
  },
  {
    policy: "azure-aks-entra-azure-rbac",
    title: "Entra ID without Azure RBAC",
    program: () => void aksCluster("aks", { aadProfile: { managed: true } }),
    fail: /enableAzureRBAC is not true/,
  },
  {
    policy: "azure-aks-secrets-kms",
    title: "no KMS",
    program: () => void aksCluster("aks", { securityProfile: { workloadIdentity: { enabled: true } } }),
    fail: /azureKeyVaultKms.enabled is not true/,
  },
  {
    policy: "azure-aks-auto-upgrade",
    title: "no upgrade channels",
    program: () => void aksCluster("aks", { autoUpgradeProfile: undefined }),
    fail: /upgradeChannel is "unset"/,
  },
  {
    policy: "azure-aks-auto-upgrade",
    title: "node OS upgrades unmanaged",
    program: () =>
      void aksCluster("aks", {
        autoUpgradeProfile: { upgradeChannel: "stable", nodeOSUpgradeChannel: "Unmanaged" },
      }),
    fail: /nodeOSUpgradeChannel is "Unmanaged"/,
  },
  {
    policy: "azure-aks-workload-identity",
    title: "no OIDC issuer",
    program: () => void aksCluster("aks", { oidcIssuerProfile: { enabled: false } }),
    fail: /oidcIssuerProfile.enabled is not true/,
  },
  {
    policy: "azure-aks-node-public-ip",
    title: "an inline pool with node public IPs",
    program: () =>
      void aksCluster("aks", {
        agentPoolProfiles: [
          {
            name: "system",
            mode: "System",
            vmSize: "Standard_D4ds_v5",
            enableEncryptionAtHost: true,
            enableNodePublicIP: true,
          },
        ],
      }),
    fail: /agentPoolProfiles\[0\] \(system\): enableNodePublicIP is true/,
  },
  {
    policy: "azure-aks-node-public-ip",
    title: "an AgentPool with node public IPs",
    program: () => void pool({ enableNodePublicIP: true }),
    fail: /the agent pool: enableNodePublicIP is true/,
  },
  { policy: "azure-aks-node-public-ip", title: "an AgentPool without", program: () => void pool() },
  {
    policy: "azure-aks-encryption-at-host",
    title: "an AgentPool without host encryption",
    program: () => void pool({ enableEncryptionAtHost: undefined }),
    fail: /enableEncryptionAtHost is not true/,
  },
  {
    policy: "azure-aks-audit-logs",
    title: "no diagnostic setting",
    program: () => void aksCluster("aks", {}, false),
    fail: /has no diagnostic setting/,
  },
  {
    policy: "azure-aks-audit-logs",
    title: "a diagnostic setting without the audit categories",
    program: () => {
      const c = aksCluster("aks", {}, false);
      new monitor.DiagnosticSetting("aks-metrics", {
        resourceUri: c.id,
        workspaceId:
          "/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w",
        logs: [{ category: "kube-scheduler", enabled: true }],
      });
    },
    fail: /send no audit category/,
  },
  {
    policy: "azure-aks-audit-logs",
    title: "the audit category group",
    program: () => {
      const c = aksCluster("aks", {}, false);
      new monitor.DiagnosticSetting("aks-audit", {
        resourceUri: c.id,
        storageAccountId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s",
        logs: [{ categoryGroup: "audit", enabled: true }],
      });
    },
  },
];

describe("Azure rules: AKS", function () {
  this.timeout(120_000);
  ruleCases(cases);
  undecidedInPreview("azure-aks-secrets-kms", "a key from the same program, KMS left off", () => {
    const key = new EncryptionKey("k", { location: "westeurope" });
    aksCluster("aks", {
      securityProfile: { azureKeyVaultKms: { enabled: false, keyVaultResourceId: key.vaultId } },
    });
  });
  // The component's setting names kube-audit-admin: decided before the SDK's unknown defaults are read.
  passesInPreview("azure-aks-audit-logs", "azure.KubernetesCluster", component);
  // The component passes every AKS rule (the stacks' zero-finding checks run the whole pack on it too).
  ruleCases(
    RULES.map((rule) => ({
      policy: `azure-aks-${rule}`,
      title: "azure.KubernetesCluster",
      program: component,
    })),
  );
});
