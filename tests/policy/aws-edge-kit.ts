// Compliant raw resources for the AWS services issue #27 added (CloudFront, API Gateway, Classic ELB, EFS,
// Athena, Secrets Manager, Lambda permissions), each meeting every rule of its service, so a corpus program
// or a rule case can change one argument and expect one policy to fire.
import * as apigateway from "@pulumi/aws/apigateway";
import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import * as athena from "@pulumi/aws/athena";
import * as cloudfront from "@pulumi/aws/cloudfront";
import * as efs from "@pulumi/aws/efs";
import * as elb from "@pulumi/aws/elb";
import * as lambda from "@pulumi/aws/lambda";
import * as secretsmanager from "@pulumi/aws/secretsmanager";
import { TAGS, key } from "./kit";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";

/** A distribution on HTTPS only (TLSv1.2_2021 with an ACM certificate), HTTPS to its origin, logged. */
export function distribution(
  name: string,
  args: Partial<cloudfront.DistributionArgs> = {},
): cloudfront.Distribution {
  return new cloudfront.Distribution(name, {
    enabled: true,
    aliases: ["www.example.com"],
    origins: [
      {
        originId: "app",
        domainName: "app.example.com",
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: "https-only",
          originSslProtocols: ["TLSv1.2"],
        },
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: "app",
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: {
      acmCertificateArn: CERT,
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: "TLSv1.2_2021",
    },
    loggingConfig: { bucket: "cdn-logs.s3.amazonaws.com" },
    tags: TAGS,
    ...args,
  });
}

/** A REST API custom domain on TLS 1.2. */
export function restDomainName(
  name: string,
  args: Partial<apigateway.DomainNameArgs> = {},
): apigateway.DomainName {
  return new apigateway.DomainName(name, {
    domainName: "api.example.com",
    regionalCertificateArn: CERT,
    endpointConfiguration: { types: "REGIONAL" },
    securityPolicy: "TLS_1_2",
    tags: TAGS,
    ...args,
  });
}

/** A REST API stage that logs access and traces with X-Ray. */
export function restStage(name: string, args: Partial<apigateway.StageArgs> = {}): apigateway.Stage {
  return new apigateway.Stage(name, {
    restApi: "a1b2c3d4e5",
    deployment: "dep123",
    stageName: "prod",
    xrayTracingEnabled: true,
    accessLogSettings: {
      destinationArn: "arn:aws:logs:eu-west-1:123456789012:log-group:api-access",
      format: '{"requestId":"$context.requestId"}',
    },
    tags: TAGS,
    ...args,
  });
}

/** An HTTP API stage that logs access. */
export function httpStage(name: string, args: Partial<apigatewayv2.StageArgs> = {}): apigatewayv2.Stage {
  return new apigatewayv2.Stage(name, {
    apiId: "h1t2t3p4",
    name: "$default",
    autoDeploy: true,
    accessLogSettings: {
      destinationArn: "arn:aws:logs:eu-west-1:123456789012:log-group:http-access",
      format: '{"requestId":"$context.requestId"}',
    },
    tags: TAGS,
    ...args,
  });
}

/** A Classic Load Balancer with only an HTTPS listener, and access logs. */
export function classicLoadBalancer(
  name: string,
  args: Partial<elb.LoadBalancerArgs> = {},
): elb.LoadBalancer {
  return new elb.LoadBalancer(name, {
    subnets: ["subnet-0a", "subnet-0b"],
    internal: true,
    listeners: [
      {
        lbPort: 443,
        lbProtocol: "https",
        instancePort: 8443,
        instanceProtocol: "https",
        sslCertificateId: CERT,
      },
    ],
    accessLogs: { bucket: "central-elb-logs", enabled: true },
    tags: TAGS,
    ...args,
  });
}

/** A file system encrypted under a customer-managed key. */
export function fileSystem(name: string, args: Partial<efs.FileSystemArgs> = {}): efs.FileSystem {
  return new efs.FileSystem(name, { encrypted: true, kmsKeyId: key(`${name}-key`).arn, tags: TAGS, ...args });
}

/** A workgroup that enforces SSE_KMS result encryption under a customer-managed key. */
export function workgroup(name: string, args: Partial<athena.WorkgroupArgs> = {}): athena.Workgroup {
  return new athena.Workgroup(name, {
    configuration: {
      enforceWorkgroupConfiguration: true,
      resultConfiguration: {
        outputLocation: "s3://athena-results/",
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: key(`${name}-key`).arn },
      },
    },
    tags: TAGS,
    ...args,
  });
}

/** A secret under a customer-managed key. */
export function secret(name: string, args: Partial<secretsmanager.SecretArgs> = {}): secretsmanager.Secret {
  return new secretsmanager.Secret(name, { kmsKeyId: key(`${name}-key`).arn, tags: TAGS, ...args });
}

/** A permission letting one bucket of one account invoke a function. */
export function permission(name: string, args: Partial<lambda.PermissionArgs> = {}): lambda.Permission {
  return new lambda.Permission(name, {
    action: "lambda:InvokeFunction",
    function: "thumbnailer",
    principal: "s3.amazonaws.com",
    sourceArn: "arn:aws:s3:::uploads",
    sourceAccount: "123456789012",
    ...args,
  });
}
