// AWS compute rules for instances and what launches them (launch templates and configurations): the
// metadata service only with session tokens, every EBS volume encrypted, detailed monitoring; and
// standalone EBS volumes and snapshots encrypted.
import type { InstanceArgs, LaunchConfigurationArgs, LaunchTemplateArgs } from "@pulumi/aws/ec2";
import type { SnapshotCopyArgs, VolumeArgs } from "@pulumi/aws/ebs";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { inputsOf, onInputs, propsOf, record, records } from "../../runtime/props";
import { eachOf, ofTypes, referenced } from "../../runtime/links";
import { T } from "./resource-types";

/** Instances and spot requests (same arguments) and launch configurations. */
type Machine = InstanceArgs | LaunchConfigurationArgs;

const LAUNCHERS = [...T.instance, ...T.launchTemplate, ...T.launchConfiguration];

/** Each block device of an instance, launch configuration or launch template, with its `encrypted` value. */
function blockDevices(args: ResourceValidationArgs): { where: string; encrypted: unknown }[] {
  const template = inputsOf<LaunchTemplateArgs>(args, T.launchTemplate);
  if (template) {
    return records(template.blockDeviceMappings).map((m, i) => ({
      where: `blockDeviceMappings[${i}] (${String(m.deviceName ?? "?")})`,
      encrypted: record(m.ebs).encrypted,
    }));
  }
  const machine = inputsOf<Machine>(args, [...T.instance, ...T.launchConfiguration]);
  if (!machine) return [];
  const root = { where: "rootBlockDevice", encrypted: record(machine.rootBlockDevice).encrypted };
  const ebs = records(machine.ebsBlockDevices).map((d, i) => ({
    where: `ebsBlockDevices[${i}] (${String(d.deviceName ?? "?")})`,
    encrypted: d.encrypted,
  }));
  return [root, ...ebs];
}

export const instanceRules: ResourceRule[] = [
  {
    name: "aws-ec2-imdsv2",
    area: "aws",
    severity: "high",
    description:
      'EC2 instances, launch templates and launch configurations require IMDSv2 (`metadataOptions.httpTokens: "required"`) ' +
      "or turn the metadata endpoint off, so a server-side request forgery cannot read the instance's credentials.",
    remediationSteps: 'Set `metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }`.',
    references: ["CKV_AWS_79", "CIS AWS 5.6", "AWS FSBP EC2.8", "AWS FSBP AutoScaling.3"],
    validateResource: onInputs<{ metadataOptions?: unknown }>(LAUNCHERS, (machine, report) => {
      const options = record(machine.metadataOptions);
      if (options.httpEndpoint === "disabled") return;
      if (options.httpTokens !== "required")
        report(`metadataOptions.httpTokens is ${JSON.stringify(options.httpTokens ?? "optional (default)")}`);
    }),
  },
  {
    name: "aws-ec2-ebs-encrypted",
    area: "aws",
    severity: "high",
    description:
      "EC2 instances and launch configurations encrypt their root and EBS block devices, and launch templates every " +
      "mapped EBS device. The pack requires it explicitly even where account-level EBS encryption by default is on, " +
      "because that setting lives outside the program.",
    remediationSteps:
      'Set `encrypted: true` (and a customer-managed `kmsKeyId`) on `rootBlockDevice` and each `ebsBlockDevices` entry, or `ebs.encrypted: "true"` in launch templates.',
    references: ["CKV_AWS_8", "CIS AWS 2.2.1", "AWS FSBP EC2.3"],
    types: LAUNCHERS,
    validateResource(args, report) {
      for (const { where, encrypted } of blockDevices(args)) {
        if (String(encrypted) !== "true") report(`${where} is not encrypted`);
      }
    },
  },
  {
    name: "aws-ec2-detailed-monitoring",
    area: "aws",
    severity: "low",
    description: "EC2 instances and launch templates turn on detailed (one-minute) CloudWatch monitoring.",
    remediationSteps:
      "Set `monitoring: true` on instances, `monitoring: { enabled: true }` on launch templates.",
    references: ["CKV_AWS_126"],
    types: LAUNCHERS,
    validateResource(args, report) {
      const instance = inputsOf<InstanceArgs>(args, T.instance);
      if (instance && instance.monitoring !== true) report("monitoring is not true");
      const template = inputsOf<LaunchTemplateArgs>(args, T.launchTemplate);
      if (template && template.monitoring?.enabled !== true) report("monitoring.enabled is not true");
      if (inputsOf<LaunchConfigurationArgs>(args, T.launchConfiguration)?.enableMonitoring === false)
        report("enableMonitoring is false");
    },
  },
  {
    name: "aws-ebs-volume-encrypted",
    area: "aws",
    severity: "high",
    description: "Standalone EBS volumes are encrypted.",
    remediationSteps: "Set `encrypted: true` and `kmsKeyId` to a customer-managed key.",
    references: ["CKV_AWS_3", "CIS AWS 2.2.1", "AWS FSBP EC2.3"],
    validateResource: onInputs<VolumeArgs>(T.ebsVolume, (volume, report) => {
      if (volume.encrypted !== true) report("encrypted is not true");
    }),
  },
];

export const snapshotStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-ebs-snapshot-encrypted",
    area: "aws",
    severity: "high",
    description:
      "EBS snapshots are encrypted: a snapshot copy sets `encrypted: true`, and a snapshot of a volume of the stack " +
      "takes an encrypted volume (a snapshot inherits its volume's encryption).",
    remediationSteps:
      "Set `encrypted: true` and `kmsKeyId` on SnapshotCopy; encrypt the source volume, or copy the snapshot with encryption on.",
    references: ["CIS AWS 2.2.1", "AWS FSBP EC2.3"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.ebsSnapshotCopy), report, (copy) => {
        if (propsOf<SnapshotCopyArgs>(copy).encrypted !== true)
          report(`snapshot copy "${copy.name}": encrypted is not true`, copy.urn);
      });
      eachOf(ofTypes(args.resources, T.ebsSnapshot), report, (snapshot) => {
        for (const volume of referenced(args.resources, T.ebsVolume, snapshot, "volumeId")) {
          if (propsOf<VolumeArgs>(volume).encrypted !== true)
            report(`snapshot "${snapshot.name}" copies unencrypted volume "${volume.name}"`, snapshot.urn);
        }
      });
    },
  }),
];
