// The AWS rules of issue #27 and the rule faults of issue #21: each with programs that pass and programs that
// fail (the corpus holds one failing program per mandatory rule), messages that say what the cloud does,
// the knobs where teams differ, and what a rule says while its decisive value is unknown in preview.
import * as assert from "assert";
import * as autoscaling from "@pulumi/aws/autoscaling";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as ec2 from "@pulumi/aws/ec2";
import * as ecr from "@pulumi/aws/ecr";
import * as ecs from "@pulumi/aws/ecs";
import * as efs from "@pulumi/aws/efs";
import * as eks from "@pulumi/aws/eks";
import * as elb from "@pulumi/aws/elb";
import * as iam from "@pulumi/aws/iam";
import * as kms from "@pulumi/aws/kms";
import * as lb from "@pulumi/aws/lb";
import * as rds from "@pulumi/aws/rds";
import * as s3 from "@pulumi/aws/s3";
import * as secretsmanager from "@pulumi/aws/secretsmanager";
import * as sns from "@pulumi/aws/sns";
import * as ssm from "@pulumi/aws/ssm";
import * as athena from "@pulumi/aws/athena";
import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { TAGS, bucket, database, key, loadBalancer, vpc } from "./kit";
import { subnet } from "./aws-kit";
import {
  classicLoadBalancer,
  distribution,
  fileSystem,
  httpStage,
  permission,
  restDomainName,
  restStage,
  secret,
  workgroup,
} from "./aws-edge-kit";
import { evaluate, messages, passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";
import { ELB_TLS_POLICIES, MODERN_TLS_POLICIES, tlsPolicyProblem } from "../../policy/rules/aws/tls-policies";

const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";

/** A launch configuration asking for public IPs, launched by an auto scaling group into a new subnet. */
function launchConfigurationIn(kind: "public" | "private"): () => void {
  return () => {
    const v = vpc("main");
    const s = subnet(kind, v.id, { public: kind === "public" });
    const lc = new ec2.LaunchConfiguration("lc", {
      imageId: "ami-0123456789abcdef0",
      instanceType: "t3.micro",
      associatePublicIpAddress: true,
      metadataOptions: { httpTokens: "required" },
    });
    new autoscaling.Group("asg", {
      launchConfiguration: lc.name,
      minSize: 1,
      maxSize: 2,
      vpcZoneIdentifiers: [s.id],
    });
  };
}

/** A policy document with one statement. */
function doc(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}

/** An HTTPS listener with `sslPolicy` on a compliant load balancer. */
function httpsListener(sslPolicy: string | undefined): () => void {
  return () => {
    const alb = loadBalancer("web");
    new lb.Listener("https", {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: "HTTPS",
      certificateArn: CERT,
      sslPolicy,
      defaultActions: [
        { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } },
      ],
    });
  };
}

