// The Groundwork reference platform: one program, one stack per environment (Pulumi.<env>.yaml beside
// this file). Prod differs from dev by profile — size, availability, retention, protection — never by
// weaker security.
import * as pulumi from "@pulumi/pulumi";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import { Bucket, ContainerService, EncryptionKey, Network, PostgresDatabase } from "../components/aws";
import { Namespace, WebService } from "../components/kubernetes";
import { loadPlatformConfig } from "./config";

export = async (): Promise<Record<string, unknown>> => {
  const config = loadPlatformConfig();
  const environment = config.environment;
  const tags = { ...config.tags, "platform-stack": pulumi.getStack() };

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

  // The database first: the service reads its managed secret, and the database lets the service in after
  // both exist, so neither needs the other at construction.
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
    // The RDS-managed secret by reference (ECS injects its JSON keys); the execution role may decrypt it
    // with the database key, through Secrets Manager only.
    secrets: {
      DATABASE_USERNAME: pulumi.interpolate`${database.masterUserSecretArn}:username::`,
      DATABASE_PASSWORD: pulumi.interpolate`${database.masterUserSecretArn}:password::`,
    },
    secretKeyArns: [database.keyArn],
  });
  // Grants go to the service: the children are named from it (assets-grant-api-read), not from call order.
  assets.grantRead(api);
  uploads.grantWrite(api);
  // PostgreSQL from the service's tasks, and their egress to it. Id "0" keeps the rule this stack made with
  // `allowedSecurityGroupIds: [api.taskSecurityGroupId]` (app-ingress-0): a new name would replace it.
  database.connections.allowDefaultPortFrom(api, { id: "0" });

  // The Kubernetes half targets the cluster named by the kubeconfig context (the ambient one if unset).
  const cluster = new KubernetesProvider("cluster", { context: config.kubernetes.context });
  const namespace = new Namespace(config.kubernetes.namespace, { environment }, { provider: cluster });
  const web = new WebService(
    "web",
    {
      namespace: namespace.namespaceName,
      environment,
      containers: [{ name: "web", image: config.kubernetes.webImage, port: config.kubernetes.webPort }],
      ingress: config.kubernetes.ingressHost !== undefined,
      ingressHost: config.kubernetes.ingressHost,
      ingressTlsSecretName: config.kubernetes.ingressTlsSecret,
    },
    { provider: cluster, dependsOn: [namespace] },
  );

  return {
    environment,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    isolatedSubnetIds: network.isolatedSubnetIds,
    keyArn: key.arn,
    assetsBucket: assets.bucketName,
    uploadsBucket: uploads.bucketName,
    apiUrl: pulumi.interpolate`https://${api.loadBalancerDnsName}`,
    apiLogGroup: api.logGroupName,
    databaseEndpoint: database.endpoint,
    databaseSecretArn: database.masterUserSecretArn,
    kubernetesNamespace: namespace.namespaceName,
    webService: web.serviceName,
  };
};
