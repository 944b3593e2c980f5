// The package root: each cloud as a namespace (`import { aws } from "@groundwork/infra"`). Namespaces
// load on first use, so importing the root never loads a provider SDK the program does not touch.
// An AWS-only project should still prefer the sub-path (`@groundwork/infra/aws`): the root's type
// declarations mention every cloud.
import type * as AwsModule from "./aws";
import type * as GcpModule from "./gcp";
import type * as AzureModule from "./azure";
import type * as KubernetesModule from "./kubernetes";
import * as core from "./core";

function lazy<T extends object>(load: () => T): T {
  let loaded: T | undefined;
  const target = (): T => (loaded ??= load());
  return new Proxy({} as T, {
    get: (_t, key) => Reflect.get(target(), key),
    has: (_t, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const aws: typeof AwsModule = lazy(() => require("./aws"));
export const gcp: typeof GcpModule = lazy(() => require("./gcp"));
export const azure: typeof AzureModule = lazy(() => require("./azure"));
export const kubernetes: typeof KubernetesModule = lazy(() => require("./kubernetes"));
/* eslint-enable @typescript-eslint/no-require-imports */
export { core };