describe("AWS rules: TLS policies (AWS's table of ELB security policies)", function () {
  this.timeout(60_000);

  it("accepts only TLS 1.2+ forward-secret policies, and says which fault a name has", () => {
    for (const name of MODERN_TLS_POLICIES) assert.strictEqual(tlsPolicyProblem(name), undefined, name);
    assert.ok(MODERN_TLS_POLICIES.includes("ELBSecurityPolicy-TLS13-1-2-2021-06"));
    assert.ok(MODERN_TLS_POLICIES.includes("ELBSecurityPolicy-TLS13-1-3-2021-06"));
    for (const name of ["ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"])
      assert.match(tlsPolicyProblem(name) ?? "", /without forward secrecy/, name);
    assert.match(tlsPolicyProblem("ELBSecurityPolicy-2016-08") ?? "", /admits TLS 1\.0/);
    assert.match(tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-1-2021-06") ?? "", /admits TLS 1\.1/);
    assert.match(
      tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-2-2021-6") ?? "",
      /is not an AWS security policy name/,
    );
    assert.match(tlsPolicyProblem("Modern") ?? "", /^sslPolicy "Modern" is not an AWS security policy name$/);
    assert.strictEqual(
      tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", [
        "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
      ]),
      undefined,
    );
    // Every modern policy is one AWS publishes.
    for (const name of MODERN_TLS_POLICIES) assert.ok(ELB_TLS_POLICIES[name], name);
  });

  ruleCases([
    {
      policy: "aws-lb-listener-tls-policy",
      title: "TLS13-1-2-2021-06",
      program: httpsListener("ELBSecurityPolicy-TLS13-1-2-2021-06"),
    },
    {
      policy: "aws-lb-listener-tls-policy",
      title: "TLS-1-2-2017-01 (TLS 1.2, RSA key exchange)",
      program: httpsListener("ELBSecurityPolicy-TLS-1-2-2017-01"),
      fail: /"ELBSecurityPolicy-TLS-1-2-2017-01" offers ciphers without forward secrecy/,
    },
    {
      policy: "aws-lb-listener-tls-policy",
      title: "a misspelled policy name",
      program: httpsListener("ELBSecurityPolicy-TLS13-1-2-2021-6"),
      fail: /is not an AWS security policy name/,
    },
    {
      policy: "aws-lb-listener-tls-policy",
      title: "no sslPolicy",
      program: httpsListener(undefined),
      fail: /AWS applies ELBSecurityPolicy-2016-08, which admits TLS 1\.0/,
    },
    {
      policy: "aws-lb-listener-tls-policy",
      title: "an Ext policy the team accepted",
      program: httpsListener("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"),
      config: {
        "aws-lb-listener-tls-policy": { acceptedPolicies: ["ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"] },
      },
    },
  ]);
});

describe("AWS rules: CloudFront", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-cloudfront-https-only",
      title: "redirect-to-https",
      program: () => void distribution("cdn"),
    },
    {
      policy: "aws-cloudfront-https-only",
      title: "an ordered behavior allowing HTTP",
      program: () =>
        void distribution("cdn", {
          orderedCacheBehaviors: [
            {
              pathPattern: "/legacy/*",
              targetOriginId: "app",
              viewerProtocolPolicy: "allow-all",
              allowedMethods: ["GET", "HEAD"],
              cachedMethods: ["GET", "HEAD"],
            },
          ],
        }),
      fail: /orderedCacheBehaviors\[0\]\.viewerProtocolPolicy is "allow-all"/,
    },
    {
      policy: "aws-cloudfront-viewer-tls",
      title: "TLSv1.2_2021 on an ACM certificate",
      program: () => void distribution("cdn"),
    },
    {
      policy: "aws-cloudfront-viewer-tls",
      title: "TLSv1.2_2018 (ciphers without forward secrecy)",
      program: () =>
        void distribution("cdn", {
          viewerCertificate: {
            acmCertificateArn: CERT,
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2018",
          },
        }),
      fail: /admits a protocol older than TLS 1\.2 or ciphers without forward secrecy/,
    },
    {
      policy: "aws-cloudfront-viewer-tls",
      title: "a minimum CloudFront does not publish",
      program: () =>
        void distribution("cdn", {
          viewerCertificate: {
            acmCertificateArn: CERT,
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2022",
          },
        }),
      fail: /"TLSv1\.2_2022" is not a CloudFront security policy name/,
    },
    {
      policy: "aws-cloudfront-viewer-tls",
      title: "the default certificate, accepted by the knob",
      program: () =>
        void distribution("cdn", { aliases: [], viewerCertificate: { cloudfrontDefaultCertificate: true } }),
      config: { "aws-cloudfront-viewer-tls": { allowDefaultCertificate: true } },
    },
    {
      policy: "aws-cloudfront-origin-tls",
      title: "an S3 origin (reached over HTTPS) and match-viewer behind HTTPS-only viewers",
      program: () =>
        void distribution("cdn", {
          origins: [
            {
              originId: "site",
              domainName: "site.s3.eu-west-1.amazonaws.com",
              originAccessControlId: "E2OAC",
            },
            {
              originId: "app",
              domainName: "app.example.com",
              customOriginConfig: {
                httpPort: 80,
                httpsPort: 443,
                originProtocolPolicy: "match-viewer",
                originSslProtocols: ["TLSv1.2"],
              },
            },
          ],
        }),
    },
    {
      policy: "aws-cloudfront-origin-tls",
      title: "an origin offering TLSv1",
      program: () =>
        void distribution("cdn", {
          origins: [
            {
              originId: "app",
              domainName: "app.example.com",
              customOriginConfig: {
                httpPort: 80,
                httpsPort: 443,
                originProtocolPolicy: "https-only",
                originSslProtocols: ["TLSv1", "TLSv1.2"],
              },
            },
          ],
        }),
      fail: /origins\[0\] \(app\): originSslProtocols offers TLSv1$/,
    },
    {
      policy: "aws-cloudfront-access-logs",
      title: "no loggingConfig and no log delivery",
      program: () => void distribution("cdn", { loggingConfig: undefined }),
      fail: /distribution "cdn" writes no access logs/,
    },
    {
      policy: "aws-cloudfront-access-logs",
      title: "standard logging v2 through a LogDeliverySource",
      program: () => {
        const d = distribution("cdn", { loggingConfig: undefined });
        new cloudwatch.LogDeliverySource("cdn-logs", {
          name: "cdn-logs",
          logType: "ACCESS_LOGS",
          resourceArn: d.arn,
        });
      },
    },
  ]);
  passesInPreview(
    "aws-cloudfront-access-logs",
    "a LogDeliverySource naming the distribution's unknown ARN",
    () => {
      const d = distribution("cdn", { loggingConfig: undefined });
      new cloudwatch.LogDeliverySource("cdn-logs", {
        name: "cdn-logs",
        logType: "ACCESS_LOGS",
        resourceArn: d.arn,
      });
    },
  );
});

