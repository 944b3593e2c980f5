// The RDS rules on Aurora clusters and their instances (the controls the instance rules apply, one rule
// per control over both), and the rules that keep snapshots and machine images from being shared with
// every AWS account. Passing and failing programs, and what a rule says while its value is unknown.
import * as assert from "assert";
import * as ec2 from "@pulumi/aws/ec2";
import * as rds from "@pulumi/aws/rds";
import { evaluate, passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";
import { TAGS } from "./kit";
import { auroraCluster } from "./aws-kit";

const PROD = { ...TAGS, environment: "prod" };

describe("AWS rules: Aurora clusters", function () {
  this.timeout(60_000);
  it("the hardened cluster and its instance trip no RDS rule, in preview or update", async () => {
    for (const preview of [true, false]) {
      const report = await evaluate(() => void auroraCluster("db"), preview);
      const rds = (p: string) => p.startsWith("aws-rds-");
      assert.deepStrictEqual(
        report.violations.filter((v) => rds(v.policy)),
        [],
      );
      assert.deepStrictEqual(
        report.undecided.filter((u) => rds(u.policy)),
        [],
      );
    }
  });
  ruleCases([
    {
      policy: "aws-rds-not-public",
      title: "a publicly accessible cluster instance",
      program: () => void auroraCluster("db", {}, { publiclyAccessible: true }),
      fail: /publiclyAccessible is true/,
    },
    {
      policy: "aws-rds-encrypted",
      title: "a cluster with storageEncrypted false",
      program: () => void auroraCluster("db", { storageEncrypted: false, kmsKeyId: undefined }),
      fail: /storageEncrypted is not true/,
    },
    {
      policy: "aws-rds-encrypted",
      title: "a cluster encrypted under the AWS-managed key",
      program: () => void auroraCluster("db", { kmsKeyId: undefined }),
      fail: /kmsKeyId is not a customer-managed key: the storage uses the AWS-managed key aws\/rds/,
    },
    {
      policy: "aws-rds-encrypted",
      title: "an Aurora Serverless v1 cluster (always encrypted) under its own key",
      program: () => void auroraCluster("db", { engineMode: "serverless", storageEncrypted: undefined }),
    },
    {
      policy: "aws-rds-encrypted",
      title: "a provisioned cluster leaving storageEncrypted unset (false)",
      program: () => void auroraCluster("db", { storageEncrypted: undefined }),
      fail: /storageEncrypted is not true/,
    },
    {
      policy: "aws-rds-encrypted",
      title: "a replica cluster (storage from its source)",
      program: () =>
        void auroraCluster("replica", {
          replicationSourceIdentifier: "arn:aws:rds:eu-central-1:123456789012:cluster:orders",
          storageEncrypted: undefined,
          kmsKeyId: undefined,
          masterUsername: undefined,
        }),
    },
    {
      policy: "aws-rds-managed-password",
      title: "a cluster with a literal masterPassword",
      program: () =>
        void auroraCluster("db", { masterPassword: "hunter2hunter2", manageMasterUserPassword: undefined }),
      fail: /literal master password is set \(masterPassword\)/,
    },
    {
      policy: "aws-rds-managed-password",
      title: "a cluster creating its master user without a managed password",
      program: () => void auroraCluster("db", { manageMasterUserPassword: false }),
      fail: /manageMasterUserPassword is not true/,
    },
    {
      policy: "aws-rds-managed-password",
      title: "a cluster restored from a snapshot (no master user created)",
      program: () =>
        void auroraCluster("db", {
          snapshotIdentifier: "orders-final",
          masterUsername: undefined,
          manageMasterUserPassword: undefined,
        }),
    },
    {
      policy: "aws-rds-iam-auth",
      title: "a cluster without IAM authentication",
      program: () => void auroraCluster("db", { iamDatabaseAuthenticationEnabled: undefined }),
      fail: /iamDatabaseAuthenticationEnabled is not true/,
    },
    {
      policy: "aws-rds-backups",
      title: "a cluster keeping one day of backups",
      program: () => void auroraCluster("db", { backupRetentionPeriod: 1 }),
      fail: /backupRetentionPeriod is 1 \(at least 7\)/,
    },
    {
      policy: "aws-rds-backups",
      title: "a cluster leaving retention unset (RDS keeps 1 day), said as unset, not as 0",
      program: () => void auroraCluster("db", { backupRetentionPeriod: undefined }),
      fail: /backupRetentionPeriod is not set: RDS then keeps 1 day of automated backups \(at least 7\)/,
    },
    {
      policy: "aws-rds-backups",
      title: "retention unset passes when the configured minimum is 1 day",
      program: () => void auroraCluster("db", { backupRetentionPeriod: undefined }),
      config: { "aws-rds-backups": { minimumBackupRetentionDays: 1 } },
    },
    {
      policy: "aws-rds-backups",
      title: "a cluster keeping 7 days when the minimum is 14",
      program: () => void auroraCluster("db"),
      config: { "aws-rds-backups": { minimumBackupRetentionDays: 14 } },
      fail: /backupRetentionPeriod is 7 \(at least 14\)/,
    },
    {
      policy: "aws-rds-backups",
      title: "a cluster skipping its final snapshot",
      program: () => void auroraCluster("db", { skipFinalSnapshot: true }),
      fail: /skipFinalSnapshot is true/,
    },
    {
      policy: "aws-rds-log-exports",
      title: "a cluster exporting no logs",
      program: () => void auroraCluster("db", { enabledCloudwatchLogsExports: [] }),
      fail: /enabledCloudwatchLogsExports is empty/,
    },
    {
      policy: "aws-rds-prod-resilience",
      title: "a prod cluster with deletion protection (multi-AZ is its instances')",
      program: () => void auroraCluster("db", { tags: PROD, deletionProtection: true }, { tags: PROD }),
    },
    {
      policy: "aws-rds-prod-resilience",
      title: "a prod cluster without deletion protection",
      program: () => void auroraCluster("db", { tags: PROD }, { tags: PROD }),
      fail: /deletionProtection is not true in prod/,
    },
    {
      policy: "aws-rds-auto-minor-version-upgrade",
      title: "a cluster instance refusing minor versions",
      program: () => void auroraCluster("db", {}, { autoMinorVersionUpgrade: false }),
      fail: /autoMinorVersionUpgrade is false/,
    },
    {
      policy: "aws-rds-copy-tags-to-snapshot",
      title: "a cluster not copying tags to snapshots",
      program: () => void auroraCluster("db", { copyTagsToSnapshot: false }),
      fail: /copyTagsToSnapshot is not true/,
    },
  ]);
  undecidedInPreview("aws-rds-encrypted", "storageEncrypted from an Output", () => {
    const c = auroraCluster("source");
    auroraCluster("db", { storageEncrypted: c.id.apply(() => false) });
  });
});

/** A manual snapshot of the hardened cluster, shared with `sharedAccounts`. */
function clusterSnapshot(sharedAccounts?: rds.ClusterSnapshotArgs["sharedAccounts"]): void {
  const cluster = auroraCluster("db");
  new rds.ClusterSnapshot("db-snap", {
    dbClusterIdentifier: cluster.clusterIdentifier,
    dbClusterSnapshotIdentifier: "orders-2026-01",
    sharedAccounts,
    tags: TAGS,
  });
}

function launchPermission(args: Partial<ec2.AmiLaunchPermissionArgs>): () => void {
  return () => void new ec2.AmiLaunchPermission("share", { imageId: "ami-0123456789abcdef0", ...args });
}

describe("AWS rules: public snapshots and images", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-rds-snapshot-not-public",
      title: "a cluster snapshot shared with one account",
      program: () => clusterSnapshot(["123456789012"]),
    },
    {
      policy: "aws-rds-snapshot-not-public",
      title: "a cluster snapshot shared with all",
      program: () => clusterSnapshot(["123456789012", "all"]),
      fail: /sharedAccounts contains "all"/,
    },
    {
      policy: "aws-ec2-ami-not-public",
      title: "an image shared with an account and an organization",
      program: () => {
        launchPermission({ accountId: "123456789012" })();
        new ec2.AmiLaunchPermission("org", {
          imageId: "ami-0123456789abcdef0",
          organizationArn: "arn:aws:organizations::123456789012:organization/o-abc123",
        });
      },
    },
    {
      policy: "aws-ec2-ami-not-public",
      title: "an image launchable by the all group",
      program: launchPermission({ group: "all" }),
      fail: /group is "all"/,
    },
  ]);
  undecidedInPreview("aws-rds-snapshot-not-public", "sharedAccounts from an Output", () => {
    const c = auroraCluster("other");
    clusterSnapshot(c.id.apply(() => ["all"]));
  });
});

