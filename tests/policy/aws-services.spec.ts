// The AWS rules beyond Groundwork's components (issue #13), each with programs that pass and programs
// that fail, edge cases included, and what a rule says while its decisive value is unknown in preview.
// The corpus (corpus/) holds one failing program per rule; these add the passing side and the edges.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as ebs from "@pulumi/aws/ebs";
import * as ec2 from "@pulumi/aws/ec2";
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import * as lambda from "@pulumi/aws/lambda";
import * as s3 from "@pulumi/aws/s3";
import * as secretsmanager from "@pulumi/aws/secretsmanager";
import * as sns from "@pulumi/aws/sns";
import * as sqs from "@pulumi/aws/sqs";
import { evaluate, messages, passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";
import { bucket, database, key, loadBalancer, vpc } from "./kit";
import {
  eksCluster,
  instance,
  lambdaFunction,
  launchTemplate,
  loadBalancerOnPort,
  queue,
  repository,
  scaledService,
  subnet,
  table,
  topic,
  trail,
} from "./aws-kit";

/** A policy document with one statement. */
export function doc(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}

const READ = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" };

function bucketPolicy(statement: Record<string, unknown>): () => void {
  return () => {
    const b = bucket("site");
    new s3.BucketPolicy("site-extra", { bucket: b.id, policy: doc(statement) });
  };
}

describe("AWS rules: S3 access", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-s3-no-public-policy",
      title: "the hardened bucket (a Deny to * for plain HTTP)",
      program: () => void bucket("site"),
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "Principal * restricted by aws:PrincipalOrgID",
      program: bucketPolicy({
        ...READ,
        Principal: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
      }),
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "a service principal with aws:SourceArn",
      program: bucketPolicy({
        ...READ,
        Principal: { Service: "cloudfront.amazonaws.com" },
        Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } },
      }),
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "{ AWS: ['*'] } with only aws:SecureTransport",
      program: bucketPolicy({
        ...READ,
        Principal: { AWS: ["*"] },
        Condition: { Bool: { "aws:SecureTransport": "true" } },
      }),
      fail: /s3:GetObject to Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "aws:SourceAccount under StringEqualsIfExists",
      program: bucketPolicy({
        ...READ,
        Principal: "*",
        Condition: { StringEqualsIfExists: { "aws:SourceAccount": "123456789012" } },
      }),
      fail: /Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "an Allow with NotPrincipal",
      program: bucketPolicy({ ...READ, NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" } }),
      fail: /Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-policy",
      title: "an inline policy on the bucket",
      program: () => void bucket("site", { args: { policy: doc({ ...READ, Principal: "*" }) } }),
      fail: /Principal "\*"/,
    },
    {
      policy: "aws-s3-no-public-acl",
      title: "a private canned ACL and a grant to the owner",
      program: () => {
        const b = bucket("site");
        new s3.BucketAcl("site-acl", {
          bucket: b.id,
          accessControlPolicy: {
            owner: { id: "owner" },
            grants: [{ grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" }],
          },
        });
      },
    },
    {
      policy: "aws-s3-no-public-acl",
      title: "an inline bucket grant to AllUsers",
      program: () =>
        void bucket("site", {
          args: {
            grants: [
              {
                type: "Group",
                uri: "http://acs.amazonaws.com/groups/global/AllUsers",
                permissions: ["READ"],
              },
            ],
          },
        }),
      fail: /READ to AllUsers/,
    },
  ]);
  undecidedInPreview("aws-s3-no-public-policy", "a policy naming the bucket's ARN", () => {
    const b = bucket("site");
    new s3.BucketPolicy("site-public", {
      bucket: b.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: pulumi.interpolate`${b.arn}/*`,
          },
        ],
      }),
    });
  });
});

const TRUST_ECS = doc({
  Effect: "Allow",
  Principal: { Service: "ecs-tasks.amazonaws.com" },
  Action: "sts:AssumeRole",
});

