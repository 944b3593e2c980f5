// ContainerService (Cloud Run) arguments and their pure resolution: image, size, capacity, environment,
// secrets, placement and key decided, every default applied and every weakening named, before anything
// registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Shape,
  Validator,
  argKeys,
  isDeferred,
  pathShape,
  protectStateful,
  strictArgs,
  strictObject,
  validateDerivedNames,
  weakenedAgainstProfile,
} from "../../core";
import {
  ContainerEnvironmentArgs,
  EnvironmentVariables,
  pinnedImage,
  resolveCapacity,
  resolveContainerEnvironment,
} from "../../core/container-settings";
import { Labels, ResolvedGcpCommon, resolvedGcpCommon } from "../common";
import { checkNetworkRegion, validateRegion } from "../locations";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { CLOUD_RUN_SERVICE_NAME, gcpAutoNamed, serviceAccountIdFor } from "../naming";
import { Network } from "../network";
import { GCP_SIZES } from "../sizes";

/** A Secret Manager secret, optionally with a version: `projects/<p>/secrets/<s>[/versions/<v>]`. */
const SECRET_REFERENCE = /^(projects\/[^/]+\/secrets\/[^/]+)(?:\/versions\/([^/]+))?$/;
const SECRET_EXPECTED = "a Secret Manager secret (projects/<p>/secrets/<s>[/versions/<v>])";
const SECRET_PATHS = [
  pathShape("projects/{project}/secrets/{secret}", { what: "a secret", example: "projects/acme/secrets/db" }),
  pathShape("projects/{project}/secrets/{secret}/versions/{version}", {
    what: "a secret version",
    example: "",
  }),
];
/** A secret reference; a refused one is diagnosed against the form (with or without a version) nearest its length. */
const SECRET_SHAPE: Shape = {
  pattern: SECRET_REFERENCE,
  expected: SECRET_EXPECTED,
  problem: (value) => SECRET_PATHS[value.split("/").length > 4 ? 1 : 0].problem(value),
};
/** The CPU limits Cloud Run accepts for a whole-CPU instance. */
export const CLOUD_RUN_CPUS = ["1", "2", "4", "6", "8"] as const;
/** Where outbound traffic goes through the network: private ranges only, or everything. */
export const VPC_EGRESS = ["PRIVATE_RANGES_ONLY", "ALL_TRAFFIC"] as const;

/** The network a service sends its traffic through: a `Network`, or a network and subnet id. */
export type ServiceNetwork =
  Network | { readonly networkId: pulumi.Input<string>; readonly subnetId: pulumi.Input<string> };

/**
 * Arguments of `ContainerService` (Cloud Run). Any other key is refused (naming the closest valid one).
 * The service is auto-named `<name>-service-` plus 7 random characters, which must make a valid Cloud
 * Run name (at most 49). The service account id is shaped from the component name (its first 23 characters, `-` and a hash of
 * project, stack and name), so two stacks in one project do not collide.
 */
