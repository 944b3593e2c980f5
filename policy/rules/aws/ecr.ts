// AWS ECR rules: a pushed tag always names the same image, images are scanned on push, and repositories
// are encrypted under KMS.
import type { RepositoryArgs } from "@pulumi/aws/ecr";
import { ResourceRule } from "../../runtime";
import { onInputs, records } from "../../runtime/props";
import { T } from "./resource-types";

export const ecrRules: ResourceRule[] = [
  {
    name: "aws-ecr-immutable-tags",
    area: "aws",
    severity: "medium",
    description: "ECR repositories make image tags immutable, so a deployed tag cannot be overwritten.",
    remediationSteps: 'Set `imageTagMutability: "IMMUTABLE"` and publish a new tag for each build.',
    references: ["CKV_AWS_51", "AWS FSBP ECR.2"],
    validateResource: onInputs<RepositoryArgs>(T.ecrRepository, (repo, report) => {
      if (!String(repo.imageTagMutability ?? "MUTABLE").startsWith("IMMUTABLE"))
        report(`imageTagMutability is ${JSON.stringify(repo.imageTagMutability ?? "MUTABLE (default)")}`);
    }),
  },
  {
    name: "aws-ecr-scan-on-push",
    area: "aws",
    severity: "medium",
    description:
      "ECR repositories scan images on push (a registry-level scanning configuration elsewhere is not visible to the pack).",
    remediationSteps: "Set `imageScanningConfiguration: { scanOnPush: true }`.",
    references: ["CKV_AWS_163", "AWS FSBP ECR.1"],
    validateResource: onInputs<RepositoryArgs>(T.ecrRepository, (repo, report) => {
      if (repo.imageScanningConfiguration?.scanOnPush !== true)
        report("imageScanningConfiguration.scanOnPush is not true");
    }),
  },
  {
    name: "aws-ecr-kms",
    area: "aws",
    severity: "medium",
    description: "ECR repositories are encrypted with KMS (the default is AES256 under an AWS-owned key).",
    remediationSteps: 'Set `encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <key ARN> }]`.',
    references: ["CKV_AWS_136"],
    validateResource: onInputs<RepositoryArgs>(T.ecrRepository, (repo, report) => {
      const kms = records(repo.encryptionConfigurations).some((c) =>
        String(c.encryptionType).startsWith("KMS"),
      );
      if (!kms) report("no KMS encryptionConfigurations (AES256 default)");
    }),
  },
];