describe("AWS rules: API Gateway and Classic Load Balancers", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-apigateway-domain-tls",
      title: "a REST domain on TLS_1_2",
      program: () => void restDomainName("api"),
    },
    {
      policy: "aws-apigateway-domain-tls",
      title: "a REST domain on TLS_1_0",
      program: () => void restDomainName("api", { securityPolicy: "TLS_1_0" }),
      fail: /securityPolicy is "TLS_1_0": clients may negotiate TLS 1\.0 or 1\.1/,
    },
    {
      policy: "aws-apigateway-domain-tls",
      title: "an HTTP API domain on TLS_1_2",
      program: () =>
        void new apigatewayv2.DomainName("http", {
          domainName: "http.example.com",
          domainNameConfiguration: {
            certificateArn: CERT,
            endpointType: "REGIONAL",
            securityPolicy: "TLS_1_2",
          },
        }),
    },
    {
      policy: "aws-apigateway-access-logs",
      title: "REST and HTTP stages that log",
      program: () => (restStage("rest"), void httpStage("http")),
    },
    {
      policy: "aws-apigateway-access-logs",
      title: "an HTTP stage without access logs",
      program: () => void httpStage("http", { accessLogSettings: undefined }),
      fail: /accessLogSettings\.destinationArn is not set/,
    },
    {
      policy: "aws-apigateway-tracing",
      title: "a REST stage without X-Ray",
      program: () => void restStage("rest", { xrayTracingEnabled: false }),
      fail: /xrayTracingEnabled is not true/,
    },
    {
      policy: "aws-elb-listener-tls",
      title: "an HTTPS listener",
      program: () => void classicLoadBalancer("legacy"),
    },
    {
      policy: "aws-elb-listener-tls",
      title: "a TCP listener",
      program: () =>
        void classicLoadBalancer("legacy", {
          listeners: [{ lbPort: 5432, lbProtocol: "tcp", instancePort: 5432, instanceProtocol: "tcp" }],
        }),
      fail: /listeners\[0\] accepts TCP on port 5432 without TLS/,
    },
    {
      policy: "aws-elb-listener-tls",
      title: "an SSL negotiation policy referencing TLS-1-2-2017-01",
      program: () =>
        void new elb.LoadBalancerPolicy("tls", {
          loadBalancerName: "legacy",
          policyName: "tls",
          policyTypeName: "SSLNegotiationPolicyType",
          policyAttributes: [
            { name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-2-2017-01" },
          ],
        }),
      fail: /Reference-Security-Policy "ELBSecurityPolicy-TLS-1-2-2017-01" offers ciphers without forward secrecy/,
    },
    {
      policy: "aws-elb-listener-tls",
      title: "an SSL negotiation policy referencing FS-1-2-Res-2020-10",
      program: () =>
        void new elb.LoadBalancerPolicy("tls", {
          loadBalancerName: "legacy",
          policyName: "tls",
          policyTypeName: "SSLNegotiationPolicyType",
          policyAttributes: [
            { name: "Reference-Security-Policy", value: "ELBSecurityPolicy-FS-1-2-Res-2020-10" },
          ],
        }),
    },
    {
      policy: "aws-elb-access-logs",
      title: "no access logs",
      program: () => void classicLoadBalancer("legacy", { accessLogs: undefined }),
      fail: /access logs are not enabled/,
    },
  ]);
});

