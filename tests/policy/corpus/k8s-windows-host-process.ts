// Corpus: k8s windows host process.
import { CorpusEntry, containerWithSecurity, deployment, podSpec } from "../kit";

// A Windows node agent given the node's privileges through HostProcess.
export const entry: CorpusEntry = {
  description: "Deployment running a Windows HostProcess container",
  expect: ["k8s-no-host-process"],
  program: () => {
    deployment(
      "agent",
      podSpec({ containers: [containerWithSecurity({ windowsOptions: { hostProcess: true } })] }),
    );
  },
};
