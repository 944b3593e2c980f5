// Pieces every Azure component shares: the subscription and tenant a program deploys to, where the
// component's resources go (a resource group given or created, and a location), and the base of every
// resolved record (profile, tags conformed to Azure, placement).
import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import {
  Environment,
  EnvironmentProfile,
  ProfileSettings,
  Tags,
  Validator,
  checkedShape,
  childName,
  isDeferred,
  protectStateful,
  resolveProfile,
  strictArgs,
  weakenedAgainstProfile,
} from "../core";
import { ResolvedCommon, perRun, resolvedCommon } from "../core/component";
import { validateAzureLocation } from "./locations";
import { AZURE_LOCATION_SHAPE, RESOURCE_GROUP_NAME, azureAutoNamed } from "./naming";
import { fittedNameArg } from "../core/naming";
import { azureTags } from "./tags";

/** The subscription and tenant the component's resources land in. */
export interface AzureContext {
  readonly subscriptionId: string;
  readonly tenantId: string;
}

/** The subscription and tenant, looked up once per run through the component's provider. */
export function azureContext(parent: pulumi.Resource): pulumi.Output<AzureContext> {
  const provider = parent.getProvider("azure-native::getClientConfig");
  return perRun("azure:clientConfig", provider, () =>
    getClientConfigOutput({ parent }).apply((c) => ({
      subscriptionId: c.subscriptionId,
      tenantId: c.tenantId,
    })),
  );
}

/** The arguments every Azure component takes, whatever it builds. */
export interface AzureCommonArgs {
  /**
   * Environment profile: decides retention, availability, sizes and `protect`.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /**
   * The resource group: a `resources.ResourceGroup`, or the name of an existing one.
   * @default - a new resource group `<name>-rg` in `location`
   */
  readonly resourceGroup?: ResourceGroup | pulumi.Input<string>;
  /**
   * The Azure region, in its short form (`westeurope`).
   * @default - the given ResourceGroup's location; required when the group is a name or is created
   */
  readonly location?: pulumi.Input<string>;
  /**
   * Pulumi `protect` on the stateful children. `false` where the profile protects (prod) is a weakened
   * default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The keys of {@link AzureCommonArgs}, for spreading into a component's `argKeys` list. */
export const AZURE_COMMON_KEYS = ["environment", "tags", "resourceGroup", "location", "protect"] as const;

/** Where the component's resources go, decided before anything registers. */
export type Placement =
  | { readonly kind: "create"; readonly location: pulumi.Input<string> }
  | { readonly kind: "group"; readonly group: ResourceGroup; readonly location?: pulumi.Input<string> }
  | {
      readonly kind: "named";
      readonly name: pulumi.Input<string>;
      readonly location: pulumi.Input<string>;
    };

const LOCATION_EXPECTED = "an Azure region name such as westeurope (lowercase letters and digits)";
/** Resource group names: 1-90 of letters, digits, `_ . - ( )`, not ending in a period. */
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
const RESOURCE_GROUP_SHAPE = checkedShape(
  RESOURCE_GROUP,
  "a resource group name (1-90 of letters, digits, _ . - ( ))",
  [
    [(g) => g.length >= 1 && g.length <= 90, "is not 1-90 characters long"],
    [(g) => /^[-\w.()]*$/.test(g), "has characters other than letters, digits and _ . - ( )"],
    [(g) => !g.endsWith("."), "ends in a period"],
  ],
);

/** Validates `resourceGroup` and `location`; throws a GroundworkInputError on bad input. */
export function resolvePlacement(v: Validator, args: AzureCommonArgs): Placement {
  const { resourceGroup: group, location } = args;
  v.stringInput("location", location, LOCATION_EXPECTED);
  v.shape("location", location, AZURE_LOCATION_SHAPE);
  validateAzureLocation(v, "location", location);
  if (group instanceof ResourceGroup) return { kind: "group", group, location };
  const where = v.required<pulumi.Input<string>>("location", location, LOCATION_EXPECTED);
  if (group === undefined) return { kind: "create", location: where };
  if (typeof group !== "string" && !isDeferred(group))
    v.fail("resourceGroup", group, "is not a resource group", "a resources.ResourceGroup or its name");
  // Checked now when known, once known when an Output; the children take the checked name.
  return { kind: "named", name: v.shape("resourceGroup", group, RESOURCE_GROUP_SHAPE), location: where };
}

/** The resource group name and location for a placement, creating `<name>-rg` when asked. */
export function wirePlacement(
  scope: pulumi.Resource,
  name: string,
  placement: Placement,
  tags: Tags,
): { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> } {
  if (placement.kind === "group") {
    return {
      resourceGroupName: placement.group.name,
      location: pulumi.output(placement.location ?? placement.group.location),
    };
  }
  if (placement.kind === "named")
    return { resourceGroupName: pulumi.output(placement.name), location: pulumi.output(placement.location) };
  const group = new ResourceGroup(
    childName(name, "rg"),
    {
      // A long component name is shortened with a hash to the 90 characters a group takes (ADR 0020).
      ...fittedNameArg(
        "resourceGroupName",
        azureAutoNamed("the resource group", RESOURCE_GROUP_NAME, "rg"),
        name,
      ),
      location: placement.location,
      tags,
    },
    { parent: scope },
  );
  return { resourceGroupName: group.name, location: group.location };
}

/** The start of every resolved Azure record: the profile, the tags before weakenings, placement, protect. */
export interface AzureBase {
  readonly profile: EnvironmentProfile;
  readonly baseTags: Tags;
  readonly placement: Placement;
  readonly protect: boolean;
  readonly callerTags: Tags | undefined;
}

/**
 * Checks `args` against the component's keys (`component` is its type, `azure.StorageAccount`) and
 * resolves what every Azure component shares; `inheritedProtect` is the component's own `protect` option.
 */
export function resolveAzureBase(
  v: Validator,
  args: AzureCommonArgs,
  o: { readonly component: string; readonly keys: readonly string[]; readonly inheritedProtect?: boolean },
): AzureBase {
  strictArgs(v, args, o.keys);
  const profile = resolveProfile(v, args.environment);
  const baseTags = azureTags(
    v,
    { environment: profile.environment, component: o.component, tags: args.tags },
    { storageAccount: o.component === "azure.StorageAccount" },
  );
  const placement = resolvePlacement(v, args);
  const explicit = v.boolean("protect", args.protect, profile.protect);
  const protect = protectStateful(profile, explicit, o.inheritedProtect);
  return { profile, baseTags, placement, protect, callerTags: args.tags };
}

/** What every resolved Azure record holds: the common part and the placement. */
export interface AzureResolved extends ResolvedCommon {
  readonly placement: Placement;
}

/**
 * The common part of a resolved record: `weakened` (the component's own) plus the profile settings that
 * fall below the profile, `protect` included, recorded in the tags.
 */
export function azureResolved(
  base: AzureBase,
  weakened: readonly string[],
  settings: ProfileSettings = {},
): AzureResolved {
  const below = weakenedAgainstProfile(base.profile, { ...settings, protect: base.protect });
  return {
    ...resolvedCommon(base.profile, { base: base.baseTags, caller: base.callerTags }, base.protect, [
      ...weakened,
      ...below,
    ]),
    placement: base.placement,
  };
}