describe("AWS rules: storage services and the customer-managed key decision", function () {
  this.timeout(60_000);
  const noCmk = (policy: string) => ({ [policy]: { customerManagedKey: false } });
  ruleCases([
    {
      policy: "aws-efs-encrypted",
      title: "encrypted under a customer-managed key",
      program: () => void fileSystem("fs"),
    },
    {
      policy: "aws-efs-encrypted",
      title: "encrypted under aws/elasticfilesystem",
      program: () => void fileSystem("fs", { kmsKeyId: undefined }),
      fail: /kmsKeyId is not set: the AWS-managed key aws\/elasticfilesystem is used; set customerManagedKey: false/,
    },
    {
      policy: "aws-efs-encrypted",
      title: "encrypted under aws/elasticfilesystem, with customerManagedKey: false",
      program: () => void fileSystem("fs", { kmsKeyId: undefined }),
      config: noCmk("aws-efs-encrypted"),
    },
    {
      policy: "aws-efs-encrypted",
      title: "unencrypted, even with customerManagedKey: false",
      program: () => void fileSystem("fs", { encrypted: false, kmsKeyId: undefined }),
      config: noCmk("aws-efs-encrypted"),
      fail: /encrypted is not true: files are stored unencrypted/,
    },
    {
      policy: "aws-efs-no-public-policy",
      title: "* limited to a VPC endpoint",
      program: () =>
        void new efs.FileSystemPolicy("p", {
          fileSystemId: "fs-0123",
          policy: doc({
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "elasticfilesystem:ClientMount",
            Condition: { StringEquals: { "aws:SourceVpce": "vpce-0123" } },
          }),
        }),
    },
    { policy: "aws-athena-encrypted", title: "SSE_KMS enforced", program: () => void workgroup("wg") },
    {
      policy: "aws-athena-encrypted",
      title: "SSE_S3 results",
      program: () =>
        void workgroup("wg", {
          configuration: { resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_S3" } } },
        }),
      fail: /encryptionOption is SSE_S3 \(an S3-owned key\), not a customer-managed key/,
    },
    {
      policy: "aws-athena-encrypted",
      title: "SSE_KMS not enforced on clients",
      program: () =>
        void workgroup("wg", {
          configuration: {
            enforceWorkgroupConfiguration: false,
            resultConfiguration: {
              encryptionConfiguration: {
                encryptionOption: "SSE_KMS",
                kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k",
              },
            },
          },
        }),
      fail: /enforceWorkgroupConfiguration is false: clients may choose their own result encryption/,
    },
    {
      policy: "aws-athena-encrypted",
      title: "a database without result encryption, with customerManagedKey: false",
      program: () => void new athena.Database("db", { name: "sales", bucket: "athena-results" }),
      config: noCmk("aws-athena-encrypted"),
    },
    { policy: "aws-secretsmanager-cmk", title: "a customer-managed key", program: () => void secret("db") },
    {
      policy: "aws-secretsmanager-cmk",
      title: "the AWS-managed alias",
      program: () => void secret("db", { kmsKeyId: "alias/aws/secretsmanager" }),
      fail: /aws\/secretsmanager; set customerManagedKey: false/,
    },
    {
      policy: "aws-secretsmanager-no-literal-value",
      title: "a literal secretString",
      program: () => void new secretsmanager.SecretVersion("v", { secretId: "db", secretString: "hunter2" }),
      fail: /secret version "v": secretString is a value written in the program or its config/,
    },
    {
      policy: "aws-secretsmanager-no-literal-value",
      title: "a value generated by another resource, and a write-only value",
      program: () => {
        const k = key("gen");
        new secretsmanager.SecretVersion("v", { secretId: "db", secretString: k.keyId });
        new secretsmanager.SecretVersion("wo", {
          secretId: "db",
          secretStringWo: "set-once",
          secretStringWoVersion: 1,
        });
      },
    },
    {
      policy: "aws-sns-encrypted",
      title: "no key (SNS stores messages unencrypted)",
      program: () => void new sns.Topic("t", { tags: TAGS }),
      fail: /kmsMasterKeyId is not set: messages are stored unencrypted/,
    },
    {
      policy: "aws-sns-encrypted",
      title: "alias/aws/sns, with customerManagedKey: false",
      program: () => void new sns.Topic("t", { kmsMasterKeyId: "alias/aws/sns", tags: TAGS }),
      config: noCmk("aws-sns-encrypted"),
    },
    {
      policy: "aws-s3-encryption-kms",
      title: "no encryption configuration (SSE-S3), with customerManagedKey: false",
      program: () => void bucket("b", { encryption: false }),
      config: noCmk("aws-s3-encryption-kms"),
    },
    {
      policy: "aws-s3-encryption-kms",
      title: "aws:kms without a key",
      program: () =>
        void bucket("b", {
          encryption: [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true },
          ],
        }),
      fail: /uses the AWS-managed key aws\/s3; set customerManagedKey: false/,
    },
    {
      policy: "aws-eks-secrets-encryption",
      title: "a 1.27 cluster without envelope encryption",
      program: () =>
        void new eks.Cluster("c", {
          roleArn: "arn:aws:iam::123456789012:role/eks",
          version: "1.27",
          vpcConfig: { subnetIds: ["subnet-0a"] },
        }),
      fail: /version 1\.27: Secrets are stored without envelope encryption/,
    },
    {
      policy: "aws-eks-secrets-encryption",
      title: "a current cluster on EKS's default encryption, with customerManagedKey: false",
      program: () =>
        void new eks.Cluster("c", {
          roleArn: "arn:aws:iam::123456789012:role/eks",
          vpcConfig: { subnetIds: ["subnet-0a"] },
        }),
      config: noCmk("aws-eks-secrets-encryption"),
    },
  ]);
});

