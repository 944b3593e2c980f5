// Corpus: k8s apparmor unconfined.
import { CorpusEntry, containerWithSecurity, deployment, podSpec } from "../kit";

// A container escaping the runtime's AppArmor profile.
export const entry: CorpusEntry = {
  description: "Container with the AppArmor profile Unconfined",
  expect: ["k8s-apparmor-not-unconfined"],
  program: () => {
    deployment(
      "web",
      podSpec({ containers: [containerWithSecurity({ appArmorProfile: { type: "Unconfined" } })] }),
    );
  },
};
