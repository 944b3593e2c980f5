// AWS ECR rules: a pushed tag always names the same image, images are scanned on push, and repositories
// are encrypted under KMS.
import type { RepositoryArgs } from "@pulumi/aws/ecr";
import { ResourceRule } from "../../runtime";
import { onInputs, record, records } from "../../runtime/props";
import { T } from "./resource-types";
import { publicPolicyRule } from "./documents";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey, namesCustomerKey } from "../keys";

export const ecrRules: ResourceRule[] = [
  publicPolicyRule({
    name: "aws-ecr-no-public-policy",
    what: "ECR repository policies",
    types: T.ecrRepositoryPolicy,
    references: ["CKV_AWS_32"],
  }),
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
    severity: "high",
    description:
      "ECR repositories are encrypted under a customer-managed KMS key. ECR always encrypts, by default with " +
      "AES256 under an AWS-owned key; `customerManagedKey: false` accepts that.",
    remediationSteps: 'Set `encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <key ARN> }]`.',
    references: ["CKV_AWS_136"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<RepositoryArgs>(T.ecrRepository, (repo, report, args) => {
      if (!asksForKey(args, record(repo.tags).environment)) return;
      const kms = records(repo.encryptionConfigurations).filter((c) =>
        String(c.encryptionType).startsWith("KMS"),
      );
      if (kms.length === 0)
        report(
          `no KMS encryptionConfigurations: images are encrypted with AES256 under an AWS-owned key; ${CMK_KNOB_HINT}`,
        );
      else if (kms.some((c) => !namesCustomerKey(c, "kmsKey")))
        report(
          `encryptionConfigurations name no customer-managed kmsKey: the AWS-managed key aws/ecr is used; ${CMK_KNOB_HINT}`,
        );
    }),
  },
];
