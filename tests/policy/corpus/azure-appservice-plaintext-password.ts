// Corpus: App Service app with a literal password in its settings.
import { CorpusEntry } from "../kit";
import { webApp } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "App Service app setting DB_PASSWORD with a literal value",
  expect: ["azure-containers-no-plaintext-secrets"],
  program: () => {
    webApp("shop", {
      siteConfig: { minTlsVersion: "1.2", appSettings: [{ name: "DB_PASSWORD", value: "hunter2" }] },
    });
  },
};
