// AWS rules (BASELINE.md, AWS section), written against raw @pulumi/aws resources so they hold for any
// program. Where AWS splits one concept over several resources (a bucket and its public-access block,
// encryption, policy …) the rule is a stack policy that follows `propertyDependencies`.
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, resourcePolicy, stackPolicy, ofTypes } from "./meta";
import { eachOf, referenced, referrers } from "./links";
import { DEFAULT_REQUIRED_TAGS, requiredTagsRule, statefulProtectionRule } from "./common";
import { ifKnown, isSet } from "./unknowns";

export const T = {
  bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  publicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
  encryption: [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  ],
  bucketPolicy: ["aws:s3/bucketPolicy:BucketPolicy"],
  versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
  logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
  lifecycle: [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
  ],
  ownership: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
  acl: ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"],
  key: ["aws:kms/key:Key"],
  vpc: ["aws:ec2/vpc:Vpc"],
  flowLog: ["aws:ec2/flowLog:FlowLog"],
  defaultSecurityGroup: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
  securityGroup: ["aws:ec2/securityGroup:SecurityGroup"],
  securityGroupRule: ["aws:ec2/securityGroupRule:SecurityGroupRule"],
  ingressRule: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
  logGroup: ["aws:cloudwatch/logGroup:LogGroup"],
  loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  listener: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
  ecsService: ["aws:ecs/service:Service"],
  taskDefinition: ["aws:ecs/taskDefinition:TaskDefinition"],
  dbInstance: ["aws:rds/instance:Instance"],
  dbParameterGroup: ["aws:rds/parameterGroup:ParameterGroup"],
  iamPolicyDocs: [
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
  ],
  accessKey: ["aws:iam/accessKey:AccessKey"],
} as const;

type Props = Record<string, unknown>;

function obj(value: unknown): Props {
  return typeof value === "object" && value !== null ? (value as Props) : {};
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function is(args: ResourceValidationArgs, types: readonly string[]): boolean {
  return types.includes(args.type);
}

/** IAM-style policy statements from a JSON string or an object. */
export function statements(doc: unknown): Props[] {
  let parsed: unknown = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  return list(obj(parsed).Statement).map(obj);
}

function isEnvironment(props: Props, env: string): boolean {
  return obj(props.tags)["environment"] === env;
}

function bucketLabel(b: PolicyResource): string {
  return `bucket "${b.name}"`;
}

// The configuration resources of a bucket, found through the `bucket` input.
function bucketParts(
  resources: readonly PolicyResource[],
  types: readonly string[],
  b: PolicyResource,
): PolicyResource[] {
  return referrers(resources, types, "bucket", b, ["bucket"]);
}

/**
 * Buckets that receive logs from AWS services (S3 server access logging, load balancer access logs). Those
 * services write only with SSE-S3, and logging a log bucket would loop, so two rules treat them apart.
 */
// Module-level so the link index built for it is reused across buckets (it is keyed by the reader).
const accessLogsBucket = (props: Props): unknown => obj(props.accessLogs).bucket;

function logTargets(resources: readonly PolicyResource[]): Set<string> {
  const out = new Set<string>();
  for (const b of ofTypes(resources, T.bucket)) {
    const viaLogging = referrers(resources, T.logging, "targetBucket", b, ["bucket"]).length > 0;
    const viaLb =
      referrers(resources, T.loadBalancer, "accessLogs", b, ["bucket"], accessLogsBucket).length > 0;
    if (viaLogging || viaLb) out.add(b.urn);
  }
  return out;
}

const ADMIN_PORTS: Record<number, string> = {
  22: "SSH",
  3389: "RDP",
  5432: "PostgreSQL",
  3306: "MySQL",
  1433: "SQL Server",
  1521: "Oracle",
  6379: "Redis",
  27017: "MongoDB",
  9200: "Elasticsearch",
};
const OPEN = ["0.0.0.0/0", "::/0"];

function exposedAdminPorts(protocol: unknown, from: unknown, to: unknown): string[] {
  const proto = String(protocol ?? "tcp").toLowerCase();
  if (!["tcp", "6", "-1", "all"].includes(proto)) return [];
  const lo = proto === "-1" || proto === "all" ? 0 : Number(from ?? 0);
  const hi = proto === "-1" || proto === "all" ? 65535 : Number(to ?? from ?? 65535);
  return Object.entries(ADMIN_PORTS)
    .filter(([p]) => Number(p) >= lo && Number(p) <= hi)
    .map(([p, what]) => `${p} (${what})`);
}

/** TLS policies that allow only TLS 1.2 and newer with forward-secret ciphers. */
export const MODERN_TLS_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08",
  "ELBSecurityPolicy-TLS-1-2-2017-01",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
];

