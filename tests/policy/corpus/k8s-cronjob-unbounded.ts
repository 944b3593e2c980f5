// Corpus: k8s cronjob unbounded.
import * as batchv1 from "@pulumi/kubernetes/batch/v1";
import { CorpusEntry, LABELS, podSpec } from "../kit";

// A CronJob as most examples write it: no deadline, default (Allow) concurrency, no time zone.
export const entry: CorpusEntry = {
  description: "CronJob without a deadline, a concurrency policy or a time zone",
  expect: ["k8s-job-bounded", "k8s-cronjob-time-zone"],
  program: () => {
    new batchv1.CronJob("nightly", {
      metadata: { name: "nightly", namespace: "apps", labels: LABELS },
      spec: {
        schedule: "0 3 * * *",
        jobTemplate: {
          spec: { template: { metadata: { labels: LABELS }, spec: podSpec({ restartPolicy: "OnFailure" }) } },
        },
      },
    });
  },
};
