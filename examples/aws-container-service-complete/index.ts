// Every ContainerService knob: prod, internet-facing (a recorded weakening), sizes, bounds, variables,
// secrets by reference, a shared key, and a bucket the task role may read.
import { Bucket, ContainerService, EncryptionKey, Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("edge", { environment: "prod" });
  const key = new EncryptionKey("web-logs", { environment: "prod", services: ["logs"] });
  const service = new ContainerService("web", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    loadBalancerSubnetIds: network.publicSubnetIds,
    internetFacing: true,
    allowedCidrBlocks: ["0.0.0.0/0"],
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"4f".repeat(32)}`,
    containerPort: 3000,
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
    healthCheckPath: "/ready",
    cpu: 1024,
    memoryMiB: 4096,
    minCapacity: 3,
    maxCapacity: 12,
    environmentVariables: { NODE_ENV: "production" },
    secrets: {
      DATABASE_URL: "arn:aws:secretsmanager:us-east-1:123456789012:secret:web-db-url-AbCdEf",
      FEATURE_FLAGS: "arn:aws:ssm:us-east-1:123456789012:parameter/web/flags",
    },
    user: "20001:20001",
    readOnlyRootFilesystem: true,
    logRetentionDays: 400,
    encryptionKey: key,
    tags: { team: "web" },
    // The profile's (true in prod). false, a recorded weakening, is the first step of replacing the load
    // balancer to change its scheme (README, "Day 2 on AWS").
    loadBalancerDeletionProtection: true,
  });
  const media = new Bucket("media", { environment: "prod" });
  // The service is a grantee: its task role may read, in a child named `media-grant-web-read`.
  media.grantRead(service);
  return { url: service.loadBalancerDnsName, weakened: service.weakened };
}
