// Azure Key Vault rules. The SDK fills in `enableRbacAuthorization: false`, `publicNetworkAccess: "enabled"`
// and `softDeleteRetentionInDays: 90` on the client, so a vault the program says nothing about still has
// values to judge; and `properties` is one object, wholly unknown in preview if any part of it is (the
// tenant id often is), so every vault rule is undecided there and decides in update mode.
import type { KeyArgs, VaultArgs } from "@pulumi/azure-native/keyvault";
import { ResourceRule } from "../../runtime";
import { Inputs, Props, onInputs, record, records } from "../../runtime/props";
import { publicNetworkDisabled } from "./storage";
import { T } from "./resource-types";

type Report = Parameters<ResourceRule["validateResource"]>[1];

/** A rule over vaults, given their `properties` (reading it throws the engine's unknown in preview). */
const onVault = (check: (properties: Props, report: Report) => void) =>
  onInputs<VaultArgs>(T.vault, (vault, report) => check(record(vault.properties), report));

/** A rule over keys, given their `properties`. */
const onKey = (check: (properties: Props, report: Report) => void) =>
  onInputs<KeyArgs>(T.key, (key: Inputs<KeyArgs>, report) => check(record(key.properties), report));

export const keyVaultRules: ResourceRule[] = [
  {
    name: "azure-keyvault-purge-protection",
    area: "azure",
    severity: "high",
    description:
      "Key Vaults keep soft delete on and enable purge protection, so deleted keys can be recovered.",
    remediationSteps:
      "Set `properties.enablePurgeProtection: true` and leave `enableSoftDelete` unset or true.",
    references: ["CIS Azure 8.5", "CKV_AZURE_110", "CKV_AZURE_42"],
    validateResource: onVault((p, report) => {
      if (p.enablePurgeProtection !== true) report("properties.enablePurgeProtection is not true");
      if (p.enableSoftDelete === false) report("properties.enableSoftDelete is false");
    }),
  },
  {
    name: "azure-keyvault-soft-delete-retention",
    area: "azure",
    severity: "medium",
    description: "Key Vaults keep deleted objects for the full 90 days.",
    remediationSteps: "Leave `properties.softDeleteRetentionInDays` unset or set it to 90.",
    references: ["Groundwork BASELINE Azure Key Vault"],
    configSchema: {
      properties: {
        minimumRetentionDays: {
          type: "integer",
          minimum: 7,
          maximum: 90,
          default: 90,
          description: "Shortest soft-delete retention accepted.",
        },
      },
    },
    types: T.vault,
    validateResource(args, report) {
      const min = args.getConfig<{ minimumRetentionDays?: number }>().minimumRetentionDays ?? 90;
      onVault((p) => {
        const days = p.softDeleteRetentionInDays ?? 90;
        if (typeof days === "number" && days < min)
          report(`softDeleteRetentionInDays is ${days} (at least ${min})`);
      })(args, report);
    },
  },
  {
    name: "azure-keyvault-network-deny",
    area: "azure",
    severity: "high",
    description:
      "Key Vaults deny network access by default: public network access disabled, or network ACLs whose default " +
      'action is Deny (the SDK fills in publicNetworkAccess "enabled", and no ACLs means Allow).',
    remediationSteps:
      'Set `properties.publicNetworkAccess: "disabled"` with a private endpoint, or `properties.networkAcls: ' +
      '{ defaultAction: "Deny", bypass: "AzureServices" }` with the IP and subnet rules you need.',
    references: ["CIS Azure 8.7", "CKV_AZURE_109"],
    validateResource: onVault((p, report) => {
      if (publicNetworkDisabled(p.publicNetworkAccess)) return;
      const action = record(p.networkAcls).defaultAction ?? "Allow";
      if (action !== "Deny") report(`networkAcls.defaultAction is ${JSON.stringify(action)}`);
    }),
  },
  {
    name: "azure-keyvault-rbac",
    area: "azure",
    severity: "high",
    description:
      "Key Vaults authorize data access with Azure RBAC, not vault access policies (the SDK defaults " +
      "`enableRbacAuthorization` to false).",
    remediationSteps:
      "Set `properties.enableRbacAuthorization: true`, remove `accessPolicies`, and grant Key Vault roles " +
      "(Crypto Service Encryption User, Secrets User) to the identities that need them.",
    references: ["CIS Azure 8.6"],
    validateResource: onVault((p, report) => {
      if (p.enableRbacAuthorization !== true) report("properties.enableRbacAuthorization is not true");
    }),
  },
  {
    name: "azure-keyvault-key-expiry",
    area: "azure",
    severity: "high",
    description: "Key Vault keys carry an expiry date.",
    remediationSteps:
      "Set `properties.attributes.expires` (epoch seconds) and a rotation policy that renews the key before it.",
    references: ["CIS Azure 8.1", "CKV_AZURE_40"],
    validateResource: onKey((p, report) => {
      if (record(p.attributes).expires === undefined) report("properties.attributes.expires is not set");
    }),
  },
  {
    name: "azure-keyvault-key-rotation",
    area: "azure",
    severity: "high",
    description: "Key Vault keys rotate automatically: a rotation policy with a `rotate` lifetime action.",
    remediationSteps:
      'Set `properties.rotationPolicy` with `lifetimeActions: [{ action: { type: "rotate" }, trigger: ' +
      '{ timeAfterCreate: "P90D" } }]` and an `attributes.expiryTime`.',
    references: ["CIS Azure 8.8"],
    validateResource: onKey((p, report) => {
      const actions = records(record(p.rotationPolicy).lifetimeActions);
      const rotates = actions.some((a) => String(record(a.action).type ?? "").toLowerCase() === "rotate");
      if (!rotates) report("properties.rotationPolicy has no rotate lifetime action");
    }),
  },
];
