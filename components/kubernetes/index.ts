// Kubernetes components (`@groundwork/infra/kubernetes`): a hardened Namespace and a hardened WebService.
// Only provider sub-modules are imported, never the `@pulumi/kubernetes` root.
export { Namespace, NamespaceArgs, POD_SECURITY_VERSION, RESERVED_NAMESPACES } from "./namespace";
export { WebService, WebServiceArgs } from "./webservice";
export {
  ContainerArgs,
  FileMountArgs,
  InitContainerArgs,
  MIN_RUN_AS_ID,
  DEFAULT_RUN_AS_ID,
  imageProblem,
  parseQuantity,
} from "./pod";
