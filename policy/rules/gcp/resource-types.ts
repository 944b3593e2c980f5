// The Google Cloud resource type tokens the rules match, in one table (each checked against
// `__pulumiType` in @pulumi/gcp 9.37): a rule names `T.bucket`, never a string, so the resources that
// configure one thing (a bucket's IAM member, binding and policy) are always checked together.
export const T = {
  bucket: ["gcp:storage/bucket:Bucket"],
  /** Resources that grant a role on a bucket to members: one, a list, or a whole policy document. */
  bucketIam: [
    "gcp:storage/bucketIAMMember:BucketIAMMember",
    "gcp:storage/bucketIAMBinding:BucketIAMBinding",
    "gcp:storage/bucketIAMPolicy:BucketIAMPolicy",
  ],
  /** Legacy ACL resources that name an entity (`allUsers`, `user-…`) directly. */
  bucketAclEntity: [
    "gcp:storage/bucketAccessControl:BucketAccessControl",
    "gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl",
    "gcp:storage/objectAccessControl:ObjectAccessControl",
  ],
  bucketAcl: ["gcp:storage/bucketACL:BucketACL"],
  network: ["gcp:compute/network:Network"],
  subnetwork: ["gcp:compute/subnetwork:Subnetwork"],
  firewall: ["gcp:compute/firewall:Firewall"],
  keyRing: ["gcp:kms/keyRing:KeyRing"],
  cryptoKey: ["gcp:kms/cryptoKey:CryptoKey"],
  sqlInstance: ["gcp:sql/databaseInstance:DatabaseInstance"],
  runService: ["gcp:cloudrunv2/service:Service"],
  /** Resources that grant a role on a Cloud Run service (v2, and the v1 `cloudrun` module's). */
  runIam: [
    "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
    "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
    "gcp:cloudrun/iamMember:IamMember",
    "gcp:cloudrun/iamBinding:IamBinding",
    "gcp:cloudrun/iamPolicy:IamPolicy",
  ],
  /** VMs and the templates VMs are made from: the same network, service-account and metadata inputs. */
  instance: [
    "gcp:compute/instance:Instance",
    "gcp:compute/instanceTemplate:InstanceTemplate",
    "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
  ],
  gkeCluster: ["gcp:container/cluster:Cluster"],
  gkeNodePool: ["gcp:container/nodePool:NodePool"],
  /** Firewall policy rules: hierarchical (organization or folder), global network and regional network. */
  firewallPolicyRule: [
    "gcp:compute/firewallPolicyRule:FirewallPolicyRule",
    "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule",
    "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule",
  ],
  /** Firewall policies declared with their rules inline (`rules[]`). */
  firewallPolicyWithRules: [
    "gcp:compute/firewallPolicyWithRules:FirewallPolicyWithRules",
    "gcp:compute/networkFirewallPolicyWithRules:NetworkFirewallPolicyWithRules",
    "gcp:compute/regionNetworkFirewallPolicyWithRules:RegionNetworkFirewallPolicyWithRules",
  ],
  runServiceV1: ["gcp:cloudrun/service:Service"],
  function: ["gcp:cloudfunctions/function:Function", "gcp:cloudfunctionsv2/function:Function"],
  /** Resources that grant a role on a Cloud Function (1st and 2nd gen). */
  functionIam: [
    "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
    "gcp:cloudfunctions/functionIamBinding:FunctionIamBinding",
    "gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy",
    "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember",
    "gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding",
    "gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy",
  ],
  /** IAM on the data services whose grants to `allUsers` expose data or keys. */
  dataIam: [
    "gcp:bigquery/datasetIamMember:DatasetIamMember",
    "gcp:bigquery/datasetIamBinding:DatasetIamBinding",
    "gcp:bigquery/datasetIamPolicy:DatasetIamPolicy",
    "gcp:bigquery/iamMember:IamMember",
    "gcp:bigquery/iamBinding:IamBinding",
    "gcp:bigquery/iamPolicy:IamPolicy",
    "gcp:pubsub/topicIAMMember:TopicIAMMember",
    "gcp:pubsub/topicIAMBinding:TopicIAMBinding",
    "gcp:pubsub/topicIAMPolicy:TopicIAMPolicy",
    "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember",
    "gcp:pubsub/subscriptionIAMBinding:SubscriptionIAMBinding",
    "gcp:pubsub/subscriptionIAMPolicy:SubscriptionIAMPolicy",
    "gcp:secretmanager/secretIamMember:SecretIamMember",
    "gcp:secretmanager/secretIamBinding:SecretIamBinding",
    "gcp:secretmanager/secretIamPolicy:SecretIamPolicy",
    "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember",
    "gcp:artifactregistry/repositoryIamBinding:RepositoryIamBinding",
    "gcp:artifactregistry/repositoryIamPolicy:RepositoryIamPolicy",
    "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding",
    "gcp:kms/cryptoKeyIAMPolicy:CryptoKeyIAMPolicy",
    "gcp:kms/keyRingIAMMember:KeyRingIAMMember",
    "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding",
    "gcp:kms/keyRingIAMPolicy:KeyRingIAMPolicy",
  ],
  /** BigQuery's legacy dataset ACL: a `DatasetAccess` resource, and a dataset's inline `accesses`. */
  datasetAccess: ["gcp:bigquery/datasetAccess:DatasetAccess"],
  dataset: ["gcp:bigquery/dataset:Dataset"],
  /** IAM on the resource hierarchy: project, folder and organization. */
  hierarchyIam: [
    "gcp:projects/iAMMember:IAMMember",
    "gcp:projects/iAMBinding:IAMBinding",
    "gcp:projects/iAMPolicy:IAMPolicy",
    "gcp:folder/iAMMember:IAMMember",
    "gcp:folder/iAMBinding:IAMBinding",
    "gcp:folder/iAMPolicy:IAMPolicy",
    "gcp:organizations/iAMMember:IAMMember",
    "gcp:organizations/iAMBinding:IAMBinding",
    "gcp:organizations/iAMPolicy:IAMPolicy",
  ],
  pubsubTopic: ["gcp:pubsub/topic:Topic"],
  artifactRepository: ["gcp:artifactregistry/repository:Repository"],
  disk: ["gcp:compute/disk:Disk", "gcp:compute/regionDisk:RegionDisk"],
} as const;
