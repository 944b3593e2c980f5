// Azure compute rules: Container Apps ingress, Linux VM authentication and AKS access control. The SDK
// fills in `ingress.external: false` and `allowInsecure: false`, and `configuration` is wholly unknown in
// preview when any part of it is (a Key Vault secret URL, say), so the ingress rules are undecided there.
import type { ContainerAppArgs } from "@pulumi/azure-native/app";
import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice";
import { ResourceRule } from "../../runtime";
import { Props, inputsOf, onInputs, record, recordAt, records, strings } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";
import { isOfType } from "../../runtime/links";
import { T } from "./resource-types";

/** The ingress of a container app's `configuration` (empty when it has none). */
function ingressOf(app: { configuration?: unknown }): Props {
  return recordAt(app.configuration, ["ingress"]);
}

/** The OS profile of a VM or of a scale set's VM profile (empty when there is none). */
function osProfileOf(type: string, props: Props): Props {
  return isOfType({ type }, T.virtualMachineScaleSet)
    ? recordAt(props.virtualMachineProfile, ["osProfile"])
    : record(props.osProfile);
}

const OPEN_RANGES = ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1"];

export const computeRules: ResourceRule[] = [
  {
    name: "azure-containerapp-https-only",
    area: "azure",
    severity: "high",
    description:
      "Container App ingress refuses plain HTTP (`allowInsecure` redirects nothing; it serves HTTP).",
    remediationSteps: "Set `configuration.ingress.allowInsecure: false` (or leave it unset).",
    references: ["Groundwork BASELINE Azure Container Apps"],
    validateResource: onInputs<ContainerAppArgs>(T.containerApp, (app, report) => {
      const ingress = ingressOf(app);
      if (ingress.allowInsecure === true)
        report(`ingress.allowInsecure is true${ingress.external === true ? " on external ingress" : ""}`);
    }),
  },
  {
    name: "azure-containerapp-internal-ingress",
    area: "azure",
    severity: "medium",
    description:
      "Container App ingress is internal to the environment's network; an app that must face the internet sits " +
      "behind a gateway (Front Door or Application Gateway with WAF).",
    remediationSteps:
      "Set `configuration.ingress.external: false` and publish the app through a gateway, or waive this finding.",
    references: ["Groundwork BASELINE Azure Container Apps"],
    validateResource: onInputs<ContainerAppArgs>(T.containerApp, (app, report) => {
      if (ingressOf(app).external === true) report("ingress.external is true");
    }),
  },
  {
    name: "azure-vm-ssh-keys-only",
    area: "azure",
    severity: "high",
    description: "Linux VMs and scale sets accept SSH keys only: password authentication disabled.",
    remediationSteps:
      "Set `osProfile.linuxConfiguration.disablePasswordAuthentication: true`, give `ssh.publicKeys`, and " +
      "remove `adminPassword`.",
    references: ["CKV_AZURE_1", "CKV_AZURE_49"],
    types: [...T.virtualMachine, ...T.virtualMachineScaleSet],
    validateResource(args, report) {
      const props = inputsOf<Props>(args, [...T.virtualMachine, ...T.virtualMachineScaleSet]);
      if (!props) return;
      const os = osProfileOf(args.type, props);
      // Windows images and VMs created from an existing disk have no Linux configuration to judge.
      if (os.linuxConfiguration === undefined) return;
      if (record(os.linuxConfiguration).disablePasswordAuthentication !== true)
        report("osProfile.linuxConfiguration.disablePasswordAuthentication is not true");
    },
  },
  {
    name: "azure-aks-rbac",
    area: "azure",
    severity: "high",
    description: "AKS clusters enable Kubernetes RBAC.",
    remediationSteps:
      "Set `enableRBAC: true` (it cannot be changed after creation), with `aadProfile: { managed: true, " +
      "enableAzureRBAC: true }`.",
    references: ["CKV_AZURE_5"],
    validateResource: onInputs<ManagedClusterArgs>(T.managedCluster, (cluster, report) => {
      if (cluster.enableRBAC !== true) report(`enableRBAC is ${cluster.enableRBAC ?? "unset"}`);
    }),
  },
  {
    name: "azure-aks-local-accounts-disabled",
    area: "azure",
    severity: "medium",
    description: "AKS clusters disable local accounts, so every caller authenticates with Entra ID.",
    remediationSteps: "Set `disableLocalAccounts: true` with a managed `aadProfile`.",
    references: ["CKV_AZURE_141"],
    validateResource: onInputs<ManagedClusterArgs>(T.managedCluster, (cluster, report) => {
      if (cluster.disableLocalAccounts !== true) report("disableLocalAccounts is not true");
    }),
  },
  {
    name: "azure-aks-api-server-restricted",
    area: "azure",
    severity: "high",
    description:
      "AKS API servers are private, or public only to authorized IP ranges (none of them the whole internet).",
    remediationSteps:
      "Set `apiServerAccessProfile.enablePrivateCluster: true`, or `apiServerAccessProfile.authorizedIPRanges` " +
      "to the ranges of your CI and operators.",
    references: ["CKV_AZURE_6", "CKV_AZURE_115"],
    validateResource: onInputs<ManagedClusterArgs>(T.managedCluster, (cluster, report) => {
      const access = record(cluster.apiServerAccessProfile);
      if (access.enablePrivateCluster === true) return;
      const ranges = strings(access.authorizedIPRanges);
      if (ranges.length === 0) report("the API server is public and authorizedIPRanges is empty");
      else if (ranges.some((r) => OPEN_RANGES.includes(r)))
        report(`authorizedIPRanges opens the API server to the internet: ${ranges.join(", ")}`);
    }),
  },
  {
    name: "azure-aks-network-policy",
    area: "azure",
    severity: "medium",
    description:
      "AKS clusters run a network policy engine (`networkProfile.networkPolicy`: azure, calico or cilium); without " +
      "one, Kubernetes NetworkPolicy objects are accepted and do nothing.",
    remediationSteps:
      'Set `networkProfile.networkPolicy` ("cilium" with `networkDataplane: "cilium"`, or "calico"/"azure") at creation.',
    references: ["CKV_AZURE_7", "CIS AKS 5.4.4"],
    validateResource: onInputs<ManagedClusterArgs>(T.managedCluster, (cluster, report) => {
      const policy = record(cluster.networkProfile).networkPolicy;
      if (policy === undefined || String(policy).toLowerCase() === "none")
        report(
          `networkProfile.networkPolicy is ${JSON.stringify(policy ?? "unset")}: NetworkPolicies are not enforced`,
        );
    }),
  },
  {
    name: "azure-disk-customer-managed-key",
    area: "azure",
    severity: "high",
    description:
      "Managed disks — standalone, and a VM's OS and data disks — are encrypted under a customer-managed key through " +
      "a disk encryption set; Azure encrypts them under a platform-managed key otherwise, which " +
      "`customerManagedKey: false` accepts.",
    remediationSteps:
      'Create a DiskEncryptionSet over a Key Vault key and set `encryption: { type: "EncryptionAtRestWithCustomerKey", ' +
      "diskEncryptionSetId }` on disks, `managedDisk.diskEncryptionSet.id` on a VM's disks.",
    references: ["CIS Azure 7.3", "CIS Azure 7.4", "CKV_AZURE_93"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    types: [...T.disk, ...T.virtualMachine],
    validateResource(args, report) {
      const props = record(args.props);
      if (!asksForKey(args, record(props.tags).environment)) return;
      const hint = `encrypted under a platform-managed key; ${CMK_KNOB_HINT}`;
      if (isOfType(args, T.disk)) {
        if (!isSet(record(props.encryption), "diskEncryptionSetId"))
          report(`encryption.diskEncryptionSetId is not set: the disk is ${hint}`);
        return;
      }
      const storage = record(props.storageProfile);
      const disks = [
        { where: "storageProfile.osDisk", disk: record(storage.osDisk) },
        ...records(storage.dataDisks).map((disk, i) => ({ where: `storageProfile.dataDisks[${i}]`, disk })),
      ];
      for (const { where, disk } of disks) {
        // A disk attached by id is judged as the Disk resource it is.
        if (isSet(record(disk.managedDisk), "id")) continue;
        if (!isSet(recordAt(disk, ["managedDisk", "diskEncryptionSet"]), "id"))
          report(`${where}.managedDisk.diskEncryptionSet is not set: the disk is ${hint}`);
      }
    },
  },
];
