// Which public frameworks a rule maps to, read from its references (`CIS AWS 3.6`, `CKV_K8S_49`,
// `PSS baseline` …), and the service a rule is grouped under: one place for the coverage view and the
// catalogue, so a new reference prefix or service is taught here once.

/** Frameworks the coverage view filters by (`groundwork rules --framework …`). */
export const FRAMEWORKS = [
  "cis-aws",
  "cis-gcp",
  "cis-azure",
  "cis-kubernetes",
  "cis-eks",
  "cis-gke",
  "cis-aks",
  "pss-restricted",
  "pss-baseline",
  "aws-fsbp",
  "checkov",
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

const PREFIXES: readonly (readonly [RegExp, readonly Framework[]])[] = [
  [/^CIS AWS /, ["cis-aws"]],
  [/^CIS GCP /, ["cis-gcp"]],
  [/^CIS Azure /, ["cis-azure"]],
  [/^CIS Kubernetes /, ["cis-kubernetes"]],
  [/^CIS EKS /, ["cis-eks"]],
  [/^CIS GKE /, ["cis-gke"]],
  [/^CIS AKS /, ["cis-aks"]],
  // The restricted profile is the baseline one plus its own controls, so a baseline control is in both.
  [/^PSS baseline\b/, ["pss-baseline", "pss-restricted"]],
  [/^PSS restricted\b/, ["pss-restricted"]],
  [/^AWS FSBP /, ["aws-fsbp"]],
  [/^CKV2?_[A-Z0-9]+_\d+$/, ["checkov"]],
];

/** The frameworks one reference belongs to (none for Groundwork's own baseline and other guides). */
export function frameworksOf(reference: string): Framework[] {
  return PREFIXES.filter(([re]) => re.test(reference)).flatMap(([, f]) => f);
}

/** The frameworks a rule maps to through any of its references, in {@link FRAMEWORKS} order. */
export function ruleFrameworks(references: readonly string[]): Framework[] {
  const found = new Set(references.flatMap(frameworksOf));
  return FRAMEWORKS.filter((f) => found.has(f));
}

/** Services by cloud and the second segment of a rule name (`aws-s3-…`, `gcp-sql-…`, `azure-aks-…`). */
const SERVICES: Record<string, Record<string, string>> = {
  aws: {
    s3: "S3",
    kms: "KMS",
    ec2: "EC2",
    ebs: "EBS",
    vpc: "VPC",
    iam: "IAM",
    lb: "Elastic Load Balancing",
    ecs: "ECS",
    ecr: "ECR",
    eks: "EKS",
    rds: "RDS",
    cloudwatch: "CloudWatch Logs",
    cloudtrail: "CloudTrail",
    sqs: "SQS",
    sns: "SNS",
    dynamodb: "DynamoDB",
    lambda: "Lambda",
    secretsmanager: "Secrets Manager",
    cloudfront: "CloudFront",
    apigateway: "API Gateway",
    elb: "Elastic Load Balancing",
    efs: "EFS",
    athena: "Athena",
    ssm: "Systems Manager",
  },
  gcp: {
    storage: "Cloud Storage",
    firewall: "VPC network",
    network: "VPC network",
    subnet: "VPC network",
    kms: "Cloud KMS",
    sql: "Cloud SQL",
    cloudrun: "Cloud Run",
    functions: "Cloud Functions",
    compute: "Compute Engine",
    gke: "GKE",
    iam: "IAM",
    bigquery: "BigQuery",
    pubsub: "Pub/Sub",
    artifactregistry: "Artifact Registry",
    serverless: "Cloud Run",
  },
  azure: {
    storage: "Storage accounts",
    nsg: "Virtual network",
    subnet: "Virtual network",
    keyvault: "Key Vault",
    postgres: "PostgreSQL",
    sql: "Azure SQL",
    database: "Databases",
    containerapp: "Container Apps",
    vm: "Virtual machines",
    disk: "Virtual machines",
    aks: "AKS",
    appservice: "App Service",
    acr: "Container Registry",
    containers: "Container Apps",
  },
};

/**
 * The service a rule is grouped under: its own `service` when it names one, else the service its name
 * names (`aws-s3-…` is S3), else "General".
 */
export function serviceOf(rule: { readonly name: string; readonly service?: string }): string {
  if (rule.service !== undefined) return rule.service;
  const [cloud, segment] = rule.name.split("-");
  return SERVICES[cloud]?.[segment] ?? "General";
}
