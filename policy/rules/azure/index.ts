// Every Azure rule, written against raw @pulumi/azure-native v3 resources so they hold for any program, in
// the order the pack lists them. Adding a service area: a file here and a line below.
import { GroundworkPolicy, resourcePolicy } from "../../runtime";
import { storageRules, storageStackPolicies } from "./storage";
import { networkRules } from "./network";
import { keyVaultRules } from "./keyvault";
import { databaseRules } from "./databases";
import { computeRules } from "./compute";
import { aksRules, aksStackPolicies } from "./aks";
import { azureTagRules } from "./tags";
import { appRules } from "./apps";

/** Every Azure policy. */
export const azurePolicies: GroundworkPolicy[] = [
  ...[
    ...storageRules,
    ...networkRules,
    ...keyVaultRules,
    ...databaseRules,
    ...computeRules,
    ...aksRules,
    ...appRules,
    ...azureTagRules,
  ].map(resourcePolicy),
  ...storageStackPolicies,
  ...aksStackPolicies,
];
