// Corpus: Cloud Run service invokable by allUsers.
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import { CorpusEntry } from "../kit";
import { runService } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud Run service invokable by allUsers",
  expect: ["gcp-cloudrun-no-public-invoker"],
  program: () => {
    const svc = runService("web");
    new cloudrunv2.ServiceIamMember("web-public", {
      name: svc.name,
      location: svc.location,
      role: "roles/run.invoker",
      member: "allUsers",
    });
  },
};
