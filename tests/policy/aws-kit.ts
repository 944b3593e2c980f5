// Compliant raw resources for the AWS services beyond Groundwork's components (issue #13), each meeting
// every rule of its service, so a corpus program can change one argument and expect one policy to fire.
import * as pulumi from "@pulumi/pulumi";
import * as appautoscaling from "@pulumi/aws/appautoscaling";
import * as cloudtrail from "@pulumi/aws/cloudtrail";
import * as dynamodb from "@pulumi/aws/dynamodb";
import * as ec2 from "@pulumi/aws/ec2";
import * as ecr from "@pulumi/aws/ecr";
import * as ecs from "@pulumi/aws/ecs";
import * as eks from "@pulumi/aws/eks";
import * as lambda from "@pulumi/aws/lambda";
import * as rds from "@pulumi/aws/rds";
import * as sns from "@pulumi/aws/sns";
import * as sqs from "@pulumi/aws/sqs";
import * as vpc_ from "@pulumi/aws/vpc";
import { TAGS, hardenedDatabaseArgs, key, loadBalancer, vpc } from "./kit";

/** An instance with IMDSv2, encrypted root and data volumes, detailed monitoring and no public IP. */
export function instance(name: string, args: Partial<ec2.InstanceArgs> = {}): ec2.Instance {
  return new ec2.Instance(name, {
    ami: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    subnetId: "subnet-0private",
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
    rootBlockDevice: { encrypted: true, kmsKeyId: key(`${name}-key`).arn },
    ebsBlockDevices: [
      { deviceName: "/dev/sdf", volumeSize: 20, encrypted: true, kmsKeyId: key(`${name}-data-key`).arn },
    ],
    monitoring: true,
    tags: TAGS,
    ...args,
  });
}

/** A launch template with IMDSv2, an encrypted root mapping and detailed monitoring. */
export function launchTemplate(name: string, args: Partial<ec2.LaunchTemplateArgs> = {}): ec2.LaunchTemplate {
  return new ec2.LaunchTemplate(name, {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
    blockDeviceMappings: [
      {
        deviceName: "/dev/xvda",
        ebs: { encrypted: "true", kmsKeyId: key(`${name}-key`).arn, volumeSize: 20 },
      },
    ],
    monitoring: { enabled: true },
    tags: TAGS,
    ...args,
  });
}

/** A subnet of `vpcId`, public (a route table with a default route to an internet gateway) or not. */
export function subnet(
  name: string,
  vpcId: ec2.Vpc["id"],
  o: { public?: boolean; mapPublicIp?: boolean } = {},
): ec2.Subnet {
  const s = new ec2.Subnet(name, {
    vpcId,
    cidrBlock: "10.0.1.0/24",
    mapPublicIpOnLaunch: o.mapPublicIp ?? false,
    tags: TAGS,
  });
  if (o.public) {
    const igw = new ec2.InternetGateway(`${name}-igw`, { vpcId, tags: TAGS });
    const table = new ec2.RouteTable(`${name}-rt`, { vpcId, tags: TAGS });
    new ec2.Route(`${name}-default`, {
      routeTableId: table.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: igw.id,
    });
    new ec2.RouteTableAssociation(`${name}-rta`, { subnetId: s.id, routeTableId: table.id });
  }
  return s;
}

/** A queue encrypted under a customer-managed key. */
export function queue(name: string, args: Partial<sqs.QueueArgs> = {}): sqs.Queue {
  return new sqs.Queue(name, { kmsMasterKeyId: key(`${name}-key`).arn, tags: TAGS, ...args });
}

/** A topic encrypted under a customer-managed key. */
export function topic(name: string, args: Partial<sns.TopicArgs> = {}): sns.Topic {
  return new sns.Topic(name, { kmsMasterKeyId: key(`${name}-key`).arn, tags: TAGS, ...args });
}

/** A table with point-in-time recovery, encrypted under a customer-managed key. */
export function table(name: string, args: Partial<dynamodb.TableArgs> = {}): dynamodb.Table {
  return new dynamodb.Table(name, {
    billingMode: "PAY_PER_REQUEST",
    hashKey: "id",
    attributes: [{ name: "id", type: "S" }],
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true, kmsKeyArn: key(`${name}-key`).arn },
    tags: TAGS,
    ...args,
  });
}

