// The physical name each resource type gets, and the rule its cloud holds it to: read from a synthesized
// graph (the caller's or the component's name input, else the auto-name the offline engine makes as the
// provider would), so a spec can prove every name a component makes fits, whatever the component name.
import { NameRule, nameProblemFor } from "../../components/core";
import * as awsNames from "../../components/aws/naming";
import * as gcpNames from "../../components/gcp/naming";
import * as azureNames from "../../components/azure/naming";
import { GraphResource, ResourceGraph } from "../../testing";

/** Per resource type: the property holding its physical name, and the rule for it. */
export const PHYSICAL_NAMES: Readonly<Record<string, readonly [property: string, rule: NameRule]>> = {
  "aws:lb/loadBalancer:LoadBalancer": ["name", awsNames.ELB_NAME],
  "aws:lb/targetGroup:TargetGroup": ["name", awsNames.ELB_NAME],
  "aws:iam/role:Role": ["name", awsNames.IAM_ROLE_NAME_RULE],
  "aws:iam/policy:Policy": ["name", awsNames.IAM_POLICY_NAME],
  "aws:iam/rolePolicy:RolePolicy": ["name", awsNames.IAM_POLICY_NAME],
  "aws:s3/bucket:Bucket": ["bucket", awsNames.S3_BUCKET_NAME],
  "aws:ecs/cluster:Cluster": ["name", awsNames.ECS_NAME],
  "aws:ecs/service:Service": ["name", awsNames.ECS_NAME],
  "aws:ecs/taskDefinition:TaskDefinition": ["family", awsNames.ECS_NAME],
  "aws:ec2/securityGroup:SecurityGroup": ["name", awsNames.SECURITY_GROUP_NAME],
  "aws:cloudwatch/logGroup:LogGroup": ["name", awsNames.LOG_GROUP_NAME],
  "aws:rds/parameterGroup:ParameterGroup": ["name", awsNames.RDS_PARAMETER_GROUP_NAME],
  "aws:rds/subnetGroup:SubnetGroup": ["name", awsNames.RDS_SUBNET_GROUP_NAME],
  "aws:kms/alias:Alias": ["name", awsNames.KMS_ALIAS_NAME],
  "gcp:compute/network:Network": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:compute/subnetwork:Subnetwork": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:compute/router:Router": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:compute/routerNat:RouterNat": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:compute/firewall:Firewall": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:compute/globalAddress:GlobalAddress": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:sql/databaseInstance:DatabaseInstance": ["name", gcpNames.GCP_RESOURCE_NAME],
  "gcp:storage/bucket:Bucket": ["name", gcpNames.GCS_BUCKET_NAME],
  "gcp:kms/keyRing:KeyRing": ["name", gcpNames.GCP_KMS_NAME],
  "gcp:kms/cryptoKey:CryptoKey": ["name", gcpNames.GCP_KMS_NAME],
  "gcp:serviceaccount/account:Account": ["accountId", gcpNames.GCP_SERVICE_ACCOUNT_ID],
  "gcp:cloudrunv2/service:Service": ["name", gcpNames.CLOUD_RUN_SERVICE_NAME],
  "azure-native:keyvault:Vault": ["vaultName", azureNames.KEY_VAULT_NAME],
  "azure-native:storage:StorageAccount": ["accountName", azureNames.AZURE_STORAGE_ACCOUNT_NAME],
  "azure-native:network:VirtualNetwork": ["virtualNetworkName", azureNames.VIRTUAL_NETWORK_NAME],
  "azure-native:operationalinsights:Workspace": ["workspaceName", azureNames.LOG_WORKSPACE_NAME],
  "azure-native:app:ContainerApp": ["containerAppName", azureNames.CONTAINER_APP_NAME],
  "azure-native:dbforpostgresql:Server": ["serverName", azureNames.POSTGRES_SERVER_NAME],
};

/** The physical name of `r`: the name input given, else the output the engine made (the provider's auto-name). */
export function physicalName(r: GraphResource, property: string): string | undefined {
  const given = r.inputs[property];
  if (typeof given === "string") return given;
  const made = r.outputs[property];
  return typeof made === "string" ? made : undefined;
}

/**
 * Every physical name in `graph` that breaks its rule, as `<type> <logical name>: "<physical>" <problem>`;
 * an empty list when all fit. Azure compares names without case, so those are checked lowercased.
 */
export function misfits(graph: ResourceGraph): string[] {
  const out: string[] = [];
  for (const r of graph.resources) {
    const entry = PHYSICAL_NAMES[r.type];
    if (entry === undefined) continue;
    const [property, rule] = entry;
    const name = physicalName(r, property);
    if (name === undefined) {
      out.push(`${r.type} ${r.name}: no ${property}`);
      continue;
    }
    const checked = r.type === "azure-native:dbforpostgresql:Server" ? name.toLowerCase() : name;
    const problem = nameProblemFor(rule, checked);
    if (problem !== undefined) out.push(`${r.type} ${r.name}: ${JSON.stringify(name)} ${problem}`);
  }
  return out;
}
