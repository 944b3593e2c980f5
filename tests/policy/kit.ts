// Building blocks for the misconfiguration corpus: raw provider resources that satisfy every mandatory
// policy, so each corpus program can break exactly one thing and expect exactly that policy to fire.
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import * as kms from "@pulumi/aws/kms";
import * as ec2 from "@pulumi/aws/ec2";
import * as lb from "@pulumi/aws/lb";
import * as rds from "@pulumi/aws/rds";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import type * as k8sInput from "@pulumi/kubernetes/types/input";

/** One corpus entry: a program with raw resources and the policies it must trip. */
export interface CorpusEntry {
  readonly description: string;
  /** Policies that must report a violation (in every mode listed). */
  readonly expect: readonly string[];
  readonly program: () => void;
  /** Pack config for this entry (`--policy-pack-config`). */
  readonly config?: Record<string, unknown>;
  /** Modes to synthesize in. @default ["preview", "update"] */
  readonly modes?: readonly ("preview" | "update")[];
  readonly stack?: string;
}

export const TAGS = { environment: "dev", "managed-by": "team", component: "corpus" };

/** A rotating key with no key policy (the account-root default). */
export function key(name: string, args: Partial<kms.KeyArgs> = {}): kms.Key {
  return new kms.Key(name, { enableKeyRotation: true, deletionWindowInDays: 30, tags: TAGS, ...args });
}

export interface BucketOptions {
  readonly publicAccessBlock?: Partial<s3.BucketPublicAccessBlockArgs> | false;
  readonly encryption?: s3.BucketServerSideEncryptionConfigurationArgs["rules"] | false;
  readonly tlsPolicy?: boolean;
  readonly args?: Partial<s3.BucketArgs>;
}

