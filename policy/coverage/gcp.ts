// Google Cloud: the services programs deploy and the controls reviewers expect of each, from Checkov's
// catalogue, CIS Google Cloud Platform Foundation v3.0.0 and CIS GKE v1.6.0.
import { CloudCoverage, control as c, covered, gap, notCovered } from "./model";

const CMK = "Encrypted under a customer-managed Cloud KMS key (knob: customerManagedKey)";
const PUBLIC = "No role granted to allUsers or allAuthenticatedUsers";
const ORG_LEVEL =
  "an organization or project setting made once by the landing zone (org policies, audit-log config), not in each program";

export const gcp: CloudCoverage = {
  cloud: "Google Cloud",
  area: "gcp",
  benchmarks: ["CIS Google Cloud Platform Foundation Benchmark v3.0.0", "CIS GKE Benchmark v1.6.0"],
  services: [
    {
      service: "Cloud Storage",
      types: [
        "gcp:storage/bucket:Bucket",
        "gcp:storage/bucketIAMMember:BucketIAMMember",
        "gcp:storage/bucketIAMBinding:BucketIAMBinding",
        "gcp:storage/bucketIAMPolicy:BucketIAMPolicy",
        "gcp:storage/bucketACL:BucketACL",
      ],
      checkov: [
        "google_storage_bucket",
        "google_storage_bucket_iam_member",
        "google_storage_bucket_iam_binding",
      ],
      controls: [
        c(
          `${PUBLIC} (IAM and legacy ACLs)`,
          ["CKV_GCP_28", "CIS GCP 5.1"],
          covered("gcp-storage-no-public-access"),
        ),
        c(
          "Public access prevention enforced",
          ["CKV_GCP_114"],
          covered("gcp-storage-public-access-prevention"),
        ),
        c(
          "Uniform bucket-level access",
          ["CKV_GCP_29", "CIS GCP 5.2"],
          covered("gcp-storage-uniform-access"),
        ),
        c("Versioning", ["CKV_GCP_78"], covered("gcp-storage-versioning")),
        c(CMK, [], covered("gcp-storage-cmek")),
        c("Soft delete kept", [], covered("gcp-storage-soft-delete")),
        c(
          "Access logging to another bucket",
          ["CKV_GCP_62", "CKV_GCP_63"],
          covered("gcp-storage-access-logging"),
        ),
        c(
          "Log-export buckets locked with a retention policy",
          ["CIS GCP 2.3"],
          gap("a rule would find buckets named by a logging sink and read `retentionPolicy.isLocked`"),
        ),
      ],
    },
    {
      service: "VPC network and firewalls",
      types: [
        "gcp:compute/network:Network",
        "gcp:compute/subnetwork:Subnetwork",
        "gcp:compute/firewall:Firewall",
        "gcp:compute/firewallPolicyRule:FirewallPolicyRule",
        "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule",
        "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule",
        "gcp:compute/networkFirewallPolicyWithRules:NetworkFirewallPolicyWithRules",
      ],
      checkov: ["google_compute_firewall", "google_compute_subnetwork", "google_compute_network"],
      controls: [
        c(
          "No SSH, RDP or database port from the internet (VPC rules and firewall-policy rules)",
          ["CKV_GCP_2", "CKV_GCP_3", "CKV_GCP_88", "CKV2_GCP_12", "CIS GCP 3.6", "CIS GCP 3.7"],
          covered("gcp-firewall-no-public-admin-ports"),
        ),
        c("Firewall logging", [], covered("gcp-firewall-logging")),
        c("Custom-mode networks (no default network)", ["CIS GCP 3.1"], covered("gcp-network-custom-mode")),
        c("Flow logs on every subnet", ["CKV_GCP_26", "CIS GCP 3.8"], covered("gcp-subnet-flow-logs")),
        c("Private Google Access", ["CKV_GCP_74"], covered("gcp-subnet-private-google-access")),
        c(
          "Load-balancer SSL policies without weak ciphers",
          ["CKV_GCP_4", "CIS GCP 3.9"],
          gap("a rule would read SslPolicy `minTlsVersion` and `profile`"),
        ),
        c(
          "DNSSEC on public zones, without RSASHA1",
          ["CIS GCP 3.3", "CIS GCP 3.4", "CIS GCP 3.5"],
          gap("a rule would read ManagedZone `dnssecConfig`"),
        ),
      ],
    },
    {
      service: "Compute Engine",
      types: [
        "gcp:compute/instance:Instance",
        "gcp:compute/instanceTemplate:InstanceTemplate",
        "gcp:compute/disk:Disk",
        "gcp:compute/regionDisk:RegionDisk",
      ],
      checkov: ["google_compute_instance", "google_compute_instance_template", "google_compute_disk"],
      controls: [
        c("No external IP", ["CKV_GCP_40", "CIS GCP 4.9"], covered("gcp-compute-no-public-ip")),
        c(
          "Not the default service account with full access",
          ["CKV_GCP_31", "CIS GCP 4.2"],
          covered("gcp-compute-no-default-sa-full-access"),
        ),
        c(
          "Not the default service account",
          ["CKV_GCP_30", "CIS GCP 4.1"],
          covered("gcp-compute-no-default-service-account"),
        ),
        c(
          "No interactive serial console",
          ["CKV_GCP_35", "CIS GCP 4.5"],
          covered("gcp-compute-no-serial-port"),
        ),
        c("Shielded VM", ["CKV_GCP_39", "CIS GCP 4.8"], covered("gcp-compute-shielded-vm")),
        c(`Persistent disks: ${CMK}`, ["CKV_GCP_37", "CIS GCP 4.7"], covered("gcp-compute-disk-cmek")),
        c(
          "Boot disks of instances under a customer key",
          ["CKV_GCP_38"],
          gap("the disk rule would also read `bootDisk.kmsKeySelfLink` of instances and templates"),
        ),
        c(
          "Project-wide SSH keys blocked, no IP forwarding",
          ["CKV_GCP_32", "CKV_GCP_36", "CIS GCP 4.3", "CIS GCP 4.6"],
          gap("rules would read metadata `block-project-ssh-keys` and `canIpForward`"),
        ),
      ],
    },
    {
      service: "Cloud KMS",
      types: [
        "gcp:kms/cryptoKey:CryptoKey",
        "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
        "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding",
        "gcp:kms/keyRingIAMMember:KeyRingIAMMember",
      ],
      checkov: ["google_kms_crypto_key", "google_kms_crypto_key_iam_member"],
      controls: [
        c("Rotation within 90 days", ["CKV_GCP_43", "CIS GCP 1.10"], covered("gcp-kms-key-rotation")),
        c(PUBLIC, ["CKV_GCP_112", "CIS GCP 1.9"], covered("gcp-iam-no-public-access")),
        c("Keys protected from destruction", ["CKV_GCP_82"], covered("gcp-stateful-protect-prod")),
      ],
    },
    {
      service: "Cloud SQL",
      types: ["gcp:sql/databaseInstance:DatabaseInstance"],
      checkov: ["google_sql_database_instance"],
      controls: [
        c("No public IP", ["CKV_GCP_60", "CIS GCP 6.6"], covered("gcp-sql-no-public-ip")),
        c(
          "No authorized network open to the internet",
          ["CKV_GCP_11", "CIS GCP 6.5"],
          covered("gcp-sql-no-open-authorized-networks"),
        ),
        c("TLS required", ["CKV_GCP_6", "CIS GCP 6.4"], covered("gcp-sql-ssl-required")),
        c("Backups with point-in-time recovery", ["CKV_GCP_14", "CIS GCP 6.7"], covered("gcp-sql-backups")),
        c(CMK, [], covered("gcp-sql-cmek")),
        c(
          "PostgreSQL connection logging",
          ["CKV_GCP_52", "CKV_GCP_53", "CIS GCP 6.2.2", "CIS GCP 6.2.3"],
          covered("gcp-sql-postgres-connection-logging"),
        ),
        c("Deletion protection in prod", [], covered("gcp-sql-deletion-protection")),
        c(
          "The other engine flags (log levels, pgaudit, MySQL local_infile, SQL Server options)",
          ["CIS GCP 6.2.1", "CIS GCP 6.2.8", "CIS GCP 6.1.3", "CIS GCP 6.3.1", "CKV_GCP_110", "CKV_GCP_50"],
          gap("one table of (engine, flag, accepted values) would cover them; logging levels differ by team"),
        ),
      ],
    },
    {
      service: "Cloud Run",
      types: [
        "gcp:cloudrunv2/service:Service",
        "gcp:cloudrun/service:Service",
        "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
        "gcp:cloudrun/iamMember:IamMember",
      ],
      checkov: ["google_cloud_run_v2_service", "google_cloud_run_service_iam_member"],
      controls: [
        c(`${PUBLIC} as invoker`, ["CKV_GCP_102"], covered("gcp-cloudrun-no-public-invoker")),
        c("Ingress from the VPC or a load balancer only", [], covered("gcp-cloudrun-ingress-restricted")),
        c("A dedicated service account", ["CIS GCP 4.1"], covered("gcp-cloudrun-dedicated-service-account")),
        c("No plaintext secrets in env", ["CIS GCP 1.17"], covered("gcp-serverless-no-plaintext-secrets")),
        c("Images and data under a customer-managed key", [], covered("gcp-cloudrun-cmek")),
        c(
          "Binary Authorization",
          ["CKV_GCP_66"],
          gap("a rule would read `binaryAuthorization`; most teams have no attestor yet"),
        ),
      ],
    },
    {
      service: "Cloud Functions",
      types: [
        "gcp:cloudfunctions/function:Function",
        "gcp:cloudfunctionsv2/function:Function",
        "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
        "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember",
      ],
      checkov: [
        "google_cloudfunctions_function",
        "google_cloudfunctions2_function",
        "google_cloudfunctions_function_iam_member",
      ],
      controls: [
        c(`${PUBLIC} as invoker`, ["CKV_GCP_107", "CKV2_GCP_10"], covered("gcp-functions-no-public-invoker")),
        c(
          "Ingress from the VPC or a load balancer only",
          ["CKV_GCP_124"],
          covered("gcp-functions-ingress-restricted"),
        ),
        c("No plaintext secrets in env", ["CIS GCP 1.17"], covered("gcp-serverless-no-plaintext-secrets")),
        c(
          "A dedicated service account",
          [],
          gap("the Cloud Run rule would extend to `serviceConfig.serviceAccountEmail`"),
        ),
      ],
    },
    {
      service: "GKE",
      types: ["gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool"],
      checkov: ["google_container_cluster", "google_container_node_pool"],
      controls: [
        c("No legacy ABAC", ["CKV_GCP_7", "CIS GKE 5.8.3"], covered("gcp-gke-no-legacy-abac")),
        c(
          "Private endpoint or authorized networks",
          ["CKV_GCP_20", "CKV_GCP_18", "CIS GKE 5.6.3", "CIS GKE 5.6.4"],
          covered("gcp-gke-endpoint-restricted"),
        ),
        c("Workload Identity", ["CIS GKE 5.2.2"], covered("gcp-gke-workload-identity")),
        c("Network policy enforcement", ["CKV_GCP_12", "CIS GKE 4.3.1"], covered("gcp-gke-network-policy")),
        c(`Secrets: ${CMK}`, ["CIS GKE 5.3.1"], covered("gcp-gke-secrets-encryption")),
        c("Private nodes", ["CKV_GCP_64", "CIS GKE 5.6.5"], covered("gcp-gke-private-nodes")),
        c(
          "Shielded nodes with secure boot and integrity monitoring",
          ["CKV_GCP_71", "CKV_GCP_68", "CKV_GCP_72", "CIS GKE 5.5.5", "CIS GKE 5.5.6", "CIS GKE 5.5.7"],
          covered("gcp-gke-shielded-nodes"),
        ),
        c("GKE metadata server", ["CKV_GCP_69", "CIS GKE 5.4.1"], covered("gcp-gke-metadata-server")),
        c(
          "Node auto-repair and auto-upgrade",
          ["CKV_GCP_9", "CKV_GCP_10", "CIS GKE 5.5.2", "CIS GKE 5.5.3"],
          covered("gcp-gke-node-auto-upgrade-repair"),
        ),
        c("A release channel", ["CKV_GCP_70", "CIS GKE 5.5.4"], covered("gcp-gke-release-channel")),
        c(
          "Binary Authorization enforced",
          ["CKV_GCP_66", "CIS GKE 5.10.4"],
          covered("gcp-gke-binary-authorization"),
        ),
        c(
          "Client certificate authentication off",
          ["CKV_GCP_13", "CIS GKE 5.8.1"],
          covered("gcp-gke-no-client-certificate"),
        ),
        c(
          "Nodes not on the Compute Engine default service account",
          ["CIS GKE 5.2.1"],
          covered("gcp-gke-node-service-account"),
        ),
        c(
          "Node boot disks under a customer-managed key",
          ["CIS GKE 5.9.2"],
          gap(
            "a rule would read `nodeConfig.bootDiskKmsKey`, asked for where the pack's CMK knob asks for keys",
          ),
        ),
        c(
          "Control plane and workload logging and monitoring",
          ["CKV_GCP_1", "CKV_GCP_8", "CIS GKE 5.7.1"],
          gap(
            'a rule would refuse `loggingService`/`monitoringService` "none" and a `loggingConfig` without SYSTEM_COMPONENTS',
          ),
        ),
      ],
    },
    {
      service: "IAM (projects, folders, organizations)",
      types: [
        "gcp:projects/iAMMember:IAMMember",
        "gcp:projects/iAMBinding:IAMBinding",
        "gcp:projects/iAMPolicy:IAMPolicy",
        "gcp:folder/iAMMember:IAMMember",
        "gcp:organizations/iAMMember:IAMMember",
      ],
      checkov: [
        "google_project_iam_member",
        "google_project_iam_binding",
        "google_folder_iam_member",
        "google_organization_iam_member",
      ],
      controls: [
        c(
          "No basic roles (Owner, Editor, Viewer)",
          ["CKV_GCP_117", "CKV_GCP_116", "CKV_GCP_115", "CIS GCP 1.5"],
          covered("gcp-iam-no-basic-roles"),
        ),
        c(PUBLIC, [], covered("gcp-iam-no-public-access")),
        c(
          "No Service Account User or Token Creator at project level",
          ["CKV_GCP_49", "CIS GCP 1.6"],
          gap(
            "a rule would list roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator on the hierarchy",
          ),
        ),
        c(
          "No user-managed service account keys",
          ["CIS GCP 1.4"],
          gap("a rule would refuse serviceaccount.Key, as aws-iam-no-access-keys refuses access keys"),
        ),
        c(
          "Audit logging, log sinks, essential contacts",
          ["CIS GCP 2.1", "CIS GCP 2.2", "CIS GCP 1.16"],
          notCovered(ORG_LEVEL),
        ),
      ],
    },
    {
      service: "BigQuery, Pub/Sub, Secret Manager, Artifact Registry",
      types: [
        "gcp:bigquery/dataset:Dataset",
        "gcp:bigquery/datasetIamMember:DatasetIamMember",
        "gcp:bigquery/datasetAccess:DatasetAccess",
        "gcp:pubsub/topic:Topic",
        "gcp:pubsub/topicIAMMember:TopicIAMMember",
        "gcp:secretmanager/secretIamMember:SecretIamMember",
        "gcp:artifactregistry/repository:Repository",
        "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember",
      ],
      checkov: [
        "google_bigquery_dataset",
        "google_pubsub_topic",
        "google_pubsub_topic_iam_member",
        "google_artifact_registry_repository",
        "google_artifact_registry_repository_iam_member",
      ],
      controls: [
        c(
          `${PUBLIC} (IAM, and BigQuery dataset ACLs)`,
          ["CKV_GCP_15", "CKV_GCP_99", "CKV_GCP_101", "CIS GCP 7.1"],
          covered("gcp-iam-no-public-access"),
        ),
        c(`BigQuery datasets: ${CMK}`, ["CKV_GCP_81", "CIS GCP 7.3"], covered("gcp-bigquery-cmek")),
        c(`Pub/Sub topics: ${CMK}`, ["CKV_GCP_83"], covered("gcp-pubsub-cmek")),
        c(`Artifact Registry: ${CMK}`, ["CKV_GCP_84"], covered("gcp-artifactregistry-cmek")),
        c(
          "BigQuery tables under a customer key",
          ["CKV_GCP_80", "CIS GCP 7.2"],
          gap("the dataset default covers new tables; a Table rule would read `encryptionConfiguration`"),
        ),
        c(
          "Secret Manager secrets under a customer key",
          [],
          gap("a rule would read `replication.auto.customerManagedEncryption`"),
        ),
      ],
    },
    {
      service: "Every Google Cloud resource",
      types: [],
      checkov: [],
      controls: [
        c("Required labels", [], covered("gcp-required-labels")),
        c("Stateful resources protected in prod", [], covered("gcp-stateful-protect-prod")),
      ],
    },
  ],
};
