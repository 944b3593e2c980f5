// Corpus: KMS key policy applied past the lockout safety check.
import { CorpusEntry, key } from "../kit";

export const entry: CorpusEntry = {
  description: "KMS key with bypassPolicyLockoutSafetyCheck",
  expect: ["aws-kms-no-lockout-bypass"],
  program: () => {
    key("data", { bypassPolicyLockoutSafetyCheck: true });
  },
};
