// Corpus: k8s unsafe sysctl.
import { CorpusEntry, deployment, podSpec } from "../kit";

// A pod setting a sysctl outside the safe set.
export const entry: CorpusEntry = {
  description: "Pod setting kernel.msgmax",
  expect: ["k8s-safe-sysctls"],
  program: () => {
    deployment(
      "queue",
      podSpec({
        securityContext: {
          ...podSpec().securityContext,
          sysctls: [{ name: "kernel.msgmax", value: "65536" }],
        },
      }),
    );
  },
};
