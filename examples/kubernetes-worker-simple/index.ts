// The smallest useful worker: a consumer with a health port, in a hardened namespace, on the ambient cluster.
// Consumers import from "@groundwork/infra/kubernetes"; inside this repository the source path is used.
import { Namespace, Worker } from "../../components/kubernetes";

const jobs = new Namespace("jobs", {});

const consumer = new Worker("consumer", {
  namespace: jobs.namespaceName,
  containers: [{ name: "consumer", image: "ghcr.io/acme/consumer:1.0.0", port: 8081 }],
});

export const deployment = consumer.deploymentName;
