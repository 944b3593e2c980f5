// Acme's team rules, beside Groundwork's security baseline (which keeps running: adding a pack never
// removes it). Kept free of `new PolicyPack` so test/ can evaluate them in-process.
import { ResourceValidationPolicy } from "@pulumi/policy";

export const PACK_NAME = "acme-platform";

/** Resource types Acme is billed for: each must carry a cost centre even when it has no tags at all. */
const BILLED_TYPES = new Set([
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketV2:BucketV2",
  "aws:ec2/vpc:Vpc",
  "aws:ec2/natGateway:NatGateway",
  "aws:ecs/cluster:Cluster",
  "aws:ecs/service:Service",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:rds/instance:Instance",
  "aws:kms/key:Key",
]);

/** Finance's format: "CC-" and four digits (configurable through the pack's config). */
const DEFAULT_COST_CENTRE_PATTERN = "^CC-[0-9]{4}$";

export const costCentreTag: ResourceValidationPolicy = {
  name: "cost-centre-tag",
  description: "Billed AWS resources, and any AWS resource that carries tags, have a valid cost-centre tag.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { pattern: { type: "string", default: DEFAULT_COST_CENTRE_PATTERN } },
  },
  validateResource: (args, reportViolation) => {
    if (!args.type.startsWith("aws:")) return;
    const tags = args.props.tags as Record<string, unknown> | undefined;
    if (tags === undefined && !BILLED_TYPES.has(args.type)) return;
    const { pattern } = args.getConfig<{ pattern: string }>();
    const value = tags?.["cost-centre"];
    if (typeof value !== "string" || !new RegExp(pattern).test(value)) {
      reportViolation(
        `cost-centre tag is ${JSON.stringify(value ?? null)}; expected a value matching ${pattern}`,
      );
    }
  },
};

export const internalLoadBalancers: ResourceValidationPolicy = {
  name: "internal-load-balancers",
  description: "Load balancers are internal unless tagged exposure=public (reviewed by the security team).",
  enforcementLevel: "advisory",
  validateResource: (args, reportViolation) => {
    if (args.type !== "aws:lb/loadBalancer:LoadBalancer") return;
    const tags = (args.props.tags ?? {}) as Record<string, unknown>;
    if (args.props.internal !== true && tags.exposure !== "public") {
      reportViolation("internet-facing load balancer without exposure=public tag");
    }
  },
};

export const policies = [costCentreTag, internalLoadBalancers];
