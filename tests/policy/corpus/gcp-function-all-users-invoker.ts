// Corpus: Cloud Function invokable by anyone.
import * as cloudfunctionsv2 from "@pulumi/gcp/cloudfunctionsv2";
import { CorpusEntry } from "../kit";
import { cloudFunction } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "2nd-gen Cloud Function with an allUsers invoker",
  expect: ["gcp-functions-no-public-invoker"],
  program: () => {
    const fn = cloudFunction("hook");
    new cloudfunctionsv2.FunctionIamMember("hook-public", {
      cloudFunction: fn.name,
      location: fn.location,
      role: "roles/cloudfunctions.invoker",
      member: "allUsers",
    });
  },
};
