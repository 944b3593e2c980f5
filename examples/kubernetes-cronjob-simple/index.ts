// The smallest useful scheduled job: a nightly run in a hardened namespace, on the ambient cluster.
import { CronJob, Namespace } from "../../components/kubernetes";

const jobs = new Namespace("jobs", {});

const nightly = new CronJob("nightly-report", {
  namespace: jobs.namespaceName,
  schedule: "30 2 * * *",
  containers: [{ name: "report", image: "ghcr.io/acme/report:1.0.0" }],
});

export const cronJob = nightly.cronJobName;
