// ContainerService arguments and their pure resolution: network placement, Fargate size, capacity,
// container environment, secrets and key decided, every default applied and every weakening named,
// before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Tags,
  Validator,
  argKeys,
  checkedInput,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  validateLogRetention,
  weakenedAgainstProfile,
} from "../../core";
import {
  EnvironmentVariables,
  pinnedImage,
  resolveCapacity,
  resolveContainerEnvironment,
} from "../../core/container-settings";
import { awsTags } from "../tags";
import { serviceNames } from "./names";
import { AWS_SIZES } from "../sizes";
import { KMS_KEY_ARN, SECRET_REFERENCE_ARN, matchArn } from "../arns";
import { requireVpcAndSubnets, ResolvedCommon, resolvedCommon } from "../common";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { ContainerPlatform, PlatformParts } from "../container-platform";
import { FrontAccess, FrontAccessArgs, Route, resolveFrontAccess } from "./access";
import { checkRoute, sharedPlatform } from "./platform-args";

/** The Fargate CPU sizes (units) and the memory (MiB) each accepts: [least, most, step]. */
export const FARGATE_SIZES: Readonly<Record<number, readonly [number, number, number]>> = {
  256: [512, 2048, 1024],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
  8192: [16384, 61440, 4096],
  16384: [32768, 122880, 8192],
};

/**
 * Arguments of `ContainerService`. Any other key is refused (naming the closest valid one). The
 * component name must make a valid load balancer name (`<name>-alb-` plus 7 random characters, at most
 * 32: so at most 20 letters, digits and hyphens, starting with a letter or digit) and valid names of the
 * target group, task family, cluster, service, roles, log group, buckets and key alias made from it;
 * other names are refused before anything registers.
 */
