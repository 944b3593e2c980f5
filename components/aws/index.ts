// AWS components (`@groundwork/infra/aws`): the public surface, named export by export so no internal
// builder becomes API by accident. Each module imports provider sub-modules only, never `@pulumi/aws`.
// First: a missing @pulumi/aws is a clear error before any module that imports it loads.
import "./peer";
import { imageReferenceProblem } from "../core";

export { WEAKENED_TAG } from "../core";
export { EncryptionKey, EncryptionKeyArgs } from "./encryption-key";
export { Bucket, BucketArgs } from "./bucket";
export {
  Network,
  NetworkArgs,
  NatMode,
  NETWORK_TIERS,
  INTERFACE_ENDPOINT_SERVICES,
  FARGATE_ENDPOINT_SERVICES,
  InterfaceEndpointService,
} from "./network";
export {
  AwsDatabaseGrant,
  PostgresDatabase,
  PostgresDatabaseArgs,
  POSTGRES_LOG_EXPORTS,
} from "./postgres-database";
export { ContainerService, ContainerServiceArgs, FARGATE_SIZES, TLS_POLICY } from "./container-service";
export {
  ClusterNetwork,
  ClusterNodes,
  EKS_ADDONS,
  EKS_DEFAULT_VERSION,
  EKS_KUBERNETES_VERSIONS,
  EKS_LOG_TYPES,
  ENCRYPTED_STORAGE_CLASS,
  EksAddon,
  KubernetesCluster,
  KubernetesClusterArgs,
} from "./kubernetes-cluster";
export { ContainerPlatform, ContainerPlatformArgs } from "./container-platform";
export { AwsGrant, AwsGrantee, AwsPrincipal, GranteeLike, roleGrantee } from "./grants";
export { AWS_REGIONS, AWS_ZONES, awsLimit } from "./locations";
export {
  AllowOptions,
  CidrPeer,
  Connectable,
  ConnectionPeer,
  ConnectionRules,
  Connections,
  ConnectionsSpec,
  EgressRules,
  cidrPeer,
  securityGroupPeer,
} from "./connections";
export { KEY_SERVICES, KeyService } from "./documents";
export { awsTags } from "./tags";
export { AWS_SIZES, AwsSizes } from "./sizes";
export { S3_BUCKET_NAME } from "./naming";

/** @deprecated since 0.2.0: use `imageReferenceProblem` from `@groundwork/infra/core`, the rule every cloud shares. */
export const imagePinProblem: (image: string) => string | undefined = imageReferenceProblem;