const rules: ResourceRule[] = [
  {
    name: "aws-s3-no-public-acl",
    area: "aws",
    severity: "critical",
    description: "S3 buckets must not grant public access through a canned ACL.",
    remediationSteps:
      "Remove the `public-read`/`public-read-write`/`authenticated-read` ACL; use BucketOwnerEnforced ownership and grant access through IAM.",
    references: ["CKV_AWS_20", "CKV_AWS_57", "CIS AWS 2.1.4"],
    validateResource(args, report) {
      if (!is(args, T.bucket) && !is(args, T.acl)) return;
      const acl = args.props.acl;
      if (["public-read", "public-read-write", "authenticated-read"].includes(String(acl))) {
        report(`canned ACL "${acl}" makes the bucket readable outside the account`);
      }
    },
  },
  {
    name: "aws-s3-no-force-destroy",
    area: "aws",
    severity: "medium",
    description: "S3 buckets must not be created with `forceDestroy`, which deletes every object on destroy.",
    remediationSteps: "Leave `forceDestroy` unset (false); empty a bucket deliberately before removing it.",
    references: ["Groundwork BASELINE AWS Bucket"],
    validateResource(args, report) {
      if (is(args, T.bucket) && args.props.forceDestroy === true) report("forceDestroy is true");
    },
  },
  {
    name: "aws-kms-key-rotation",
    area: "aws",
    severity: "high",
    description: "Symmetric KMS keys must rotate automatically at least every 365 days.",
    remediationSteps: "Set `enableKeyRotation: true` (and `rotationPeriodInDays` ≤ 365 if you set it).",
    references: ["CKV_AWS_7", "CIS AWS 3.6"],
    validateResource(args, report) {
      if (!is(args, T.key)) return;
      const spec = args.props.customerMasterKeySpec ?? args.props.keySpec ?? "SYMMETRIC_DEFAULT";
      if (spec !== "SYMMETRIC_DEFAULT") args.notApplicable("asymmetric and HMAC keys cannot rotate");
      if (args.props.enableKeyRotation !== true) report("enableKeyRotation is not true");
      const period = args.props.rotationPeriodInDays;
      if (typeof period === "number" && period > 365)
        report(`rotationPeriodInDays is ${period} (at most 365)`);
    },
  },
  {
    name: "aws-kms-no-wildcard-principal",
    area: "aws",
    severity: "critical",
    description: "KMS key policies must not allow `*` principals without a condition.",
    remediationSteps:
      "Name the account root, roles or services in `Principal`, or add a restricting `Condition`.",
    references: ["CKV_AWS_33"],
    validateResource(args, report) {
      if (!is(args, T.key) || args.props.policy === undefined) return;
      for (const s of statements(args.props.policy)) {
        if (s.Effect !== "Allow" || s.Condition !== undefined) continue;
        const p = s.Principal;
        const principals = p === "*" ? ["*"] : list(obj(p).AWS);
        if (principals.includes("*")) report(`statement ${JSON.stringify(s.Sid ?? "")} allows Principal "*"`);
      }
    },
  },
  {
    name: "aws-kms-deletion-window",
    area: "aws",
    severity: "low",
    description: "KMS keys keep the 30-day deletion window, so a mistaken deletion can be cancelled.",
    remediationSteps: "Leave `deletionWindowInDays` unset or set it to 30.",
    references: ["Groundwork BASELINE AWS KMS"],
    validateResource(args, report) {
      if (!is(args, T.key)) return;
      const days = args.props.deletionWindowInDays;
      if (typeof days === "number" && days < 30) report(`deletionWindowInDays is ${days} (expected 30)`);
    },
  },
  {
    name: "aws-ec2-no-public-admin-ports",
    area: "aws",
    severity: "critical",
    description: "Security groups must not open administrative or database ports to 0.0.0.0/0 or ::/0.",
    remediationSteps:
      "Restrict the source to a VPN/bastion range or a security group; use SSM Session Manager for shells.",
    references: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CIS AWS 5.2", "CIS AWS 5.3"],
    validateResource(args, report) {
      const check = (
        cidrs: unknown[],
        protocol: unknown,
        from: unknown,
        to: unknown,
        where: string,
      ): void => {
        const open = cidrs.filter((c) => OPEN.includes(String(c)));
        if (open.length === 0) return;
        const ports = exposedAdminPorts(protocol, from, to);
        if (ports.length > 0) report(`${where} opens ${ports.join(", ")} to ${open.join(", ")}`);
      };
      if (is(args, T.securityGroup) || is(args, T.defaultSecurityGroup)) {
        list(args.props.ingress).forEach((r, i) => {
          const rule = obj(r);
          check(
            [...list(rule.cidrBlocks), ...list(rule.ipv6CidrBlocks)],
            rule.protocol,
            rule.fromPort,
            rule.toPort,
            `ingress[${i}]`,
          );
        });
      } else if (is(args, T.securityGroupRule)) {
        if (args.props.type !== "ingress") return;
        const p = args.props;
        check(
          [...list(p.cidrBlocks), ...list(p.ipv6CidrBlocks)],
          p.protocol,
          p.fromPort,
          p.toPort,
          "the rule",
        );
      } else if (is(args, T.ingressRule)) {
        const p = args.props;
        check([p.cidrIpv4, p.cidrIpv6], p.ipProtocol, p.fromPort, p.toPort, "the rule");
      }
    },
  },
  {
    name: "aws-cloudwatch-log-group-encrypted",
    area: "aws",
    severity: "medium",
    description: "CloudWatch log groups must be encrypted with a customer-managed KMS key.",
    remediationSteps:
      "Set `kmsKeyId` to a rotating customer-managed key whose policy allows the logs service.",
    references: ["CKV_AWS_158"],
    validateResource(args, report) {
      if (is(args, T.logGroup) && !isSet(args.props, "kmsKeyId")) report("kmsKeyId is not set");
    },
  },
  {
    name: "aws-cloudwatch-log-retention",
    area: "aws",
    severity: "medium",
    description:
      "CloudWatch log groups must keep logs for a bounded period of at least the minimum retention.",
    remediationSteps: "Set `retentionInDays` to the environment's retention (dev 30, staging 90, prod 365).",
    references: ["CKV_AWS_338", "CKV_AWS_66"],
    configSchema: {
      properties: {
        minimumRetentionDays: {
          type: "integer",
          minimum: 1,
          default: 30,
          description: "Shortest retention accepted, in days.",
        },
      },
    },
    validateResource(args, report) {
      if (!is(args, T.logGroup)) return;
      const min = args.getConfig<{ minimumRetentionDays?: number }>().minimumRetentionDays ?? 30;
      const days = args.props.retentionInDays;
      if (days === undefined || days === 0)
        report("retentionInDays is not set (logs kept forever, unbudgeted)");
      else if (typeof days === "number" && days < min) report(`retentionInDays is ${days} (at least ${min})`);
    },
  },
  {
    name: "aws-lb-listener-https",
    area: "aws",
    severity: "high",
    description:
      "Load balancer listeners must use HTTPS/TLS; a plaintext HTTP listener may only redirect to HTTPS.",
    remediationSteps:
      'Use `protocol: "HTTPS"` with a certificate, or make the HTTP listener\'s default action a redirect to HTTPS.',
    references: ["CKV_AWS_2", "CKV_AWS_103"],
    validateResource(args, report) {
      if (!is(args, T.listener)) return;
      const protocol = String(args.props.protocol ?? "HTTP").toUpperCase();
      if (protocol !== "HTTP" && protocol !== "TCP") return;
      if (protocol === "TCP") {
        report("TCP listener carries traffic without TLS (use TLS)");
        return;
      }
      const actions = list(args.props.defaultActions).map(obj);
      const redirects = actions.every(
        (a) => a.type === "redirect" && String(obj(a.redirect).protocol ?? "").toUpperCase() === "HTTPS",
      );
      if (actions.length === 0 || !redirects) report("HTTP listener does not redirect to HTTPS");
    },
  },
  {
    name: "aws-lb-listener-tls-policy",
    area: "aws",
    severity: "high",
    description: "HTTPS/TLS listeners must use a TLS 1.2+ security policy with forward secrecy.",
    remediationSteps: `Set \`sslPolicy\` to one of ${MODERN_TLS_POLICIES.slice(0, 2).join(", ")} …`,
    references: ["CKV_AWS_103", "Groundwork BASELINE transit"],
    validateResource(args, report) {
      if (!is(args, T.listener)) return;
      const protocol = String(args.props.protocol ?? "HTTP").toUpperCase();
      if (protocol !== "HTTPS" && protocol !== "TLS") return;
      const policy = args.props.sslPolicy;
      if (policy === undefined) report("sslPolicy is not set (the AWS default allows TLS 1.0)");
      else if (!MODERN_TLS_POLICIES.includes(String(policy)))
        report(`sslPolicy "${policy}" allows protocols older than TLS 1.2`);
    },
  },
  {
    name: "aws-lb-drop-invalid-headers",
    area: "aws",
    severity: "medium",
    description: "Application load balancers must drop invalid HTTP header fields.",
    remediationSteps: "Set `dropInvalidHeaderFields: true`.",
    references: ["CKV_AWS_131"],
    validateResource(args, report) {
      if (!is(args, T.loadBalancer)) return;
      if ((args.props.loadBalancerType ?? "application") !== "application") return;
      if (args.props.dropInvalidHeaderFields !== true) report("dropInvalidHeaderFields is not true");
    },
  },
  {
    name: "aws-lb-access-logs",
    area: "aws",
    severity: "medium",
    description: "Load balancers must write access logs.",
    remediationSteps: "Set `accessLogs: { bucket, enabled: true }` to a log bucket.",
    references: ["CKV_AWS_91"],
    validateResource(args, report) {
      if (!is(args, T.loadBalancer)) return;
      const logs = obj(args.props.accessLogs);
      if (!isSet(logs, "bucket") || logs.enabled === false) report("access logs are not enabled");
    },
  },
  {
    name: "aws-ecs-no-public-ip",
    area: "aws",
    severity: "high",
    description: "ECS services must not give tasks public IP addresses.",
    remediationSteps:
      "Run tasks in private subnets with `assignPublicIp: false`; reach them through a load balancer.",
    references: ["CKV_AWS_333"],
    validateResource(args, report) {
      if (is(args, T.ecsService) && obj(args.props.networkConfiguration).assignPublicIp === true) {
        report("networkConfiguration.assignPublicIp is true");
      }
    },
  },
  {
    name: "aws-ecs-circuit-breaker",
    area: "aws",
    severity: "low",
    description: "ECS services roll back failed deployments with the deployment circuit breaker.",
    remediationSteps: "Set `deploymentCircuitBreaker: { enable: true, rollback: true }`.",
    references: ["Groundwork BASELINE AWS ContainerService"],
    validateResource(args, report) {
      if (!is(args, T.ecsService)) return;
      const cb = obj(args.props.deploymentCircuitBreaker);
      if (cb.enable !== true || cb.rollback !== true)
        report("deployment circuit breaker with rollback is not on");
    },
  },
  {
    name: "aws-ecs-task-hardening",
    area: "aws",
    severity: "high",
    description: "ECS containers run as a non-root user, unprivileged, with a read-only root filesystem.",
    remediationSteps:
      "In each container definition set `user` to a non-root UID, `readonlyRootFilesystem: true` and leave `privileged` unset.",
    references: ["CKV_AWS_336", "CKV_AWS_334"],
    validateResource(args, report) {
      if (!is(args, T.taskDefinition)) return;
      const raw = args.props.containerDefinitions;
      let defs: unknown;
      try {
        defs = typeof raw === "string" ? JSON.parse(raw) : raw;
      } catch {
        report("containerDefinitions is not valid JSON");
        return;
      }
      for (const d of list(defs).map(obj)) {
        const name = String(d.name ?? "?");
        if (d.readonlyRootFilesystem !== true)
          report(`container "${name}": readonlyRootFilesystem is not true`);
        if (d.privileged === true) report(`container "${name}" is privileged`);
        const user = d.user === undefined ? undefined : String(d.user).split(":")[0];
        if (user === undefined || user === "root" || user === "0") {
          report(`container "${name}" runs as root (user ${JSON.stringify(d.user ?? "unset")})`);
        }
      }
    },
  },
  {
    name: "aws-ecs-separate-task-role",
    area: "aws",
    severity: "medium",
    description: "ECS tasks use a task role distinct from the execution role (one identity per workload).",
    remediationSteps:
      "Create a dedicated task role with only the application's permissions; keep the execution role for pulling images and logs.",
    references: ["Groundwork BASELINE identities"],
    validateResource(args, report) {
      if (!is(args, T.taskDefinition)) return;
      const exec = args.props.executionRoleArn;
      const task = args.props.taskRoleArn;
      if (task !== undefined && exec !== undefined && task === exec)
        report("taskRoleArn equals executionRoleArn");
    },
  },
  {
    name: "aws-rds-not-public",
    area: "aws",
    severity: "critical",
    description: "RDS instances must not be publicly accessible.",
    remediationSteps:
      "Set `publiclyAccessible: false` and place the instance in private or isolated subnets.",
    references: ["CKV_AWS_17", "CIS AWS 2.3.3"],
    validateResource(args, report) {
      if (is(args, T.dbInstance) && args.props.publiclyAccessible === true)
        report("publiclyAccessible is true");
    },
  },
  {
    name: "aws-rds-encrypted",
    area: "aws",
    severity: "high",
    description: "RDS storage must be encrypted with a customer-managed KMS key.",
    remediationSteps: "Set `storageEncrypted: true` and `kmsKeyId` to a rotating customer-managed key.",
    references: ["CKV_AWS_16", "CIS AWS 2.3.1"],
    validateResource(args, report) {
      if (!is(args, T.dbInstance) || args.props.replicateSourceDb !== undefined) return;
      if (args.props.storageEncrypted !== true) report("storageEncrypted is not true");
      else if (!isSet(args.props, "kmsKeyId")) report("kmsKeyId is not set (AWS-managed key)");
    },
  },
  {
    name: "aws-rds-managed-password",
    area: "aws",
    severity: "high",
    description:
      "RDS master passwords are managed by Secrets Manager, never written in the program or state.",
    remediationSteps: "Set `manageMasterUserPassword: true` and remove `password`.",
    references: ["Groundwork BASELINE AWS Database"],
    validateResource(args, report) {
      if (!is(args, T.dbInstance) || args.props.replicateSourceDb !== undefined) return;
      if (isSet(args.props, "password")) report("a literal master password is set");
      else if (args.props.manageMasterUserPassword !== true) report("manageMasterUserPassword is not true");
    },
  },
  {
    name: "aws-rds-iam-auth",
    area: "aws",
    severity: "medium",
    description: "RDS instances enable IAM database authentication.",
    remediationSteps: "Set `iamDatabaseAuthenticationEnabled: true`.",
    references: ["CKV_AWS_161"],
    validateResource(args, report) {
      if (is(args, T.dbInstance) && args.props.iamDatabaseAuthenticationEnabled !== true) {
        report("iamDatabaseAuthenticationEnabled is not true");
      }
    },
  },
  {
    name: "aws-rds-backups",
    area: "aws",
    severity: "medium",
    description: "RDS instances keep automated backups for at least the minimum retention.",
    remediationSteps: "Set `backupRetentionPeriod` (dev 7, prod 30 days) and keep a final snapshot.",
    references: ["CKV_AWS_133"],
    configSchema: {
      properties: {
        minimumBackupRetentionDays: {
          type: "integer",
          minimum: 1,
          maximum: 35,
          default: 7,
          description: "Shortest backup retention accepted.",
        },
      },
    },
    validateResource(args, report) {
      if (!is(args, T.dbInstance) || args.props.replicateSourceDb !== undefined) return;
      const min = args.getConfig<{ minimumBackupRetentionDays?: number }>().minimumBackupRetentionDays ?? 7;
      const days = Number(args.props.backupRetentionPeriod ?? 0);
      if (days < min) report(`backupRetentionPeriod is ${days} (at least ${min})`);
      if (args.props.skipFinalSnapshot === true) report("skipFinalSnapshot is true");
    },
  },
  {
    name: "aws-rds-log-exports",
    area: "aws",
    severity: "low",
    description: "RDS instances export their engine logs to CloudWatch.",
    remediationSteps: 'Set `enabledCloudwatchLogsExports` (for PostgreSQL: ["postgresql", "upgrade"]).',
    references: ["CKV_AWS_129"],
    validateResource(args, report) {
      if (is(args, T.dbInstance) && list(args.props.enabledCloudwatchLogsExports).length === 0) {
        report("enabledCloudwatchLogsExports is empty");
      }
    },
  },
  {
    name: "aws-rds-prod-resilience",
    area: "aws",
    severity: "medium",
    description: "Production RDS instances (tag environment=prod) are multi-AZ with deletion protection.",
    remediationSteps: "Set `multiAz: true` and `deletionProtection: true` on production databases.",
    references: ["CKV_AWS_157", "CKV_AWS_293"],
    validateResource(args, report) {
      if (!is(args, T.dbInstance) || !isEnvironment(args.props, "prod")) return;
      if (args.props.multiAz !== true) report("multiAz is not true in prod");
      if (args.props.deletionProtection !== true) report("deletionProtection is not true in prod");
    },
  },
  {
    name: "aws-iam-no-wildcard-admin",
    area: "aws",
    severity: "high",
    description: "IAM policies must not allow `*` actions (or `service:*`) on `*` resources.",
    remediationSteps: "List the actions the workload calls and the ARNs it touches.",
    references: ["CKV_AWS_62", "CKV_AWS_63", "CIS AWS 1.16"],
    validateResource(args, report) {
      if (!is(args, T.iamPolicyDocs)) return;
      for (const s of statements(args.props.policy)) {
        if (s.Effect !== "Allow") continue;
        const actions = list(s.Action).map(String);
        const resources = list(s.Resource).map(String);
        if (resources.includes("*") && actions.some((a) => a === "*" || a.endsWith(":*"))) {
          report(`statement ${JSON.stringify(s.Sid ?? "")} allows ${actions.join(", ")} on "*"`);
        }
      }
    },
  },
  {
    name: "aws-iam-no-access-keys",
    area: "aws",
    severity: "high",
    description: "Programs must not create long-lived IAM access keys.",
    remediationSteps: "Use roles (IRSA, task roles, OIDC federation for CI) instead of access keys.",
    references: ["CIS AWS 1.14", "Groundwork BASELINE identities"],
    validateResource(args, report) {
      if (is(args, T.accessKey)) report("an IAM access key is created");
    },
  },
];

