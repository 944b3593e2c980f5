// Google Compute Engine rules, for VMs and the templates they are made from: no external IP, not the
// default service account with full API access, no interactive serial console, and Shielded VM on.
import type { InstanceArgs } from "@pulumi/gcp/compute";
import { ResourceRule } from "../../runtime";
import { Inputs, onInputs, record, records, strings } from "../../runtime/props";
import { T } from "./resource-types";

type Instance = Inputs<InstanceArgs>;

const FULL_ACCESS = ["cloud-platform", "https://www.googleapis.com/auth/cloud-platform"];

/** The Compute Engine default service account: `<project number>-compute@developer.gserviceaccount.com`. */
function isDefaultAccount(email: unknown): boolean {
  return (
    email === undefined ||
    email === "default" ||
    String(email).endsWith("-compute@developer.gserviceaccount.com")
  );
}

/** The service account block, when the VM has one (without it the VM runs with no account at all). */
function accountOf(vm: Instance): Record<string, unknown> | undefined {
  return vm.serviceAccount === undefined ? undefined : record(vm.serviceAccount);
}

export const computeRules: ResourceRule[] = [
  {
    name: "gcp-compute-no-public-ip",
    area: "gcp",
    severity: "high",
    description:
      "VMs and instance templates have no external IP address (no `accessConfigs`): reach them through IAP or a load balancer, and leave through Cloud NAT.",
    remediationSteps: "Remove `accessConfigs` and `ipv6AccessConfigs` from every network interface.",
    references: ["CKV_GCP_40", "CIS GCP 4.9"],
    validateResource: onInputs<InstanceArgs>(T.instance, (vm, report) => {
      records(vm.networkInterfaces).forEach((nic, i) => {
        const configs = records(nic.accessConfigs).length + records(nic.ipv6AccessConfigs).length;
        if (configs > 0) report(`networkInterfaces[${i}] has an external IP (accessConfigs)`);
      });
    }),
  },
  {
    name: "gcp-compute-no-default-sa-full-access",
    area: "gcp",
    severity: "high",
    description:
      "VMs do not run as the Compute Engine default service account with the `cloud-platform` scope (full access to every API the account may use).",
    remediationSteps:
      "Set `serviceAccount.email` to a dedicated service account with only the roles it needs.",
    references: ["CKV_GCP_31", "CIS GCP 4.2"],
    validateResource: onInputs<InstanceArgs>(T.instance, (vm, report) => {
      const account = accountOf(vm);
      if (!account || !isDefaultAccount(account.email)) return;
      if (strings(account.scopes).some((s) => FULL_ACCESS.includes(s)))
        report("the default service account has the cloud-platform scope");
    }),
  },
  {
    name: "gcp-compute-no-default-service-account",
    area: "gcp",
    severity: "medium",
    description:
      "VMs run as a dedicated service account, not the Compute Engine default (often holding Editor on the project).",
    remediationSteps: "Set `serviceAccount.email` to a dedicated service account.",
    references: ["CKV_GCP_30", "CIS GCP 4.1"],
    validateResource: onInputs<InstanceArgs>(T.instance, (vm, report) => {
      const account = accountOf(vm);
      if (account && isDefaultAccount(account.email))
        report("the VM runs as the Compute Engine default service account");
    }),
  },
  {
    name: "gcp-compute-no-serial-port",
    area: "gcp",
    severity: "high",
    description:
      "VMs do not enable the interactive serial console (metadata `serial-port-enable`), which bypasses the network's controls.",
    remediationSteps: 'Remove `serial-port-enable` from `metadata` (or set it to "false").',
    references: ["CKV_GCP_35", "CIS GCP 4.5"],
    validateResource: onInputs<InstanceArgs>(T.instance, (vm, report) => {
      const value = record(vm.metadata)["serial-port-enable"];
      if (value !== undefined && ["true", "1"].includes(String(value).toLowerCase()))
        report(`metadata serial-port-enable is ${JSON.stringify(value)}`);
    }),
  },
  {
    name: "gcp-compute-shielded-vm",
    area: "gcp",
    severity: "medium",
    description: "VMs run as Shielded VMs: secure boot, vTPM and integrity monitoring on.",
    remediationSteps:
      "Set `shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true }` on a Shielded VM image.",
    references: ["CKV_GCP_39", "CIS GCP 4.8"],
    validateResource: onInputs<InstanceArgs>(T.instance, (vm, report) => {
      const shielded = record(vm.shieldedInstanceConfig);
      // vTPM and integrity monitoring default to on; secure boot defaults to off.
      const off = [
        shielded.enableSecureBoot !== true ? "enableSecureBoot" : undefined,
        shielded.enableVtpm === false ? "enableVtpm" : undefined,
        shielded.enableIntegrityMonitoring === false ? "enableIntegrityMonitoring" : undefined,
      ].filter((x): x is string => x !== undefined);
      if (off.length > 0) report(`Shielded VM settings off: ${off.join(", ")}`);
    }),
  },
];
