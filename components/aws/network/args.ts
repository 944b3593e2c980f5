// Network arguments and their pure resolution: the CIDR plan, NAT layout and flow-log key decided, every
// default applied and every weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  CidrPlan,
  DerivedName,
  Environment,
  EnvironmentProfile,
  Tags,
  Validator,
  argKeys,
  parseCidr,
  planCidr,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  validateLogRetention,
  weakenedAgainstProfile,
} from "../../core";
import { ADDRESS_PLAN } from "../../core/cidr";
import { awsTags } from "../tags";
import { IAM_POLICY_NAME, IAM_ROLE_NAME_RULE, LOG_GROUP_NAME, autoNamed, keyAliasNamed } from "../naming";
import { ResolvedCommon, resolvedCommon } from "../common";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";

/** NAT layouts: no NAT (private tiers have no internet egress), one shared, or one per zone. */
export type NatMode = "none" | "single" | "perAz";
const NAT_MODES: readonly NatMode[] = ["none", "single", "perAz"];

/** The tiers, in plan order. */
export const NETWORK_TIERS = ["public", "private", "isolated"] as const;

/**
 * AWS services a Network can reach through interface endpoints (`com.amazonaws.<region>.<service>`), the
 * ones workloads in the private tier commonly need without NAT.
 */
