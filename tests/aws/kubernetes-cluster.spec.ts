// KubernetesCluster (EKS): the child set per profile and every control the issue names — private endpoint,
// Secrets encryption with the key, every log type, access entries only, pinned version and add-ons, IMDSv2
// with one hop, encrypted node volumes, least-privilege roles — plus weakenings, the provider and bad input.
import * as assert from "assert";
import {
  EKS_ADDONS,
  EKS_DEFAULT_VERSION,
  EKS_KUBERNETES_VERSIONS,
  EncryptionKey,
  KubernetesCluster,
  KubernetesClusterArgs,
  PostgresDatabase,
} from "../../components/aws";
import { ENVIRONMENTS, GroundworkInputError, WEAKENED_TAG } from "../../components/core";
import {
  EKS_VERSIONS_SOURCE,
  eksAddonVersions,
  eksVersion,
} from "../../components/aws/kubernetes-cluster/versions";
import { kubeconfig, serviceTrustPolicy } from "../../components/aws/kubernetes-cluster/documents";
import { GraphQuery, reveal } from "../../testing";
import {
  UNTAGGABLE,
  assertGroundworkTags,
  inputs,
  json,
  protectedNames,
  rejectsInputs,
  run,
  synthCaught,
} from "./helpers";

const C = "groundwork:aws:KubernetesCluster";
const KEY = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666";
const ADMIN = "arn:aws:iam::123456789012:role/platform-deployer";
const NETWORK = {
  vpcId: "vpc-0123456789abcdef0",
  privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"],
};
const BASE: KubernetesClusterArgs = { network: NETWORK, encryptionKey: KEY, administrators: [ADMIN] };
const OPTIONS = { config: { "aws:region": "eu-west-1" } };

