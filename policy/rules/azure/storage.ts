// Azure storage account rules, written against raw azure-native resources. The SDK fills in
// `networkRuleSet.defaultAction: "Allow"` and `encryption.keySource` on the client, so a rule sees those
// even when the program set nothing; and one unknown inside `encryption` or `networkRuleSet` makes the
// whole object unknown during preview, so a rule that reads it is undecided there (the engine's unknown).
import type { BlobServicePropertiesArgs, StorageAccountArgs } from "@pulumi/azure-native/storage";
import type { PolicyResource } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, onInputs, propsOf, record } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

type Account = Inputs<StorageAccountArgs>;

/** True when the account refuses every request from a public network (private endpoints only). */
export function publicNetworkDisabled(value: unknown): boolean {
  return String(value ?? "").toLowerCase() === "disabled";
}

const onAccount = (
  check: (account: Account, report: Parameters<ResourceRule["validateResource"]>[1]) => void,
) => onInputs<StorageAccountArgs>(T.storageAccount, check);

export const storageRules: ResourceRule[] = [
  {
    name: "azure-storage-no-public-blob-access",
    area: "azure",
    severity: "critical",
    description: "Storage accounts forbid anonymous (public) read access to blobs and containers.",
    remediationSteps:
      "Set `allowBlobPublicAccess: false` (or leave it unset) and serve public content through a CDN.",
    references: ["CIS Azure 3.7", "CKV_AZURE_190"],
    validateResource: onAccount((account, report) => {
      if (account.allowBlobPublicAccess === true) report("allowBlobPublicAccess is true");
    }),
  },
  {
    name: "azure-storage-https-only",
    area: "azure",
    severity: "high",
    description: "Storage accounts accept HTTPS only (secure transfer required).",
    remediationSteps: "Set `enableHttpsTrafficOnly: true` (or leave it unset: true is the default).",
    references: ["CIS Azure 3.1", "CKV_AZURE_3"],
    validateResource: onAccount((account, report) => {
      if (account.enableHttpsTrafficOnly === false) report("enableHttpsTrafficOnly is false (HTTP allowed)");
    }),
  },
  {
    name: "azure-storage-tls12",
    area: "azure",
    severity: "high",
    description:
      "Storage accounts state a minimum TLS of 1.2 or later. Azure Storage has refused TLS 1.0 and 1.1 on every " +
      "account since 3 February 2026 (https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version), " +
      "so an unset minimum is asked for explicitly rather than reported open; TLS1_0 or TLS1_1 stated is refused.",
    remediationSteps: 'Set `minimumTlsVersion: "TLS1_2"`.',
    references: ["CIS Azure 3.15", "CKV_AZURE_44"],
    validateResource: onAccount((account, report) => {
      const tls = account.minimumTlsVersion;
      if (tls === undefined)
        report(
          "minimumTlsVersion is not set: Azure Storage refuses TLS below 1.2 since February 2026, but the program " +
            'should state it; set "TLS1_2" (or later)',
        );
      else if (tls !== "TLS1_2" && tls !== "TLS1_3")
        report(`minimumTlsVersion is ${JSON.stringify(tls)} (TLS1_2 or later)`);
    }),
  },
  {
    name: "azure-storage-no-shared-key",
    area: "azure",
    severity: "high",
    description:
      "Storage accounts refuse Shared Key (account key and SAS) authorization, so every request is an Entra ID " +
      "identity that a role assignment grants.",
    remediationSteps:
      "Set `allowSharedKeyAccess: false` and `defaultToOAuthAuthentication: true`, and grant data roles " +
      "(Storage Blob Data Reader/Contributor) to the identities that use the account.",
    references: ["CKV2_AZURE_40", "Groundwork BASELINE Azure Storage"],
    validateResource: onAccount((account, report) => {
      if (account.allowSharedKeyAccess !== false)
        report(`allowSharedKeyAccess is ${account.allowSharedKeyAccess ?? "unset (true)"}`);
    }),
  },
  {
    name: "azure-storage-network-deny",
    area: "azure",
    severity: "high",
    description:
      "Storage accounts deny network access by default: public network access disabled, or a network rule set " +
      'whose default action is Deny (the SDK fills in "Allow" when the program sets nothing).',
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` and reach the account through private endpoints, or set ' +
      '`networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" }` with the IP and subnet rules you need.',
    references: ["CIS Azure 3.8", "CKV_AZURE_35"],
    validateResource: onAccount((account, report) => {
      if (publicNetworkDisabled(account.publicNetworkAccess)) return;
      // Read only now: the rule set may be unknown in preview, and disabled public access decides without it.
      const action = record(account.networkRuleSet).defaultAction ?? "Allow";
      if (action !== "Deny") report(`networkRuleSet.defaultAction is ${JSON.stringify(action)}`);
    }),
  },
  {
    name: "azure-storage-public-network-access",
    area: "azure",
    severity: "medium",
    description:
      "Storage accounts disable public network access, so data is reached through private endpoints.",
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` and add a private endpoint; if the account must stay public, ' +
      "restrict it with a Deny network rule set and waive this finding.",
    references: ["CKV_AZURE_59", "Groundwork BASELINE Azure Storage"],
    validateResource: onAccount((account, report) => {
      if (!publicNetworkDisabled(account.publicNetworkAccess))
        report(`publicNetworkAccess is ${JSON.stringify(account.publicNetworkAccess ?? "unset (Enabled)")}`);
    }),
  },
  {
    name: "azure-storage-infrastructure-encryption",
    area: "azure",
    severity: "medium",
    description:
      "Storage accounts encrypt data twice: infrastructure encryption under the service encryption.",
    remediationSteps:
      "Set `encryption.requireInfrastructureEncryption: true` (it can only be set when the account is created).",
    references: ["CIS Azure 3.2", "Groundwork BASELINE Azure Storage"],
    validateResource: onAccount((account, report) => {
      if (record(account.encryption).requireInfrastructureEncryption !== true)
        report("encryption.requireInfrastructureEncryption is not true");
    }),
  },
  {
    name: "azure-storage-customer-managed-key",
    area: "azure",
    severity: "high",
    description:
      "Storage accounts encrypt data under a customer-managed Key Vault key (`encryption.keySource: " +
      '"Microsoft.Keyvault"`), so revoking the key revokes the data. Azure Storage always encrypts, under a ' +
      "Microsoft-managed key by default; `customerManagedKey: false` accepts that, and `environments` asks for " +
      "the key only there.",
    remediationSteps:
      'Set `encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName, keyVaultUri }, identity }` ' +
      "with a user-assigned identity that may use the key (Groundwork's StorageAccount does this by default).",
    references: ["CIS Azure 3.12", "CKV2_AZURE_1"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<StorageAccountArgs>(T.storageAccount, (account, report, args) => {
      if (!asksForKey(args, record(account.tags)["environment"])) return;
      // Read last: the SDK makes the whole `encryption` object unknown in preview when a key or identity
      // in it is not created yet, and the engine reports that read as undecided.
      const source = record(account.encryption).keySource ?? "Microsoft.Storage";
      if (String(source).toLowerCase() !== "microsoft.keyvault")
        report(
          `encryption.keySource is ${JSON.stringify(source)}: data is encrypted under a Microsoft-managed key; ${CMK_KNOB_HINT}`,
        );
    }),
  },
  {
    name: "azure-storage-no-cross-tenant-replication",
    area: "azure",
    severity: "medium",
    description: "Storage accounts do not replicate objects to accounts in other Entra ID tenants.",
    remediationSteps: "Set `allowCrossTenantReplication: false` (or leave it unset).",
    references: ["Groundwork BASELINE Azure Storage"],
    validateResource: onAccount((account, report) => {
      if (account.allowCrossTenantReplication === true) report("allowCrossTenantReplication is true");
    }),
  },
];

/** What a blob service's properties lack: soft delete of blobs and containers, and versioning. */
function blobRecoveryGaps(service: Inputs<BlobServicePropertiesArgs>): string[] {
  const gaps: string[] = [];
  if (record(service.deleteRetentionPolicy).enabled !== true) gaps.push("blob soft delete");
  if (record(service.containerDeleteRetentionPolicy).enabled !== true) gaps.push("container soft delete");
  if (service.isVersioningEnabled !== true) gaps.push("versioning");
  return gaps;
}

function accountLabel(a: PolicyResource): string {
  return `storage account "${a.name}"`;
}

export const storageStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "azure-storage-blob-recovery",
    area: "azure",
    severity: "medium",
    description:
      "Storage accounts keep deleted blobs and containers recoverable: a BlobServiceProperties with blob soft " +
      "delete, container soft delete and versioning.",
    remediationSteps:
      'Add `storage.BlobServiceProperties` (`blobServicesName: "default"`) with `deleteRetentionPolicy` and ' +
      "`containerDeleteRetentionPolicy` enabled (7 days or more) and `isVersioningEnabled: true`.",
    references: ["CIS Azure 3.11", "Groundwork BASELINE Azure Storage"],
    types: T.storageAccount,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.storageAccount), report, (a) => {
        const services = referrers(args.resources, T.blobServiceProperties, "accountName", a, [
          "accountName",
          "name",
        ]);
        if (services.length === 0) {
          report(`${accountLabel(a)} has no BlobServiceProperties (no soft delete, no versioning)`, a.urn);
          return;
        }
        const gaps = blobRecoveryGaps(propsOf<BlobServicePropertiesArgs>(services[0]));
        if (gaps.length > 0) report(`${accountLabel(a)} lacks ${gaps.join(", ")}`, a.urn);
      });
    },
  }),
];