export const INTERFACE_ENDPOINT_SERVICES = [
  ...(["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "kms", "sts", "monitoring"] as const),
  ...(["ecs", "ecs-agent", "ecs-telemetry", "ssmmessages", "ec2messages", "sqs", "sns"] as const),
] as const;

/** One service of {@link INTERFACE_ENDPOINT_SERVICES}. */
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/**
 * What an ECS Fargate task in a private subnet without NAT needs to start: the image from ECR (`ecr.api`,
 * `ecr.dkr`, and the layers from S3 through the gateway endpoint every Network has), its logs (`logs`) and
 * its secrets (`secretsmanager`, `ssm`): https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
 */
export const FARGATE_ENDPOINT_SERVICES: readonly InterfaceEndpointService[] = [
  "ecr.api",
  "ecr.dkr",
  "logs",
  "secretsmanager",
  "ssm",
];

/**
 * Arguments of `Network`. Any other key is refused (naming the closest valid one: `cidr` → `cidrBlock`).
 * With flow logs on, the component name must make a valid IAM role name (`<name>-flow-logs-role-` plus
 * 7 random characters, at most 64: letters, digits and + = , . @ _ -), log group name and key alias;
 * other names are refused before anything registers.
 */
export interface NetworkArgs {
  /**
   * Environment profile: zone count, NAT layout, log retention and `protect` on the key and log group.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /**
   * The VPC block, /16 to /22. Private subnets get 1/8 of it per zone, public and isolated 1/32 each,
   * with room reserved for four zones so adding one never moves a subnet.
   * @default "10.0.0.0/16"
   */
  readonly cidrBlock?: string;
  /**
   * Availability zones to span, 2 to 4. Fewer than the profile's is a weakened default, recorded in the
   * `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 2 (dev, staging), 3 (prod)
   */
  readonly zones?: number;
  /**
   * NAT for the private tier: `"none"`, `"single"` (one shared gateway) or `"perAz"`. Fewer gateways
   * than the profile's (none < single < perAz) is a weakened default, recorded in the
   * `groundwork-weakened` tag and the `weakened` output. Each gateway holds an Elastic IP, and an account
   * has 5 per region by default (facts/aws/limits.json `ec2.elasticIpsPerRegion`): `"perAz"` over 3 zones
   * takes 3, so keep each environment in its own account (the reference stacks require it). With
   * `"none"`, the private tier reaches AWS through `interfaceEndpoints` only.
   * @default - the profile's: "single" (dev), "perAz" (staging, prod)
   */
  readonly natGateways?: NatMode;
  /**
   * AWS services the private tier reaches through interface endpoints (private DNS on, HTTPS from the VPC
   * only), any of {@link INTERFACE_ENDPOINT_SERVICES}; `[]` for none. S3 and DynamoDB always have gateway
   * endpoints. Each interface endpoint is billed per zone and hour.
   * @default - with natGateways "none", {@link FARGATE_ENDPOINT_SERVICES} (so a ContainerService in the
   * private tier can pull its image, read its secrets and write its logs); otherwise none
   */
  readonly interfaceEndpoints?: readonly InterfaceEndpointService[];
  /**
   * VPC flow logs (all traffic) to an encrypted log group. `false` is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default true
   */
  readonly flowLogs?: boolean;
  /**
   * Flow log retention in days. Below the profile's is a weakened default, recorded in the
   * `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * KMS key for the flow log group: an `EncryptionKey` whose `services` include `"logs"`, or a key ARN
   * whose policy lets CloudWatch Logs use it.
   * @default - a new `EncryptionKey` named `<name>-key` that names CloudWatch Logs
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Pulumi `protect` on the key and flow log group. `false` where the profile protects (prod) is a
   * weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The keys of {@link NetworkArgs}, checked against it by the compiler; any other key is refused. */
export const NETWORK_ARG_KEYS = argKeys<NetworkArgs>()([
  "environment",
  "tags",
  "cidrBlock",
  "zones",
  "natGateways",
  "interfaceEndpoints",
  "flowLogs",
  "logRetentionDays",
  "encryptionKey",
  "protect",
]);

/** The flow log group's and role's physical names, made from the component name. */
export const FLOW_LOG_NAMES = {
  group: autoNamed("the flow log group", LOG_GROUP_NAME, "flow-logs"),
  role: autoNamed("the flow log role", IAM_ROLE_NAME_RULE, "flow-logs-role"),
  policy: autoNamed("the flow log policy", IAM_POLICY_NAME, "flow-logs-policy"),
} as const;

/** Network arguments with every default applied. */
export interface ResolvedNetworkArgs extends ResolvedCommon {
  /** The subnet plan: the VPC block and each tier's subnets, zone by zone. */
  readonly plan: CidrPlan;
  readonly zones: number;
  readonly natGateways: NatMode;
  /** Services with an interface endpoint in the private tier, in the order given. */
  readonly interfaceEndpoints: readonly InterfaceEndpointService[];
  /** The flow-log key, or undefined when flow logs are off (a weakening). */
  readonly flowLogKey: KeyChoice | undefined;
  readonly logRetentionDays: number;
}

function flowLogKey(v: Validator, args: NetworkArgs, flowLogs: boolean): KeyChoice | undefined {
  const choice = resolveKeyChoice(v, args.encryptionKey, {
    needsLogs: flowLogs,
    create: { services: ["logs"], description: `Encrypts flow logs of ${v.resourceName}` },
  });
  if (!flowLogs && args.encryptionKey !== undefined) {
    v.fail(
      "encryptionKey",
      "(given)",
      "has nothing to encrypt while flowLogs is false",
      "flowLogs true, or no encryptionKey",
    );
  }
  if (!flowLogs) return undefined;
  const derived: DerivedName[] = [
    FLOW_LOG_NAMES.group,
    FLOW_LOG_NAMES.role,
    ...(choice.kind === "create" ? [keyAliasNamed("key")] : []),
  ];
  validateDerivedNames(v, derived);
  return choice;
}

/** The interface endpoint services: known ones, each once; the Fargate set by default without NAT. */
function interfaceEndpoints(v: Validator, args: NetworkArgs, nat: NatMode): InterfaceEndpointService[] {
  const given = args.interfaceEndpoints;
  if (given === undefined) return nat === "none" ? [...FARGATE_ENDPOINT_SERVICES] : [];
  const expected = `a list of services from ${INTERFACE_ENDPOINT_SERVICES.join(", ")}`;
  if (!Array.isArray(given)) v.fail("interfaceEndpoints", given, "is not a list", expected);
  given.forEach((service, i) => {
    v.oneOf(`interfaceEndpoints[${i}]`, service, INTERFACE_ENDPOINT_SERVICES, service);
    if (given.indexOf(service) !== i)
      v.fail(`interfaceEndpoints[${i}]`, service, "is listed twice", "each service once");
  });
  return [...given];
}

/** Resolves Network arguments; throws a GroundworkInputError on bad input. */
export function resolveNetworkArgs(
  v: Validator,
  args: NetworkArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedNetworkArgs {
  strictArgs(v, args, NETWORK_ARG_KEYS);
  const baseTags = awsTags(v, {
    environment: profile.environment,
    component: "aws.Network",
    tags: args.tags,
  });
  const cidr =
    v.stringInput(
      "cidrBlock",
      v.known("cidrBlock", args.cidrBlock, ADDRESS_PLAN),
      "an IPv4 CIDR, /16 to /22",
    ) ?? "10.0.0.0/16";
  const zones = v.integer("zones", args.zones, 2, 4, profile.zoneCount);
  const nat = v.oneOf("natGateways", args.natGateways, NAT_MODES, profile.natGateways);
  const endpoints = interfaceEndpoints(v, args, nat);
  const flowLogs = v.boolean("flowLogs", args.flowLogs, true);
  const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
  const key = flowLogKey(v, args, flowLogs);
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  const prefix = parseCidr(cidr)?.prefix ?? 16;
  const plan = planCidr(
    v,
    {
      cidr,
      zones,
      reservedZones: 4,
      prefixRange: [16, 22],
      tiers: [
        { name: "public", prefixLength: prefix + 5 },
        { name: "private", prefixLength: prefix + 3 },
        { name: "isolated", prefixLength: prefix + 5 },
      ],
    },
    "cidrBlock",
  );
  const weakened = [
    ...(flowLogs ? [] : ["flowLogs"]),
    ...weakenedAgainstProfile(profile, {
      zones,
      natGateways: nat,
      // Retention and protect only act on the flow log group and its key.
      ...(flowLogs ? { logRetentionDays: retention, protect } : {}),
    }),
  ];
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, protect, weakened),
    plan,
    zones,
    natGateways: nat,
    interfaceEndpoints: endpoints,
    flowLogKey: key,
    logRetentionDays: retention,
  };
}
