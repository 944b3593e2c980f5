// Every knob of a worker: the prod profile, exec probes, scaling on a queue's depth through an external
// metrics adapter, a drain period, and egress by intent: the payments API (which then admits the worker),
// the team's message brokers by address range, and the public internet on 443 for a partner API.
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { Namespace, WebService, Worker } from "../../components/kubernetes";

const config = new pulumi.Config();
const environment = config.get<"dev" | "staging" | "prod">("environment") ?? "prod";
const cluster = new Provider("cluster", { kubeconfig: config.get("kubeconfig") ?? "~/.kube/config" });

const payments = new Namespace("payments", { environment }, { provider: cluster });

const api = new WebService(
  "payments-api",
  {
    namespace: payments.namespaceName,
    environment,
    containers: [{ name: "api", image: "ghcr.io/acme/payments-api:2.3.1" }],
  },
  { provider: cluster },
);

const settlement = new Worker(
  "settlement",
  {
    namespace: payments.namespaceName,
    environment,
    labels: { team: "payments" },
    containers: [
      {
        name: "settlement",
        image: "ghcr.io/acme/settlement:4.0.2",
        probe: "exec",
        readinessCommand: ["/app/health", "--ready"],
        livenessCommand: ["/app/health", "--alive"],
        secretMounts: [{ name: "settlement-broker", mountPath: "/etc/settlement/broker" }],
        memoryLimit: "1Gi",
      },
    ],
    minReplicas: 3,
    maxReplicas: 20,
    externalMetric: {
      name: "kafka_consumergroup_lag",
      selector: { consumergroup: "settlement" },
      targetAverageValue: "100",
    },
    terminationGracePeriodSeconds: 120,
    egress: [{ to: api }, { cidr: "10.40.16.0/20", ports: [9092, 9093] }, { internet: true, ports: [443] }],
  },
  { provider: cluster },
);

export const deployment = settlement.deploymentName;
export const weakened = settlement.weakened;
