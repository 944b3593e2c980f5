// The day-2 matrix of aws.KubernetesCluster: the changes a platform team makes to a running EKS cluster,
// each checked against the provider facts (facts/aws/resources.json) for what a second `up` would do. None
// may replace the cluster; adding a zone replaces only the node group, which is the provider's behaviour
// (a managed node group's subnets are fixed) and auto-named, so the new group exists before the old drains.
import * as assert from "assert";
import { KubernetesCluster, KubernetesClusterArgs } from "../../components/aws";
import { EKS_KUBERNETES_VERSIONS } from "../../components/aws/kubernetes-cluster/versions";
import { planChange } from "../../engine/day2";
import { day2Suite, planProblems } from "./kit";

const OPTIONS = { config: { "aws:region": "eu-west-1" } };
const SUBNETS = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"];
const CLUSTER: KubernetesClusterArgs = {
  network: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: SUBNETS },
  encryptionKey: "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666",
  administrators: ["arn:aws:iam::123456789012:role/platform-deployer"],
};
const [OLDER, NEWER] = EKS_KUBERNETES_VERSIONS.slice(-2);

const cluster =
  (a: Partial<KubernetesClusterArgs> = {}) =>
  () => {
    new KubernetesCluster("apps", { ...CLUSTER, version: OLDER, ...a });
  };
const NODE_GROUP_SUBNETS =
  "a managed node group's subnets are fixed (subnet_ids ForceNew): EKS gets a new, auto-named group, created before the old one drains";

day2Suite(
  "aws.KubernetesCluster",
  cluster(),
  [
    {
      change: `version ${OLDER} → ${NEWER}: control plane, nodes and add-ons upgrade in place`,
      after: cluster({ version: NEWER }),
    },
    {
      change: "node instance type t3.medium → m6i.large (a new launch template version)",
      after: cluster({ nodes: { instanceType: "m6i.large" } }),
    },
    { change: "node volume 50 → 100 GiB", after: cluster({ nodes: { diskSizeGiB: 100 } }) },
    {
      change: "node bounds 2-3 → 3-8: the running count stays the autoscaler's",
      after: cluster({ nodes: { min: 3, max: 8 } }),
    },
    { change: "a private range may reach the API", after: cluster({ privateAccessCidrs: ["10.10.0.0/16"] }) },
    {
      change: "the public endpoint turned on for named ranges (a weakening)",
      after: cluster({ publicAccessCidrs: ["203.0.113.0/24"] }),
    },
    {
      change: "the public endpoint turned off again",
      before: cluster({ publicAccessCidrs: ["203.0.113.0/24"] }),
      after: cluster(),
    },
    { change: "log retention 30 → 90 days", after: cluster({ logRetentionDays: 90 }) },
    { change: "deletion protection turned on", after: cluster({ deletionProtection: true }) },
    { change: "tags added", after: cluster({ tags: { team: "platform" } }) },
    {
      change: "a second administrator",
      after: cluster({ administrators: [...CLUSTER.administrators, "arn:aws:iam::123456789012:role/sre"] }),
    },
    {
      change: "a third zone: the cluster takes the subnet in place; the node group is replaced",
      after: cluster({
        network: { ...CLUSTER.network, privateSubnetIds: [...SUBNETS, "subnet-0aaaaaaaaaaaaaaa3"] },
      }),
      replaces: { "apps-nodes": NODE_GROUP_SUBNETS },
    },
    { change: "profile dev → staging", after: cluster({ environment: "staging" }), replaces: {} },
  ],
  OPTIONS,
);

day2Suite(
  "aws.KubernetesCluster (prod)",
  cluster({ environment: "prod" }),
  [
    { change: `version ${OLDER} → ${NEWER}`, after: cluster({ environment: "prod", version: NEWER }) },
    {
      change: "node bounds raised",
      after: cluster({ environment: "prod", nodes: { min: 4, max: 20 } }),
    },
    {
      change: "fewer nodes at least (a named weakening)",
      after: cluster({ environment: "prod", nodes: { min: 2 } }),
    },
  ],
  OPTIONS,
);

describe("day 2: aws.KubernetesCluster beyond the matrix", () => {
  it("a new key replaces the cluster: the facts catch it (EKS never changes a Secrets key)", async () => {
    const plan = await planChange(
      cluster(),
      cluster({
        encryptionKey: "arn:aws:kms:eu-west-1:123456789012:key/9f9f9f9f-1111-2222-3333-444455556666",
      }),
      OPTIONS,
    );
    const problems = planProblems(plan);
    assert.ok(
      problems.some(
        (p) => p.includes('aws:eks/cluster:Cluster "apps-cluster"') && p.includes("encryptionConfig"),
      ),
      problems.join("\n"),
    );
  });
});
