// The component and provider packages the programs import, by their SDKs' type tokens and declared outputs.
import { custom, remote } from "./remote";

export const awsx = {
  ec2: { Vpc: remote("awsx:ec2:Vpc", ["vpcId", "publicSubnetIds", "privateSubnetIds", "vpc"]) },
  ecr: {
    Repository: remote("awsx:ecr:Repository", ["url", "repository"]),
    Image: remote("awsx:ecr:Image", ["imageUri"]),
  },
  ecs: { FargateService: remote("awsx:ecs:FargateService", ["service", "taskDefinition"]) },
  lb: {
    ApplicationLoadBalancer: remote("awsx:lb:ApplicationLoadBalancer", [
      "loadBalancer",
      "defaultTargetGroup",
    ]),
  },
};
export const eks = { Cluster: remote("eks:index:Cluster", ["kubeconfig", "eksCluster", "core"]) };
export const apigateway = { RestAPI: remote("aws-apigateway:index:RestAPI", ["url", "api"]) };
export const syncedFolder = {
  S3BucketFolder: remote("synced-folder:index:S3BucketFolder", []),
  GoogleCloudFolder: remote("synced-folder:index:GoogleCloudFolder", []),
  AzureBlobFolder: remote("synced-folder:index:AzureBlobFolder", []),
};
export const random = {
  RandomString: custom("random:index/randomString:RandomString", ["result"]),
  RandomPassword: custom("random:index/randomPassword:RandomPassword", ["result", "bcryptHash"]),
};
export const tls = {
  PrivateKey: custom("tls:index/privateKey:PrivateKey", ["publicKeyOpenssh", "privateKeyPem"]),
};
export const dockerBuild = { Image: custom("docker-build:index:Image", ["ref", "digest"]) };
