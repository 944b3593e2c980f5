// AWS, continued: the services after ECS in the order of policy/coverage/usage.ts (load balancers, EKS,
// data and messaging services, edge and account services), with the same words as aws.ts.
import { Service, control as c, covered, gap, notCovered } from "./model";
import { ACCOUNT_LEVEL, CMK, PUBLIC } from "./aws-words";

export const AWS_MORE_SERVICES: Service[] = [
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
    types: ["aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup"],
    checkov: ["aws_eks_cluster", "aws_eks_node_group"],
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
        "Supported Kubernetes version (advisory: a minor older than the pack's calendar floor)",
        ["CKV_AWS_339"],
        covered("aws-eks-supported-version"),
      ),
      c(
        "Access entries only, no aws-auth ConfigMap",
        ["CIS EKS 5.5.1"],
        covered("aws-eks-authentication-mode-api"),
      ),
      c("Node groups: no SSH remote access", ["CKV_AWS_100"], covered("aws-eks-node-group-no-remote-access")),
      c(
        "Node groups: IMDSv2 with a hop limit of 1 (pods cannot take the node role)",
        [],
        covered("aws-eks-node-metadata-hop-limit"),
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
    types: ["aws:cloudfront/distribution:Distribution", "aws:cloudwatch/logDeliverySource:LogDeliverySource"],
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
      c("Access logs (legacy or standard logging v2)", ["CKV_AWS_86"], covered("aws-cloudfront-access-logs")),
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
      c("Log file validation", ["CKV_AWS_36", "CIS AWS 3.2"], covered("aws-cloudtrail-log-file-validation")),
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
];
