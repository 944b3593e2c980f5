// Corpus: k8s selinux spc.
import { CorpusEntry, deployment, podSpec } from "../kit";

// A pod given the super-privileged SELinux type spc_t.
export const entry: CorpusEntry = {
  description: "Pod with the SELinux type spc_t",
  expect: ["k8s-selinux-options"],
  program: () => {
    deployment(
      "web",
      podSpec({ securityContext: { ...podSpec().securityContext, seLinuxOptions: { type: "spc_t" } } }),
    );
  },
};
