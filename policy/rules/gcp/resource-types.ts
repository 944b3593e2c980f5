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
} as const;