describe("AWS rules: what AWS does by default (issue #21)", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-s3-public-access-block",
      title: "a bucket relying on S3's default block (buckets since April 2023)",
      program: () => void bucket("b", { publicAccessBlock: false }),
    },
    {
      policy: "aws-s3-public-access-block",
      title: "a block with a flag left unset (false in a BucketPublicAccessBlock)",
      program: () =>
        void bucket("b", {
          publicAccessBlock: {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: undefined,
          },
        }),
      fail: /restrictPublicBuckets is unset \(false\) on "b-pab"/,
    },
    {
      policy: "aws-s3-ownership-enforced",
      title: "no ownership controls (S3 disables ACLs on new buckets)",
      program: () => void bucket("b"),
    },
    {
      policy: "aws-s3-ownership-enforced",
      title: "ObjectWriter ownership",
      program: () => {
        const b = bucket("b");
        new s3.BucketOwnershipControls("b-own", { bucket: b.id, rule: { objectOwnership: "ObjectWriter" } });
      },
      fail: /objectOwnership is "ObjectWriter" on "b-own", so ACLs are enabled/,
    },
    {
      policy: "aws-s3-ownership-enforced",
      title: "no ownership controls under requireExplicit",
      program: () => void bucket("b"),
      config: { "aws-s3-ownership-enforced": { requireExplicit: true } },
      fail: /S3's default disables ACLs on a new bucket, but requireExplicit asks for it/,
    },
    {
      policy: "aws-rds-force-ssl",
      title: "PostgreSQL with no engineVersion (RDS's current default, 15 or later)",
      program: () => void database("db", { engineVersion: undefined }),
    },
    {
      policy: "aws-rds-force-ssl",
      title: "PostgreSQL 14 without a parameter group",
      program: () => void database("db", { engineVersion: "14.12" }),
      fail: /engine version "14\.12" defaults rds\.force_ssl to 0/,
    },
    {
      policy: "aws-rds-force-ssl",
      title: "PostgreSQL 16 with a parameter group turning it off",
      program: () => {
        const pg = new rds.ParameterGroup("pg", {
          family: "postgres16",
          parameters: [{ name: "rds.force_ssl", value: "0" }],
        });
        database("db", { parameterGroupName: pg.name });
      },
      fail: /rds\.force_ssl is "0"/,
    },
  ]);
});