/** A function whose secret-named variable holds a Secrets Manager ARN, not the secret. */
export function lambdaFunction(
  name: string,
  variables: Record<string, pulumi.Input<string>> = {},
): lambda.Function {
  return new lambda.Function(name, {
    role: "arn:aws:iam::123456789012:role/fn",
    runtime: "nodejs20.x",
    handler: "index.handler",
    s3Bucket: "artifacts",
    s3Key: "fn.zip",
    environment: {
      variables: {
        DB_PASSWORD_SECRET: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
        LOG_LEVEL: "info",
        ...variables,
      },
    },
    tags: TAGS,
  });
}

/** A repository with immutable tags, scan on push and KMS encryption. */
export function repository(name: string, args: Partial<ecr.RepositoryArgs> = {}): ecr.Repository {
  return new ecr.Repository(name, {
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key(`${name}-key`).arn }],
    tags: TAGS,
    ...args,
  });
}

/** A cluster with a private endpoint, KMS-encrypted secrets, every control-plane log type and access entries only. */
export function eksCluster(name: string, vpcConfig: Partial<eks.ClusterArgs["vpcConfig"]> = {}): eks.Cluster {
  return new eks.Cluster(name, {
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: {
      subnetIds: ["subnet-0a", "subnet-0b"],
      endpointPrivateAccess: true,
      endpointPublicAccess: false,
      ...vpcConfig,
    },
    encryptionConfig: { resources: ["secrets"], provider: { keyArn: key(`${name}-key`).arn } },
    enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
    tags: TAGS,
  });
}

/** A multi-region trail with log file validation, encrypted under a customer-managed key. */
export function trail(name: string, args: Partial<cloudtrail.TrailArgs> = {}): cloudtrail.Trail {
  return new cloudtrail.Trail(name, {
    s3BucketName: "central-cloudtrail",
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    kmsKeyId: key(`${name}-key`).arn,
    tags: TAGS,
    ...args,
  });
}

/** A Fargate service with private tasks and rollback, scaled by a target with the given bounds (or none). */
export function scaledService(
  name: string,
  bounds: { min: number; max: number } | false = { min: 1, max: 4 },
): ecs.Service {
  const service = new ecs.Service(name, {
    cluster: "main",
    taskDefinition: `${name}:1`,
    launchType: "FARGATE",
    desiredCount: 2,
    networkConfiguration: { subnets: ["subnet-0a"], assignPublicIp: false },
    deploymentCircuitBreaker: { enable: true, rollback: true },
    tags: TAGS,
  });
  if (bounds) {
    new appautoscaling.Target(`${name}-scaling`, {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: pulumi.interpolate`service/main/${service.name}`,
      minCapacity: bounds.min,
      maxCapacity: bounds.max,
      tags: TAGS,
    });
  }
  return service;
}

/** An internal load balancer behind a group that admits `port` from 10.0.0.0/8 (rule resources, not inline). */
export function loadBalancerOnPort(name: string, port: number): void {
  const group = new ec2.SecurityGroup(`${name}-sg`, { vpcId: vpc("main").id, tags: TAGS });
  new vpc_.SecurityGroupIngressRule(`${name}-in`, {
    securityGroupId: group.id,
    cidrIpv4: "10.0.0.0/8",
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
  });
  loadBalancer(name, { securityGroups: [group.id] });
}

/**
 * An Aurora PostgreSQL cluster meeting every RDS rule (encrypted under its own key, managed password, IAM
 * auth, backups, logs, tags copied to snapshots) with one private instance taking minor versions.
 */
export function auroraCluster(
  name: string,
  args: Partial<rds.ClusterArgs> = {},
  instance: Partial<rds.ClusterInstanceArgs> = {},
): rds.Cluster {
  const cluster = new rds.Cluster(name, {
    engine: "aurora-postgresql",
    masterUsername: "app",
    ...hardenedDatabaseArgs(name),
    ...args,
  });
  new rds.ClusterInstance(`${name}-1`, {
    clusterIdentifier: cluster.id,
    engine: "aurora-postgresql",
    instanceClass: "db.r6g.large",
    tags: TAGS,
    ...instance,
  });
  return cluster;
}