export interface ContainerServiceArgs extends FrontAccessArgs {
  /**
   * Environment profile: task size, autoscaling bounds, log retention, deletion protection and
   * `protect` on the stateful children.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /**
   * A `ContainerPlatform` whose cluster and load balancer this service shares: the service adds its
   * target group, a listener rule (`listenerPriority`, `hostHeaders`, `pathPatterns`) and its task group,
   * and makes no cluster, load balancer, listener or access log bucket of its own. The load balancer's
   * arguments (`certificateArn`, `internetFacing`, `allowedCidrBlocks`, `loadBalancerSubnetIds`,
   * `loadBalancerDeletionProtection`) are then the platform's and are refused here. It decides which
   * children exist, so it is a plain reference, never an Output (docs/adr/0001).
   * @default - a cluster and load balancer of the service's own
   */
  readonly platform?: ContainerPlatform;
  /**
   * With `platform`: the priority of this service's rule on the shared listener, 1 to 50000, unique on the
   * platform (lower is evaluated first).
   * @default - none: required with `platform`
   */
  readonly listenerPriority?: number;
  /**
   * With `platform`: host names routed to this service (`api.example.com`, wildcards `*` and `?`). With
   * `pathPatterns`, 1 to 5 values in all.
   * @default - none: any host
   */
  readonly hostHeaders?: string[];
  /**
   * With `platform`: paths routed to this service (`/api/*`).
   * @default - none: any path
   */
  readonly pathPatterns?: string[];
  /**
   * The VPC of the service.
   * @default - the platform's, with `platform`; required without one
   */
  readonly vpcId?: pulumi.Input<string>;
  /** Private subnets for the tasks (no public IPs are assigned). */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Subnets for the load balancer: public subnets when `internetFacing`.
   * @default - `subnetIds`
   */
  readonly loadBalancerSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The container image, pinned to a tag other than `latest` or to a digest: a string, or an Output (an
   * image built and pushed by the same program, `image.repoDigest`), checked with the same rule once it
   * is known.
   */
  readonly image: pulumi.Input<string>;
  /**
   * The port the container listens on.
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * The health-check path.
   * @default "/healthz"
   */
  readonly healthCheckPath?: string;
  /**
   * Fargate CPU units (256 … 16384).
   * @default - the profile's: 256 (dev), 512 (staging), 1024 (prod)
   */
  readonly cpu?: number;
  /**
   * Task memory in MiB, valid for the CPU size.
   * @default - the profile's: 512 (dev), 1024 (staging), 2048 (prod)
   */
  readonly memoryMiB?: number;
  /**
   * Fewest tasks. Below the profile's is a weakened default, recorded in the `groundwork-weakened` tag
   * and the `weakened` output.
   * @default - the profile's: 1 (dev), 2 (staging), 3 (prod)
   */
  readonly minCapacity?: number;
  /**
   * Most tasks.
   * @default - the profile's: 2 (dev), 4 (staging), 10 (prod)
   */
  readonly maxCapacity?: number;
  /**
   * Plain environment variables: strings, or Outputs of other resources (a database endpoint, a bucket
   * name), resolved into the task definition. They are stored in clear text there: names that look secret
   * (PASSWORD, TOKEN, API_KEY …) are refused, and so is a secret Output once it resolves; secrets still go
   * in `secrets`, by reference.
   * @default - none
   */
  readonly environmentVariables?: { readonly [name: string]: pulumi.Input<string> };
  /**
   * Secrets by reference: variable name → Secrets Manager secret ARN or SSM parameter ARN. The
   * execution role may read exactly these.
   * @default - none
   */
  readonly secrets?: { readonly [name: string]: pulumi.Input<string> };
  /**
   * The container user, `uid[:gid]`; root is refused.
   * @default "10001:10001"
   */
  readonly user?: string;
  /**
   * Read-only root filesystem (a writable `/tmp` is mounted). `false` is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Retention of the application log group (and of the load balancer access logs). Below the profile's
   * is a weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * KMS key for the log group: an `EncryptionKey` whose `services` include `"logs"`, or a key ARN whose
   * policy lets CloudWatch Logs use it.
   * @default - a new `EncryptionKey` named `<name>-key` that names CloudWatch Logs
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Pulumi `protect` on the key, log group and load balancer log bucket. `false` where the profile
   * protects (prod) is a weakened default, recorded in the `groundwork-weakened` tag and the `weakened`
   * output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
  /**
   * Deletion protection on the load balancer. `false` where the profile turns it on (staging, prod) is a
   * weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output. It is the first
   * step of moving a protected load balancer between internal and internet-facing (`internetFacing` cannot
   * change on a load balancer, so it is replaced, and AWS refuses to delete a protected one): `up` with
   * this `false`, then change `internetFacing` and `up` (a new load balancer and listeners; the old ones are
   * deleted), then remove this and `up`. See the component's doc.
   * @default - the profile's: false (dev), true (staging, prod)
   */
  readonly loadBalancerDeletionProtection?: boolean;
  /**
   * Customer-managed KMS keys that encrypt the secrets in `secrets` (for example the RDS-managed master
   * secret, encrypted with the database key). The execution role may decrypt with exactly these keys,
   * and only through Secrets Manager or SSM Parameter Store in the service's region.
   * @default - none: only secrets under AWS-managed keys can be read
   */
  readonly secretKeyArns?: pulumi.Input<string>[];
}

/** The keys of {@link ContainerServiceArgs}, checked against it by the compiler; any other key is refused. */
export const CONTAINER_SERVICE_ARG_KEYS = argKeys<ContainerServiceArgs>()([
  ...(["environment", "tags", "vpcId", "subnetIds", "loadBalancerSubnetIds", "image"] as const),
  ...(["containerPort", "certificateArn", "internetFacing", "allowedCidrBlocks", "healthCheckPath"] as const),
  ...(["cpu", "memoryMiB", "minCapacity", "maxCapacity", "environmentVariables", "secrets", "user"] as const),
  ...(["readOnlyRootFilesystem", "logRetentionDays", "encryptionKey", "protect", "secretKeyArns"] as const),
  ...(["loadBalancerDeletionProtection", "platform", "listenerPriority", "hostHeaders"] as const),
  "pathPatterns",
]);

