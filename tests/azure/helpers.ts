// Shared helpers for the Azure component specs: synth in update mode with the outputs Azure computes
// (vault URI, principal ids, names, public IP addresses), the tag check over a component's descendants,
// and a stand-in Network.
import * as pulumi from "@pulumi/pulumi";
import { Network } from "../../components/azure";
import { GraphQuery, NewResourceHook, SynthOptions } from "../../testing";
import { assertGroundworkTags, run as runAws } from "../aws/helpers";

export { assertRejected, errorOf, inputs, protectedNames, rejectsInputs, urnOf } from "../aws/helpers";

/** Token prefix of every azure-native resource type. */
const AZ = "azure-native:";
export const T = {
  group: `${AZ}resources:ResourceGroup`,
  vault: `${AZ}keyvault:Vault`,
  key: `${AZ}keyvault:Key`,
  identity: `${AZ}managedidentity:UserAssignedIdentity`,
  role: `${AZ}authorization:RoleAssignment`,
  account: `${AZ}storage:StorageAccount`,
  blob: `${AZ}storage:BlobServiceProperties`,
  container: `${AZ}storage:BlobContainer`,
  workspace: `${AZ}operationalinsights:Workspace`,
  diagnostics: `${AZ}monitor:DiagnosticSetting`,
  vnet: `${AZ}network:VirtualNetwork`,
  subnet: `${AZ}network:Subnet`,
  nsg: `${AZ}network:NetworkSecurityGroup`,
  natGateway: `${AZ}network:NatGateway`,
  publicIp: `${AZ}network:PublicIPAddress`,
  postgres: `${AZ}dbforpostgresql:Server`,
  postgresConfig: `${AZ}dbforpostgresql:Configuration`,
  postgresAdmin: `${AZ}dbforpostgresql:AdministratorsMicrosoftEntra`,
  database: `${AZ}dbforpostgresql:Database`,
  dnsZone: `${AZ}privatedns:PrivateZone`,
  dnsLink: `${AZ}privatedns:VirtualNetworkLink`,
  lock: `${AZ}authorization:ManagementLockByScope`,
  managedEnvironment: `${AZ}app:ManagedEnvironment`,
  containerApp: `${AZ}app:ContainerApp`,
} as const;

/** Synthesizes a program in update mode, with the outputs Azure would compute for the resources used here. */
export function run(program: () => unknown, options: SynthOptions = {}): ReturnType<typeof runAws> {
  return runAws(program, { newResource: azureOutputs, ...options });
}

/** What Azure computes for the resources the specs read: names, the vault URI, principal ids, endpoints. */
const azureOutputs: NewResourceHook = ({ type, name, inputs }) => ({
  state: {
    name: `${name}-physical`,
    ...(type === T.vault
      ? { properties: { ...(inputs.properties as object), vaultUri: `https://${name}.vault.azure.net/` } }
      : {}),
    ...(type === T.key ? { keyUri: `https://vault.vault.azure.net/keys/${name}` } : {}),
    ...(type === T.identity ? { principalId: `${name}-principal`, clientId: `${name}-client` } : {}),
    ...(type === T.account ? { primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/` } } : {}),
    ...(type === T.publicIp ? { ipAddress: "203.0.113.7" } : {}),
    ...(type === T.managedEnvironment
      ? { defaultDomain: `${name}.westeurope.azurecontainerapps.io`, staticIp: "10.0.32.250" }
      : {}),
  },
});

/** Types whose Azure resources take no tags. */
const UNTAGGABLE = new Set<string>([
  T.role,
  T.blob,
  T.container,
  T.diagnostics,
  T.subnet,
  T.postgresConfig,
  T.postgresAdmin,
  T.database,
  T.lock,
  // Record sets carry `metadata`, DNS zone groups nothing: Azure gives neither tags.
  `${AZ}privatedns:PrivateRecordSet`,
  `${AZ}network:PrivateDnsZoneGroup`,
  // A KubernetesCluster's Kubernetes provider is a Pulumi provider, not an Azure resource.
  "pulumi:providers:kubernetes",
]);

/** Asserts the Groundwork tags (and `extra`) on every taggable custom descendant of `root`. */
export function assertTagged(
  q: GraphQuery,
  root: string,
  environment: string,
  extra: Record<string, string> = {},
): void {
  assertGroundworkTags(q, root, UNTAGGABLE, { environment, cloud: "azure", extra });
}

/**
 * A Network as far as validation and wiring look (nothing registers): the given subnet tiers and a VNet id,
 * so a component on it can be refused, or built, without the Network's own children.
 */
export function networkLike(tiers: readonly string[]): Network {
  const subnetIds = Object.fromEntries(tiers.map((t) => [t, pulumi.output(`${t}-subnet-id`)]));
  return Object.assign(Object.create(Network.prototype) as Network, {
    subnetIds,
    vnetId: pulumi.output("vnet-id"),
  });
}
