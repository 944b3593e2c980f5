// The AWS flavour of the reference platform: a VPC, a KMS key, two S3 buckets, an ECS Fargate service
// behind an ALB, an RDS PostgreSQL database it logs in to with its own IAM-authenticated user and, when
// configured, the EKS cluster the Kubernetes half runs on.
import * as pulumi from "@pulumi/pulumi";
import {
  Bucket,
  ContainerService,
  EncryptionKey,
  KubernetesCluster,
  Network,
  PostgresDatabase,
} from "../components/aws";
import { CloudConfig } from "./config";
import { PlatformResult } from "./result";

/**
 * The PostgreSQL user the API logs in as (IAM authentication). It is created once inside the database by
 * the master user: `CREATE USER api WITH LOGIN; GRANT rds_iam TO api;` (README, "Before the first `pulumi
 * up` on AWS").
 */
export const API_DATABASE_USER = "api";

/** Composes the AWS platform; returns the stack outputs an operator needs, and the database. */
export function awsPlatform(config: CloudConfig<"aws">, tags: Record<string, string>): PlatformResult {
  const environment = config.environment;
  // One customer-managed key for the platform's data at rest; each component grants what it needs.
  const key = new EncryptionKey("platform", {
    environment,
    tags,
    description: `Groundwork platform data key (${environment})`,
    services: ["logs"],
  });

  const network = new Network("core", {
    environment,
    tags,
    cidrBlock: config.network.cidrBlock,
    encryptionKey: key,
  });

  const assets = new Bucket("assets", { environment, tags, encryptionKey: key });
  const uploads = new Bucket("uploads", { environment, tags, encryptionKey: key });

  // The database first: the service is told where it is, and the database lets the service in (network
  // and IAM) after both exist, so neither needs the other at construction.
  const database = new PostgresDatabase("app", {
    environment,
    tags,
    vpcId: network.vpcId,
    subnetIds: network.isolatedSubnetIds,
    engineVersion: config.database.engineVersion,
    databaseName: config.database.databaseName,
    encryptionKey: key,
  });

  const api = new ContainerService("api", {
    environment,
    tags,
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    loadBalancerSubnetIds: config.service.internetFacing ? network.publicSubnetIds : network.privateSubnetIds,
    image: config.service.image,
    containerPort: config.service.port,
    certificateArn: config.service.certificateArn,
    internetFacing: config.service.internetFacing,
    encryptionKey: key,
    environmentVariables: {
      ASSETS_BUCKET: assets.bucketName,
      UPLOADS_BUCKET: uploads.bucketName,
      DATABASE_HOST: database.address,
      DATABASE_NAME: config.database.databaseName,
      // IAM database authentication: the app signs a 15-minute token with its task role for this user.
      // The master secret stays for administrators: RDS rotates it every 7 days, and ECS reads a secret
      // only when a task starts, so a task that used it would fail to log in after the next rotation.
      DATABASE_USER: API_DATABASE_USER,
    },
  });
  // Grants go to the service: the children are named from it (assets-grant-api-read), not from call order.
  assets.grantRead(api);
  uploads.grantWrite(api);
  database.grantConnect(api, { user: API_DATABASE_USER });
  // PostgreSQL from the service's tasks, and their egress to it. Id "0" keeps the rule this stack made with
  // `allowedSecurityGroupIds: [api.taskSecurityGroupId]` (app-ingress-0): a new name would replace it.
  database.connections.allowDefaultPortFrom(api, { id: "0" });

  const cluster = config.cluster && kubernetesCluster(config, tags, network, key);
  // The pods (in the cluster security group) reach the database too; NetworkPolicy narrows it to the web service.
  if (cluster) database.connections.allowDefaultPortFrom(cluster);

  return {
    database,
    ...(cluster ? { cluster: cluster.provider } : {}),
    outputs: {
      ...(cluster ? { clusterName: cluster.name, clusterEndpoint: cluster.endpoint } : {}),
      vpcId: network.vpcId,
      privateSubnetIds: network.privateSubnetIds,
      isolatedSubnetIds: network.isolatedSubnetIds,
      keyArn: key.arn,
      assetsBucket: assets.bucketName,
      uploadsBucket: uploads.bucketName,
      apiUrl: pulumi.interpolate`https://${api.loadBalancerDnsName}`,
      apiLogGroup: api.logGroupName,
      databaseEndpoint: database.endpoint,
      // For administrators (creating the API's user, migrations); the API never reads it.
      databaseSecretArn: database.masterUserSecretArn,
      databaseApiUser: API_DATABASE_USER,
    },
  };
}

/**
 * The EKS cluster: private endpoint reachable from the VPC's own range (a CI runner or VPN there deploys
 * the Kubernetes half), Secrets and logs under the platform key, administered by the configured roles.
 */
function kubernetesCluster(
  config: CloudConfig<"aws">,
  tags: Record<string, string>,
  network: Network,
  key: EncryptionKey,
): KubernetesCluster {
  const cluster = config.cluster!;
  return new KubernetesCluster("platform", {
    environment: config.environment,
    tags,
    network,
    encryptionKey: key,
    version: cluster.version,
    administrators: cluster.administrators,
    nodes: cluster.nodeInstanceType === undefined ? undefined : { instanceType: cluster.nodeInstanceType },
    privateAccessCidrs: [config.network.cidrBlock],
  });
}
