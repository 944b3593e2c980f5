// Every knob of a scheduled job: the prod profile, a weekday schedule in the team's time zone, a
// replacing concurrency policy, its own deadline and retries, a failed container retried in place, and
// egress by intent to the reporting database's subnet.
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { CronJob, Namespace } from "../../components/kubernetes";

const config = new pulumi.Config();
const environment = config.get<"dev" | "staging" | "prod">("environment") ?? "prod";
const cluster = new Provider("cluster", { kubeconfig: config.get("kubeconfig") ?? "~/.kube/config" });

const reporting = new Namespace("reporting", { environment }, { provider: cluster });

const ledgerExport = new CronJob(
  "ledger-export",
  {
    namespace: reporting.namespaceName,
    environment,
    schedule: "15 6 * * MON-FRI",
    timeZone: "Europe/Paris",
    concurrencyPolicy: "Replace",
    activeDeadlineSeconds: 1800,
    backoffLimit: 2,
    startingDeadlineSeconds: 900,
    restartPolicy: "OnFailure",
    containers: [
      {
        name: "export",
        image: "ghcr.io/acme/ledger-export:3.2.0",
        args: ["--since", "yesterday"],
        secretMounts: [{ name: "ledger-db", mountPath: "/etc/ledger/db" }],
      },
    ],
    egress: [{ cidr: "10.20.8.0/22", ports: [5432] }],
  },
  { provider: cluster },
);

export const cronJob = ledgerExport.cronJobName;