export interface ContainerServiceArgs extends ContainerEnvironmentArgs {
  /**
   * Environment profile: CPU, memory, instance bounds, deletion protection and `protect` on a key.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra labels for the service and key. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork labels
   */
  readonly labels?: Labels;
  /**
   * The container image, pinned to a tag other than `latest` or to a digest: a string, or an Output (an
   * image built and pushed by the same program), checked with the same rule once it is known.
   */
  readonly image: pulumi.Input<string>;
  /**
   * The network outbound traffic goes through (direct VPC egress): a `Network` (its private subnet) or
   * `{ networkId, subnetId }`.
   */
  readonly network: ServiceNetwork;
  /**
   * What goes through the network: `PRIVATE_RANGES_ONLY`, or `ALL_TRAFFIC` (internet egress then leaves
   * through the network's Cloud NAT and firewall).
   * @default "PRIVATE_RANGES_ONLY"
   */
  readonly vpcEgress?: (typeof VPC_EGRESS)[number];
  /**
   * The service's region, one of `GCP_REGIONS` (whether Cloud Run runs there is not checked); a key the
   * service creates is made there, and a given key must be there too (checked when both are known). With a
   * `Network`, it must be the Network's region (direct VPC egress takes a subnet in the service's region):
   * a different one is refused when both are plain strings. Fixed at creation: another region is a new
   * service with a new URL, which Cloud Run's deletion protection (on in staging and prod) refuses.
   * @default - the Network's region when a Network is given, else the provider's (`gcp:region`)
   */
  readonly region?: pulumi.Input<string>;
  /**
   * The port the container listens on.
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * Anyone on the internet may call the service: ingress from all sources and an `allUsers` invoker. A
   * weakened default, recorded in the `groundwork-weakened` label and the `weakened` output.
   * @default false (internal traffic and Google Cloud load balancers only; callers need `run.invoker`)
   */
  readonly publicAccess?: boolean;
  /**
   * CPU limit per instance: "1", "2", "4", "6" or "8".
   * @default - `GCP_SIZES[environment].serviceCpu`
   */
  readonly cpu?: string;
  /**
   * Memory limit per instance (`512Mi`, `2Gi`).
   * @default - `GCP_SIZES[environment].serviceMemory`
   */
  readonly memory?: string;
  /**
   * Fewest instances, 0 to 100. Below the profile's is a weakened default, recorded in the
   * `groundwork-weakened` label and the `weakened` output.
   * @default - the profile's: 1 (dev), 2 (staging), 3 (prod)
   */
  readonly minCapacity?: number;
  /**
   * Most instances.
   * @default - the profile's: 2 (dev), 4 (staging), 10 (prod)
   */
  readonly maxCapacity?: number;
  /**
   * Customer-managed key for the service: an `EncryptionKey` or a crypto key id in its region. The
   * Cloud Run service agent is granted on it before the service is created.
   * @default - a new `EncryptionKey` named `<name>-key` in the service's region
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Pulumi `protect` on a key the service creates. `false` where the profile protects (prod) is a
   * weakened default, recorded in the `groundwork-weakened` label and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The keys of {@link ContainerServiceArgs}, checked against it by the compiler; any other key is refused. */
export const CONTAINER_SERVICE_ARG_KEYS = argKeys<ContainerServiceArgs>()([
  ...(["environment", "labels", "image", "network", "vpcEgress", "region", "containerPort"] as const),
  ...(["publicAccess", "cpu", "memory", "minCapacity", "maxCapacity", "environmentVariables"] as const),
  ...(["secrets", "encryptionKey", "protect"] as const),
]);

/** A secret by reference: the secret, and the version read (`latest` unless one is named). */
export interface SecretReference {
  readonly secret: pulumi.Input<string>;
  readonly version: string;
}

/** ContainerService arguments with every default applied. */
export interface ResolvedContainerServiceArgs extends ResolvedGcpCommon {
  readonly image: pulumi.Input<string>;
  readonly networkId: pulumi.Input<string>;
  readonly subnetId: pulumi.Input<string>;
  readonly vpcEgress: (typeof VPC_EGRESS)[number];
  readonly region: pulumi.Input<string> | undefined;
  readonly containerPort: number;
  readonly publicAccess: boolean;
  readonly cpu: string;
  readonly memory: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly environmentVariables: EnvironmentVariables;
  readonly secrets: { readonly [name: string]: SecretReference };
  readonly key: KeyChoice;
  readonly serviceAccountId: string;
  readonly deletionProtection: boolean;
}

function placement(v: Validator, args: ContainerServiceArgs) {
  const region = validateRegion(v, "region", args.region);
  const expected = "a Network, or { networkId, subnetId }";
  const network = v.required("network", args.network, expected);
  if (network instanceof Network) {
    // Direct VPC egress needs the subnet in the service's region; checked when both are known now.
    checkNetworkRegion(
      v,
      args.region,
      network.regionName,
      "Cloud Run's direct VPC egress needs both in one region",
    );
    return {
      networkId: network.networkId,
      subnetId: network.privateSubnetId,
      region: region ?? network.region,
    };
  }
  // Checked like the arguments themselves: a plain object of exactly the two ids, each a string now or
  // an Output, so `{ networkId: 42 }` or a mistyped `subnetid` is refused here, not by the API.
  const ids = strictObject(v, "network", network, ["networkId", "subnetId"], expected);
  for (const field of ["networkId", "subnetId"] as const) {
    v.required(`network.${field}`, ids[field], `the ${field === "networkId" ? "network" : "subnet"} id`);
    v.stringInput(`network.${field}`, ids[field], expected);
  }
  return { networkId: ids.networkId, subnetId: ids.subnetId, region };
}

function sizing(v: Validator, args: ContainerServiceArgs, profile: EnvironmentProfile) {
  const sizes = GCP_SIZES[profile.environment];
  const cpu = v.oneOf(
    "cpu",
    args.cpu as (typeof CLOUD_RUN_CPUS)[number] | undefined,
    CLOUD_RUN_CPUS,
    sizes.serviceCpu as "1",
  );
  const memory = args.memory ?? sizes.serviceMemory;
  if (typeof memory !== "string" || !/^[1-9][0-9]*(Mi|Gi)$/.test(memory))
    v.fail("memory", memory, "is not a Cloud Run memory limit", "a size in Mi or Gi, e.g. 512Mi or 2Gi");
  return { cpu, memory };
}

/** Secret references: a known string must name a Secret Manager secret; a version is split off. */
function secretReferences(v: Validator, args: ContainerServiceArgs) {
  const { env, secrets } = resolveContainerEnvironment(v, args, SECRET_EXPECTED.slice(2), (field, ref) => {
    if (typeof ref === "string") v.shape(field, ref, SECRET_SHAPE);
    else if (!isDeferred(ref)) v.fail(field, ref, "is not a secret reference", SECRET_EXPECTED);
  });
  const refs: { [name: string]: SecretReference } = {};
  for (const [key, ref] of Object.entries(secrets)) {
    const m = typeof ref === "string" ? SECRET_REFERENCE.exec(ref) : null;
    refs[key] = m ? { secret: m[1], version: m[2] ?? "latest" } : { secret: ref, version: "latest" };
  }
  return { env, secrets: refs };
}

/** Resolves ContainerService arguments; throws a GroundworkInputError on bad input. */
export function resolveContainerServiceArgs(
  v: Validator,
  args: ContainerServiceArgs,
  profile: EnvironmentProfile,
  inheritedProtect = false,
): ResolvedContainerServiceArgs {
  strictArgs(v, args, CONTAINER_SERVICE_ARG_KEYS);
  const img = pinnedImage(v, "image", args.image);
  validateDerivedNames(v, [gcpAutoNamed("the service", CLOUD_RUN_SERVICE_NAME, "service")]);
  const place = placement(v, args);
  const vpcEgress = v.oneOf("vpcEgress", args.vpcEgress, VPC_EGRESS, "PRIVATE_RANGES_ONLY");
  const port = v.integer("containerPort", args.containerPort, 1, 65535, 8080);
  const publicAccess = v.boolean("publicAccess", args.publicAccess, false);
  const size = sizing(v, args, profile);
  // Cloud Run scales to zero, so 0 is accepted; below the profile's floor is a weakening.
  const capacity = resolveCapacity(v, args, profile, { floor: 0, ceiling: 100 });
  const { env, secrets } = secretReferences(v, args);
  const dataRegion = args.region ?? (args.network instanceof Network ? args.network.regionName : undefined);
  const key = resolveKeyChoice(v, args.encryptionKey, "run", dataRegion);
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  const weakened = [
    ...(publicAccess ? ["publicAccess"] : []),
    ...weakenedAgainstProfile(profile, { minCapacity: capacity.minCapacity, protect }),
  ];
  return {
    ...resolvedGcpCommon(
      v,
      profile,
      { component: "gcp.ContainerService", labels: args.labels, protect },
      weakened,
    ),
    image: img,
    ...place,
    vpcEgress,
    containerPort: port,
    publicAccess,
    cpu: size.cpu,
    memory: size.memory,
    minCapacity: capacity.minCapacity,
    maxCapacity: capacity.maxCapacity,
    environmentVariables: env,
    secrets,
    key,
    serviceAccountId: serviceAccountIdFor(v),
    deletionProtection: profile.deletionProtection,
  };
}
