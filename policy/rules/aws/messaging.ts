// AWS SQS and SNS rules: queues and topics encrypted at rest, and their access policies closed to
// anonymous callers (the `*` principal reader is shared with S3, KMS and IAM trust policies).
import type { QueueArgs } from "@pulumi/aws/sqs";
import type { TopicArgs } from "@pulumi/aws/sns";
import { ResourceRule } from "../../runtime";
import { onInputs } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { publicPolicyRule } from "./documents";

export const messagingRules: ResourceRule[] = [
  {
    name: "aws-sqs-encrypted",
    area: "aws",
    severity: "high",
    description:
      "SQS queues say how they are encrypted at rest: a KMS key (`kmsMasterKeyId`) or SQS-managed SSE " +
      "(`sqsManagedSseEnabled: true`), as AWS FSBP SQS.1 accepts. Set `requireKms` to accept KMS only.",
    remediationSteps: "Set `kmsMasterKeyId` to a customer-managed key (or `sqsManagedSseEnabled: true`).",
    references: ["CKV_AWS_27", "AWS FSBP SQS.1"],
    configSchema: {
      properties: {
        requireKms: {
          type: "boolean",
          default: false,
          description: "Accept only KMS encryption (`kmsMasterKeyId`), not SQS-managed keys.",
        },
      },
    },
    validateResource: onInputs<QueueArgs>(T.queue, (queue, report, args) => {
      if (isSet(args.props, "kmsMasterKeyId")) return;
      if (args.getConfig<{ requireKms?: boolean }>().requireKms === true)
        report("kmsMasterKeyId is not set (requireKms)");
      else if (queue.sqsManagedSseEnabled !== true)
        report("neither kmsMasterKeyId nor sqsManagedSseEnabled is set");
    }),
  },
  {
    name: "aws-sns-encrypted",
    area: "aws",
    severity: "high",
    description: "SNS topics are encrypted at rest with a KMS key (`kmsMasterKeyId`).",
    remediationSteps: "Set `kmsMasterKeyId` to a customer-managed key the publishers may use.",
    references: ["CKV_AWS_26", "AWS FSBP SNS.1"],
    validateResource: onInputs<TopicArgs>(T.topic, (_topic, report, args) => {
      if (!isSet(args.props, "kmsMasterKeyId")) report("kmsMasterKeyId is not set");
    }),
  },
  publicPolicyRule({
    name: "aws-sqs-no-public-policy",
    what: "SQS queue policies",
    types: [...T.queue, ...T.queuePolicy],
    references: ["CKV_AWS_168"],
  }),
  publicPolicyRule({
    name: "aws-sns-no-public-policy",
    what: "SNS topic policies",
    types: [...T.topic, ...T.topicPolicy],
    references: ["CKV_AWS_169"],
  }),
];
