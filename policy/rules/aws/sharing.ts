// AWS rules for copies of data shared with every AWS account: RDS snapshots restorable by "all", machine
// images launchable by the "all" group. EBS snapshots have no such rule: `ec2.SnapshotCreateVolumePermission`
// takes one account id, which the provider sends as a user id, so it cannot make a snapshot public.
import type { AmiLaunchPermissionArgs } from "@pulumi/aws/ec2";
import type { SnapshotArgs } from "@pulumi/aws/rds";
import { ResourceRule } from "../../runtime";
import { onInputs, oneOrMany } from "../../runtime/props";
import { T } from "./resource-types";

/** The value AWS reads as "every AWS account" in snapshot restore and image launch permissions. */
const EVERYONE = "all";

export const sharingRules: ResourceRule[] = [
  {
    name: "aws-rds-snapshot-not-public",
    area: "aws",
    severity: "critical",
    description:
      'RDS DB and cluster snapshots are never public: `sharedAccounts` does not contain "all", which lets every ' +
      "AWS account restore the data.",
    remediationSteps:
      'Remove "all" from `sharedAccounts` and list the account ids that may restore the snapshot.',
    references: ["CKV_AWS_302", "AWS FSBP RDS.1"],
    // Snapshot and ClusterSnapshot both take `sharedAccounts`; an Output there is unknown in preview and
    // reading it throws, which the engine reports as undecided.
    validateResource: onInputs<SnapshotArgs>(T.dbSnapshot, (snapshot, report) => {
      if (oneOrMany(snapshot.sharedAccounts).includes(EVERYONE))
        report('sharedAccounts contains "all" (every AWS account can restore it)');
    }),
  },
  {
    name: "aws-ec2-ami-not-public",
    area: "aws",
    severity: "high",
    description:
      'Machine images are never public: no launch permission for the group "all", which lets every AWS account ' +
      "launch the image and read its disks.",
    remediationSteps:
      'Grant launch permission to account ids, an organization or an organizational unit instead of `group: "all"`.',
    references: ["CKV_AWS_205"],
    validateResource: onInputs<AmiLaunchPermissionArgs>(T.amiLaunchPermission, (permission, report) => {
      if (permission.group === EVERYONE) report('group is "all" (every AWS account can launch the image)');
    }),
  },
];
