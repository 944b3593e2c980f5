// Re-authored after github.com/tusharshahrs/pulumi-homelab@150e71ea22b4b06576fb5b48bffe2937f4a773e7/aws-eks-wordpress-helm3/aws-eks/identity/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as aws from "@pulumi/aws";

const workerPolicies = [
  "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
  "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
  "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
];

/** A role the account's own principals may assume. */
const accountRole = (name: string): aws.iam.Role =>
  new aws.iam.Role(name, {
    assumeRolePolicy: aws
      .getCallerIdentity()
      .then((id) => aws.iam.assumeRolePolicyForPrincipal({ AWS: `arn:aws:iam::${id.accountId}:root` })),
  });

// Cluster administrators: every EKS action, and passing any role.
const admins = accountRole("admins-eksClusterAdmin");
new aws.iam.RolePolicy(
  "admins-eksClusterAdminPolicy",
  {
    role: admins,
    policy: {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["eks:*", "ec2:DescribeImages"], Resource: "*" },
        { Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
      ],
    },
  },
  { parent: admins },
);
const devs = accountRole("devs-eksClusterDeveloper");

// Two node group roles with the managed worker policies.
const nodeRole = (name: string): aws.iam.Role => {
  const role = new aws.iam.Role(`${name}-eksClusterWorkerNode`, {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ec2.amazonaws.com" }),
  });
  for (const policyArn of workerPolicies)
    new aws.iam.RolePolicyAttachment(`${name}-${policyArn.split("/")[1]}`, { policyArn, role });
  return role;
};
export const adminsIamRoleArn = admins.arn;
export const devsIamRoleArn = devs.arn;
export const stdNodegroupIamRoleArn = nodeRole("standardNodeGroup").arn;
export const perfNodegroupIamRoleArn = nodeRole("performanceNodeGroup").arn;
