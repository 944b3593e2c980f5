// ContainerService (Azure) arguments and their pure resolution: the image pinned, plain variables free of
// anything that looks secret, secrets as Key Vault references only, sizes and replicas from the profile,
// every weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import { Validator, argKeys, checkedShape, validateDerivedNames } from "../../core";
import {
  EnvironmentVariables,
  pinnedImage,
  resolveCapacity,
  resolveContainerEnvironment,
} from "../../core/container-settings";
import {
  AZURE_COMMON_KEYS,
  AzureCommonArgs,
  AzureResolved,
  azureResolved,
  resolveAzureBase,
} from "../common";
import { AZURE_LOG_KEYS, AzureLogArgs, WorkspaceChoice, resolveWorkspace, retentionOf } from "../logs";
import { ACR_HOST_SHAPE, ACR_REGISTRY_SHAPE, CONTAINER_APP_NAME, azureAutoNamed } from "../naming";
import { Network, networkWithTier } from "../network";
import { AZURE_SIZES } from "../sizes";

export interface ContainerServiceArgs extends AzureCommonArgs, AzureLogArgs {
  /** The network whose `apps` tier (delegated to Container Apps) the environment goes in, internal only. */
  readonly network: Network;
  /**
   * The image, pinned: `repo:tag` (not `latest`) or `repo@sha256:digest`; a string, or an Output (an image
   * built and pushed by the same program), checked with the same rule once it is known.
   */
  readonly image: pulumi.Input<string>;
  /** The port the container listens on (internal ingress targets it). @default 8080 */
  readonly containerPort?: number;
  /** CPU cores per replica. @default - the profile's, from AZURE_SIZES */
  readonly cpu?: number;
  /** Memory per replica, `<n>Gi`, paired with the CPU as Azure requires. @default - the profile's */
  readonly memory?: string;
  /** Fewest replicas; below the profile's is a weakened default. @default - the profile's */
  readonly minCapacity?: number;
  /** Most replicas. @default - the profile's */
  readonly maxCapacity?: number;
  /**
   * Plain environment variables: strings, or Outputs of other resources (a database's FQDN, a storage
   * account name), resolved into the app. Stored in clear text: a name that looks secret is refused, and so
   * is a secret Output once it resolves; secrets still go in `secrets`, by Key Vault reference.
   * @default - none
   */
  readonly environmentVariables?: { readonly [name: string]: pulumi.Input<string> };
  /**
   * Secrets by variable name, each a Key Vault secret URL (`https://<vault>.vault.azure.net/secrets/<name>`)
   * read with the app's identity: grant it with `secretVaultIds`. @default - none
   */
  readonly secrets?: { readonly [name: string]: pulumi.Input<string> };
  /** Key Vaults (resource ids) the app's identity may read secrets from ("Key Vault Secrets User"). @default - none */
  readonly secretVaultIds?: pulumi.Input<string>[];
  /** A container registry (`<name>.azurecr.io`) pulled from with the app's identity. @default - none: a public image */
  readonly registryServer?: string;
  /**
   * The registry's resource id: the app's identity gets "AcrPull" on it (`<name>-grant-registry`)
   * before the app is created, so the first revision can pull. Needs `registryServer`.
   * @default - none: grant AcrPull to `identity` yourself
   */
  readonly registryId?: pulumi.Input<string>;
}

const REGISTRY_ID_EXPECTED =
  "a registry resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>";

/** The keys of {@link ContainerServiceArgs}, checked against it by the compiler; any other key is refused. */
export const CONTAINER_SERVICE_ARG_KEYS = argKeys<ContainerServiceArgs>()([
  ...AZURE_COMMON_KEYS,
  ...AZURE_LOG_KEYS,
  ...(["network", "image", "containerPort", "cpu", "memory", "minCapacity", "maxCapacity"] as const),
  ...(["environmentVariables", "secrets", "secretVaultIds", "registryServer", "registryId"] as const),
]);

/** ContainerService arguments with every default applied. */
export interface ResolvedContainerServiceArgs extends AzureResolved {
  readonly workspace: WorkspaceChoice;
  readonly network: Network;
  readonly image: pulumi.Input<string>;
  readonly containerPort: number;
  readonly cpu: number;
  readonly memory: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly environmentVariables: EnvironmentVariables;
  readonly secrets: { readonly [name: string]: pulumi.Input<string> };
  readonly secretVaultIds: pulumi.Input<string>[];
  readonly registryServer: string | undefined;
  readonly registryId: pulumi.Input<string> | undefined;
  readonly zoneRedundant: boolean;
}

