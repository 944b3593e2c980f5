// Corpus: k8s capabilities added.
import { CorpusEntry, containerWithSecurity, deployment, podSpec } from "../kit";

// NET_ADMIN added and ALL not dropped.
export const entry: CorpusEntry = {
  description: "container adding NET_ADMIN",
  expect: ["k8s-drop-all-capabilities"],
  program: () => {
    deployment(
      "vpn",
      podSpec({ containers: [containerWithSecurity({ capabilities: { add: ["NET_ADMIN"] } })] }),
    );
  },
};
