// Kubernetes components (`@groundwork/infra/kubernetes`): a hardened Namespace, WebService, Worker and CronJob,
// and the Kubernetes vocabulary (labels, name rules, sizes). Only provider sub-modules are imported, never
// the `@pulumi/kubernetes` root. Builders and resolvers stay internal: this list is the public surface.
// First: a missing @pulumi/kubernetes is a clear error before any module that imports it loads.
import "./peer";
export { Namespace, NamespaceArgs, POD_SECURITY_VERSION } from "./namespace";
export { WebService, WebServiceArgs } from "./webservice";
export { Worker, WorkerArgs, ExternalMetricArgs } from "./worker";
export { CronJob, CronJobArgs } from "./cronjob";
export { EgressRule, EgressWorkload, EgressNamespace, WorkloadIdentity, METADATA_CIDRS } from "./egress";
export {
  ContainerArgs,
  FileMountArgs,
  InitContainerArgs,
  MIN_RUN_AS_ID,
  DEFAULT_RUN_AS_ID,
  parseQuantity,
} from "./pod";
export {
  KubernetesLabelContext,
  kubernetesLabelKeyProblem,
  kubernetesLabelValueProblem,
  kubernetesLabels,
} from "./labels";
export { KUBERNETES_LABEL_NAME, KUBERNETES_SUBDOMAIN_NAME, RESERVED_NAMESPACES } from "./naming";
export { ContainerSizes, JobSizes, KUBERNETES_SIZES, KubernetesSizes, NamespaceQuotaSizes } from "./sizes";
export { WEAKENED_ANNOTATION } from "../core/weakening";

import { imageReferenceProblem } from "../core/images";
/** @deprecated since 0.2.0: use `imageReferenceProblem` from `@groundwork/infra/core`, the rule every cloud shares. */
export const imageProblem: (image: string) => string | undefined = imageReferenceProblem;
