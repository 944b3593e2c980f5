// AWS SQS and SNS rules: queues and topics encrypted at rest under a customer-managed key (the one key
// decision, ../keys.ts), and their access policies closed to anonymous callers (the `*` principal reader is shared with S3, KMS and IAM trust policies).
import type { QueueArgs } from "@pulumi/aws/sqs";
import type { TopicArgs } from "@pulumi/aws/sns";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { isSet, knownField } from "../../runtime/unknowns";
import {
  CMK_KNOB_HINT,
  CUSTOMER_MANAGED_KEY_KNOBS,
  CustomerManagedKeyConfig,
  isAwsManagedKey,
  asksForKey,
} from "../keys";
import { T } from "./resource-types";
import { publicPolicyRule } from "./documents";

export const messagingRules: ResourceRule[] = [
  {
    name: "aws-sqs-encrypted",
    area: "aws",
    severity: "high",
    description:
      "SQS queues are encrypted at rest under a customer-managed KMS key (`kmsMasterKeyId`). SQS encrypts every " +
      "new queue with SSE-SQS (an SQS-owned key) unless `sqsManagedSseEnabled` is false; `customerManagedKey: " +
      "false` accepts that, and refuses only a queue with encryption turned off.",
    remediationSteps:
      "Set `kmsMasterKeyId` to a customer-managed key the producers and consumers may use (or set the policy's " +
      "`customerManagedKey: false` to accept SSE-SQS).",
    references: ["CKV_AWS_27", "CKV2_AWS_73", "AWS FSBP SQS.1"],
    configSchema: {
      properties: {
        ...CUSTOMER_MANAGED_KEY_KNOBS,
        requireKms: {
          type: "boolean",
          description: "Deprecated (use customerManagedKey): true asks for a customer-managed key.",
        },
      },
    },
    validateResource: onInputs<QueueArgs>(T.queue, (queue, report, args) => {
      const config = args.getConfig<CustomerManagedKeyConfig & { requireKms?: boolean }>();
      const wanted = config.requireKms === true || asksForKey(args, record(queue.tags).environment);
      if (isSet(args.props, "kmsMasterKeyId")) {
        const keyId = knownField(args.props, "kmsMasterKeyId");
        if (wanted && isAwsManagedKey(keyId))
          report(
            `kmsMasterKeyId is the AWS-managed key ${JSON.stringify(keyId)}, not a customer-managed key`,
          );
        return;
      }
      // SSE-SQS is on for every queue created since 2022-10 unless turned off:
      // https://aws.amazon.com/about-aws/whats-new/2022/10/amazon-sqs-announces-server-side-encryption-ssq-managed-sse-sqs-default/
      if (queue.sqsManagedSseEnabled === false)
        report("sqsManagedSseEnabled is false and no kmsMasterKeyId is set: messages are stored unencrypted");
      else if (wanted)
        report(
          "no kmsMasterKeyId: messages are encrypted with SSE-SQS (an SQS-owned key), not a customer-managed " +
            `key; ${CMK_KNOB_HINT}`,
        );
    }),
  },
  {
    name: "aws-sns-encrypted",
    area: "aws",
    severity: "high",
    description:
      "SNS topics are encrypted at rest under a customer-managed KMS key (`kmsMasterKeyId`). SNS encrypts " +
      "nothing by default; `customerManagedKey: false` accepts the AWS-managed key `alias/aws/sns`.",
    remediationSteps: "Set `kmsMasterKeyId` to a customer-managed key the publishers may use.",
    references: ["CKV_AWS_26", "AWS FSBP SNS.1"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<TopicArgs>(T.topic, (topic, report, args) => {
      if (!isSet(args.props, "kmsMasterKeyId")) {
        report(
          "kmsMasterKeyId is not set: messages are stored unencrypted (SNS encrypts only with a KMS key)",
        );
        return;
      }
      const keyId = knownField(args.props, "kmsMasterKeyId");
      if (isAwsManagedKey(keyId) && asksForKey(args, record(topic.tags).environment))
        report(`kmsMasterKeyId is the AWS-managed key ${JSON.stringify(keyId)}; ${CMK_KNOB_HINT}`);
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
