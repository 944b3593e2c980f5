// ContainerPlatform arguments and their pure resolution: where the shared load balancer goes, who reaches
// it, its certificate, logs and protection, every default applied and every weakening named.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Tags,
  Validator,
  argKeys,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  validateLogRetention,
  weakenedAgainstProfile,
} from "../../core";
import { awsTags } from "../tags";
import { platformNames } from "../container-service/names";
import { requireVpcAndSubnets, ResolvedCommon, resolvedCommon } from "../common";
import { FrontAccess, FrontAccessArgs, resolveFrontAccess } from "../container-service/access";

/**
 * Arguments of `ContainerPlatform`: one ECS cluster and one Application Load Balancer that many
 * `ContainerService`s share (`platform: p`), each reached by a listener rule of its own. Any other key is
 * refused. The name must make a valid load balancer name, as a service's does (at most 20 characters).
 */
export interface ContainerPlatformArgs extends FrontAccessArgs {
  /**
   * Environment profile: log retention, deletion protection and `protect` on the access log bucket.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /** The VPC of the load balancer and of the services that share it. */
  readonly vpcId: pulumi.Input<string>;
  /** Subnets of the load balancer: public subnets when `internetFacing`, else private ones. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Retention of the load balancer access logs. Below the profile's is a weakened default.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * Pulumi `protect` on the access log bucket. `false` where the profile protects (prod) is a weakened
   * default.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
  /**
   * Deletion protection on the load balancer. `false` where the profile turns it on (staging, prod) is a
   * weakened default.
   * @default - the profile's: false (dev), true (staging, prod)
   */
  readonly loadBalancerDeletionProtection?: boolean;
}

/** The keys of {@link ContainerPlatformArgs}; any other key is refused. */
export const CONTAINER_PLATFORM_ARG_KEYS = argKeys<ContainerPlatformArgs>()([
  ...(["environment", "tags", "vpcId", "subnetIds", "certificateArn", "internetFacing"] as const),
  ...(["allowedCidrBlocks", "logRetentionDays", "protect", "loadBalancerDeletionProtection"] as const),
]);

/** ContainerPlatform arguments with every default applied. */
export interface ResolvedContainerPlatformArgs extends ResolvedCommon {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly access: FrontAccess;
  readonly logRetentionDays: number;
  readonly deletionProtection: boolean;
}

/** Resolves ContainerPlatform arguments; throws a GroundworkInputError on bad input. */
export function resolveContainerPlatformArgs(
  v: Validator,
  args: ContainerPlatformArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedContainerPlatformArgs {
  strictArgs(v, args, CONTAINER_PLATFORM_ARG_KEYS);
  const baseTags = awsTags(v, {
    environment: profile.environment,
    component: "aws.ContainerPlatform",
    tags: args.tags,
  });
  const network = requireVpcAndSubnets(v, args.vpcId, args.subnetIds, "the subnet ids of the load balancer");
  const access = resolveFrontAccess(v, args);
  const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
  validateDerivedNames(v, platformNames());
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  const deletionProtection = v.boolean(
    "loadBalancerDeletionProtection",
    args.loadBalancerDeletionProtection,
    profile.deletionProtection,
  );
  const weakened = [
    ...access.weakened,
    ...(profile.deletionProtection && !deletionProtection ? ["loadBalancerDeletionProtection"] : []),
    ...weakenedAgainstProfile(profile, { logRetentionDays: retention, protect }),
  ];
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, protect, weakened),
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    access,
    logRetentionDays: retention,
    deletionProtection,
  };
}