/** A bucket with its public-access block, SSE-KMS and TLS-only policy (each can be left out). */
export function bucket(name: string, o: BucketOptions = {}): s3.Bucket {
  const b = new s3.Bucket(name, { tags: TAGS, ...(o.args ?? {}) });
  if (o.publicAccessBlock !== false) {
    new s3.BucketPublicAccessBlock(`${name}-pab`, {
      bucket: b.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
      ...(o.publicAccessBlock ?? {}),
    });
  }
  if (o.encryption !== false) {
    const k = o.encryption === undefined ? key(`${name}-key`) : undefined;
    new s3.BucketServerSideEncryptionConfiguration(`${name}-sse`, {
      bucket: b.id,
      rules: o.encryption ?? [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: k!.arn },
          bucketKeyEnabled: true,
        },
      ],
    });
  }
  if (o.tlsPolicy !== false) {
    new s3.BucketPolicy(`${name}-tls`, {
      bucket: b.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [b.arn, pulumi.interpolate`${b.arn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    });
  }
  return b;
}

/** A VPC with a rule-less default security group and ALL-traffic flow logs (each can be left out). */
export function vpc(
  name: string,
  o: { flowLogs?: boolean; defaultSg?: Partial<ec2.DefaultSecurityGroupArgs> | false } = {},
): ec2.Vpc {
  const v = new ec2.Vpc(name, { cidrBlock: "10.0.0.0/16", tags: TAGS });
  if (o.defaultSg !== false)
    new ec2.DefaultSecurityGroup(`${name}-default`, { vpcId: v.id, tags: TAGS, ...(o.defaultSg ?? {}) });
  if (o.flowLogs !== false) {
    new ec2.FlowLog(`${name}-flow`, {
      vpcId: v.id,
      trafficType: "ALL",
      logDestinationType: "s3",
      logDestination: "arn:aws:s3:::central-flow-logs",
      tags: TAGS,
    });
  }
  return v;
}

/**
 * What every RDS rule asks of a PostgreSQL instance or cluster alike: storage under its own key, a managed
 * password, IAM auth, a week of backups, logs, isolated subnets and tags copied to snapshots.
 */
export function hardenedDatabaseArgs(name: string) {
  return {
    engineVersion: "16.4",
    manageMasterUserPassword: true,
    storageEncrypted: true,
    kmsKeyId: key(`${name}-key`).arn,
    iamDatabaseAuthenticationEnabled: true,
    backupRetentionPeriod: 7,
    enabledCloudwatchLogsExports: ["postgresql"],
    dbSubnetGroupName: "isolated",
    copyTagsToSnapshot: true,
    tags: TAGS,
  };
}

/** A PostgreSQL instance meeting every RDS rule (private, encrypted, managed password, IAM auth …). */
export function database(name: string, args: Partial<rds.InstanceArgs> = {}): rds.Instance {
  return new rds.Instance(name, {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    ...hardenedDatabaseArgs(name),
    ...args,
  });
}

/** An internal application load balancer with invalid headers dropped and access logs on. */
export function loadBalancer(name: string, args: Partial<lb.LoadBalancerArgs> = {}): lb.LoadBalancer {
  return new lb.LoadBalancer(name, {
    loadBalancerType: "application",
    internal: true,
    subnets: ["subnet-0a", "subnet-0b"],
    dropInvalidHeaderFields: true,
    accessLogs: { bucket: "central-alb-logs", enabled: true },
    tags: TAGS,
    ...args,
  });
}

/** A rule-less security group in a fresh compliant VPC, for corpus entries that add one bad rule. */
export function securityGroup(name: string): ec2.SecurityGroup {
  return new ec2.SecurityGroup(name, { vpcId: vpc("main").id, tags: TAGS });
}

export const LABELS = {
  environment: "dev",
  "app.kubernetes.io/managed-by": "team",
  "app.kubernetes.io/component": "corpus",
};

/** A container meeting the restricted profile and the Groundwork extras. */
export function container(overrides: Partial<k8sInput.core.v1.Container> = {}): k8sInput.core.v1.Container {
  return {
    name: "app",
    image: "ghcr.io/acme/app:1.4.2",
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    },
    resources: {
      requests: { cpu: "100m", memory: "128Mi", "ephemeral-storage": "64Mi" },
      limits: { cpu: "500m", memory: "256Mi", "ephemeral-storage": "128Mi" },
    },
    livenessProbe: { httpGet: { path: "/livez", port: 8080 } },
    readinessProbe: { httpGet: { path: "/readyz", port: 8080 } },
    ...overrides,
  };
}

/** The hardened container with its security context changed by `overrides` (the rest kept). */
export function containerWithSecurity(
  overrides: k8sInput.core.v1.SecurityContext,
): k8sInput.core.v1.Container {
  const c = container();
  return { ...c, securityContext: { ...(c.securityContext as object), ...overrides } };
}

/** A pod spec meeting the restricted profile, with a dedicated service account and no token. */
export function podSpec(overrides: Partial<k8sInput.core.v1.PodSpec> = {}): k8sInput.core.v1.PodSpec {
  return {
    serviceAccountName: "app",
    automountServiceAccountToken: false,
    securityContext: { seccompProfile: { type: "RuntimeDefault" }, runAsNonRoot: true },
    containers: [container()],
    ...overrides,
  };
}

/** A Deployment in namespace `apps` with the given pod spec. */
export function deployment(name: string, spec: k8sInput.core.v1.PodSpec, replicas = 1): appsv1.Deployment {
  const labels = { ...LABELS, "app.kubernetes.io/name": name };
  return new appsv1.Deployment(name, {
    metadata: { name, namespace: "apps", labels },
    spec: {
      replicas,
      selector: { matchLabels: { "app.kubernetes.io/name": name } },
      template: { metadata: { labels }, spec },
    },
  });
}

/** A namespace with PSS restricted labels and a default-deny NetworkPolicy (each can be left out). */
export function namespace(
  name: string,
  o: { pss?: string | false; defaultDeny?: boolean } = {},
): corev1.Namespace {
  const labels: Record<string, string> = { ...LABELS };
  if (o.pss !== false) labels["pod-security.kubernetes.io/enforce"] = o.pss ?? "restricted";
  const ns = new corev1.Namespace(name, { metadata: { name, labels } });
  if (o.defaultDeny !== false) {
    new networkingv1.NetworkPolicy(`${name}-default-deny`, {
      metadata: { name: "default-deny", namespace: ns.metadata.name, labels: LABELS },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        egress: [{ ports: [{ port: 53, protocol: "UDP" }] }],
      },
    });
  }
  return ns;
}
