// ContainerService (Azure Container Apps): a managed environment inside the network's apps subnet, internal
// only, with its logs sent to a Log Analytics workspace through a diagnostic setting (no workspace shared
// key in state), and one app with internal HTTPS-only ingress, a user-assigned identity, Key Vault secret
// references only, a pinned image and replicas from the profile. It is a grantee: its identity.
import * as pulumi from "@pulumi/pulumi";
import { ContainerApp, ManagedEnvironment } from "@pulumi/azure-native/app";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { PrivateRecordSet } from "@pulumi/azure-native/privatedns";
import { Validator, childName, fittedNameArg } from "../../core";
import { outputProperties } from "../../core/component";
import { wirePlacement } from "../common";
import { linkedZone } from "../dns";
import { AzureGrantee, AzureGrants, AzurePrincipal, identityGrantee } from "../grants";
import { diagnostics, wireWorkspace } from "../logs";
import { afterGrants } from "../propagation";
import { AZURE_ROLES } from "../roles";
import {
  APP_NAMED,
  ContainerServiceArgs,
  ResolvedContainerServiceArgs,
  resolveContainerServiceArgs,
  secretName,
} from "./args";

export { ContainerServiceArgs } from "./args";

type Where = { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> };

/** An internal Container App in its own network-bound environment. */
export class ContainerService extends pulumi.ComponentResource implements AzureGrantee {
  /** The app's resource id. */
  public readonly appId: pulumi.Output<string>;
  /** The app's internal host name (reachable from inside the network). */
  public readonly fqdn: pulumi.Output<string>;
  /** The managed environment's resource id. */
  public readonly environmentId: pulumi.Output<string>;
  /** The resource group the environment and app are in. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The workspace the environment's logs go to. */
  public readonly logWorkspaceId: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw environment, app and the app's identity. */
  public readonly managedEnvironment: ManagedEnvironment;
  public readonly app: ContainerApp;
  public readonly identity: UserAssignedIdentity;
  /** As a grantee: the app's identity, a service principal, named after the service. */
  public readonly granteeName: string;
  public readonly grantPrincipal: AzurePrincipal;

  constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("azure.ContainerService", name);
    const r = resolveContainerServiceArgs(v, args, opts?.protect);
    super("groundwork:azure:ContainerService", name, {}, opts);
    const where = wirePlacement(this, name, r.placement, r.tags);
    const workspace = wireWorkspace(this, name, r.workspace, { ...where, tags: r.tags, protect: r.protect });
    this.identity = new UserAssignedIdentity(
      childName(name, "identity"),
      { ...where, tags: r.tags },
      { parent: this },
    );
    this.granteeName = name;
    this.grantPrincipal = identityGrantee(name, this.identity).grantPrincipal;
    // The identity reads the secrets before the first revision starts…
    const grants = new AzureGrants(this, name, () => v);
    const readGrants = r.secretVaultIds.map((vaultId, i) =>
      grants.assign(this, "read", `secrets-${i}`, vaultId, AZURE_ROLES.keyVaultSecretsUser),
    );
    // And pulls the image.
    if (r.registryId !== undefined)
      readGrants.push(grants.assign(this, "read", "registry", r.registryId, AZURE_ROLES.acrPull));
    this.managedEnvironment = new ManagedEnvironment(
      childName(name, "env"),
      {
        ...where,
        vnetConfiguration: { internal: true, infrastructureSubnetId: r.network.subnetId("apps") },
        // A delegated subnet takes a workload-profiles environment; Consumption runs apps serverless.
        workloadProfiles: [{ name: "Consumption", workloadProfileType: "Consumption" }],
        // Logs through diagnostic settings: no workspace shared key in the program or its state.
        appLogsConfiguration: { destination: "azure-monitor" },
        publicNetworkAccess: "Disabled",
        zoneRedundant: r.zoneRedundant,
        tags: r.tags,
      },
      { parent: this },
    );
    diagnostics(this, "env-diagnostics", this.managedEnvironment.id, workspace.id, ["AllMetrics"]);
    this.environmentDns(name, r, where.resourceGroupName);
    this.app = this.makeApp(name, r, where, readGrants);

    this.appId = this.app.id;
    this.fqdn = this.app.latestRevisionFqdn;
    this.environmentId = this.managedEnvironment.id;
    this.resourceGroupName = where.resourceGroupName;
    this.logWorkspaceId = workspace.id;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * An internal environment serves its apps on a private static IP under its default domain, which
   * nothing resolves on its own: a private zone for that domain, linked to the network, with a wildcard
   * record to the IP (`<name>-env-dns`, `-link`, `-wildcard`), so `fqdn` works from inside the network.
   */
  private environmentDns(
    name: string,
    r: ResolvedContainerServiceArgs,
    resourceGroupName: pulumi.Output<string>,
  ): void {
    const { zone } = linkedZone(
      this,
      childName(name, "env", "dns"),
      this.managedEnvironment.defaultDomain,
      { resourceGroupName, vnetId: r.network.vnetId },
      r.tags,
    );
    new PrivateRecordSet(
      childName(name, "env", "dns", "wildcard"),
      {
        resourceGroupName,
        privateZoneName: zone.name,
        recordType: "A",
        relativeRecordSetName: "*",
        ttl: 300,
        aRecords: [{ ipv4Address: this.managedEnvironment.staticIp }],
      },
      { parent: this },
    );
  }

  /** The app: internal ingress, no plain HTTP, its identity, Key Vault secret references only. */
  private makeApp(
    name: string,
    r: ResolvedContainerServiceArgs,
    where: Where,
    dependsOn: RoleAssignment[],
  ): ContainerApp {
    // The identity as the secrets and the registry see it: only once its grants are in force
    // (propagation.ts), or the first revision fails to read a secret or pull its image.
    const identity = afterGrants(dependsOn, this.identity.id);
    const secretVariables = Object.entries(r.secrets);
    return new ContainerApp(
      childName(name, "app"),
      {
        ...fittedNameArg("containerAppName", APP_NAMED, name),
        resourceGroupName: where.resourceGroupName,
        location: where.location,
        managedEnvironmentId: this.managedEnvironment.id,
        workloadProfileName: "Consumption",
        identity: { type: "UserAssigned", userAssignedIdentities: [this.identity.id] },
        configuration: {
          activeRevisionsMode: "Single",
          ingress: { external: false, allowInsecure: false, targetPort: r.containerPort, transport: "auto" },
          secrets: secretVariables.map(([variable, keyVaultUrl]) => ({
            name: secretName(variable),
            keyVaultUrl,
            identity,
          })),
          registries: r.registryServer ? [{ server: r.registryServer, identity }] : [],
        },
        template: {
          containers: [
            {
              name: "app",
              image: r.image,
              resources: { cpu: r.cpu, memory: r.memory },
              env: [
                ...Object.entries(r.environmentVariables).map(([n, value]) => ({ name: n, value })),
                ...secretVariables.map(([n]) => ({ name: n, secretRef: secretName(n) })),
              ],
            },
          ],
          scale: { minReplicas: r.minCapacity, maxReplicas: r.maxCapacity },
        },
        tags: r.tags,
      },
      { parent: this, dependsOn },
    );
  }
}
