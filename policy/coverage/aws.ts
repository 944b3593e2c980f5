// AWS: the services programs deploy (ordered by how many files of the sample declare them, policy/coverage/
// usage.ts) and the controls reviewers expect of each, from Checkov's catalogue and CIS AWS Foundations v3.0.0.
import { CloudCoverage, control as c, covered, gap, notCovered } from "./model";

import { ACCOUNT_LEVEL, CMK, PUBLIC } from "./aws-words";
import { AWS_MORE_SERVICES } from "./aws-more";

export const aws: CloudCoverage = {
  cloud: "AWS",
  area: "aws",
  benchmarks: ["CIS AWS Foundations Benchmark v3.0.0", "AWS Foundational Security Best Practices (AWS FSBP)"],
  services: [
    {
      service: "IAM",
      types: [
        "aws:iam/role:Role",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "aws:iam/policy:Policy",
        "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/instanceProfile:InstanceProfile",
        "aws:iam/user:User",
        "aws:iam/userPolicy:UserPolicy",
        "aws:iam/userPolicyAttachment:UserPolicyAttachment",
        "aws:iam/groupPolicy:GroupPolicy",
        "aws:iam/policyAttachment:PolicyAttachment",
        "aws:iam/accessKey:AccessKey",
        "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
      ],
      checkov: [
        "aws_iam_role",
        "aws_iam_policy",
        "aws_iam_role_policy",
        "aws_iam_user_policy",
        "aws_iam_account_password_policy",
      ],
      controls: [
        c(
          "No `*:*` (or `service:*` on `*`) administrator grants",
          ["CKV_AWS_62", "CKV_AWS_63", "CIS AWS 1.16"],
          covered("aws-iam-no-wildcard-admin"),
        ),
        c("No iam:PassRole on `*`", ["CKV_AWS_286"], covered("aws-iam-no-passrole-wildcard")),
        c(
          "Permissions through groups or roles, not users",
          ["CKV_AWS_40", "CIS AWS 1.15"],
          covered("aws-iam-no-user-policies"),
        ),
        c(
          "Trust policies name their principals",
          ["CKV_AWS_60"],
          covered("aws-iam-trust-no-public-principal"),
        ),
        c("No long-lived access keys", ["CIS AWS 1.14"], covered("aws-iam-no-access-keys")),
        c(
          "Password policy: length ≥ 14, no reuse of the last 24",
          ["CKV_AWS_10", "CKV_AWS_13", "CIS AWS 1.8", "CIS AWS 1.9"],
          covered("aws-iam-password-policy"),
        ),
        c(
          "Password composition rules and expiry",
          ["CKV_AWS_9", "CKV_AWS_11", "CKV_AWS_12", "CKV_AWS_14", "CKV_AWS_15"],
          notCovered(
            "NIST SP 800-63B advises against composition rules and forced expiry, and CIS AWS v3 dropped them",
          ),
        ),
        c(
          "Root MFA, no root access keys, unused credentials disabled",
          ["CIS AWS 1.4", "CIS AWS 1.5", "CIS AWS 1.12"],
          notCovered(
            "account state no Pulumi resource declares: the root user and its keys are not resources of a program",
          ),
        ),
        c(
          "Managed IAMFullAccess not attached",
          ["CKV2_AWS_56"],
          gap("a rule would read RolePolicyAttachment's `policyArn`"),
        ),
      ],
    },
    {
      service: "VPC and security groups",
      types: [
        "aws:ec2/vpc:Vpc",
        "aws:ec2/subnet:Subnet",
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "aws:ec2/routeTable:RouteTable",
        "aws:ec2/flowLog:FlowLog",
      ],
      checkov: [
        "aws_security_group",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_subnet",
        "aws_default_security_group",
      ],
      controls: [
        c(
          "No admin or database port open to 0.0.0.0/0 or ::/0",
          ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CIS AWS 5.2", "CIS AWS 5.3"],
          covered("aws-ec2-no-public-admin-ports"),
        ),
        c(
          "Default security group restricts all traffic",
          ["CKV2_AWS_12", "CIS AWS 5.4"],
          covered("aws-vpc-default-security-group"),
        ),
        c("Flow logs on every VPC", ["CKV2_AWS_11", "CIS AWS 3.7"], covered("aws-vpc-flow-logs")),
        c(
          "No public IP on launch in private subnets",
          ["CKV_AWS_130"],
          covered("aws-vpc-subnet-no-public-ip-on-launch"),
        ),
        c(
          "Network ACLs do not open admin ports to the internet",
          ["CIS AWS 5.1", "CKV_AWS_352"],
          gap("NetworkAcl ingress entries and NetworkAclRule would be read like security-group rules"),
        ),
        c(
          "Peering routes are least access",
          ["CIS AWS 5.5"],
          notCovered("needs the intended reachability, which the program does not state"),
        ),
      ],
    },
    {
      service: "S3",
      types: [
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:s3/bucketAcl:BucketAcl",
      ],
      checkov: [
        "aws_s3_bucket",
        "aws_s3_bucket_policy",
        "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_acl",
      ],
      controls: [
        c("No public ACL", ["CKV_AWS_20", "CKV_AWS_57"], covered("aws-s3-no-public-acl")),
        c(`Bucket policy: ${PUBLIC}`, ["CKV_AWS_70"], covered("aws-s3-no-public-policy")),
        c(
          "Public access block not turned off (S3's default since April 2023)",
          ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CIS AWS 2.1.4"],
          covered("aws-s3-public-access-block"),
        ),
        c("Requests without TLS denied", ["CIS AWS 2.1.1"], covered("aws-s3-tls-only")),
        c(CMK, ["CKV_AWS_145", "CKV_AWS_19"], covered("aws-s3-encryption-kms")),
        c("Versioning", ["CKV_AWS_21"], covered("aws-s3-versioning")),
        c(
          "Access logging (the CloudTrail bucket's included)",
          ["CKV_AWS_18", "CIS AWS 3.4"],
          covered("aws-s3-access-logging"),
        ),
        c("ACLs disabled (BucketOwnerEnforced)", ["CKV2_AWS_65"], covered("aws-s3-ownership-enforced")),
        c("Lifecycle rules", ["CKV2_AWS_61"], covered("aws-s3-lifecycle")),
        c("No forceDestroy", [], covered("aws-s3-no-force-destroy")),
        c(
          "MFA delete",
          ["CIS AWS 2.1.2"],
          notCovered("only the root user can turn it on, with its MFA device: not something a program sets"),
        ),
        c(
          "Object-level logging of reads and writes",
          ["CIS AWS 3.8", "CIS AWS 3.9"],
          gap("a rule would look for CloudTrail data-event selectors naming the bucket"),
        ),
      ],
    },
    {
      service: "EC2 instances, launch templates and Auto Scaling",
      types: [
        "aws:ec2/instance:Instance",
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ec2/launchConfiguration:LaunchConfiguration",
        "aws:autoscaling/group:Group",
        "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
      ],
      checkov: ["aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_autoscaling_group"],
      controls: [
        c("IMDSv2 required", ["CKV_AWS_79", "CIS AWS 5.6"], covered("aws-ec2-imdsv2")),
        c(
          "No public IP outside public subnets (instances, templates, launch configurations)",
          ["CKV_AWS_88", "CKV_AWS_389"],
          covered("aws-ec2-no-public-ip-private-subnet"),
        ),
        c(
          `Root and data volumes: ${CMK}`,
          ["CKV_AWS_8", "CKV_AWS_189", "CIS AWS 2.2.1"],
          covered("aws-ec2-ebs-encrypted"),
        ),
        c("Detailed monitoring", ["CKV_AWS_126"], covered("aws-ec2-detailed-monitoring")),
        c("AMIs not launchable by everyone", ["CKV_AWS_205"], covered("aws-ec2-ami-not-public")),
        c(
          "No secrets in user data",
          ["CKV_AWS_46"],
          gap("user data is free text; a rule would scan it for credential patterns"),
        ),
        c(
          "Metadata hop limit 1",
          ["CKV_AWS_341"],
          gap("containers on the host reach IMDS with a hop limit above 1"),
        ),
      ],
    },
    {
      service: "EBS",
      types: ["aws:ebs/volume:Volume", "aws:ebs/snapshot:Snapshot", "aws:ebs/snapshotCopy:SnapshotCopy"],
      checkov: ["aws_ebs_volume", "aws_ebs_snapshot"],
      controls: [
        c(CMK, ["CKV_AWS_3", "CKV_AWS_189", "CIS AWS 2.2.1"], covered("aws-ebs-volume-encrypted")),
        c("Snapshots encrypted", ["CIS AWS 2.2.1"], covered("aws-ebs-snapshot-encrypted")),
        c("EBS encryption by default in every region", ["CIS AWS 2.2.1"], notCovered(ACCOUNT_LEVEL)),
      ],
    },
    {
      service: "Lambda",
      types: [
        "aws:lambda/function:Function",
        "aws:lambda/functionUrl:FunctionUrl",
        "aws:lambda/permission:Permission",
      ],
      checkov: ["aws_lambda_function", "aws_lambda_function_url", "aws_lambda_permission"],
      controls: [
        c(
          "No plaintext secrets in environment variables",
          ["CKV_AWS_45"],
          covered("aws-lambda-no-plaintext-secrets"),
        ),
        c("Function URLs authenticate with IAM", ["CKV_AWS_258"], covered("aws-lambda-function-url-auth")),
        c(
          "Permissions name their caller (no `*`, service principals with a source)",
          ["CKV_AWS_301", "CKV_AWS_364"],
          covered("aws-lambda-permission-restricted"),
        ),
        c("X-Ray tracing", ["CKV_AWS_50"], covered("aws-lambda-tracing")),
        c(
          "Environment variables under a customer-managed key",
          ["CKV_AWS_173"],
          gap("a rule would read `kmsKeyArn` when the environment is set"),
        ),
        c(
          "Runs in a VPC, has a DLQ and a concurrency limit",
          ["CKV_AWS_117", "CKV_AWS_116", "CKV_AWS_115"],
          notCovered("architecture choices, not security defects: many functions need none of them"),
        ),
      ],
    },
    {
      service: "KMS",
      types: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
      checkov: ["aws_kms_key"],
      controls: [
        c("Rotation on symmetric keys", ["CKV_AWS_7", "CIS AWS 3.6"], covered("aws-kms-key-rotation")),
        c(`Key policy: ${PUBLIC}`, ["CKV_AWS_33"], covered("aws-kms-no-wildcard-principal")),
        c("Policy lockout safety check not bypassed", [], covered("aws-kms-no-lockout-bypass")),
        c("30-day deletion window", [], covered("aws-kms-deletion-window")),
      ],
    },
    {
      service: "CloudWatch Logs",
      types: ["aws:cloudwatch/logGroup:LogGroup"],
      checkov: ["aws_cloudwatch_log_group"],
      controls: [
        c(CMK, ["CKV_AWS_158"], covered("aws-cloudwatch-log-group-encrypted")),
        c(
          "Bounded retention of at least the minimum",
          ["CKV_AWS_338", "CKV_AWS_66"],
          covered("aws-cloudwatch-log-retention"),
        ),
        c(
          "Metric filters and alarms for security events",
          ["CIS AWS 4.1", "CIS AWS 4.16"],
          notCovered(ACCOUNT_LEVEL),
        ),
      ],
    },
    {
      service: "RDS and Aurora",
      types: [
        "aws:rds/instance:Instance",
        "aws:rds/cluster:Cluster",
        "aws:rds/clusterInstance:ClusterInstance",
        "aws:rds/parameterGroup:ParameterGroup",
        "aws:rds/snapshot:Snapshot",
        "aws:rds/clusterSnapshot:ClusterSnapshot",
      ],
      checkov: ["aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_db_snapshot"],
      controls: [
        c("Not publicly accessible", ["CKV_AWS_17", "CIS AWS 2.3.3"], covered("aws-rds-not-public")),
        c(CMK, ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327", "CIS AWS 2.3.1"], covered("aws-rds-encrypted")),
        c(
          "TLS required (rds.force_ssl; the default from PostgreSQL 15)",
          ["CKV2_AWS_69"],
          covered("aws-rds-force-ssl"),
        ),
        c("Master password managed by Secrets Manager", [], covered("aws-rds-managed-password")),
        c("IAM database authentication", ["CKV_AWS_161", "CKV_AWS_162"], covered("aws-rds-iam-auth")),
        c("Backups kept, final snapshot", ["CKV_AWS_133"], covered("aws-rds-backups")),
        c("Engine logs exported", ["CKV_AWS_129", "CKV_AWS_324"], covered("aws-rds-log-exports")),
        c(
          "Deletion protection and Multi-AZ in prod",
          ["CKV_AWS_157", "CKV_AWS_293", "CKV_AWS_139"],
          covered("aws-rds-prod-resilience", "aws-rds-cluster-prod-multi-az"),
        ),
        c(
          "Minor versions upgraded automatically",
          ["CKV_AWS_226", "CIS AWS 2.3.2"],
          covered("aws-rds-auto-minor-version-upgrade"),
        ),
        c(
          "Tags copied to snapshots",
          ["CKV2_AWS_60", "CKV_AWS_313"],
          covered("aws-rds-copy-tags-to-snapshot"),
        ),
        c("Snapshots not shared with everyone", ["CKV_AWS_302"], covered("aws-rds-snapshot-not-public")),
        c(
          "Performance Insights under a customer-managed key",
          ["CKV_AWS_354"],
          gap("the CMK decision would extend to `performanceInsightsKmsKeyId`"),
        ),
      ],
    },
    {
      service: "ECS",
      types: [
        "aws:ecs/service:Service",
        "aws:ecs/taskDefinition:TaskDefinition",
        "aws:appautoscaling/target:Target",
        "aws:ecs/cluster:Cluster",
      ],
      checkov: ["aws_ecs_service", "aws_ecs_task_definition", "aws_ecs_cluster"],
      controls: [
        c("No public IPs on tasks", ["CKV_AWS_333"], covered("aws-ecs-no-public-ip")),
        c(
          "Containers non-root, unprivileged, read-only root filesystem",
          ["CKV_AWS_336", "CKV_AWS_334"],
          covered("aws-ecs-task-hardening"),
        ),
        c("No plaintext secrets in container environment", [], covered("aws-ecs-no-plaintext-secrets")),
        c("Task role separate from execution role", ["CKV_AWS_249"], covered("aws-ecs-separate-task-role")),
        c("Deployment circuit breaker with rollback", [], covered("aws-ecs-circuit-breaker")),
        c("Autoscaling bounds", [], covered("aws-ecs-autoscaling-bounds")),
        c(
          "Container Insights on the cluster",
          ["CKV_AWS_65"],
          gap("a rule would read the cluster's `settings`"),
        ),
        c("No host PID namespace", ["CKV_AWS_335"], gap("a rule would read the task definition's `pidMode`")),
      ],
    },
    ...AWS_MORE_SERVICES,
  ],
};
