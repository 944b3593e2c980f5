// Where an Azure component's diagnostics go: a Log Analytics workspace given by id, or one the component
// creates (`<name>-logs`) with the profile's retention, and the diagnostic setting that sends a
// resource's logs there.
import * as pulumi from "@pulumi/pulumi";
import { DiagnosticSetting } from "@pulumi/azure-native/monitor";
import { Workspace } from "@pulumi/azure-native/operationalinsights";
import {
  Tags,
  Validator,
  childName,
  fittedNameArg,
  pathShape,
  validateDerivedNames,
  validateLogRetention,
} from "../core";
import { LOG_WORKSPACE_NAME, azureAutoNamed } from "./naming";

/** Log Analytics workspace ids: `/subscriptions/…/providers/Microsoft.OperationalInsights/workspaces/<name>`. */
const WORKSPACE_ID = pathShape(
  "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{workspace}",
  {
    what: "a Log Analytics workspace resource id",
    example: "/subscriptions/<id>/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs",
    ignoreCase: true,
  },
);

/** The arguments of a component that logs. */
export interface AzureLogArgs {
  /**
   * Retention of the workspace the component creates (30 to 730 days). Below the profile's is a weakened
   * default. Ignored when `logWorkspaceId` is given: that workspace's retention is its owner's.
   * @default - the profile's: 30 days in dev, 90 in staging, 365 in prod
   */
  readonly logRetentionDays?: number;
  /**
   * The resource id of a Log Analytics workspace to send diagnostics to.
   * @default - a new workspace `<name>-logs` with `logRetentionDays`
   */
  readonly logWorkspaceId?: pulumi.Input<string>;
}

/** The keys of {@link AzureLogArgs}, for spreading into a component's `argKeys` list. */
export const AZURE_LOG_KEYS = ["logRetentionDays", "logWorkspaceId"] as const;

/** The workspace a component logs to, decided before anything registers. */
export type WorkspaceChoice =
  | { readonly kind: "create"; readonly retentionDays: number }
  | { readonly kind: "given"; readonly id: pulumi.Input<string> };

/** The log workspace's physical name, made from the component name. */
export const WORKSPACE_NAMED = azureAutoNamed("the log workspace", LOG_WORKSPACE_NAME, "logs");

/** Validates `logRetentionDays` and `logWorkspaceId`; returns the choice and the effective retention. */
export function resolveWorkspace(v: Validator, args: AzureLogArgs, profileDays: number): WorkspaceChoice {
  const days = validateLogRetention(v, args.logRetentionDays, profileDays);
  if (days < 30 || days > 730)
    v.fail("logRetentionDays", days, "is outside what Log Analytics keeps", "from 30 to 730 days");
  const id = v.stringInput("logWorkspaceId", args.logWorkspaceId, "a Log Analytics workspace resource id");
  v.shape("logWorkspaceId", id, WORKSPACE_ID);
  if (id !== undefined) return { kind: "given", id };
  // The workspace this component creates must have a name Log Analytics takes: checked before any child.
  validateDerivedNames(v, [WORKSPACE_NAMED]);
  return { kind: "create", retentionDays: days };
}

/** The effective retention a choice records (a given workspace's is its owner's: not compared). */
export function retentionOf(choice: WorkspaceChoice): number | undefined {
  return choice.kind === "create" ? choice.retentionDays : undefined;
}

/** The workspace for a choice, creating `<name>-logs` when asked. */
export function wireWorkspace(
  scope: pulumi.Resource,
  name: string,
  choice: WorkspaceChoice,
  o: {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly tags: Tags;
    readonly protect: boolean;
  },
): { id: pulumi.Output<string>; workspace?: Workspace } {
  if (choice.kind === "given") return { id: pulumi.output(choice.id) };
  const workspace = new Workspace(
    childName(name, "logs"),
    {
      ...fittedNameArg("workspaceName", WORKSPACE_NAMED, name),
      resourceGroupName: o.resourceGroupName,
      location: o.location,
      sku: { name: "PerGB2018" },
      retentionInDays: choice.retentionDays,
      // Local (shared-key) ingestion stays on: a Container Apps environment sends its logs with the key.
      features: { enableLogAccessUsingOnlyResourcePermissions: true },
      tags: o.tags,
    },
    { parent: scope, protect: o.protect },
  );
  return { id: workspace.id, workspace };
}

/** Sends every log category group and the named metric categories of `resourceUri` to the workspace. */
export function diagnostics(
  scope: pulumi.Resource,
  childSuffix: string,
  resourceUri: pulumi.Input<string>,
  workspaceId: pulumi.Input<string>,
  metricCategories: readonly string[] = [],
): DiagnosticSetting {
  const name = childName((scope as unknown as { __name: string }).__name, childSuffix);
  return new DiagnosticSetting(
    name,
    {
      name,
      resourceUri,
      workspaceId,
      logs: [{ categoryGroup: "allLogs", enabled: true }],
      metrics: metricCategories.map((category) => ({ category, enabled: true })),
    },
    { parent: scope },
  );
}
