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
  parseQuantity,
} from "./pod";

import { imageReferenceProblem } from "../core";
/** @deprecated since 0.2.0: use `imageReferenceProblem` from `@groundwork/infra/core`, the rule every cloud shares. */
export const imageProblem: (image: string) => string | undefined = imageReferenceProblem;