describe("AWS rules: access (Lambda, KMS, IAM, ECR, ECS, launch configurations)", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-lambda-permission-restricted",
      title: "S3 with its bucket and account",
      program: () => void permission("p"),
    },
    {
      policy: "aws-lambda-permission-restricted",
      title: "EventBridge without a sourceArn",
      program: () =>
        void permission("p", {
          principal: "events.amazonaws.com",
          sourceArn: undefined,
          sourceAccount: undefined,
        }),
      fail: /principal "events\.amazonaws\.com" has no sourceArn or sourceAccount: any account's events resources/,
    },
    {
      policy: "aws-lambda-permission-restricted",
      title: "* without a condition",
      program: () => void permission("p", { principal: "*", sourceArn: undefined, sourceAccount: undefined }),
      fail: /principal "\*" may call lambda:InvokeFunction: anyone can invoke the function/,
    },
    {
      policy: "aws-lambda-permission-restricted",
      title: "* limited to an organization, and an account principal",
      program: () => {
        permission("org", {
          principal: "*",
          sourceArn: undefined,
          sourceAccount: undefined,
          principalOrgId: "o-abc123",
        });
        permission("acct", { principal: "123456789012", sourceArn: undefined, sourceAccount: undefined });
      },
    },
    {
      policy: "aws-kms-no-wildcard-principal",
      title: "a standalone KeyPolicy granting *",
      program: () =>
        void new kms.KeyPolicy("kp", {
          keyId: key("k").keyId,
          policy: doc({ Sid: "open", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }),
        }),
      fail: /statement "open" allows Principal "\*"/,
    },
    {
      policy: "aws-ssm-parameter-encrypted",
      title: "a SecureString under a customer-managed key, and a plain non-secret String",
      program: () => {
        new ssm.Parameter("pw", {
          name: "/app/DB_PASSWORD",
          type: "SecureString",
          value: "x",
          keyId: key("p").arn,
        });
        new ssm.Parameter("level", { name: "/app/LOG_LEVEL", type: "String", value: "info" });
      },
    },
    {
      policy: "aws-ssm-parameter-encrypted",
      title: "a SecureString under aws/ssm",
      program: () =>
        void new ssm.Parameter("pw", { name: "/app/API_TOKEN", type: "SecureString", value: "x" }),
      fail: /keyId is not set: the SecureString is encrypted under the AWS-managed key aws\/ssm/,
    },
    {
      policy: "aws-ssm-parameter-encrypted",
      title: "a SecureString under aws/ssm, with customerManagedKey: false",
      program: () =>
        void new ssm.Parameter("pw", { name: "/app/API_TOKEN", type: "SecureString", value: "x" }),
      config: { "aws-ssm-parameter-encrypted": { customerManagedKey: false } },
    },
    {
      policy: "aws-iam-password-policy",
      title: "14 characters and 24 remembered",
      program: () =>
        void new iam.AccountPasswordPolicy("pw", { minimumPasswordLength: 14, passwordReusePrevention: 24 }),
    },
    {
      policy: "aws-iam-password-policy",
      title: "8 characters, reuse allowed",
      program: () => void new iam.AccountPasswordPolicy("pw", { minimumPasswordLength: 8 }),
      fail: /minimumPasswordLength is 8 \(at least 14\)/,
    },
    {
      policy: "aws-ecr-no-public-policy",
      title: "* limited to the organization",
      program: () =>
        void new ecr.RepositoryPolicy("p", {
          repository: "app",
          policy: doc({
            Effect: "Allow",
            Principal: "*",
            Action: "ecr:BatchGetImage",
            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
          }),
        }),
    },
    {
      policy: "aws-ecs-no-plaintext-secrets",
      title: "a password through `secrets`, and an ARN in environment",
      program: () =>
        void new ecs.TaskDefinition("t", {
          family: "t",
          containerDefinitions: JSON.stringify([
            {
              name: "api",
              image: "api:1",
              user: "10001",
              readonlyRootFilesystem: true,
              secrets: [
                { name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" },
              ],
              environment: [
                { name: "API_TOKEN_ARN", value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:t" },
              ],
            },
          ]),
        }),
    },
    {
      policy: "aws-ec2-no-public-ip-private-subnet",
      title: "a launch configuration with public IPs used in a private subnet",
      program: launchConfigurationIn("private"),
      fail: /"lc": associatePublicIpAddress is true but subnet "private" is not shown public/,
    },
    {
      policy: "aws-ec2-no-public-ip-private-subnet",
      title: "a launch configuration with public IPs used in a public subnet",
      program: launchConfigurationIn("public"),
    },
  ]);
  passesInPreview("aws-lambda-permission-restricted", "a sourceArn from a bucket not created yet", () => {
    const b = bucket("uploads");
    permission("p", { sourceArn: b.arn, sourceAccount: undefined });
  });
  undecidedInPreview("aws-ecs-no-plaintext-secrets", "container definitions built from an Output", () => {
    const k = key("img");
    new ecs.TaskDefinition("t", {
      family: "t",
      containerDefinitions: k.keyId.apply(() =>
        JSON.stringify([
          { name: "api", image: "api:1", environment: [{ name: "DB_PASSWORD", value: "hunter2" }] },
        ]),
      ),
    });
  });

  it("the password policy's thresholds are knobs", async () => {
    const program = (): void =>
      void new iam.AccountPasswordPolicy("pw", { minimumPasswordLength: 12, passwordReusePrevention: 5 });
    const strict = messages(await evaluate(program, false), "aws-iam-password-policy");
    assert.strictEqual(strict.length, 2);
    const lax = await evaluate(program, false, {
      "aws-iam-password-policy": { minimumLength: 12, minimumReusePrevention: 5 },
    });
    assert.deepStrictEqual(messages(lax, "aws-iam-password-policy"), []);
  });
});