describe("AWS rules: IAM", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-iam-no-passrole-wildcard",
      title: "iam:PassRole on one role ARN",
      program: () =>
        void new iam.RolePolicy("pass", {
          role: "deploy",
          policy: doc({
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: "arn:aws:iam::123456789012:role/app",
          }),
        }),
    },
    {
      policy: "aws-iam-no-passrole-wildcard",
      title: "iam:Pass* on * in a managed policy",
      program: () =>
        void new iam.Policy("pass", {
          policy: doc({ Effect: "Allow", Action: ["iam:Pass*"], Resource: "*" }),
        }),
      fail: /iam:Pass\* on "\*"/,
    },
    {
      policy: "aws-iam-no-wildcard-admin",
      title: "a role's inline policy scoped to one bucket",
      program: () =>
        void new iam.Role("app", {
          assumeRolePolicy: TRUST_ECS,
          inlinePolicies: [
            { name: "read", policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::a/*" }) },
          ],
        }),
    },
    {
      policy: "aws-iam-trust-no-public-principal",
      title: "a service principal",
      program: () => void new iam.Role("app", { assumeRolePolicy: TRUST_ECS }),
    },
    {
      policy: "aws-iam-trust-no-public-principal",
      title: "* restricted to the organization",
      program: () =>
        void new iam.Role("org", {
          assumeRolePolicy: doc({
            Effect: "Allow",
            Principal: "*",
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
          }),
        }),
    },
    {
      policy: "aws-iam-trust-no-public-principal",
      title: "* with only an external id",
      program: () =>
        void new iam.Role("ext", {
          assumeRolePolicy: doc({
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "shared" } },
          }),
        }),
      fail: /sts:AssumeRole to Principal "\*"/,
    },
    {
      policy: "aws-iam-no-user-policies",
      title: "a PolicyAttachment to groups and roles",
      program: () =>
        void new iam.PolicyAttachment("ro", {
          policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
          groups: ["auditors"],
          roles: ["auditor"],
        }),
    },
    {
      policy: "aws-iam-no-user-policies",
      title: "a PolicyAttachment naming a user",
      program: () =>
        void new iam.PolicyAttachment("ro", {
          policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
          users: ["bob"],
        }),
      fail: /includes 1 user/,
    },
    {
      policy: "aws-iam-no-user-policies",
      title: "an inline UserPolicy",
      program: () =>
        void new iam.UserPolicy("bob", {
          user: "bob",
          policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::a/*" }),
        }),
      fail: /attached directly to a user/,
    },
  ]);
});

describe("AWS rules: EC2 and EBS", function () {
  this.timeout(60_000);
  const publicSubnet = (): ec2.Subnet => subnet("edge", vpc("main").id, { public: true, mapPublicIp: true });
  ruleCases([
    { policy: "aws-ec2-imdsv2", title: "the hardened instance", program: () => void instance("web") },
    {
      policy: "aws-ec2-imdsv2",
      title: "a launch template with the metadata endpoint disabled",
      program: () => void launchTemplate("lt", { metadataOptions: { httpEndpoint: "disabled" } }),
    },
    {
      policy: "aws-ec2-imdsv2",
      title: "a launch template without metadataOptions",
      program: () => void launchTemplate("lt", { metadataOptions: undefined }),
      fail: /httpTokens is not set: IMDSv1 stays available unless the AMI/,
    },
    { policy: "aws-ec2-ebs-encrypted", title: "the hardened instance", program: () => void instance("web") },
    {
      policy: "aws-ec2-ebs-encrypted",
      title: "an instance without rootBlockDevice",
      program: () => void instance("web", { rootBlockDevice: undefined }),
      fail: /rootBlockDevice is not encrypted/,
    },
    {
      policy: "aws-ec2-detailed-monitoring",
      title: "the hardened launch template",
      program: () => void launchTemplate("lt"),
    },
    {
      policy: "aws-ec2-detailed-monitoring",
      title: "a launch template without monitoring",
      program: () => void launchTemplate("lt", { monitoring: undefined }),
      fail: /monitoring.enabled is not true/,
    },
    {
      policy: "aws-ebs-volume-encrypted",
      title: "a volume encrypted under a customer-managed key",
      program: () =>
        void new ebs.Volume("v", {
          availabilityZone: "eu-west-1a",
          size: 5,
          encrypted: true,
          kmsKeyId: key("v-key").arn,
        }),
    },
    {
      policy: "aws-ebs-volume-encrypted",
      title: "a volume under aws/ebs",
      program: () => void new ebs.Volume("v", { availabilityZone: "eu-west-1a", size: 5, encrypted: true }),
      fail: /kmsKeyId is not set: encrypted under the AWS-managed key aws\/ebs; set customerManagedKey: false/,
    },
    {
      policy: "aws-ebs-volume-encrypted",
      title: "a volume under aws/ebs, with customerManagedKey: false",
      program: () => void new ebs.Volume("v", { availabilityZone: "eu-west-1a", size: 5, encrypted: true }),
      config: { "aws-ebs-volume-encrypted": { customerManagedKey: false } },
    },
    {
      policy: "aws-ebs-volume-encrypted",
      title: "an unencrypted volume, even with customerManagedKey: false",
      program: () => void new ebs.Volume("v", { availabilityZone: "eu-west-1a", size: 5 }),
      config: { "aws-ebs-volume-encrypted": { customerManagedKey: false } },
      fail: /encrypted is not true: the volume is unencrypted unless EBS encryption by default is on/,
    },
    {
      policy: "aws-ebs-snapshot-encrypted",
      title: "a snapshot of an encrypted volume, and an encrypted copy",
      program: () => {
        const v = new ebs.Volume("v", { availabilityZone: "eu-west-1a", size: 5, encrypted: true });
        const snap = new ebs.Snapshot("s", { volumeId: v.id });
        new ebs.SnapshotCopy("c", { sourceSnapshotId: snap.id, sourceRegion: "eu-west-1", encrypted: true });
      },
    },
    {
      policy: "aws-ebs-snapshot-encrypted",
      title: "a snapshot copy without encryption",
      program: () =>
        void new ebs.SnapshotCopy("c", { sourceSnapshotId: "snap-0abc", sourceRegion: "eu-west-1" }),
      fail: /snapshot copy "c": encrypted is not true/,
    },
    {
      policy: "aws-vpc-subnet-no-public-ip-on-launch",
      title: "a public subnet (route to an internet gateway) mapping public IPs",
      program: () => void publicSubnet(),
    },
    {
      policy: "aws-vpc-subnet-no-public-ip-on-launch",
      title: "a subnet whose inline route table route goes to an igw- id",
      program: () => {
        const v = vpc("main");
        const s = subnet("edge", v.id, { mapPublicIp: true });
        const rt = new ec2.RouteTable("rt", {
          vpcId: v.id,
          routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" }],
        });
        new ec2.RouteTableAssociation("rta", { subnetId: s.id, routeTableId: rt.id });
      },
    },
    {
      policy: "aws-vpc-subnet-no-public-ip-on-launch",
      title: "a subnet whose default route goes to a NAT gateway",
      program: () => {
        const v = vpc("main");
        const s = subnet("app", v.id, { mapPublicIp: true });
        const rt = new ec2.RouteTable("rt", { vpcId: v.id });
        new ec2.Route("nat", {
          routeTableId: rt.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: "nat-0abc",
        });
        new ec2.RouteTableAssociation("rta", { subnetId: s.id, routeTableId: rt.id });
      },
      fail: /subnet "app" maps public IPs on launch/,
    },
    {
      policy: "aws-ec2-no-public-ip-private-subnet",
      title: "an instance with a public IP in a public subnet",
      program: () =>
        void instance("bastion", { subnetId: publicSubnet().id, associatePublicIpAddress: true }),
    },
    {
      policy: "aws-ec2-no-public-ip-private-subnet",
      title: "a launch template interface with a public IP and no subnet (chosen where it is used): no claim",
      program: () => void launchTemplate("lt", { networkInterfaces: [{ associatePublicIpAddress: "true" }] }),
    },
    {
      policy: "aws-ec2-no-public-ip-private-subnet",
      title: "an instance with a public IP in a subnet of the stack with no route to an internet gateway",
      program: () =>
        void instance("bastion", {
          subnetId: subnet("app", vpc("main").id).id,
          associatePublicIpAddress: true,
        }),
      fail: /"bastion": associatePublicIpAddress is true but subnet "app" is not shown public/,
    },
    {
      policy: "aws-ec2-no-public-ip-private-subnet",
      title: "an instance with a public IP in a subnet from a lookup (the default VPC's): no claim",
      program: () =>
        void instance("bastion", { subnetId: "subnet-0abc1234", associatePublicIpAddress: true }),
    },
  ]);
  passesInPreview(
    "aws-ec2-no-public-ip-private-subnet",
    "an instance with a public IP in a public subnet",
    () => {
      instance("bastion", { subnetId: publicSubnet().id, associatePublicIpAddress: true });
    },
  );
  undecidedInPreview("aws-vpc-subnet-no-public-ip-on-launch", "mapPublicIpOnLaunch from an Output", () => {
    const v = vpc("main");
    new ec2.Subnet("late", {
      vpcId: v.id,
      cidrBlock: "10.0.2.0/24",
      mapPublicIpOnLaunch: v.id.apply(() => true),
    });
  });
});

describe("AWS rules: messaging, data, serverless, containers, audit", function () {
  this.timeout(60_000);
  const sendFromBucket = doc({
    Effect: "Allow",
    Principal: { Service: "s3.amazonaws.com" },
    Action: "sqs:SendMessage",
    Resource: "*",
    Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::uploads" } },
  });
  ruleCases([
    { policy: "aws-sqs-encrypted", title: "a KMS-encrypted queue", program: () => void queue("q") },
    {
      policy: "aws-sqs-encrypted",
      title: "SSE-SQS (the default of every new queue), by default",
      program: () => void queue("q", { kmsMasterKeyId: undefined }),
      fail: /messages are encrypted with SSE-SQS \(an SQS-owned key\), not a customer-managed key; set customerManagedKey: false/,
    },
    {
      policy: "aws-sqs-encrypted",
      title: "SSE-SQS left to the default, with customerManagedKey: false",
      program: () => void queue("q", { kmsMasterKeyId: undefined }),
      config: { "aws-sqs-encrypted": { customerManagedKey: false } },
    },
    {
      policy: "aws-sqs-encrypted",
      title: "SSE-SQS turned off, even with customerManagedKey: false",
      program: () => void queue("q", { kmsMasterKeyId: undefined, sqsManagedSseEnabled: false }),
      config: { "aws-sqs-encrypted": { customerManagedKey: false } },
      fail: /sqsManagedSseEnabled is false and no kmsMasterKeyId is set: messages are stored unencrypted/,
    },
    {
      policy: "aws-sqs-encrypted",
      title: "SSE-SQS outside the environments that need a customer-managed key",
      program: () => void queue("q", { kmsMasterKeyId: undefined }),
      config: { "aws-sqs-encrypted": { environments: ["prod"] } },
    },
    {
      policy: "aws-sqs-encrypted",
      title: "the AWS-managed key alias/aws/sqs",
      program: () => void queue("q", { kmsMasterKeyId: "alias/aws/sqs" }),
      fail: /kmsMasterKeyId is the AWS-managed key "alias\/aws\/sqs", not a customer-managed key/,
    },
    {
      policy: "aws-sqs-encrypted",
      title: "SSE-SQS when the deprecated requireKms is set, with customerManagedKey: false",
      program: () => void queue("q", { kmsMasterKeyId: undefined, sqsManagedSseEnabled: true }),
      config: { "aws-sqs-encrypted": { requireKms: true, customerManagedKey: false } },
      fail: /not a customer-managed key/,
    },
    {
      policy: "aws-sqs-no-public-policy",
      title: "a service principal limited by aws:SourceArn",
      program: () => void queue("q", { policy: sendFromBucket }),
    },
    { policy: "aws-sns-encrypted", title: "a KMS-encrypted topic", program: () => void topic("t") },
    {
      policy: "aws-sns-no-public-policy",
      title: "* limited to the account by aws:SourceOwner",
      program: () => {
        const t = topic("t");
        new sns.TopicPolicy("tp", {
          arn: t.arn,
          policy: doc({
            Effect: "Allow",
            Principal: "*",
            Action: "sns:Publish",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceOwner": "123456789012" } },
          }),
        });
      },
    },
    {
      policy: "aws-dynamodb-point-in-time-recovery",
      title: "the hardened table",
      program: () => void table("t"),
    },
    { policy: "aws-dynamodb-kms", title: "the hardened table", program: () => void table("t") },
    {
      policy: "aws-dynamodb-kms",
      title: "SSE with the AWS-managed key",
      program: () => void table("t", { serverSideEncryption: { enabled: true } }),
      fail: /kmsKeyArn is not set/,
    },
    {
      policy: "aws-lambda-no-plaintext-secrets",
      title: "secret-named variables holding an ARN and an SSM path",
      program: () => void lambdaFunction("fn", { API_TOKEN_PARAM: "/prod/api/token" }),
    },
    {
      policy: "aws-lambda-function-url-auth",
      title: "an AWS_IAM function URL",
      program: () => void new lambda.FunctionUrl("u", { functionName: "fn", authorizationType: "AWS_IAM" }),
    },
    {
      policy: "aws-secretsmanager-rotation",
      title: "a secret with a SecretRotation",
      program: () => {
        const s = new secretsmanager.Secret("s", {});
        new secretsmanager.SecretRotation("s-rotation", {
          secretId: s.id,
          rotationLambdaArn: "arn:aws:lambda:eu-west-1:123456789012:function:rotate",
          rotationRules: { automaticallyAfterDays: 30 },
        });
      },
    },
    {
      policy: "aws-ecr-immutable-tags",
      title: "the hardened repository",
      program: () => void repository("r"),
    },
    { policy: "aws-ecr-scan-on-push", title: "the hardened repository", program: () => void repository("r") },
    { policy: "aws-ecr-kms", title: "the hardened repository", program: () => void repository("r") },
    {
      policy: "aws-eks-endpoint-restricted",
      title: "a private endpoint",
      program: () => void eksCluster("c"),
    },
    {
      policy: "aws-eks-endpoint-restricted",
      title: "a public endpoint limited to an office range",
      program: () =>
        void eksCluster("c", { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
    },
    {
      policy: "aws-eks-secrets-encryption",
      title: "the hardened cluster",
      program: () => void eksCluster("c"),
    },
    {
      policy: "aws-eks-control-plane-logging",
      title: "the hardened cluster",
      program: () => void eksCluster("c"),
    },
    {
      policy: "aws-eks-control-plane-logging",
      title: "only audit logs when audit is all that is required",
      program: () =>
        void new eks.Cluster("c", {
          roleArn: "arn:aws:iam::123456789012:role/eks",
          vpcConfig: { subnetIds: ["subnet-0a"] },
          enabledClusterLogTypes: ["audit"],
        }),
      config: { "aws-eks-control-plane-logging": { requiredLogTypes: ["audit"] } },
    },
    { policy: "aws-cloudtrail-multi-region", title: "the hardened trail", program: () => void trail("t") },
    {
      policy: "aws-cloudtrail-log-file-validation",
      title: "the hardened trail",
      program: () => void trail("t"),
    },
    { policy: "aws-cloudtrail-kms", title: "the hardened trail", program: () => void trail("t") },
  ]);
  it("aws-lambda-no-plaintext-secrets: a secret-named variable whose value is unknown is undecided", async () => {
    const program = (): void => {
      const s = new secretsmanager.Secret("s", {});
      lambdaFunction("fn", { DB_PASSWORD: s.id });
    };
    const preview = await evaluate(program, true);
    assert.deepStrictEqual(messages(preview, "aws-lambda-no-plaintext-secrets"), []);
    const undecided = preview.undecided.filter((u) => u.policy === "aws-lambda-no-plaintext-secrets");
    assert.match(
      undecided[0]?.message ?? "",
      /environment variable DB_PASSWORD \(environment.variables\): its value is unknown/,
    );
  });
  undecidedInPreview("aws-sqs-no-public-policy", "a queue policy naming the queue's ARN", () => {
    const q = queue("q");
    new sqs.QueuePolicy("qp", {
      queueUrl: q.url,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: q.arn }],
      }),
    });
  });
});

describe("AWS rules: load balancer groups, RDS maintenance, ECS scaling", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "aws-lb-security-group-ports",
      title: "a load balancer group on 443",
      program: () => loadBalancerOnPort("web", 443),
    },
    {
      policy: "aws-lb-security-group-ports",
      title: "8080 when allowedPorts lists it",
      program: () => loadBalancerOnPort("api", 8080),
      config: { "aws-lb-security-group-ports": { allowedPorts: [443, 8080] } },
    },
    {
      policy: "aws-lb-security-group-ports",
      title: "an inline all-traffic rule",
      program: () => {
        const group = new ec2.SecurityGroup("lb-sg", {
          vpcId: vpc("main").id,
          ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        loadBalancer("web", { securityGroups: [group.id] });
      },
      fail: /opens all ports to 0.0.0.0\/0/,
    },
    {
      policy: "aws-rds-auto-minor-version-upgrade",
      title: "the hardened database",
      program: () => void database("db"),
    },
    {
      policy: "aws-rds-copy-tags-to-snapshot",
      title: "the hardened database",
      program: () => void database("db"),
    },
    {
      policy: "aws-ecs-autoscaling-bounds",
      title: "a service scaled 1..4",
      program: () => void scaledService("api"),
    },
    {
      policy: "aws-ecs-autoscaling-bounds",
      title: "a service scaled 1..4 when the floor is 2",
      program: () => void scaledService("api"),
      config: { "aws-ecs-autoscaling-bounds": { minimumCapacity: 2 } },
      fail: /minCapacity 1 is below 2/,
    },
    {
      policy: "aws-ecs-autoscaling-bounds",
      title: "a service with no scaling target",
      program: () => void scaledService("api", false),
      fail: /has no autoscaling target/,
    },
  ]);
  passesInPreview(
    "aws-ecs-autoscaling-bounds",
    "a target whose resourceId interpolates the service name",
    () => {
      scaledService("api");
    },
  );
  passesInPreview("aws-lb-security-group-ports", "a group found through the balancer's dependencies", () => {
    loadBalancerOnPort("web", 443);
  });
});