/** A prod cluster with `count` instances, each in `zone` when one is given. */
function prodCluster(count: number, zone?: string): () => void {
  return () => {
    const cluster = auroraCluster(
      "db",
      { tags: PROD, deletionProtection: true },
      { tags: PROD, availabilityZone: zone },
    );
    for (let i = 2; i <= count; i++)
      new rds.ClusterInstance(`db-${i}`, {
        clusterIdentifier: cluster.id,
        engine: "aurora-postgresql",
        instanceClass: "db.r6g.large",
        availabilityZone: zone,
        tags: PROD,
      });
  };
}

describe("AWS rules: production Aurora clusters across zones", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-rds-cluster-prod-multi-az",
      title: "a prod cluster with two instances",
      program: prodCluster(2),
    },
    {
      policy: "aws-rds-cluster-prod-multi-az",
      title: "a dev cluster with one instance",
      program: () => void auroraCluster("db"),
    },
    {
      policy: "aws-rds-cluster-prod-multi-az",
      title: "a prod cluster with one instance",
      program: prodCluster(1),
      fail: /has 1 instance\(s\) in prod/,
    },
    {
      policy: "aws-rds-cluster-prod-multi-az",
      title: "a prod cluster with both instances pinned to one zone",
      program: prodCluster(2, "eu-west-1a"),
      fail: /every instance is in eu-west-1a/,
    },
  ]);
  passesInPreview(
    "aws-rds-cluster-prod-multi-az",
    "instances naming the cluster by its unknown id",
    prodCluster(2),
  );
});