/** ContainerService arguments with every default applied. */
export interface ResolvedContainerServiceArgs extends ResolvedCommon {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Where the load balancer goes: `loadBalancerSubnetIds`, else the task subnets. */
  readonly loadBalancerSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly image: pulumi.Input<string>;
  readonly containerPort: number;
  readonly certificateArn?: pulumi.Input<string>;
  readonly internetFacing: boolean;
  readonly allowedCidrBlocks: string[];
  readonly healthCheckPath: string;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly environmentVariables: EnvironmentVariables;
  readonly secrets: { readonly [name: string]: pulumi.Input<string> };
  readonly user: string;
  readonly readOnlyRootFilesystem: boolean;
  readonly logRetentionDays: number;
  readonly key: KeyChoice;
  readonly secretKeyArns: pulumi.Input<string>[];
  /** Deletion protection on the load balancer: `loadBalancerDeletionProtection`, else the profile's. */
  readonly deletionProtection: boolean;
  /** The shared cluster and load balancer, with `platform`. */
  readonly platform?: PlatformParts;
  /** The listener rule on the platform's listener, with `platform`. */
  readonly route: Route;
}

/** The VPC, subnets and image: the arguments without a default. Returns the image, checked. */
function required(v: Validator, args: ContainerServiceArgs, vpcId: pulumi.Input<string> | undefined) {
  const network = requireVpcAndSubnets(
    v,
    vpcId as pulumi.Input<string>,
    args.subnetIds,
    "the network's private subnet ids",
  );
  const listed = v.stringList(
    "loadBalancerSubnetIds",
    args.loadBalancerSubnetIds,
    "a list of public subnet ids",
  );
  const lbSubnets =
    listed === undefined
      ? undefined
      : (checkedInput(listed as pulumi.Input<unknown[]>, (known) =>
          v.listLength("loadBalancerSubnetIds", known, 2, 16),
        ) as pulumi.Input<pulumi.Input<string>[]>);
  return { ...network, lbSubnets, image: pinnedImage(v, "image", args.image) };
}

/** Who may reach the service's own load balancer, and its certificate; or, on a platform, its route. */
function loadBalancerAccess(v: Validator, args: ContainerServiceArgs, platform: PlatformParts | undefined) {
  const healthCheckPath = args.healthCheckPath ?? "/healthz";
  if (typeof healthCheckPath !== "string" || !/^\/[\x21-\x7e]{0,1023}$/.test(healthCheckPath)) {
    v.fail("healthCheckPath", healthCheckPath, "is not a valid path", "a path starting with /");
  }
  if (platform !== undefined) {
    const access: FrontAccess = { internetFacing: false, allowedCidrBlocks: [], weakened: [] };
    return { ...access, healthCheckPath, ...checkRoute(v, args, platform) };
  }
  for (const field of ["listenerPriority", "hostHeaders", "pathPatterns"] as const) {
    if (args[field] !== undefined)
      v.fail(
        field,
        args[field],
        "routes a service on a shared platform only",
        "platform: a ContainerPlatform",
      );
  }
  const access = resolveFrontAccess(v, args);
  if (access.internetFacing && args.loadBalancerSubnetIds === undefined) {
    v.fail(
      "loadBalancerSubnetIds",
      undefined,
      "is required with internetFacing",
      "the network's public subnet ids (tasks stay in subnetIds)",
    );
  }
  const route = { priority: 0, hostHeaders: [], pathPatterns: [] };
  return { ...access, healthCheckPath, route, claim: () => undefined };
}

/** The Fargate CPU and memory pair, and the capacity bounds. */
function sizing(v: Validator, args: ContainerServiceArgs, profile: EnvironmentProfile) {
  const cpu = args.cpu ?? AWS_SIZES[profile.environment].taskCpu;
  const cpus = `one of ${Object.keys(FARGATE_SIZES).join(", ")}`;
  // A string "256" is a key of the table too, so the type is checked first.
  if (typeof cpu !== "number") v.fail("cpu", cpu, "is not a number", cpus);
  if (!(cpu in FARGATE_SIZES)) v.fail("cpu", cpu, "is not a Fargate CPU size", cpus);
  const [memMin, memMax, memStep] = FARGATE_SIZES[cpu];
  const memory = v.integer(
    "memoryMiB",
    args.memoryMiB,
    memMin,
    memMax,
    Math.max(memMin, AWS_SIZES[profile.environment].taskMemoryMiB),
  );
  const memoryOk = cpu === 256 ? [512, 1024, 2048].includes(memory) : (memory - memMin) % memStep === 0;
  if (!memoryOk) {
    v.fail(
      "memoryMiB",
      memory,
      `is not a Fargate memory size for ${cpu} CPU units`,
      cpu === 256 ? "512, 1024 or 2048" : `${memMin} to ${memMax} in steps of ${memStep}`,
    );
  }
  const { minCapacity, maxCapacity } = resolveCapacity(v, args, profile, { floor: 1, ceiling: 100 });
  return { cpu, memory, minCapacity, maxCapacity };
}

