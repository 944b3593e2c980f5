// Azure (azure-native): the services programs deploy and the controls reviewers expect of each, from Checkov's
// catalogue (keyed by azurerm types), CIS Microsoft Azure Foundations v2.0.0 and CIS AKS v1.7.
import { CloudCoverage, control as c, covered, gap, notCovered } from "./model";

const CMK = "Encrypted under a customer-managed Key Vault key (knob: customerManagedKey)";
const SUBSCRIPTION_LEVEL =
  "a subscription or tenant setting (Defender plans, Entra ID, activity-log alerts) made once by the landing zone, not in each program";

export const azure: CloudCoverage = {
  cloud: "Azure",
  area: "azure",
  benchmarks: ["CIS Microsoft Azure Foundations Benchmark v2.0.0", "CIS AKS Benchmark v1.7"],
  services: [
    {
      service: "Storage accounts",
      types: [
        "azure-native:storage:StorageAccount",
        "azure-native:storage:BlobServiceProperties",
        "azure-native:storage:BlobContainer",
      ],
      checkov: ["azurerm_storage_account", "azurerm_storage_container"],
      controls: [
        c(
          "No anonymous blob access",
          ["CKV_AZURE_190", "CIS Azure 3.7"],
          covered("azure-storage-no-public-blob-access"),
        ),
        c("HTTPS only", ["CKV_AZURE_3", "CIS Azure 3.1"], covered("azure-storage-https-only")),
        c("TLS 1.2 minimum", ["CKV_AZURE_44", "CIS Azure 3.15"], covered("azure-storage-tls12")),
        c("No shared-key authorization", ["CKV2_AZURE_40"], covered("azure-storage-no-shared-key")),
        c(
          "Network default Deny; public network access off",
          ["CKV_AZURE_35", "CKV_AZURE_59", "CIS Azure 3.8"],
          covered("azure-storage-network-deny", "azure-storage-public-network-access"),
        ),
        c("Infrastructure encryption", ["CIS Azure 3.2"], covered("azure-storage-infrastructure-encryption")),
        c(CMK, ["CKV2_AZURE_1", "CIS Azure 3.12"], covered("azure-storage-customer-managed-key")),
        c("No cross-tenant replication", [], covered("azure-storage-no-cross-tenant-replication")),
        c("Blob soft delete and versioning", ["CIS Azure 3.11"], covered("azure-storage-blob-recovery")),
        c(
          "Storage logging for blob, queue and table services",
          ["CIS Azure 3.5", "CIS Azure 3.13", "CIS Azure 3.14"],
          gap("a stack rule would look for a DiagnosticSetting naming each service"),
        ),
      ],
    },
    {
      service: "Virtual network",
      types: [
        "azure-native:network:VirtualNetwork",
        "azure-native:network:Subnet",
        "azure-native:network:NetworkSecurityGroup",
        "azure-native:network:SecurityRule",
        "azure-native:network:PublicIPAddress",
      ],
      checkov: [
        "azurerm_network_security_group",
        "azurerm_network_security_rule",
        "azurerm_subnet",
        "azurerm_virtual_network",
      ],
      controls: [
        c(
          "No SSH, RDP or database port from the internet",
          ["CKV_AZURE_9", "CKV_AZURE_10", "CIS Azure 6.1", "CIS Azure 6.2"],
          covered("azure-nsg-no-admin-ports-from-internet"),
        ),
        c(
          "Every subnet (standalone or inline) has an NSG and no default outbound access",
          ["CKV2_AZURE_31"],
          covered("azure-subnet-nsg"),
        ),
        c(
          "UDP and HTTP(S) from the internet evaluated",
          ["CIS Azure 6.3", "CIS Azure 6.4"],
          notCovered("'evaluated' asks for a review, not a setting: public HTTPS is often the point"),
        ),
        c(
          "NSG flow logs with 90 days' retention",
          ["CIS Azure 6.5"],
          gap("a stack rule would look for a FlowLog naming each NSG"),
        ),
      ],
    },
    {
      service: "Key Vault",
      types: ["azure-native:keyvault:Vault", "azure-native:keyvault:Key"],
      checkov: ["azurerm_key_vault", "azurerm_key_vault_key"],
      controls: [
        c(
          "Purge protection and soft delete",
          ["CKV_AZURE_110", "CKV_AZURE_42", "CIS Azure 8.5"],
          covered("azure-keyvault-purge-protection", "azure-keyvault-soft-delete-retention"),
        ),
        c("Network default Deny", ["CKV_AZURE_109", "CIS Azure 8.7"], covered("azure-keyvault-network-deny")),
        c("RBAC authorization", ["CIS Azure 8.6"], covered("azure-keyvault-rbac")),
        c(
          "Keys expire and rotate",
          ["CKV_AZURE_40", "CIS Azure 8.1", "CIS Azure 8.8"],
          covered("azure-keyvault-key-expiry", "azure-keyvault-key-rotation"),
        ),
        c(
          "Secrets expire",
          ["CKV_AZURE_41", "CIS Azure 8.3"],
          gap("the key-expiry rule would extend to keyvault.Secret `attributes.expires`"),
        ),
      ],
    },
    {
      service: "Databases (PostgreSQL, MySQL, MariaDB, SQL, Synapse, Redis)",
      types: [
        "azure-native:dbforpostgresql:Server",
        "azure-native:dbforpostgresql:Configuration",
        "azure-native:dbforpostgresql:FirewallRule",
        "azure-native:sql:Server",
        "azure-native:sql:FirewallRule",
        "azure-native:dbformysql:FirewallRule",
        "azure-native:synapse:IpFirewallRule",
        "azure-native:redis:FirewallRule",
      ],
      checkov: [
        "azurerm_postgresql_flexible_server",
        "azurerm_mssql_server",
        "azurerm_mssql_firewall_rule",
        "azurerm_postgresql_flexible_server_firewall_rule",
        "azurerm_mysql_firewall_rule",
      ],
      controls: [
        c(
          "No firewall rule open to the internet or to every Azure tenant",
          [
            "CKV_AZURE_11",
            "CKV2_AZURE_19",
            "CKV2_AZURE_26",
            "CKV2_AZURE_34",
            "CIS Azure 4.1.2",
            "CIS Azure 4.3.7",
          ],
          covered("azure-database-firewall-not-open"),
        ),
        c("PostgreSQL reached privately", [], covered("azure-postgres-no-public-access")),
        c("PostgreSQL TLS required", ["CIS Azure 4.3.1"], covered("azure-postgres-secure-transport")),
        c("PostgreSQL Entra ID authentication", [], covered("azure-postgres-entra-auth")),
        c(
          "PostgreSQL geo-backup and HA in prod",
          ["CKV_AZURE_136"],
          covered("azure-postgres-prod-resilience"),
        ),
        c(`PostgreSQL: ${CMK}`, [], covered("azure-postgres-customer-managed-key")),
        c("SQL public network access off", ["CKV_AZURE_113"], covered("azure-sql-no-public-access")),
        c("SQL TLS 1.2", ["CKV_AZURE_52"], covered("azure-sql-tls12")),
        c(
          "SQL auditing and Entra admin; TDE under a customer key",
          ["CIS Azure 4.1.1", "CIS Azure 4.1.3", "CIS Azure 4.1.4"],
          gap(
            "stack rules over ServerBlobAuditingPolicy, ServerAzureADAdministrator and EncryptionProtector",
          ),
        ),
        c(
          "Redis: TLS only, public network access off",
          ["CKV_AZURE_91", "CKV_AZURE_148", "CKV_AZURE_89"],
          gap("a rule would read `enableNonSslPort`, `minimumTlsVersion`, `publicNetworkAccess`"),
        ),
      ],
    },
    {
      service: "Virtual machines and disks",
      types: [
        "azure-native:compute:VirtualMachine",
        "azure-native:compute:VirtualMachineScaleSet",
        "azure-native:compute:Disk",
        "azure-native:network:NetworkInterface",
      ],
      checkov: [
        "azurerm_network_interface",
        "azurerm_linux_virtual_machine",
        "azurerm_linux_virtual_machine_scale_set",
        "azurerm_managed_disk",
      ],
      controls: [
        c(
          "SSH keys only",
          ["CKV_AZURE_1", "CKV_AZURE_49", "CKV_AZURE_149"],
          covered("azure-vm-ssh-keys-only"),
        ),
        c(
          `OS, data and unattached disks: ${CMK}`,
          ["CKV_AZURE_93", "CIS Azure 7.3", "CIS Azure 7.4"],
          covered("azure-disk-customer-managed-key"),
        ),
        c("No public IP on VM network interfaces", ["CKV_AZURE_119"], covered("azure-vm-no-public-ip")),
        c(
          "Trusted launch; only approved extensions",
          ["CIS Azure 7.9", "CIS Azure 7.5", "CKV_AZURE_50"],
          gap("rules would read `securityProfile` and VirtualMachineExtension types"),
        ),
      ],
    },
    {
      service: "AKS",
      types: ["azure-native:containerservice:ManagedCluster"],
      checkov: ["azurerm_kubernetes_cluster"],
      controls: [
        c("Kubernetes RBAC", ["CKV_AZURE_5", "CIS AKS 5.5.2"], covered("azure-aks-rbac")),
        c(
          "Local accounts disabled",
          ["CKV_AZURE_141", "CIS AKS 5.5.1"],
          covered("azure-aks-local-accounts-disabled"),
        ),
        c(
          "API server private or authorized ranges",
          ["CKV_AZURE_6", "CKV_AZURE_115", "CIS AKS 5.4.1", "CIS AKS 5.4.2"],
          covered("azure-aks-api-server-restricted"),
        ),
        c("Network policy engine", ["CKV_AZURE_7", "CIS AKS 5.4.4"], covered("azure-aks-network-policy")),
        c(
          "Node disks under a disk encryption set; no public node IPs",
          ["CKV_AZURE_117", "CKV_AZURE_143"],
          gap("rules would read `diskEncryptionSetID` and agent pools' `enableNodePublicIP`"),
        ),
        c(
          "Workload policies (pods, RBAC, namespaces)",
          ["CIS AKS 4.1.1", "CIS AKS 4.2.1", "CIS AKS 4.4.2"],
          covered("k8s-rbac-cluster-admin-binding", "k8s-no-privileged", "k8s-namespace-default-deny"),
        ),
      ],
    },
    {
      service: "App Service and Functions",
      types: [
        "azure-native:web:WebApp",
        "azure-native:web:WebAppSlot",
        "azure-native:web:WebAppApplicationSettings",
      ],
      checkov: [
        "azurerm_linux_web_app",
        "azurerm_windows_web_app",
        "azurerm_linux_function_app",
        "azurerm_app_service",
      ],
      controls: [
        c(
          "HTTPS only",
          ["CKV_AZURE_14", "CKV_AZURE_70", "CIS Azure 9.2"],
          covered("azure-appservice-https-only"),
        ),
        c(
          "TLS 1.2 minimum (app and SCM site)",
          ["CKV_AZURE_15", "CKV_AZURE_145", "CIS Azure 9.3"],
          covered("azure-appservice-tls12"),
        ),
        c(
          "No plaintext secrets in app settings",
          ["CIS Azure 9.11"],
          covered("azure-containers-no-plaintext-secrets"),
        ),
        c(
          "FTP deployments disabled",
          ["CKV_AZURE_78", "CIS Azure 9.10"],
          gap("a rule would read `siteConfig.ftpsState` (FtpsOnly or Disabled)"),
        ),
        c(
          "Authentication, managed identity, remote debugging off",
          ["CKV_AZURE_13", "CKV_AZURE_71", "CKV_AZURE_72", "CIS Azure 9.1"],
          gap(
            "rules would read the app's `identity`, `siteConfig.remoteDebuggingEnabled` and WebAppAuthSettingsV2",
          ),
        ),
      ],
    },
    {
      service: "Container Apps and Container Instances",
      types: ["azure-native:app:ContainerApp", "azure-native:containerinstance:ContainerGroup"],
      checkov: ["azurerm_container_app", "azurerm_container_group"],
      controls: [
        c("No plain HTTP ingress", [], covered("azure-containerapp-https-only")),
        c(
          "Internal ingress unless published through a gateway",
          [],
          covered("azure-containerapp-internal-ingress"),
        ),
        c("No plaintext secrets in env", ["CKV_AZURE_235"], covered("azure-containers-no-plaintext-secrets")),
        c("Container groups in a virtual network", ["CKV_AZURE_98"], gap("a rule would read `subnetIds`")),
      ],
    },
    {
      service: "Container Registry",
      types: ["azure-native:containerregistry:Registry"],
      checkov: ["azurerm_container_registry"],
      controls: [
        c("Admin user disabled", ["CKV_AZURE_137"], covered("azure-acr-admin-user-disabled")),
        c("No anonymous pull", ["CKV_AZURE_138"], covered("azure-acr-no-anonymous-pull")),
        c(
          "Public network access off",
          ["CKV_AZURE_139"],
          gap("a rule would read `publicNetworkAccess`; needs Premium SKU and private endpoints"),
        ),
        c(
          "Image scanning and trusted images",
          ["CKV_AZURE_163", "CKV_AZURE_164", "CIS AKS 5.1.1"],
          notCovered(
            "Defender for Containers and content trust are subscription services, not registry arguments",
          ),
        ),
      ],
    },
    {
      service: "Subscription and tenant",
      types: [],
      checkov: ["azurerm_security_center_subscription_pricing"],
      controls: [
        c(
          "Defender plans, security contacts, activity-log alerts, Entra ID settings",
          ["CIS Azure 2.1.1", "CIS Azure 5.2.1", "CIS Azure 1.1.1"],
          notCovered(SUBSCRIPTION_LEVEL),
        ),
      ],
    },
    {
      service: "Every Azure resource",
      types: [],
      checkov: [],
      controls: [c("Required tags", [], covered("azure-required-tags"))],
    },
  ],
};
