// Corpus: ECR repository policy letting anyone push and delete images.
import * as ecr from "@pulumi/aws/ecr";
import { CorpusEntry } from "../kit";
import { repository } from "../aws-kit";

export const entry: CorpusEntry = {
  description: "ECR repository policy granting push and delete to *",
  expect: ["aws-ecr-no-public-policy"],
  program: () => {
    const repo = repository("app");
    new ecr.RepositoryPolicy("app-policy", {
      repository: repo.name,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "open",
            Effect: "Allow",
            Principal: "*",
            Action: ["ecr:PutImage", "ecr:BatchDeleteImage", "ecr:InitiateLayerUpload"],
          },
        ],
      }),
    });
  },
};
