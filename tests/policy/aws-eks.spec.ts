// The EKS rules for hand-written clusters and node groups: authentication mode, supported version, node
// remote access and the nodes' metadata hop limit, each with a passing and a failing program; and the pack's
// supported-version floor kept equal to the component's facts.
import * as assert from "assert";
import * as ec2 from "@pulumi/aws/ec2";
import * as eks from "@pulumi/aws/eks";
import { EKS_KUBERNETES_VERSIONS, EncryptionKey, KubernetesCluster } from "../../components/aws";
import { OLDEST_SUPPORTED_EKS_VERSION } from "../../policy/rules/aws/eks";
import { eksCluster } from "./aws-kit";
import { TAGS } from "./kit";
import { RuleCase, evaluate, messages, ruleCases } from "./rule-cases";

const cluster = (args: Partial<eks.ClusterArgs>) => () =>
  void new eks.Cluster("c", {
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: { subnetIds: ["subnet-0a", "subnet-0b"] },
    ...args,
  });

const template = (metadataOptions: ec2.LaunchTemplateArgs["metadataOptions"]) =>
  new ec2.LaunchTemplate("nodes", { metadataOptions, tags: TAGS });

const nodeGroup = (args: Partial<eks.NodeGroupArgs> = {}) =>
  new eks.NodeGroup("workers", {
    clusterName: "main",
    nodeRoleArn: "arn:aws:iam::123456789012:role/eks-nodes",
    subnetIds: ["subnet-0a", "subnet-0b"],
    scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 4 },
    tags: TAGS,
    ...args,
  });

const withTemplate = (metadataOptions: ec2.LaunchTemplateArgs["metadataOptions"]) => () => {
  const lt = template(metadataOptions);
  nodeGroup({ launchTemplate: { id: lt.id, version: lt.latestVersion.apply(String) } });
};

const CASES: RuleCase[] = [
  {
    policy: "aws-eks-authentication-mode-api",
    title: "the hardened cluster",
    program: () => void eksCluster("c"),
  },
  {
    policy: "aws-eks-authentication-mode-api",
    title: "a cluster without accessConfig",
    program: cluster({}),
    fail: /not set: EKS keeps the aws-auth ConfigMap/,
  },
  {
    policy: "aws-eks-authentication-mode-api",
    title: "a cluster on CONFIG_MAP",
    program: cluster({ accessConfig: { authenticationMode: "CONFIG_MAP" } }),
    fail: /"CONFIG_MAP": the aws-auth ConfigMap still grants access/,
  },
  { policy: "aws-eks-supported-version", title: "an unset version (EKS's newest)", program: cluster({}) },
  { policy: "aws-eks-supported-version", title: "version 1.35", program: cluster({ version: "1.35" }) },
  {
    policy: "aws-eks-supported-version",
    title: "version 1.29",
    program: cluster({ version: "1.29" }),
    fail: /1\.29 is past EKS standard support/,
  },
  {
    policy: "aws-eks-supported-version",
    title: "a version that is not a minor",
    program: cluster({ version: "latest" }),
    fail: /not a Kubernetes minor/,
  },
  {
    policy: "aws-eks-node-group-no-remote-access",
    title: "a node group without remote access",
    program: () => void nodeGroup(),
  },
  {
    policy: "aws-eks-node-group-no-remote-access",
    title: "SSH limited to a security group",
    program: () => void nodeGroup({ remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: ["sg-0a"] } }),
    fail: /remoteAccess opens SSH to the nodes$/,
  },
  {
    policy: "aws-eks-node-group-no-remote-access",
    title: "SSH with a key and no source group",
    program: () => void nodeGroup({ remoteAccess: { ec2SshKey: "ops" } }),
    fail: /remoteAccess opens SSH to the nodes from 0\.0\.0\.0\/0$/,
  },
  {
    policy: "aws-eks-node-metadata-hop-limit",
    title: "a template requiring tokens with one hop",
    program: withTemplate({ httpTokens: "required", httpPutResponseHopLimit: 1 }),
  },
  {
    policy: "aws-eks-node-metadata-hop-limit",
    title: "a template with the metadata endpoint off",
    program: withTemplate({ httpEndpoint: "disabled" }),
  },
  {
    policy: "aws-eks-node-metadata-hop-limit",
    title: "a template with two hops",
    program: withTemplate({ httpTokens: "required", httpPutResponseHopLimit: 2 }),
    fail: /launches from "nodes": metadataOptions.httpPutResponseHopLimit is 2/,
  },
  {
    policy: "aws-eks-node-metadata-hop-limit",
    title: "a template answering IMDSv1",
    program: withTemplate({ httpTokens: "optional", httpPutResponseHopLimit: 1 }),
    fail: /httpTokens is not "required"/,
  },
  {
    policy: "aws-eks-node-metadata-hop-limit",
    title: "a node group on EKS's default template",
    program: () => void nodeGroup(),
    fail: /no launch template: EKS's default one leaves the metadata hop limit at 2/,
  },
];

describe("policy: EKS clusters and node groups", function () {
  this.timeout(60_000);
  ruleCases(CASES);

  it("the pack's oldest supported minor is the oldest the component's facts list", () => {
    assert.strictEqual(OLDEST_SUPPORTED_EKS_VERSION, EKS_KUBERNETES_VERSIONS[0]);
  });

  it("a KubernetesCluster trips none of the EKS rules, nor the EC2 rules on its launch template", async () => {
    const report = await evaluate(() => {
      const key = new EncryptionKey("key", { services: ["logs"] });
      new KubernetesCluster("apps", {
        network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0a", "subnet-0b"] },
        encryptionKey: key,
        administrators: ["arn:aws:iam::123456789012:role/deployer"],
      });
    }, false);
    assert.deepStrictEqual(
      report.violations.map((v) => `${v.policy}: ${v.message}`),
      [],
    );
    assert.deepStrictEqual(messages(report, "aws-eks-node-metadata-hop-limit"), []);
  });

  it("a KubernetesCluster's public endpoint passes the endpoint rule and is reported as a weakening", async () => {
    const report = await evaluate(() => {
      new KubernetesCluster("apps", {
        network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0a", "subnet-0b"] },
        encryptionKey: "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666",
        administrators: ["arn:aws:iam::123456789012:role/deployer"],
        publicAccessCidrs: ["203.0.113.0/24"],
      });
    }, false);
    assert.deepStrictEqual(messages(report, "aws-eks-endpoint-restricted"), []);
    assert.ok(
      messages(report, "groundwork-weakened-defaults").some((m) =>
        /"apps" weakens the default "publicEndpoint"/.test(m),
      ),
      JSON.stringify(messages(report, "groundwork-weakened-defaults")),
    );
  });
});
