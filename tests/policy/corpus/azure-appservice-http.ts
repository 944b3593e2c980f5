// Corpus: App Service app answering plain HTTP and accepting TLS 1.0.
import { CorpusEntry } from "../kit";
import { webApp } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "App Service app without httpsOnly and with minTlsVersion 1.0",
  expect: ["azure-appservice-https-only", "azure-appservice-tls12"],
  program: () => {
    webApp("shop", { httpsOnly: undefined, siteConfig: { minTlsVersion: "1.0" } });
  },
};