const bucketStack = [
  stackPolicy({
    name: "aws-s3-public-access-block",
    area: "aws",
    severity: "critical",
    description: "Every S3 bucket has a public-access block with all four settings on.",
    remediationSteps:
      "Add a BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    references: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CIS AWS 2.1.4"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const blocks = bucketParts(args.resources, T.publicAccessBlock, b);
        if (blocks.length === 0) {
          report(`${bucketLabel(b)} has no BucketPublicAccessBlock`, b.urn);
          return;
        }
        for (const pab of blocks) {
          const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
          const values = flags.map((f) => [f, ifKnown(() => pab.props[f] as unknown)] as const);
          const off = values.filter(([, v]) => v === false || v === null);
          const unset = values.filter(([f]) => !(f in pab.props));
          if (off.length + unset.length > 0) {
            report(
              `${bucketLabel(b)}: ${[...off, ...unset].map(([f]) => f).join(", ")} not true on "${pab.name}"`,
              b.urn,
            );
          } else if (values.some(([, v]) => v === undefined)) {
            report.undecided(`${bucketLabel(b)}: a public-access setting is unknown`, b.urn);
          }
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-encryption-kms",
    area: "aws",
    severity: "high",
    description:
      "Every S3 bucket is encrypted with SSE-KMS under a customer-managed key, with bucket keys on. Log-delivery " +
      "buckets (targets of S3 access logging or load balancer access logs) may use SSE-S3, the only encryption " +
      "those AWS services can write to.",
    remediationSteps:
      "Add a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms, kmsMasterKeyId set, bucketKeyEnabled true.",
    references: ["CKV_AWS_145", "CKV_AWS_19"],
    validateStack(args, report) {
      const targets = logTargets(args.resources);
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const rules: Props[] = [];
        for (const c of bucketParts(args.resources, T.encryption, b))
          rules.push(...list(c.props.rules).map(obj));
        const inline = ifKnown(() => obj(b.props.serverSideEncryptionConfiguration).rule);
        if (inline) rules.push(obj(inline));
        if (rules.length === 0) {
          report(`${bucketLabel(b)} has no server-side encryption configuration (SSE-S3 default)`, b.urn);
          return;
        }
        for (const r of rules) {
          const by = obj(r.applyServerSideEncryptionByDefault);
          const algorithm = String(by.sseAlgorithm ?? "");
          if (targets.has(b.urn) && algorithm === "AES256") continue;
          if (!algorithm.startsWith("aws:kms"))
            report(
              `${bucketLabel(b)}: sseAlgorithm is ${JSON.stringify(by.sseAlgorithm)}, not aws:kms`,
              b.urn,
            );
          else if (!isSet(by, "kmsMasterKeyId"))
            report(`${bucketLabel(b)}: kmsMasterKeyId not set (AWS-managed key)`, b.urn);
          if (r.bucketKeyEnabled !== true) report(`${bucketLabel(b)}: bucketKeyEnabled is not true`, b.urn);
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-tls-only",
    area: "aws",
    severity: "high",
    description: "Every S3 bucket has a policy denying requests without TLS (aws:SecureTransport = false).",
    remediationSteps:
      "Add a BucketPolicy statement: Effect Deny, Principal *, Action s3:*, Condition Bool aws:SecureTransport false.",
    references: ["CIS AWS 2.1.1"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const docs = bucketParts(args.resources, T.bucketPolicy, b).map((p) => p.props.policy as unknown);
        const inline = ifKnown(() => b.props.policy as unknown);
        if (inline !== undefined) docs.push(inline);
        const denies = docs.flatMap(statements).some((s) => {
          const bool = obj(obj(s.Condition).Bool);
          return s.Effect === "Deny" && String(bool["aws:SecureTransport"]) === "false";
        });
        if (!denies) report(`${bucketLabel(b)} does not deny requests without TLS`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-versioning",
    area: "aws",
    severity: "medium",
    description: "Every S3 bucket has versioning enabled.",
    remediationSteps: 'Add a BucketVersioning with `versioningConfiguration.status: "Enabled"`.',
    references: ["CKV_AWS_21"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const on =
          bucketParts(args.resources, T.versioning, b).some(
            (v) => obj(v.props.versioningConfiguration).status === "Enabled",
          ) || ifKnown(() => obj(b.props.versioning).enabled) === true;
        if (!on) report(`${bucketLabel(b)} is not versioned`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-access-logging",
    area: "aws",
    severity: "medium",
    description: "Every S3 bucket logs access to a log bucket (log buckets themselves excepted).",
    remediationSteps: "Add a BucketLogging pointing `targetBucket` at a log bucket.",
    references: ["CKV_AWS_18"],
    validateStack(args, report) {
      const targets = logTargets(args.resources);
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        if (targets.has(b.urn)) return;
        const logged =
          bucketParts(args.resources, T.logging, b).length > 0 ||
          ifKnown(() => obj(b.props.logging).targetBucket) !== undefined;
        if (!logged) report(`${bucketLabel(b)} has no access logging`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-ownership-enforced",
    area: "aws",
    severity: "medium",
    description: "Every S3 bucket disables ACLs with BucketOwnerEnforced object ownership.",
    remediationSteps: 'Add BucketOwnershipControls with `rule.objectOwnership: "BucketOwnerEnforced"`.',
    references: ["CKV2_AWS_65"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const ok = bucketParts(args.resources, T.ownership, b).some(
          (o) => obj(o.props.rule).objectOwnership === "BucketOwnerEnforced",
        );
        if (!ok) report(`${bucketLabel(b)} does not enforce bucket-owner object ownership`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-lifecycle",
    area: "aws",
    severity: "low",
    description: "Every S3 bucket has a lifecycle rule (non-current versions, incomplete multipart uploads).",
    remediationSteps:
      "Add a BucketLifecycleConfiguration expiring non-current versions and aborting incomplete uploads.",
    references: ["CKV2_AWS_61"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const has =
          bucketParts(args.resources, T.lifecycle, b).length > 0 ||
          list(ifKnown(() => b.props.lifecycleRules)).length > 0;
        if (!has) report(`${bucketLabel(b)} has no lifecycle configuration`, b.urn);
      });
    },
  }),
];

const networkStack = [
  stackPolicy({
    name: "aws-vpc-flow-logs",
    area: "aws",
    severity: "high",
    description: "Every VPC has flow logs capturing ALL traffic.",
    remediationSteps:
      'Add an ec2 FlowLog with `vpcId` set to the VPC and `trafficType: "ALL"`, delivered to an encrypted log group.',
    references: ["CKV2_AWS_11", "CIS AWS 3.7"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.vpc), report, (vpc) => {
        const logs = referrers(args.resources, T.flowLog, "vpcId", vpc);
        if (logs.length === 0) report(`VPC "${vpc.name}" has no flow log`, vpc.urn);
        else if (!logs.some((l) => ifKnown(() => l.props.trafficType) === "ALL")) {
          report(`VPC "${vpc.name}" has no flow log with trafficType ALL`, vpc.urn);
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-vpc-default-security-group",
    area: "aws",
    severity: "high",
    description: "Every VPC's default security group is managed and has no rules.",
    remediationSteps: "Add an ec2 DefaultSecurityGroup for the VPC with no `ingress` and no `egress`.",
    references: ["CKV2_AWS_12", "CIS AWS 5.4"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.vpc), report, (vpc) => {
        const groups = referrers(args.resources, T.defaultSecurityGroup, "vpcId", vpc);
        if (groups.length === 0)
          report(
            `VPC "${vpc.name}" leaves its default security group unmanaged (it allows all traffic between members)`,
            vpc.urn,
          );
        for (const g of groups) {
          const rules = [...list(g.props.ingress), ...list(g.props.egress)];
          if (rules.length > 0)
            report(`default security group "${g.name}" has ${rules.length} rule(s)`, vpc.urn);
        }
      });
    },
  }),
];

const databaseStack = [
  stackPolicy({
    name: "aws-rds-force-ssl",
    area: "aws",
    severity: "high",
    description:
      "PostgreSQL RDS instances refuse unencrypted connections: their parameter group sets rds.force_ssl=1 " +
      "(the default group does so only from PostgreSQL 15).",
    remediationSteps: 'Attach a ParameterGroup with `{ name: "rds.force_ssl", value: "1" }` to the instance.',
    references: ["CIS AWS 2.3", "Groundwork BASELINE AWS Database"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.dbInstance), report, (db) => {
        if (!String(db.props.engine ?? "").startsWith("postgres")) return;
        const groups = referenced(args.resources, T.dbParameterGroup, db, "parameterGroupName", ["name"]);
        const settings = groups.flatMap((g) => list(g.props.parameters).map(obj));
        const force = settings.find((p) => p.name === "rds.force_ssl");
        if (force !== undefined) {
          if (String(force.value) !== "1")
            report(`"${db.name}": rds.force_ssl is ${JSON.stringify(force.value)}`, db.urn);
          return;
        }
        const major = Number(String(db.props.engineVersion ?? "").split(".")[0]);
        if (!(major >= 15)) {
          report(
            `"${db.name}": no parameter group sets rds.force_ssl=1 (engine version ${JSON.stringify(db.props.engineVersion ?? "default")})`,
            db.urn,
          );
        }
      });
    },
  }),
];

/** AWS resource types that take `tags` (the ones platform programs commonly create). */
export const AWS_TAGGABLE: readonly string[] = [
  ...T.bucket,
  ...T.key,
  ...T.vpc,
  ...T.flowLog,
  ...T.securityGroup,
  ...T.defaultSecurityGroup,
  ...T.logGroup,
  ...T.loadBalancer,
  ...T.listener,
  ...T.ecsService,
  ...T.taskDefinition,
  ...T.dbInstance,
  ...T.dbParameterGroup,
  "aws:iam/policy:Policy",
  "aws:iam/role:Role",
  "aws:ec2/subnet:Subnet",
  "aws:ec2/internetGateway:InternetGateway",
  "aws:ec2/natGateway:NatGateway",
  "aws:ec2/eip:Eip",
  "aws:ec2/routeTable:RouteTable",
  "aws:ec2/vpcEndpoint:VpcEndpoint",
  "aws:ec2/instance:Instance",
  "aws:ec2/launchTemplate:LaunchTemplate",
  "aws:ec2/networkAcl:NetworkAcl",
  "aws:lb/targetGroup:TargetGroup",
  "aws:alb/targetGroup:TargetGroup",
  "aws:ecs/cluster:Cluster",
  "aws:rds/cluster:Cluster",
  "aws:rds/subnetGroup:SubnetGroup",
  "aws:secretsmanager/secret:Secret",
  "aws:ecr/repository:Repository",
  "aws:lambda/function:Function",
  "aws:sns/topic:Topic",
  "aws:sqs/queue:Queue",
  "aws:dynamodb/table:Table",
  "aws:efs/fileSystem:FileSystem",
  "aws:acm/certificate:Certificate",
];

const shared: ResourceRule[] = [
  requiredTagsRule({
    name: "aws-required-tags",
    area: "aws",
    appliesTo: (type) => AWS_TAGGABLE.includes(type),
    path: ["tags"],
    defaultRequired: DEFAULT_REQUIRED_TAGS,
    noun: "tag",
    references: ["Groundwork BASELINE tags", "AWS Tagging Best Practices"],
  }),
  statefulProtectionRule({
    name: "aws-stateful-protect-prod",
    area: "aws",
    types: [
      ...T.bucket,
      ...T.key,
      ...T.dbInstance,
      ...T.logGroup,
      "aws:rds/cluster:Cluster",
      "aws:dynamodb/table:Table",
      "aws:efs/fileSystem:FileSystem",
    ],
    environment: (props) => obj(props.tags)["environment"],
  }),
];

/** Every AWS policy. */
export const awsPolicies: GroundworkPolicy[] = [
  ...[...rules, ...shared].map(resourcePolicy),
  ...bucketStack,
  ...networkStack,
  ...databaseStack,
];
