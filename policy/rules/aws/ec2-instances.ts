// AWS compute rules for instances and what launches them (launch templates and configurations): the
// metadata service only with session tokens, every EBS volume encrypted, detailed monitoring; and
// standalone EBS volumes and snapshots encrypted.
import type { InstanceArgs, LaunchConfigurationArgs, LaunchTemplateArgs } from "@pulumi/aws/ec2";
import type { SnapshotCopyArgs, VolumeArgs } from "@pulumi/aws/ebs";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Props, inputsOf, onInputs, propsOf, record, records } from "../../runtime/props";
import {
  CMK_KNOB_HINT,
  CUSTOMER_MANAGED_KEY_KNOBS,
  CustomerManagedKeyConfig,
  wantsCustomerManagedKey,
  asksForKey,
  namesCustomerKey,
} from "../keys";
import { eachOf, ofTypes, referenced } from "../../runtime/links";
import { T } from "./resource-types";

/** Instances and spot requests (same arguments) and launch configurations. */
type Machine = InstanceArgs | LaunchConfigurationArgs;

const LAUNCHERS = [...T.instance, ...T.launchTemplate, ...T.launchConfiguration];

/** One EBS device an instance, launch configuration or launch template declares. */
interface BlockDevice {
  readonly where: string;
  readonly encrypted: unknown;
  /** The device's own settings, where `kmsKeyId` is read. */
  readonly settings: Props;
}

/** Each block device of an instance, launch configuration or launch template. */
function blockDevices(args: ResourceValidationArgs): BlockDevice[] {
  const template = inputsOf<LaunchTemplateArgs>(args, T.launchTemplate);
  if (template) {
    return records(template.blockDeviceMappings).map((m, i) => ({
      where: `blockDeviceMappings[${i}] (${String(m.deviceName ?? "?")})`,
      encrypted: record(m.ebs).encrypted,
      settings: record(m.ebs),
    }));
  }
  const machine = inputsOf<Machine>(args, [...T.instance, ...T.launchConfiguration]);
  if (!machine) return [];
  const rootDevice = record(machine.rootBlockDevice);
  const root = { where: "rootBlockDevice", encrypted: rootDevice.encrypted, settings: rootDevice };
  const ebs = records(machine.ebsBlockDevices).map((d, i) => ({
    where: `ebsBlockDevices[${i}] (${String(d.deviceName ?? "?")})`,
    encrypted: d.encrypted,
    settings: d,
  }));
  return [root, ...ebs];
}

/** Why EBS data is not under a customer-managed key, or undefined when it is (or none is asked for). */
function ebsKeyProblem(settings: Props, wanted: boolean): string | undefined {
  if (!wanted) return undefined;
  if (namesCustomerKey(settings, "kmsKeyId")) return undefined;
  return `kmsKeyId is not set: encrypted under the AWS-managed key aws/ebs; ${CMK_KNOB_HINT}`;
}

/** The note every "not encrypted" finding carries: the account default the program cannot see. */
const ACCOUNT_DEFAULT =
  "unencrypted unless EBS encryption by default is on in the account and region, which the program does not show";

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
      if (options.httpTokens === undefined)
        report(
          "metadataOptions.httpTokens is not set: IMDSv1 stays available unless the AMI was registered with " +
            'imdsSupport "v2.0" (Amazon Linux 2023 is) or the account default requires tokens, which the program ' +
            'does not show; set httpTokens "required" so the program decides',
        );
      else if (options.httpTokens !== "required")
        report(`metadataOptions.httpTokens is ${JSON.stringify(options.httpTokens)}: IMDSv1 is available`);
    }),
  },
  {
    name: "aws-ec2-ebs-encrypted",
    area: "aws",
    severity: "high",
    description:
      "EC2 instances and launch configurations encrypt their root and EBS block devices, and launch templates every " +
      "mapped EBS device, under a customer-managed key (`customerManagedKey: false` accepts aws/ebs). The pack asks " +
      "for encryption in the program even where account-level EBS encryption by default is on, because that " +
      "setting lives outside the program.",
    remediationSteps:
      'Set `encrypted: true` and a customer-managed `kmsKeyId` on `rootBlockDevice` and each `ebsBlockDevices` entry, or `ebs.encrypted: "true"` and `ebs.kmsKeyId` in launch templates.',
    references: ["CKV_AWS_8", "CKV_AWS_189", "CIS AWS 2.2.1", "AWS FSBP EC2.3"],
    types: LAUNCHERS,
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource(args, report) {
      const config = args.getConfig<CustomerManagedKeyConfig>();
      const wanted = wantsCustomerManagedKey(config, args.urn, record(record(args.props).tags).environment);
      for (const { where, encrypted, settings } of blockDevices(args)) {
        if (String(encrypted) !== "true") report(`${where} is not encrypted: ${ACCOUNT_DEFAULT}`);
        else {
          const problem = ebsKeyProblem(settings, wanted);
          if (problem) report(`${where}: ${problem}`);
        }
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
    description:
      "Standalone EBS volumes are encrypted under a customer-managed key (`customerManagedKey: false` accepts aws/ebs).",
    remediationSteps: "Set `encrypted: true` and `kmsKeyId` to a customer-managed key.",
    references: ["CKV_AWS_3", "CKV_AWS_189", "CIS AWS 2.2.1", "AWS FSBP EC2.3"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<VolumeArgs>(T.ebsVolume, (volume, report, args) => {
      if (volume.encrypted !== true) {
        report(`encrypted is not true: the volume is ${ACCOUNT_DEFAULT}`);
        return;
      }
      const problem = ebsKeyProblem(args.props, asksForKey(args, record(volume.tags).environment));
      if (problem) report(problem);
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
    types: [...T.ebsSnapshot, ...T.ebsSnapshotCopy],
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
