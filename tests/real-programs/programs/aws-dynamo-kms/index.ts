// Re-authored after github.com/tusharshahrs/pulumi-homelab@150e71ea22b4b06576fb5b48bffe2937f4a773e7/aws-dynamo-protect-ts/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as aws from "@pulumi/aws";

const owner = "shaht";

// A key policy for the account's root and for KMS itself, built by the provider's policy document.
const keyPolicy = aws.iam.getPolicyDocument({
  statements: [
    {
      sid: "Enable IAM User Permissions",
      actions: ["kms:*"],
      effect: "Allow",
      resources: ["*"],
      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::052848974346:root"] }],
    },
    {
      sid: "Enable KMS Services Permission",
      actions: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
      effect: "Allow",
      resources: ["*"],
      principals: [{ type: "Service", identifiers: ["kms.amazonaws.com"] }],
    },
  ],
});
const key = (name: string, description: string): aws.kms.Key =>
  new aws.kms.Key(name, {
    deletionWindowInDays: 7,
    description,
    enableKeyRotation: true,
    policy: keyPolicy.then((d) => d.json),
  });
const first = key(`${owner}-kms-key`, "kms key for testing1");
const second = key(`${owner}-kms2-key2`, "kms2 key2 for testing2");
const alias = new aws.kms.Alias(`${owner}-kms-alias`, {
  name: `alias/${owner}kms`,
  targetKeyId: first.keyId,
});
const alias2 = new aws.kms.Alias(`${owner}-kms2-alias2`, {
  name: `alias/${owner}kms2`,
  targetKeyId: second.keyId,
});

// A provisioned table encrypted with the second key (named by its alias's ARN), no point-in-time recovery.
const table = new aws.dynamodb.Table(`${owner}-dynamodb-table`, {
  attributes: [
    { name: "UserId", type: "S" },
    { name: "GameTitle", type: "S" },
    { name: "TopScore", type: "N" },
  ],
  serverSideEncryption: { enabled: true, kmsKeyArn: alias2.arn },
  billingMode: "PROVISIONED",
  globalSecondaryIndexes: [
    {
      hashKey: "GameTitle",
      name: "GameTitleIndex",
      nonKeyAttributes: ["UserId"],
      projectionType: "INCLUDE",
      rangeKey: "TopScore",
      readCapacity: 1,
      writeCapacity: 1,
    },
  ],
  hashKey: "UserId",
  rangeKey: "GameTitle",
  readCapacity: 5,
  writeCapacity: 5,
  tags: { Environment: "production", Name: "dynamodb-table-1" },
  pointInTimeRecovery: { enabled: false },
});
export const kmsKeyArn = first.arn;
export const kmsAliasArn = alias.arn;
export const dynamodbArn = table.arn;
