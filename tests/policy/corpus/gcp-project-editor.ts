// Corpus: the basic Editor role granted on the project.
import * as projects from "@pulumi/gcp/projects";
import { CorpusEntry } from "../kit";

export const entry: CorpusEntry = {
  description: "project IAM member with roles/editor",
  expect: ["gcp-iam-no-basic-roles"],
  program: () => {
    new projects.IAMMember("ci-editor", {
      project: "acme-prod",
      role: "roles/editor",
      member: "serviceAccount:ci@acme-prod.iam.gserviceaccount.com",
    });
  },
};