const KEY_VAULT_SECRET = checkedShape(
  /^https:\/\/[a-z0-9-]{3,24}\.vault\.azure\.net\/secrets\/[A-Za-z0-9-]{1,127}(\/[0-9a-f]{32})?$/,
  "https://<vault>.vault.azure.net/secrets/<name>[/<version>]",
  [
    [(u) => u.startsWith("https://"), "is not an https:// URL"],
    [
      (u) => /^https:\/\/[^/]+\.vault\.azure\.net\//.test(u),
      "is not on a Key Vault host (<vault>.vault.azure.net)",
    ],
    [
      (u) => /^https:\/\/[a-z0-9-]{3,24}\./.test(u),
      "has a vault name other than 3-24 lowercase letters, digits and -",
    ],
    [(u) => /\.net\/secrets\/[^/]+/.test(u), "does not name a secret (/secrets/<name>)"],
    [
      (u) => /\/secrets\/[A-Za-z0-9-]{1,127}(\/|$)/.test(u),
      "has a secret name other than 1-127 letters, digits and -",
    ],
    [(u) => /\/secrets\/[^/]+(\/[0-9a-f]{32})?$/.test(u), "has a version other than 32 lowercase hex digits"],
  ],
);

/** A secret's name in the app (lowercase letters, digits and hyphens), from its variable name. */
export function secretName(variable: string): string {
  return variable.toLowerCase().replace(/_/g, "-");
}

/** Plain variables (the shared check) and Key Vault secret references whose app secret names differ. */
function resolveVariables(
  v: Validator,
  args: ContainerServiceArgs,
): Pick<ResolvedContainerServiceArgs, "environmentVariables" | "secrets"> {
  const taken = new Map<string, string>();
  const { env, secrets } = resolveContainerEnvironment(v, args, "Key Vault secret URL", (field, url) => {
    v.stringInput(field, url, "a Key Vault secret URL");
    v.shape(field, url, KEY_VAULT_SECRET);
    // Container Apps secret names are lowercase: DB_KEY and db_key would be one secret.
    const name = field.slice("secrets.".length);
    const other = taken.get(secretName(name));
    if (other !== undefined)
      v.fail(field, name, `names the same app secret as ${other}`, "names that differ beyond case");
    taken.set(secretName(name), name);
  });
  return { environmentVariables: { ...env }, secrets: { ...secrets } };
}

/** The container app's physical name, made from the component name. */
export const APP_NAMED = azureAutoNamed("the container app", CONTAINER_APP_NAME, "app");

/** Resolves ContainerService arguments; throws a GroundworkInputError on bad input. */
export function resolveContainerServiceArgs(
  v: Validator,
  args: ContainerServiceArgs,
  inheritedProtect?: boolean,
): ResolvedContainerServiceArgs {
  const base = resolveAzureBase(v, args, {
    component: "azure.ContainerService",
    keys: CONTAINER_SERVICE_ARG_KEYS,
    inheritedProtect,
  });
  const { profile } = base;
  const sizes = AZURE_SIZES[profile.environment];
  // The app's name is the strictest the component's name makes (the environment's and identity's are looser).
  validateDerivedNames(v, [APP_NAMED]);
  const network = networkWithTier(v, args.network, "apps");
  const image = pinnedImage(v, "image", args.image);
  const containerPort = v.integer("containerPort", args.containerPort, 1, 65535, 8080);
  if (
    args.cpu !== undefined &&
    (typeof args.cpu !== "number" || args.cpu < 0.25 || args.cpu > 4 || (args.cpu * 4) % 1 !== 0)
  )
    v.fail("cpu", args.cpu, "is not a Container Apps CPU", "0.25 to 4 in steps of 0.25");
  const cpu = args.cpu ?? sizes.appCpu;
  const memory = args.memory ?? (args.cpu !== undefined ? `${cpu * 2}Gi` : sizes.appMemory);
  v.shape(
    "memory",
    memory,
    checkedShape(/^\d+(\.\d+)?Gi$/, "memory as <n>Gi, twice the CPU (0.5Gi per 0.25 cores)", [
      [(m) => m.endsWith("Gi"), 'does not end in "Gi"'],
      [(m) => /^\d+(\.\d+)?Gi$/.test(m), "is not a number of Gi"],
    ]),
  );
  const { minCapacity, maxCapacity } = resolveCapacity(v, args, profile, { floor: 0, ceiling: 300 });
  const secretVaultIds = v.stringList(
    "secretVaultIds",
    v.known(
      "secretVaultIds",
      args.secretVaultIds ?? [],
      "grants the app's identity on each vault, one role assignment per entry, named by its position",
    ),
    "a list of Key Vault resource ids",
  );
  const registryServer = v.stringInput(
    "registryServer",
    args.registryServer,
    "a registry host such as contoso.azurecr.io",
  );
  v.shape("registryServer", registryServer, ACR_HOST_SHAPE);
  const registryId = v.stringInput("registryId", args.registryId, REGISTRY_ID_EXPECTED);
  v.shape("registryId", registryId, ACR_REGISTRY_SHAPE);
  if (registryId !== undefined && registryServer === undefined)
    v.fail(
      "registryServer",
      undefined,
      "is required with registryId",
      "the registry's host, <name>.azurecr.io",
    );
  const workspace = resolveWorkspace(v, args, profile.logRetentionDays);
  return {
    ...azureResolved(base, [], { logRetentionDays: retentionOf(workspace), minCapacity }),
    workspace,
    network,
    image,
    containerPort,
    cpu,
    memory,
    minCapacity,
    maxCapacity,
    ...resolveVariables(v, args),
    secretVaultIds: [...secretVaultIds],
    registryServer,
    registryId,
    zoneRedundant: profile.highAvailability,
  };
}
