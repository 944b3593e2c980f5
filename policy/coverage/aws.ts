// AWS: the services programs deploy (ordered by how many files of the sample declare them, policy/coverage/
// usage.ts) and the controls reviewers expect of each, from Checkov's catalogue and CIS AWS Foundations v3.0.0.
import { CloudCoverage, control as c, covered, gap, notCovered } from "./model";

/** Controls a resource policy with a `*` principal should not bypass. */
const PUBLIC = "No `*` principal without a condition naming the caller";
/** The one customer-managed-key control (docs/adr/0013). */
const CMK = "Encrypted at rest, under a customer-managed key (knob: customerManagedKey)";
const ACCOUNT_LEVEL =
  "an account-level setting, made once per account by the landing zone, not in each program; a per-program rule would fire on every program";

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
    {
      service: "Application and Network Load Balancers",
      types: [
        "aws:lb/loadBalancer:LoadBalancer",
        "aws:lb/listener:Listener",
        "aws:alb/loadBalancer:LoadBalancer",
        "aws:alb/listener:Listener",
      ],
      checkov: ["aws_lb", "aws_alb", "aws_lb_listener", "aws_alb_listener"],
      controls: [
        c("HTTPS/TLS listeners; HTTP only to redirect", ["CKV_AWS_2"], covered("aws-lb-listener-https")),
        c(
          "TLS 1.2+ policies with forward secrecy; names AWS publishes",
          ["CKV_AWS_103", "CKV2_AWS_74"],
          covered("aws-lb-listener-tls-policy"),
        ),
        c("Invalid header fields dropped", ["CKV_AWS_131"], covered("aws-lb-drop-invalid-headers")),
        c("Access logs", ["CKV_AWS_91"], covered("aws-lb-access-logs")),
        c("Security groups open only the listener ports", [], covered("aws-lb-security-group-ports")),
        c(
          "Desync mitigation defensive or strictest",
          ["CKV_AWS_328"],
          gap("a rule would read `desyncMitigationMode` (defensive is the default)"),
        ),
        c(
          "A WAF web ACL in front of public load balancers",
          ["CKV2_AWS_28"],
          gap("a stack rule would look for a WebAclAssociation naming the load balancer"),
        ),
      ],
    },
    {
      service: "Classic Load Balancers",
      types: ["aws:elb/loadBalancer:LoadBalancer", "aws:elb/loadBalancerPolicy:LoadBalancerPolicy"],
      checkov: ["aws_elb", "aws_load_balancer_policy"],
      controls: [
        c(
          "Listeners on HTTPS or SSL; TLS 1.2+ forward-secret negotiation policies",
          ["CKV_AWS_376"],
          covered("aws-elb-listener-tls"),
        ),
        c("Access logs", ["CKV_AWS_92"], covered("aws-elb-access-logs")),
        c(
          "An HTTPS listener with no negotiation policy (AWS applies ELBSecurityPolicy-2016-08)",
          [],
          gap("a stack rule would link ListenerPolicy resources to each HTTPS listener"),
        ),
      ],
    },
    {
      service: "EKS",
      types: ["aws:eks/cluster:Cluster"],
      checkov: ["aws_eks_cluster"],
      controls: [
        c(
          "Endpoint private, or public only to listed ranges",
          ["CKV_AWS_39", "CKV_AWS_38", "CIS EKS 5.4.1", "CIS EKS 5.4.2"],
          covered("aws-eks-endpoint-restricted"),
        ),
        c(
          `Secrets envelope encryption: ${CMK}`,
          ["CKV_AWS_58", "CIS EKS 5.3.1"],
          covered("aws-eks-secrets-encryption"),
        ),
        c("Control-plane logging", ["CKV_AWS_37"], covered("aws-eks-control-plane-logging")),
        c(
          "Supported Kubernetes version",
          ["CKV_AWS_339"],
          notCovered(
            "the supported list changes monthly; a pinned table would rot, and EKS refuses versions past extended support",
          ),
        ),
        c(
          "Workload policies (pods, RBAC, namespaces)",
          ["CIS EKS 4.1.1", "CIS EKS 4.2.1", "CIS EKS 4.3.2"],
          covered("k8s-rbac-cluster-admin-binding", "k8s-no-privileged", "k8s-namespace-default-deny"),
        ),
      ],
    },
    {
      service: "ECR",
      types: ["aws:ecr/repository:Repository", "aws:ecr/repositoryPolicy:RepositoryPolicy"],
      checkov: ["aws_ecr_repository", "aws_ecr_repository_policy"],
      controls: [
        c(`Repository policy: ${PUBLIC}`, ["CKV_AWS_32"], covered("aws-ecr-no-public-policy")),
        c("Immutable tags", ["CKV_AWS_51"], covered("aws-ecr-immutable-tags")),
        c("Scan on push", ["CKV_AWS_163", "CIS EKS 5.1.1"], covered("aws-ecr-scan-on-push")),
        c(CMK, ["CKV_AWS_136"], covered("aws-ecr-kms")),
      ],
    },
    {
      service: "DynamoDB",
      types: ["aws:dynamodb/table:Table"],
      checkov: ["aws_dynamodb_table"],
      controls: [
        c("Point-in-time recovery", ["CKV_AWS_28"], covered("aws-dynamodb-point-in-time-recovery")),
        c(CMK, ["CKV_AWS_119"], covered("aws-dynamodb-kms")),
      ],
    },
    {
      service: "CloudFront",
      types: [
        "aws:cloudfront/distribution:Distribution",
        "aws:cloudwatch/logDeliverySource:LogDeliverySource",
      ],
      checkov: ["aws_cloudfront_distribution"],
      controls: [
        c("Viewers on HTTPS only", ["CKV_AWS_34"], covered("aws-cloudfront-https-only")),
        c(
          "Viewer TLS 1.2+ with forward secrecy (not the default certificate)",
          ["CKV_AWS_174", "CKV2_AWS_42"],
          covered("aws-cloudfront-viewer-tls"),
        ),
        c(
          "HTTPS and TLS 1.2+ to custom origins",
          ["CKV2_AWS_72", "CKV2_AWS_54"],
          covered("aws-cloudfront-origin-tls"),
        ),
        c(
          "Access logs (legacy or standard logging v2)",
          ["CKV_AWS_86"],
          covered("aws-cloudfront-access-logs"),
        ),
        c(
          "WAF web ACL",
          ["CKV_AWS_68"],
          gap("a rule would read `webAclId`; public sites without a WAF are common, so it would be advisory"),
        ),
        c(
          "Geo restriction, origin failover, default root object",
          ["CKV_AWS_374", "CKV_AWS_310", "CKV_AWS_305"],
          notCovered("availability and content choices, not security defects"),
        ),
      ],
    },
    {
      service: "API Gateway",
      types: [
        "aws:apigateway/domainName:DomainName",
        "aws:apigatewayv2/domainName:DomainName",
        "aws:apigateway/stage:Stage",
        "aws:apigatewayv2/stage:Stage",
      ],
      checkov: [
        "aws_api_gateway_domain_name",
        "aws_api_gateway_stage",
        "aws_apigatewayv2_stage",
        "aws_api_gateway_method",
      ],
      controls: [
        c("Custom domains refuse TLS below 1.2", ["CKV_AWS_206"], covered("aws-apigateway-domain-tls")),
        c("Stage access logs", ["CKV_AWS_76"], covered("aws-apigateway-access-logs")),
        c("X-Ray tracing on REST stages", ["CKV_AWS_73"], covered("aws-apigateway-tracing")),
        c(
          "Methods authorize callers",
          ["CKV_AWS_59", "CKV2_AWS_70"],
          notCovered(
            "an API with `authorization: NONE` is a public API by design as often as by mistake; the pack cannot tell which",
          ),
        ),
        c(
          "Client certificate to the backend",
          ["CKV2_AWS_51"],
          gap("a rule would read the stage's `clientCertificateId`"),
        ),
      ],
    },
    {
      service: "SQS",
      types: ["aws:sqs/queue:Queue", "aws:sqs/queuePolicy:QueuePolicy"],
      checkov: ["aws_sqs_queue", "aws_sqs_queue_policy"],
      controls: [
        c(
          `${CMK}; SSE-SQS (the default) is encryption`,
          ["CKV_AWS_27", "CKV2_AWS_73"],
          covered("aws-sqs-encrypted"),
        ),
        c(`Queue policy: ${PUBLIC}`, ["CKV_AWS_168", "CKV_AWS_387"], covered("aws-sqs-no-public-policy")),
      ],
    },
    {
      service: "SNS",
      types: ["aws:sns/topic:Topic", "aws:sns/topicPolicy:TopicPolicy"],
      checkov: ["aws_sns_topic", "aws_sns_topic_policy"],
      controls: [
        c(`${CMK}; SNS encrypts nothing by default`, ["CKV_AWS_26"], covered("aws-sns-encrypted")),
        c(`Topic policy: ${PUBLIC}`, ["CKV_AWS_169"], covered("aws-sns-no-public-policy")),
      ],
    },
    {
      service: "Secrets Manager",
      types: [
        "aws:secretsmanager/secret:Secret",
        "aws:secretsmanager/secretPolicy:SecretPolicy",
        "aws:secretsmanager/secretVersion:SecretVersion",
        "aws:secretsmanager/secretRotation:SecretRotation",
      ],
      checkov: ["aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation"],
      controls: [
        c(CMK, ["CKV_AWS_149"], covered("aws-secretsmanager-cmk")),
        c(`Secret policy: ${PUBLIC}`, [], covered("aws-secretsmanager-no-public-policy")),
        c("Automatic rotation", ["CKV2_AWS_57", "CKV_AWS_304"], covered("aws-secretsmanager-rotation")),
        c("Values generated, not written in the program", [], covered("aws-secretsmanager-no-literal-value")),
      ],
    },
    {
      service: "EFS",
      types: ["aws:efs/fileSystem:FileSystem", "aws:efs/fileSystemPolicy:FileSystemPolicy"],
      checkov: ["aws_efs_file_system"],
      controls: [
        c(
          `${CMK}; EFS is unencrypted unless asked`,
          ["CKV_AWS_42", "CKV_AWS_184", "CIS AWS 2.4.1"],
          covered("aws-efs-encrypted"),
        ),
        c(`File-system policy: ${PUBLIC}`, [], covered("aws-efs-no-public-policy")),
        c(
          "Encryption in transit in ECS task volumes",
          ["CKV_AWS_97"],
          gap("a rule would read `volumes[].efsVolumeConfiguration.transitEncryption`"),
        ),
      ],
    },
    {
      service: "Athena",
      types: ["aws:athena/workgroup:Workgroup", "aws:athena/database:Database"],
      checkov: ["aws_athena_workgroup", "aws_athena_database"],
      controls: [
        c(
          `Query results: ${CMK}, enforced on clients`,
          ["CKV_AWS_159", "CKV_AWS_82", "CKV_AWS_77"],
          covered("aws-athena-encrypted"),
        ),
      ],
    },
    {
      service: "CloudTrail",
      types: ["aws:cloudtrail/trail:Trail"],
      checkov: ["aws_cloudtrail"],
      controls: [
        c("Multi-region", ["CKV_AWS_67", "CIS AWS 3.1"], covered("aws-cloudtrail-multi-region")),
        c(
          "Log file validation",
          ["CKV_AWS_36", "CIS AWS 3.2"],
          covered("aws-cloudtrail-log-file-validation"),
        ),
        c(CMK, ["CKV_AWS_35", "CIS AWS 3.5"], covered("aws-cloudtrail-kms")),
      ],
    },
    {
      service: "Account services (Config, GuardDuty, Security Hub, Access Analyzer)",
      types: [],
      checkov: ["aws_guardduty_detector"],
      controls: [
        c(
          "AWS Config, GuardDuty, Security Hub and IAM Access Analyzer on in every region",
          ["CIS AWS 3.3", "CIS AWS 4.16", "CIS AWS 1.20", "CKV_AWS_238"],
          notCovered(ACCOUNT_LEVEL),
        ),
      ],
    },
    {
      service: "Route 53 and ACM",
      types: ["aws:route53/record:Record", "aws:route53/zone:Zone", "aws:acm/certificate:Certificate"],
      checkov: ["aws_acm_certificate"],
      controls: [
        c(
          "Certificates without wildcard names",
          ["CKV2_AWS_71"],
          notCovered(
            "a wildcard certificate is a deliberate, common choice; the risk is in who holds its key, which ACM keeps",
          ),
        ),
        c(
          "DNSSEC and query logging on public zones",
          [],
          gap("rules would look for a KeySigningKey and a QueryLog naming each public zone"),
        ),
      ],
    },
    {
      service: "Systems Manager parameters",
      types: ["aws:ssm/parameter:Parameter"],
      checkov: ["aws_ssm_parameter"],
      controls: [
        c(
          `Secret-named parameters are SecureStrings; ${CMK}`,
          ["CKV2_AWS_34", "CKV_AWS_337"],
          covered("aws-ssm-parameter-encrypted"),
        ),
      ],
    },
    {
      service: "ElastiCache, OpenSearch, Kinesis, MSK",
      types: [
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:opensearch/domain:Domain",
        "aws:kinesis/stream:Stream",
        "aws:msk/cluster:Cluster",
      ],
      checkov: [
        "aws_elasticache_replication_group",
        "aws_opensearch_domain",
        "aws_kinesis_stream",
        "aws_msk_cluster",
      ],
      controls: [
        c(
          `${CMK}, and TLS in transit`,
          [
            "CKV_AWS_29",
            "CKV_AWS_30",
            "CKV_AWS_191",
            "CKV_AWS_5",
            "CKV_AWS_83",
            "CKV_AWS_43",
            "CKV_AWS_185",
            "CKV_AWS_81",
          ],
          gap(
            "each is one onInputs rule under the key decision of ../keys.ts; at most 3 files of the sample use any of them",
          ),
        ),
        c(
          "OpenSearch and MSK inside a VPC, fine-grained access control",
          ["CKV_AWS_137", "CKV2_AWS_52", "CKV_AWS_291"],
          gap("rules would read `vpcOptions`, `advancedSecurityOptions`, broker public access"),
        ),
      ],
    },
    {
      service: "Every AWS resource",
      types: [],
      checkov: [],
      controls: [
        c("Required tags", [], covered("aws-required-tags")),
        c("Stateful resources protected in prod", [], covered("aws-stateful-protect-prod")),
        c("Allowed regions", [], covered("allowed-regions")),
        c(
          "Weakened component defaults reported; waivers valid",
          [],
          covered("groundwork-weakened-defaults", "groundwork-waivers"),
        ),
      ],
    },
  ],
};
