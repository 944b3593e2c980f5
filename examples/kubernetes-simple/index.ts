// The smallest useful call: a hardened namespace and one web service in it, on the ambient cluster.
// Consumers import from "@groundwork/infra/kubernetes"; inside this repository the source path is used.
import { Namespace, WebService } from "../../components/kubernetes";

const apps = new Namespace("apps", {});

const hello = new WebService("hello", {
  namespace: apps.namespaceName,
  containers: [{ name: "hello", image: "ghcr.io/acme/hello:1.0.0" }],
});

export const namespace = apps.namespaceName;
export const service = hello.serviceName;