const T = {
  cluster: "aws:eks/cluster:Cluster",
  nodeGroup: "aws:eks/nodeGroup:NodeGroup",
  addon: "aws:eks/addon:Addon",
  template: "aws:ec2/launchTemplate:LaunchTemplate",
  role: "aws:iam/role:Role",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;

const ATTACH = (role: string, policy: string): string => `${T.attachment}::apps-${role}-${policy}`;
const INVENTORY = [
  ...EKS_ADDONS.map((a) => `${T.addon}::apps-${a}`),
  `${T.cluster}::apps-cluster`,
  "aws:eks/accessEntry:AccessEntry::apps-admin-0",
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation::apps-admin-0-policy",
  `${T.nodeGroup}::apps-nodes`,
  `${T.logGroup}::apps-logs`,
  `${T.template}::apps-nodes`,
  ...["cluster-role", "ebs-csi-role", "node-role", "vpc-cni-role"].map((r) => `${T.role}::apps-${r}`),
  "aws:iam/rolePolicy:RolePolicy::apps-cluster-key",
  "aws:iam/rolePolicy:RolePolicy::apps-ebs-csi-key",
  ATTACH("cluster-role", "AmazonEKSClusterPolicy"),
  ATTACH("ebs-csi-role", "AmazonEBSCSIDriverPolicy"),
  ATTACH("node-role", "AmazonEC2ContainerRegistryPullOnly"),
  ATTACH("node-role", "AmazonEKSWorkerNodePolicy"),
  ATTACH("vpc-cni-role", "AmazonEKS_CNI_Policy"),
  "aws:kms/grant:Grant::apps-nodes-key-grant",
  "pulumi:providers:kubernetes::apps",
  "kubernetes:storage.k8s.io/v1:StorageClass::apps-encrypted-gp3",
].sort();

const BY_PROFILE = {
  dev: { type: "t3.medium", min: 2, max: 3, disk: 50, retention: 30, deletion: false, protect: false },
  staging: { type: "m6i.large", min: 2, max: 6, disk: 50, retention: 90, deletion: true, protect: false },
  prod: { type: "m6i.large", min: 3, max: 12, disk: 100, retention: 365, deletion: true, protect: true },
} as const;

async function synthCluster(args: Partial<KubernetesClusterArgs> = {}, stack = "dev") {
  const { q } = await run(
    () => {
      new KubernetesCluster("apps", { ...BASE, ...args });
    },
    { ...OPTIONS, stack },
  );
  return q;
}

/** The managed policy names attached to one of the component's roles. */
function attachedTo(q: GraphQuery, role: string): string[] {
  const roleUrn = q.one(T.role, `apps-${role}`).urn;
  return q
    .ofType(T.attachment)
    .filter((a) => a.propertyDependencies.role?.includes(roleUrn))
    .map((a) => String(reveal(a.inputs.policyArn)).replace(/^arn:aws:iam::aws:policy\//, ""))
    .sort();
}

describe("aws.KubernetesCluster", () => {
  for (const environment of ENVIRONMENTS) {
    describe(environment, () => {
      let q: GraphQuery;
      let root: string;
      const p = BY_PROFILE[environment];
      before(async () => {
        q = await synthCluster({ environment }, environment);
        root = q.one(C, "apps").urn;
      });

      it("registers exactly the expected children", () => {
        assert.deepStrictEqual(q.inventory(root), INVENTORY);
      });

      it("runs a private cluster: Secrets under the key, every log type, access entries only", () => {
        const cluster = inputs(q, T.cluster, "apps-cluster");
        assert.strictEqual(cluster.name, "apps");
        assert.strictEqual(cluster.version, EKS_DEFAULT_VERSION);
        assert.deepStrictEqual(cluster.vpcConfig, {
          subnetIds: NETWORK.privateSubnetIds,
          endpointPrivateAccess: true,
          endpointPublicAccess: false,
        });
        assert.deepStrictEqual(cluster.encryptionConfig, {
          resources: ["secrets"],
          provider: { keyArn: KEY },
        });
        assert.deepStrictEqual(cluster.enabledClusterLogTypes, [
          "api",
          "audit",
          "authenticator",
          "controllerManager",
          "scheduler",
        ]);
        assert.deepStrictEqual(cluster.accessConfig, {
          authenticationMode: "API",
          bootstrapClusterCreatorAdminPermissions: false,
        });
        assert.strictEqual(cluster.bootstrapSelfManagedAddons, false);
        assert.strictEqual(cluster.deletionProtection, p.deletion);
      });

      it("writes control-plane logs to the group EKS uses, encrypted, with the profile's retention", () => {
        const group = inputs(q, T.logGroup, "apps-logs");
        assert.deepStrictEqual(
          [group.name, group.retentionInDays, group.kmsKeyId],
          ["/aws/eks/apps/cluster", p.retention, KEY],
        );
        // Made before the cluster, or EKS makes its own unencrypted group.
        assert.ok(q.one(T.cluster, "apps-cluster").dependencies.includes(q.one(T.logGroup, "apps-logs").urn));
      });

      it("launches nodes with IMDSv2 only, one hop, an encrypted root volume and no SSH", () => {
        const lt = inputs(q, T.template, "apps-nodes");
        assert.deepStrictEqual(lt.metadataOptions, {
          httpEndpoint: "enabled",
          httpTokens: "required",
          httpPutResponseHopLimit: 1,
          instanceMetadataTags: "disabled",
        });
        assert.deepStrictEqual(lt.blockDeviceMappings, [
          {
            deviceName: "/dev/xvda",
            ebs: {
              volumeSize: p.disk,
              volumeType: "gp3",
              encrypted: "true",
              kmsKeyId: KEY,
              deleteOnTermination: "true",
            },
          },
        ]);
        assert.strictEqual(lt.instanceType, p.type);
        assert.strictEqual(lt.keyName, undefined);
        assert.deepStrictEqual(lt.monitoring, { enabled: true });
        const group = inputs(q, T.nodeGroup, "apps-nodes");
        assert.strictEqual(group.remoteAccess, undefined);
        assert.deepStrictEqual(group.subnetIds, NETWORK.privateSubnetIds);
        assert.deepStrictEqual(group.scalingConfig, { desiredSize: p.min, minSize: p.min, maxSize: p.max });
        assert.strictEqual(group.version, EKS_DEFAULT_VERSION);
        assert.strictEqual(group.amiType, "AL2023_x86_64_STANDARD");
        assert.deepStrictEqual(q.one(T.nodeGroup, "apps-nodes").ignoreChanges, ["scalingConfig.desiredSize"]);
        assert.deepStrictEqual(q.one(T.nodeGroup, "apps-nodes").propertyDependencies.launchTemplate, [
          q.one(T.template, "apps-nodes").urn,
        ]);
      });

      it("lets Auto Scaling use the key for node volumes, through a grant", () => {
        const grant = inputs(q, "aws:kms/grant:Grant", "apps-nodes-key-grant");
        assert.strictEqual(grant.keyId, KEY);
        assert.strictEqual(
          grant.granteePrincipal,
          "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
        );
        assert.ok((grant.operations as string[]).includes("CreateGrant"));
      });

      it("gives each role only the managed policies EKS documents; the CNI policy never on the nodes", () => {
        assert.deepStrictEqual(attachedTo(q, "cluster-role"), ["AmazonEKSClusterPolicy"]);
        assert.deepStrictEqual(attachedTo(q, "node-role"), [
          "AmazonEC2ContainerRegistryPullOnly",
          "AmazonEKSWorkerNodePolicy",
        ]);
        assert.deepStrictEqual(attachedTo(q, "vpc-cni-role"), ["AmazonEKS_CNI_Policy"]);
        assert.deepStrictEqual(attachedTo(q, "ebs-csi-role"), ["AmazonEBSCSIDriverPolicy"]);
        const trust = (role: string) =>
          json<{ Statement: { Principal: { Service: string } }[] }>(
            q,
            T.role,
            `apps-${role}`,
            "assumeRolePolicy",
          ).Statement[0].Principal.Service;
        assert.deepStrictEqual(["cluster-role", "node-role", "vpc-cni-role", "ebs-csi-role"].map(trust), [
          "eks.amazonaws.com",
          "ec2.amazonaws.com",
          "pods.eks.amazonaws.com",
          "pods.eks.amazonaws.com",
        ]);
        const clusterKey = json<{ Statement: { Action: string[]; Resource: string }[] }>(
          q,
          "aws:iam/rolePolicy:RolePolicy",
          "apps-cluster-key",
          "policy",
        );
        assert.deepStrictEqual(clusterKey.Statement[0].Resource, KEY);
      });

      it("pins every add-on to the version listed for the cluster's minor; the CNI enforces network policy", () => {
        const pinned = eksAddonVersions(EKS_DEFAULT_VERSION);
        for (const name of EKS_ADDONS) {
          const addon = inputs(q, T.addon, `apps-${name}`);
          assert.deepStrictEqual([addon.addonName, addon.addonVersion], [name, pinned[name]]);
        }
        const cni = inputs(q, T.addon, "apps-vpc-cni");
        assert.deepStrictEqual(JSON.parse(cni.configurationValues as string), {
          enableNetworkPolicy: "true",
        });
        assert.deepStrictEqual(cni.podIdentityAssociations, [
          { serviceAccount: "aws-node", roleArn: q.one(T.role, "apps-vpc-cni-role").outputs.arn },
        ]);
        const csi = inputs(q, T.addon, "apps-aws-ebs-csi-driver");
        assert.deepStrictEqual(csi.podIdentityAssociations, [
          {
            serviceAccount: "ebs-csi-controller-sa",
            roleArn: q.one(T.role, "apps-ebs-csi-role").outputs.arn,
          },
        ]);
        // CoreDNS and the CSI controller are Deployments: they wait for nodes.
        const nodes = q.one(T.nodeGroup, "apps-nodes").urn;
        assert.ok(q.one(T.addon, "apps-coredns").dependencies.includes(nodes));
        // The nodes wait for the network add-ons, or they never become ready.
        assert.ok(q.one(T.nodeGroup, "apps-nodes").dependencies.includes(q.one(T.addon, "apps-vpc-cni").urn));
      });

      it("makes the default StorageClass gp3 encrypted with the key, through the cluster's provider", () => {
        const sc = q.one("kubernetes:storage.k8s.io/v1:StorageClass", "apps-encrypted-gp3");
        const given = reveal<Record<string, unknown>>(sc.inputs);
        assert.strictEqual(given.provisioner, "ebs.csi.aws.com");
        assert.deepStrictEqual(given.parameters, { type: "gp3", encrypted: "true", kmsKeyId: KEY });
        assert.deepStrictEqual((given.metadata as { annotations: object }).annotations, {
          "storageclass.kubernetes.io/is-default-class": "true",
        });
        assert.ok(sc.provider?.startsWith(q.one("pulumi:providers:kubernetes", "apps").urn));
        assert.ok(sc.dependencies.includes(q.one(T.addon, "apps-aws-ebs-csi-driver").urn));
      });

      it("makes each administrator a cluster admin through an access entry", () => {
        const entry = inputs(q, "aws:eks/accessEntry:AccessEntry", "apps-admin-0");
        assert.deepStrictEqual([entry.principalArn, entry.type], [ADMIN, "STANDARD"]);
        const association = inputs(
          q,
          "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
          "apps-admin-0-policy",
        );
        assert.deepStrictEqual(
          [association.policyArn, association.accessScope],
          ["arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", { type: "cluster" }],
        );
      });

      it("protects the cluster, nodes and logs by profile, and tags every child", () => {
        assert.deepStrictEqual(
          protectedNames(q, root),
          p.protect ? ["apps-cluster", "apps-logs", "apps-nodes"] : [],
        );
        const untaggable = new Set([
          ...UNTAGGABLE,
          "aws:kms/grant:Grant",
          "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
          "pulumi:providers:kubernetes",
          "kubernetes:storage.k8s.io/v1:StorageClass",
        ]);
        assertGroundworkTags(q, root, untaggable, {
          environment,
          cloud: "aws",
          component: "aws.KubernetesCluster",
        });
      });
    });
  }

  it("hands out an exec-credential kubeconfig: aws eks get-token, no token, no client certificate", async () => {
    const q = await synthCluster();
    const provider = q.one("pulumi:providers:kubernetes", "apps");
    const config = JSON.parse(String(reveal(provider.inputs.kubeconfig)));
    const user = config.users[0].user;
    assert.deepStrictEqual(Object.keys(user), ["exec"]);
    assert.strictEqual(user.exec.command, "aws");
    assert.deepStrictEqual(user.exec.args, [
      "eks",
      "get-token",
      "--cluster-name",
      "apps",
      "--region",
      "eu-west-1",
      "--output",
      "json",
    ]);
    assert.ok(provider.dependencies.includes(q.one(T.nodeGroup, "apps-nodes").urn));
  });

  it("a public endpoint only from named ranges, recorded as a weakening", async () => {
    const q = await synthCluster({ publicAccessCidrs: ["203.0.113.0/24"] });
    const cluster = inputs(q, T.cluster, "apps-cluster");
    assert.deepStrictEqual(cluster.vpcConfig, {
      subnetIds: NETWORK.privateSubnetIds,
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
    });
    assert.strictEqual((cluster.tags as Record<string, string>)[WEAKENED_TAG], "publicEndpoint");
    assert.deepStrictEqual(q.one(C, "apps").outputs.weakened, ["publicEndpoint"]);
    // The default records nothing.
    const plain = await synthCluster();
    assert.strictEqual(
      (inputs(plain, T.cluster, "apps-cluster").tags as Record<string, string>)[WEAKENED_TAG],
      undefined,
    );
  });

  it("opens 443 on the cluster security group to named private ranges only", async () => {
    const q = await synthCluster({ privateAccessCidrs: ["10.10.0.0/16"] });
    const rule = inputs(q, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "apps-api-0");
    assert.deepStrictEqual(
      [rule.cidrIpv4, rule.ipProtocol, rule.fromPort, rule.toPort],
      ["10.10.0.0/16", "tcp", 443, 443],
    );
  });

  it("prod weakenings are named: fewer nodes, shorter logs, no deletion protection, unprotected", async () => {
    const q = await synthCluster(
      {
        environment: "prod",
        nodes: { min: 1 },
        logRetentionDays: 30,
        deletionProtection: false,
        protect: false,
      },
      "prod",
    );
    assert.deepStrictEqual(q.one(C, "apps").outputs.weakened, [
      "deletionProtection",
      "logRetentionDays",
      "minCapacity",
      "protect",
    ]);
    assert.strictEqual(inputs(q, T.cluster, "apps-cluster").deletionProtection, false);
  });

  it("an older listed minor pins that minor's add-ons", async () => {
    const oldest = EKS_KUBERNETES_VERSIONS[0];
    const q = await synthCluster({ version: oldest });
    assert.strictEqual(
      inputs(q, T.addon, "apps-kube-proxy").addonVersion,
      eksAddonVersions(oldest)["kube-proxy"],
    );
    assert.ok(String(eksAddonVersions(oldest)["kube-proxy"]).startsWith(`v${oldest}.`));
  });

  it("takes an EncryptionKey component and uses its ARN everywhere", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("data", { services: ["logs"] });
      new KubernetesCluster("apps", { ...BASE, encryptionKey: key });
    }, OPTIONS);
    const arn = q.one("aws:kms/key:Key", "data-cmk").outputs.arn;
    assert.deepStrictEqual(inputs(q, T.cluster, "apps-cluster").encryptionConfig, {
      resources: ["secrets"],
      provider: { keyArn: arn },
    });
    assert.strictEqual(inputs(q, T.logGroup, "apps-logs").kmsKeyId, arn);
  });

  it("refuses an EncryptionKey CloudWatch Logs cannot use, before any child of the cluster", async () => {
    const { caught, graph } = await synthCaught(() => {
      new KubernetesCluster("apps", { ...BASE, encryptionKey: new EncryptionKey("k", { services: ["s3"] }) });
    });
    assert.ok(caught instanceof GroundworkInputError);
    assert.strictEqual(caught.field, "encryptionKey");
    assert.match(caught.message, /services including "logs"/);
    assert.deepStrictEqual(
      graph.resources.filter((r) => r.type.startsWith("aws:eks") || r.type === C),
      [],
    );
  });

  it("is a peer: a database lets the pods in by the cluster security group", async () => {
    const { q } = await run(
      () => {
        const cluster = new KubernetesCluster("apps", BASE);
        const db = new PostgresDatabase("db", {
          vpcId: NETWORK.vpcId,
          subnetIds: ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"],
          encryptionKey: KEY,
        });
        db.connections.allowDefaultPortFrom(cluster);
      },
      {
        ...OPTIONS,
        // EKS reports the security group it made for the cluster.
        newResource: ({ type, name, inputs: given }) => ({
          state: {
            name: given.name ?? `${name}-physical`,
            ...(type === T.cluster
              ? { vpcConfig: { ...(given.vpcConfig as object), clusterSecurityGroupId: "sg-0eks" } }
              : {}),
          },
        }),
      },
    );
    const rule = inputs(
      q,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "db-ingress-apps-5432",
    );
    assert.deepStrictEqual([rule.referencedSecurityGroupId, rule.fromPort], ["sg-0eks", 5432]);
    // EKS's group allows all egress already: nothing is added to it.
    assert.deepStrictEqual(q.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), []);
  });

  it("facts/aws/eks.json: each listed minor has a support window in order and every add-on, kube-proxy on its minor", () => {
    assert.ok(EKS_KUBERNETES_VERSIONS.length >= 2, "a version upgrade needs two minors");
    assert.strictEqual(EKS_DEFAULT_VERSION, EKS_KUBERNETES_VERSIONS[EKS_KUBERNETES_VERSIONS.length - 1]);
    for (const v of EKS_KUBERNETES_VERSIONS) {
      const window = eksVersion(v)!;
      assert.ok(
        window.released < window.standardSupportEnds &&
          window.standardSupportEnds < window.extendedSupportEnds,
        v,
      );
      assert.ok(window.source.length > 0, v);
      const addons = eksAddonVersions(v);
      assert.deepStrictEqual(Object.keys(addons).sort(), [...EKS_ADDONS].sort(), v);
      for (const version of Object.values(addons)) assert.match(version, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/, v);
      assert.ok(addons["kube-proxy"].startsWith(`v${v}.`), `kube-proxy ${addons["kube-proxy"]} on ${v}`);
    }
    assert.match(EKS_VERSIONS_SOURCE, /https:\/\/docs\.aws\.amazon\.com\/eks\//);
  });

  describe("documents", () => {
    it("Pod Identity roles may tag the session; others only assume", () => {
      assert.deepStrictEqual(serviceTrustPolicy("pods.eks.amazonaws.com").Statement[0].Action, [
        "sts:AssumeRole",
        "sts:TagSession",
      ]);
      assert.strictEqual(serviceTrustPolicy("ec2.amazonaws.com").Statement[0].Action, "sts:AssumeRole");
    });
    it("the kubeconfig names the cluster's CA and endpoint", () => {
      const config = JSON.parse(
        kubeconfig({ name: "c", endpoint: "https://x", certificateAuthority: "Q0E=", region: "r" }),
      );
      assert.deepStrictEqual(config.clusters[0].cluster, {
        server: "https://x",
        "certificate-authority-data": "Q0E=",
      });
      assert.strictEqual(config["current-context"], "c");
    });
  });

  const bad =
    (args: Partial<KubernetesClusterArgs> & Record<string, unknown>, name = "apps") =>
    () =>
      new KubernetesCluster(name, { ...BASE, ...args } as KubernetesClusterArgs);
  rejectsInputs("aws.KubernetesCluster", [
    [bad({ version: "1.20" }), "version", "1.20", /one of 1\.\d+/],
    [bad({ administrators: undefined as never }), "administrators", "undefined", /IAM role or user ARNs/],
    [bad({ administrators: [] }), "administrators", "[]", /between 1 and 20|1 to 20|at least 1/],
    [
      bad({ administrators: ["arn:aws:iam::123456789012:root"] }),
      "administrators[0]",
      "root",
      "an IAM role or user ARN",
    ],
    [bad({ publicAccessCidrs: ["0.0.0.0/0"] }), "publicAccessCidrs[0]", "0.0.0.0/0", "your networks' ranges"],
    [bad({ privateAccessCidrs: ["10.0.0.0/33"] }), "privateAccessCidrs[0]", "10.0.0.0/33", "a.b.c.d/n"],
    [bad({ nodes: { min: 4, max: 2 } }), "nodes.max", "2", "at least 4"],
    [bad({ nodes: { instanceType: "large" } }), "nodes.instanceType", "large", /family\.size/],
    [bad({ nodes: { minimum: 2 } as never }), "nodes.minimum", "minimum", /min/, "an unknown node key"],
    [
      bad({ endpointPublicAccess: true }),
      "endpointPublicAccess",
      "endpointPublicAccess",
      /publicAccessCidrs|privateAccessCidrs|./,
      "an unknown key",
    ],
    [bad({ encryptionKey: undefined as never }), "encryptionKey", "undefined", /EncryptionKey/],
    [
      bad({}, "apps.prod"),
      "name",
      "apps.prod",
      /letters, digits, hyphens and underscores/,
      "a name EKS refuses",
    ],
    [
      bad({ network: { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b"] } }),
      "vpcId",
      "vpc-1",
      /VPC id/,
    ],
  ]);
});
