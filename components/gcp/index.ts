// Google Cloud (`@groundwork/infra/gcp`): the public surface, named export by export so no internal
// builder becomes API by accident. Each module imports `@pulumi/gcp` sub-modules only, never its root.
// First: a missing @pulumi/gcp is a clear error before any module that imports it loads.
import "./peer";

export { WEAKENED_TAG } from "../core";
export { conformGcpLabel, gcpLabels } from "./labels";
export { GCP_RESOURCE_NAME, GCS_BUCKET_NAME, GCP_SERVICE_ACCOUNT_ID, CLOUD_RUN_SERVICE_NAME } from "./naming";
export { Labels, weakenedLabelValue } from "./common";
export { GCP_SIZES, GcpSizes } from "./sizes";
export { GcpGrantee, GcpPrincipal, serviceAccountGrantee } from "./grants";
export { SERVICE_AGENTS, ServiceAgent } from "./agents";
export { GCP_APIS, GCP_PREREQUISITE_APIS } from "./apis";
export { GCP_REGIONS, GCS_LOCATIONS, KMS_LOCATIONS } from "./locations";
export { ProjectApis, ProjectApisArgs } from "./project-apis";
export { EncryptionKey, EncryptionKeyArgs } from "./encryption-key";
export { Bucket, BucketArgs, STORAGE_ANALYTICS_MEMBER } from "./bucket";
export {
  Network,
  NetworkArgs,
  GCP_NETWORK_TIERS,
  GOOGLE_HEALTH_CHECK_RANGES,
  KUBERNETES_RANGE_NAMES,
  KubernetesRanges,
} from "./network";
export {
  PostgresDatabase,
  PostgresDatabaseArgs,
  POSTGRES_FLAGS,
  SQL_SSL_MODES,
  SqlSslMode,
} from "./postgres-database";
export {
  ContainerService,
  ContainerServiceArgs,
  ServiceNetwork,
  CLOUD_RUN_CPUS,
  VPC_EGRESS,
} from "./container-service";
export {
  KubernetesCluster,
  KubernetesClusterArgs,
  ClusterNetwork,
  ClusterNodes,
  GKE_AUTH_PLUGIN,
  GKE_DEFAULT_VERSION,
  GKE_NODE_ROLES,
  GKE_RELEASE_CHANNELS,
  GKE_VERSIONS,
  GkeReleaseChannel,
} from "./kubernetes-cluster";

// Deprecated since 0.2.0, removed in 0.3.0: the by-kind naming API this module used to re-export.
export { NAME_RULES, nameProblem, shapeName } from "../core/deprecated";
/** @deprecated since 0.2.0: use {@link GCP_RESOURCE_NAME} with `nameProblemFor`/`shapeNameFor` from core. */
export const RESOURCE_NAME_RULE = "gcpResource" as const;
