// Corpus: k8s cronjob init privilege escalation.
import * as batchv1 from "@pulumi/kubernetes/batch/v1";
import { CorpusEntry, LABELS, container, podSpec } from "../kit";

// The init container of a CronJob's pod template may escalate privileges (init containers count too).
export const entry: CorpusEntry = {
  description: "CronJob init container without allowPrivilegeEscalation false",
  expect: ["k8s-no-privilege-escalation"],
  program: () => {
    const c = container({ name: "migrate" });
    new batchv1.CronJob("nightly", {
      metadata: { name: "nightly", namespace: "apps", labels: LABELS },
      spec: {
        schedule: "0 3 * * *",
        jobTemplate: {
          spec: {
            template: {
              metadata: { labels: LABELS },
              spec: podSpec({
                restartPolicy: "OnFailure",
                initContainers: [
                  {
                    ...c,
                    securityContext: { ...(c.securityContext as object), allowPrivilegeEscalation: true },
                  },
                ],
              }),
            },
          },
        },
      },
    });
  },
};
