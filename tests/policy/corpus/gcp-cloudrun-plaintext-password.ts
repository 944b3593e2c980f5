// Corpus: Cloud Run service with a password in a plain environment variable.
import { CorpusEntry } from "../kit";
import { runService } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud Run container env DB_PASSWORD with a literal value",
  expect: ["gcp-serverless-no-plaintext-secrets"],
  program: () => {
    runService("web", {
      template: {
        serviceAccount: "web@acme.iam.gserviceaccount.com",
        encryptionKey: "projects/acme/locations/europe-west1/keyRings/r/cryptoKeys/k",
        containers: [
          {
            image: "europe-docker.pkg.dev/acme/web/web:1.2.3",
            envs: [{ name: "DB_PASSWORD", value: "hunter2" }],
          },
        ],
      },
    });
  },
};
