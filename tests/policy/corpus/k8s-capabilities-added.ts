// Corpus: k8s capabilities added.
import { CorpusEntry, container, deployment, podSpec } from "../kit";

// NET_ADMIN added and ALL not dropped.
export const entry: CorpusEntry = {
  description: "container adding NET_ADMIN",
  expect: ["k8s-drop-all-capabilities"],
  program: () => {
    const c = container();
    deployment(
      "vpn",
      podSpec({
        containers: [
          {
            ...c,
            securityContext: { ...(c.securityContext as object), capabilities: { add: ["NET_ADMIN"] } },
          },
        ],
      }),
    );
  },
};