/** Plain variables (nothing that looks secret) and secrets by Secrets Manager or SSM parameter ARN. */
function containerEnvironment(v: Validator, args: ContainerServiceArgs) {
  return resolveContainerEnvironment(v, args, "Secrets Manager or SSM parameter ARN", (field, ref) =>
    matchArn(v, field, ref, SECRET_REFERENCE_ARN),
  );
}

/** The container user (never root) and the read-only root filesystem flag. */
function containerUser(v: Validator, args: ContainerServiceArgs): { user: string; readOnly: boolean } {
  const user = args.user ?? "10001:10001";
  if (typeof user !== "string" || !/^\d+(:\d+)?$/.test(user)) {
    v.fail("user", user, "is not a numeric user", "uid or uid:gid, e.g. 10001:10001");
  }
  if (Number(user.split(":")[0]) === 0) v.fail("user", user, "is root", "a non-root uid, e.g. 10001:10001");
  return { user, readOnly: v.boolean("readOnlyRootFilesystem", args.readOnlyRootFilesystem, true) };
}

/** The customer keys the execution role may decrypt secrets with. */
function secretKeys(v: Validator, args: ContainerServiceArgs): pulumi.Input<string>[] {
  const arns = args.secretKeyArns ?? [];
  if (!Array.isArray(arns)) v.fail("secretKeyArns", arns, "is not a list", "a list of KMS key ARNs");
  return arns.map((arn, i) => matchArn(v, `secretKeyArns[${i}]`, arn, KMS_KEY_ARN));
}

/** Resolves ContainerService arguments; throws a GroundworkInputError on bad input. */
export function resolveContainerServiceArgs(
  v: Validator,
  args: ContainerServiceArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedContainerServiceArgs {
  strictArgs(v, args, CONTAINER_SERVICE_ARG_KEYS);
  const baseTags = awsTags(v, {
    environment: profile.environment,
    component: "aws.ContainerService",
    tags: args.tags,
  });
  const platform = sharedPlatform(v, args);
  const vpcId = args.vpcId ?? platform?.vpcId;
  const placed = required(v, args, vpcId);
  const port = v.integer("containerPort", args.containerPort, 1024, 65535, 8080);
  const access = loadBalancerAccess(v, args, platform);
  const size = sizing(v, args, profile);
  const { env, secrets } = containerEnvironment(v, args);
  const { user, readOnly } = containerUser(v, args);
  const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
  const key = resolveKeyChoice(v, args.encryptionKey, {
    needsLogs: true,
    create: { services: ["logs"], description: `Encrypts logs of ${v.resourceName}` },
  });
  validateDerivedNames(v, serviceNames(key.kind === "create", platform !== undefined));
  const secretKeyArns = secretKeys(v, args);
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
    ...(readOnly ? [] : ["readOnlyRootFilesystem"]),
    ...(profile.deletionProtection && !deletionProtection && platform === undefined
      ? ["loadBalancerDeletionProtection"]
      : []),
    ...weakenedAgainstProfile(profile, {
      minCapacity: size.minCapacity,
      logRetentionDays: retention,
      protect,
    }),
  ];
  // Every argument has passed: the service takes its priority on the platform.
  access.claim();
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, protect, weakened),
    vpcId: placed.vpcId,
    subnetIds: placed.subnetIds,
    loadBalancerSubnetIds: placed.lbSubnets ?? placed.subnetIds,
    image: placed.image,
    containerPort: port,
    certificateArn: platform === undefined ? access.certificateArn : undefined,
    internetFacing: access.internetFacing,
    allowedCidrBlocks: access.allowedCidrBlocks,
    healthCheckPath: access.healthCheckPath,
    cpu: size.cpu,
    memoryMiB: size.memory,
    minCapacity: size.minCapacity,
    maxCapacity: size.maxCapacity,
    environmentVariables: env,
    secrets,
    user,
    readOnlyRootFilesystem: readOnly,
    logRetentionDays: retention,
    key,
    secretKeyArns,
    deletionProtection,
    platform,
    route: access.route,
  };
}
