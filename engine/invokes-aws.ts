// Offline answers to AWS invokes: computed where the provider computes them without AWS (policy documents,
// partitions, public account tables), shaped like AWS's answer where only an account knows it (the default
// VPC, lookups by name). Rows are rendered into docs/offline-answers.md.
import {
  FAKE_AWS_ACCOUNT,
  InvokeContext,
  NoAnswer,
  argString,
  awsPartition,
  awsRegion,
  fakeAmiId,
  secret,
  stableHex,
  stableKey,
  stableUuid,
} from "./invoke-context";
import { PolicyDocumentError, policyDocument } from "./policy-document";
import { availabilityZones, zonesOf } from "./zones";
import type { OfflineAnswer } from "./invokes";

const dnsSuffix = (partition: string): string =>
  partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

function arnPrefix(ctx: InvokeContext, service: string, regional = true): string {
  const region = awsRegion(ctx);
  return `arn:${awsPartition(region)}:${service}:${regional ? region : ""}:${FAKE_AWS_ACCOUNT}`;
}

/**
 * The account Elastic Load Balancing writes access logs from, per region, as listed in
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 * (terraform-provider-aws keeps the same map in internal/service/elb/service_account_data_source.go).
 */
export const ELB_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "af-south-1": "098369216593",
  "ap-east-1": "754344448648",
  "ap-south-1": "718504428378",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-northeast-3": "383597477331",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-southeast-3": "589379963580",
  "ca-central-1": "985666609251",
  "eu-central-1": "054676820928",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-south-1": "635631232127",
  "eu-north-1": "897822967062",
  "me-south-1": "076674570225",
  "sa-east-1": "507241528517",
  "us-gov-west-1": "048591011584",
  "us-gov-east-1": "190560391635",
  "cn-north-1": "638102146993",
  "cn-northwest-1": "037604701340",
};

function ami(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const id = fakeAmiId(region, ctx.args);
  const owners = Array.isArray(ctx.args.owners) ? (ctx.args.owners as unknown[]) : [];
  return {
    ...ctx.args,
    id,
    imageId: id,
    arn: `arn:${awsPartition(region)}:ec2:${region}::image/${id}`,
    architecture: "x86_64",
    name: `groundwork-offline-${id.slice(4, 12)}`,
    ownerId: typeof owners[0] === "string" ? owners[0] : FAKE_AWS_ACCOUNT,
    rootDeviceName: "/dev/xvda",
    rootDeviceType: "ebs",
    virtualizationType: "hvm",
    state: "available",
    imdsSupport: "v2.0",
  };
}

/** The filter values a lookup gave for `name` (EC2's `filters: [{ name, values }]`). */
function filterValues(ctx: InvokeContext, name: string): string[] {
  const filters = Array.isArray(ctx.args.filters) ? (ctx.args.filters as Record<string, unknown>[]) : [];
  const hit = filters.find((f) => f.name === name);
  return Array.isArray(hit?.values) ? (hit.values as unknown[]).map(String) : [];
}

/** The default VPC's id in the region: the one every account has, 172.31.0.0/16. */
const defaultVpcId = (region: string): string => `vpc-${stableHex(17, "default-vpc", region)}`;

/** Whether a VPC lookup asks for the default VPC (`default: true`, or a filter on `isDefault`). */
function asksDefault(ctx: InvokeContext): boolean {
  return (
    ctx.args.default === true ||
    filterValues(ctx, "isDefault").includes("true") ||
    Object.keys(ctx.args).length === 0
  );
}

function vpc(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const isDefault = asksDefault(ctx);
  const id =
    argString(ctx, "id") ?? (isDefault ? defaultVpcId(region) : `vpc-${stableHex(17, region, ctx.args)}`);
  const cidrBlock = isDefault ? "172.31.0.0/16" : "10.0.0.0/16";
  return {
    ...ctx.args,
    id,
    arn: `${arnPrefix(ctx, "ec2")}:vpc/${id}`,
    cidrBlock,
    default: isDefault,
    enableDnsHostnames: isDefault,
    enableDnsSupport: true,
    instanceTenancy: "default",
    ownerId: FAKE_AWS_ACCOUNT,
    state: "available",
    mainRouteTableId: `rtb-${stableHex(17, "main", id)}`,
    dhcpOptionsId: `dopt-${stableHex(17, region)}`,
    cidrBlockAssociations: [
      { associationId: `vpc-cidr-assoc-${stableHex(17, id)}`, cidrBlock, state: "associated" },
    ],
    tags: ctx.args.tags ?? {},
  };
}

/** One subnet per zone: in the default VPC, the default subnets AWS creates (a /20 each, public IPs on launch). */
function subnetsOf(
  ctx: InvokeContext,
): { id: string; zone: string; zoneId: string; cidr: string; vpcId: string; isDefault: boolean }[] {
  const region = awsRegion(ctx);
  const vpcIds = filterValues(ctx, "vpc-id");
  const vpcId = vpcIds[0] ?? argString(ctx, "vpcId") ?? defaultVpcId(region);
  const isDefault = vpcId === defaultVpcId(region) || filterValues(ctx, "default-for-az").includes("true");
  return zonesOf(region).map((z, i) => ({
    id: `subnet-${stableHex(17, vpcId, z.name, isDefault ? "" : ctx.args)}`,
    zone: z.name,
    zoneId: z.zoneId,
    cidr: isDefault ? `172.31.${i * 16}.0/20` : `10.0.${i * 16}.0/20`,
    vpcId,
    isDefault,
  }));
}

function subnet(ctx: InvokeContext): Record<string, unknown> {
  const all = subnetsOf(ctx);
  const id = argString(ctx, "id");
  const zone = argString(ctx, "availabilityZone") ?? filterValues(ctx, "availability-zone")[0];
  const s = all.find((x) => x.id === id || x.zone === zone) ?? all[0];
  return {
    ...ctx.args,
    id: id ?? s.id,
    arn: `${arnPrefix(ctx, "ec2")}:subnet/${id ?? s.id}`,
    availabilityZone: s.zone,
    availabilityZoneId: s.zoneId,
    cidrBlock: s.cidr,
    defaultForAz: s.isDefault,
    mapPublicIpOnLaunch: s.isDefault,
    vpcId: s.vpcId,
    ownerId: FAKE_AWS_ACCOUNT,
    state: "available",
    availableIpAddressCount: 4091,
    tags: ctx.args.tags ?? {},
  };
}

/** An AMI-shaped public parameter: its last segment names an image (`image_id`, `ami-id`, or Amazon Linux's names). */
const AMI_PARAMETER = /\/(image_id|ami-id)$|^\/aws\/service\/(ami-amazon-linux-latest|ami-windows-latest)\//;

function ssmParameter(ctx: InvokeContext): Record<string, unknown> {
  const name = argString(ctx, "name") ?? "";
  const region = awsRegion(ctx);
  if (!name.startsWith("/aws/service/"))
    throw new NoAnswer(
      `the value of SSM parameter ${name || "(unnamed)"} lives in the account; pin it with --invokes FILE`,
    );
  let value: string;
  if (AMI_PARAMETER.test(name)) value = fakeAmiId(region, { ssmParameter: name });
  else if (/\/recommended$/.test(name)) {
    const imageId = fakeAmiId(region, { ssmParameter: `${name}/image_id` });
    value = JSON.stringify({
      image_id: imageId,
      image_name: `groundwork-offline-${imageId.slice(4, 12)}`,
      schema_version: 1,
    });
  } else if (/\/release_version$/.test(name)) value = "1.31.0-20250101";
  else value = `offline-${stableHex(8, name)}`;
  return {
    ...ctx.args,
    id: name,
    name,
    arn: `arn:${awsPartition(region)}:ssm:${region}::parameter${name}`,
    type: "String",
    value,
    insecureValue: value,
    version: 1,
    withDecryption: true,
  };
}

function route53Zone(ctx: InvokeContext): Record<string, unknown> {
  const name = (argString(ctx, "name") ?? "example.com").replace(/\.$/, "");
  const privateZone = ctx.args.privateZone === true;
  const zoneId = argString(ctx, "zoneId") ?? `Z0${stableHex(19, name, privateZone).toUpperCase()}`;
  const n = Number.parseInt(stableHex(4, zoneId), 16);
  const nameServers = privateZone
    ? []
    : [
        `ns-${n % 2048}.awsdns-${n % 64}.org`,
        `ns-${(n >> 2) % 2048}.awsdns-${(n >> 2) % 64}.co.uk`,
        `ns-${(n >> 4) % 2048}.awsdns-${(n >> 4) % 64}.com`,
        `ns-${(n >> 6) % 2048}.awsdns-${(n >> 6) % 64}.net`,
      ];
  return {
    ...ctx.args,
    id: zoneId,
    zoneId,
    name,
    arn: `arn:${awsPartition(awsRegion(ctx))}:route53:::hostedzone/${zoneId}`,
    privateZone,
    nameServers,
    primaryNameServer: nameServers[0] ?? "",
    callerReference: stableUuid(zoneId),
    comment: "",
    resourceRecordSetCount: 2,
    linkedServiceDescription: "",
    linkedServicePrincipal: "",
    tags: ctx.args.tags ?? {},
  };
}

function ecrToken(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const registryId = argString(ctx, "registryId") ?? FAKE_AWS_ACCOUNT;
  const password = stableKey(96, "ecr", registryId, region);
  return {
    ...ctx.args,
    id: region,
    registryId,
    userName: "AWS",
    password: secret(password),
    authorizationToken: secret(Buffer.from(`AWS:${password}`).toString("base64")),
    proxyEndpoint: `https://${registryId}.dkr.ecr.${region}.${dnsSuffix(awsPartition(region))}`,
    expiresAt: "2030-01-01T00:00:00Z",
  };
}

function loadBalancer(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const name = argString(ctx, "name") ?? `lb-${stableHex(8, ctx.args)}`;
  const arn =
    argString(ctx, "arn") ??
    `${arnPrefix(ctx, "elasticloadbalancing")}:loadbalancer/app/${name}/${stableHex(16, name)}`;
  return {
    ...ctx.args,
    id: arn,
    arn,
    arnSuffix: arn.split(":loadbalancer/")[1] ?? name,
    name,
    dnsName: `${name}-${Number.parseInt(stableHex(8, name), 16)}.${region}.elb.${dnsSuffix(awsPartition(region))}`,
    zoneId: "Z35SXDOTRQ7X7K",
    loadBalancerType: "application",
    internal: false,
    securityGroups: [`sg-${stableHex(17, arn)}`],
    subnets: subnetsOf(ctx).map((s) => s.id),
    vpcId: defaultVpcId(region),
  };
}

/** The built-in AWS rows. */
export const AWS_ANSWERS: readonly OfflineAnswer[] = [
  {
    token: "aws:iam/getPolicyDocument:getPolicyDocument",
    fidelity: "computed",
    answer:
      "the document built as the provider builds it: statements, principals, conditions, `sourcePolicyDocuments` and `overridePolicyDocuments` merged by Sid, `json` (indented) and `minifiedJson`",
    handler: (ctx) => {
      try {
        return policyDocument(ctx.args);
      } catch (err) {
        // The provider refuses these arguments: so does the engine, with the provider's message.
        if (err instanceof PolicyDocumentError) throw new Error(`aws:iam/getPolicyDocument: ${err.message}`);
        throw err;
      }
    },
  },
  {
    token: "aws:index/getAvailabilityZones:getAvailabilityZones",
    fidelity: "public data",
    answer: "the region's real zone names and ids (table below); `excludeNames` and `excludeZoneIds` apply",
    handler: (ctx) => availabilityZones(awsRegion(ctx), ctx.args),
  },
  {
    token: "aws:index/getCallerIdentity:getCallerIdentity",
    fidelity: "shaped",
    answer: `account ${FAKE_AWS_ACCOUNT}, an assumed-role ARN in the region's partition`,
    handler: (ctx) => ({
      id: FAKE_AWS_ACCOUNT,
      accountId: FAKE_AWS_ACCOUNT,
      arn: `arn:${awsPartition(awsRegion(ctx))}:sts::${FAKE_AWS_ACCOUNT}:assumed-role/groundwork-ci/offline`,
      userId: "AROAEXAMPLEOFFLINE:offline",
    }),
  },
  {
    token: "aws:index/getRegion:getRegion",
    fidelity: "config",
    answer: "the asked region, else the provider's `region`, else `aws:region`, else us-east-1",
    handler: (ctx) => {
      const region = argString(ctx, "region") ?? argString(ctx, "name") ?? awsRegion(ctx);
      const endpoint = `ec2.${region}.${dnsSuffix(awsPartition(region))}`;
      return { id: region, name: region, region, description: region, endpoint };
    },
  },
  {
    token: "aws:index/getPartition:getPartition",
    fidelity: "computed",
    answer: "aws, aws-cn (cn-* regions) or aws-us-gov (us-gov-* regions), with its DNS suffix",
    handler: (ctx) => {
      const partition = awsPartition(awsRegion(ctx));
      return { id: partition, partition, dnsSuffix: dnsSuffix(partition), reverseDnsPrefix: "com.amazonaws" };
    },
  },
  {
    token: "aws:index/getDefaultTags:getDefaultTags",
    fidelity: "config",
    answer: "the provider's `defaultTags.tags` (else `aws:defaultTags`), else none",
    handler: (ctx) => {
      const raw = ctx.providerInputs?.defaultTags ?? ctx.config["aws:defaultTags"];
      const parsed =
        typeof raw === "string"
          ? (JSON.parse(raw) as Record<string, unknown>)
          : (raw as Record<string, unknown> | undefined);
      return { id: "aws", tags: (parsed?.tags as Record<string, string> | undefined) ?? {} };
    },
  },
  {
    token: "aws:ec2/getAmi:getAmi",
    fidelity: "shaped",
    answer:
      "a stable fake id, `ami-` and 17 hex digits of a hash of the region and the query; IMDSv2 required (`imdsSupport: v2.0`)",
    handler: ami,
  },
  {
    token: "aws:ec2/getAmiIds:getAmiIds",
    fidelity: "shaped",
    answer: "one id, the one `getAmi` gives for the same query",
    handler: (ctx) => ({ ...ctx.args, id: awsRegion(ctx), ids: [fakeAmiId(awsRegion(ctx), ctx.args)] }),
  },
  {
    token: "aws:ec2/getVpc:getVpc",
    fidelity: "shaped",
    answer:
      "the default VPC (172.31.0.0/16, DNS hostnames on) for `default: true`; any other lookup a VPC with the asked id (else a stable fake one) and 10.0.0.0/16",
    handler: vpc,
  },
  {
    token: "aws:ec2/getSubnets:getSubnets",
    fidelity: "shaped",
    answer:
      "one subnet per availability zone of the region (the zone table below) in the `vpc-id` filter's VPC; in the default VPC, its default subnets",
    handler: (ctx) => ({ ...ctx.args, id: awsRegion(ctx), ids: subnetsOf(ctx).map((s) => s.id) }),
  },
  {
    token: "aws:ec2/getSubnet:getSubnet",
    fidelity: "shaped",
    answer:
      "the asked subnet (by id or zone) of the same set: a /20 per zone; default subnets (172.31.x.0/20) map public IPs on launch, as AWS's do",
    handler: subnet,
  },
  {
    token: "aws:ec2/getSecurityGroup:getSecurityGroup",
    fidelity: "shaped",
    answer: "a group with the asked id or name (else `default`) in the asked VPC (else the default VPC)",
    handler: (ctx) => {
      const vpcId = argString(ctx, "vpcId") ?? filterValues(ctx, "vpc-id")[0] ?? defaultVpcId(awsRegion(ctx));
      const name = argString(ctx, "name") ?? filterValues(ctx, "group-name")[0] ?? "default";
      const id = argString(ctx, "id") ?? `sg-${stableHex(17, vpcId, name)}`;
      return {
        ...ctx.args,
        id,
        name,
        vpcId,
        arn: `${arnPrefix(ctx, "ec2")}:security-group/${id}`,
        description: name,
        tags: ctx.args.tags ?? {},
      };
    },
  },
  {
    token: "aws:ec2/getRouteTables:getRouteTables",
    fidelity: "shaped",
    answer: "one route table per subnet of `getSubnets` for the same VPC",
    handler: (ctx) => ({
      ...ctx.args,
      id: awsRegion(ctx),
      ids: subnetsOf(ctx).map((s) => `rtb-${stableHex(17, s.id)}`),
    }),
  },
  {
    token: "aws:ec2/getRouteTable:getRouteTable",
    fidelity: "shaped",
    answer: "the asked table (by id, subnet or VPC), with a local route only",
    handler: (ctx) => {
      const vpcId = argString(ctx, "vpcId") ?? defaultVpcId(awsRegion(ctx));
      const id =
        argString(ctx, "routeTableId") ?? `rtb-${stableHex(17, argString(ctx, "subnetId") ?? vpcId)}`;
      return {
        ...ctx.args,
        id,
        routeTableId: id,
        vpcId,
        arn: `${arnPrefix(ctx, "ec2")}:route-table/${id}`,
        ownerId: FAKE_AWS_ACCOUNT,
        routes: [],
        associations: [],
        tags: ctx.args.tags ?? {},
      };
    },
  },
  {
    token: "aws:ssm/getParameter:getParameter",
    fidelity: "shaped",
    answer:
      "public `/aws/service/…` parameters only: AMI parameters (`…/image_id`, `…/ami-id`, `ami-amazon-linux-latest/…`) a stable fake AMI id, `…/recommended` its JSON; any other name is the account's own value: **incomplete**",
    handler: ssmParameter,
  },
  {
    token: "aws:route53/getZone:getZone",
    fidelity: "shaped",
    answer:
      "the asked zone: a stable `Z0…` id, the name without its trailing dot, four awsdns name servers (none for a private zone)",
    handler: route53Zone,
  },
  {
    token: "aws:ecr/getAuthorizationToken:getAuthorizationToken",
    fidelity: "shaped",
    answer: "user `AWS`, a password and token as **secrets**, the registry's endpoint",
    handler: ecrToken,
  },
  {
    token: "aws:ecr/getCredentials:getCredentials",
    fidelity: "shaped",
    answer: "a token as a **secret** and the registry's endpoint",
    handler: (ctx) => {
      const t = ecrToken(ctx);
      return {
        ...ctx.args,
        id: t.registryId,
        authorizationToken: t.authorizationToken,
        proxyEndpoint: t.proxyEndpoint,
        expiresAt: t.expiresAt,
      };
    },
  },
  {
    token: "aws:elb/getServiceAccount:getServiceAccount",
    fidelity: "public data",
    answer:
      "the region's Elastic Load Balancing account, from AWS's published table (26 regions); another region is **incomplete**",
    handler: (ctx) => {
      const region = argString(ctx, "region") ?? awsRegion(ctx);
      const account = ELB_ACCOUNTS[region];
      if (!account) throw new NoAnswer(`no Elastic Load Balancing account is known for region ${region}`);
      return { id: account, arn: `arn:${awsPartition(region)}:iam::${account}:root`, region };
    },
  },
  {
    token: "aws:lb/getLoadBalancer:getLoadBalancer",
    fidelity: "shaped",
    answer:
      "an application load balancer with the asked name or ARN, a DNS name in the region, in the default VPC",
    handler: loadBalancer,
  },
  {
    token: "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider",
    fidelity: "shaped",
    answer: "the provider for the asked URL (or ARN), audience `sts.amazonaws.com`",
    handler: (ctx) => {
      const url = (argString(ctx, "url") ?? `oidc.${stableHex(8, ctx.args)}.example`).replace(
        /^https:\/\//,
        "",
      );
      const arn = argString(ctx, "arn") ?? `${arnPrefix(ctx, "iam", false)}:oidc-provider/${url}`;
      return {
        ...ctx.args,
        id: arn,
        arn,
        url,
        clientIdLists: ["sts.amazonaws.com"],
        thumbprintLists: [stableHex(40, url)],
        tags: {},
      };
    },
  },
  {
    token: "aws:eks/getAddonVersion:getAddonVersion",
    fidelity: "shaped",
    answer: "version `v1.0.0-eksbuild.1` of the asked add-on for the asked Kubernetes version",
    handler: (ctx) => ({
      ...ctx.args,
      id: argString(ctx, "addonName") ?? "addon",
      version: "v1.0.0-eksbuild.1",
    }),
  },
  {
    token: "aws:acm/getCertificate:getCertificate",
    fidelity: "shaped",
    answer: "an issued certificate for the asked domain, with a stable ARN",
    handler: (ctx) => {
      const domain = argString(ctx, "domain") ?? "example.com";
      const arn = `${arnPrefix(ctx, "acm")}:certificate/${stableUuid(domain)}`;
      return { ...ctx.args, id: arn, arn, domain, status: "ISSUED", keyTypes: ["RSA_2048"], tags: {} };
    },
  },
  {
    token: "aws:iam/getRole:getRole",
    fidelity: "shaped",
    answer: "the asked role's ARN, id and name; its policies are the account's: the trust policy is empty",
    handler: (ctx) => {
      const name = argString(ctx, "name") ?? "role";
      return {
        ...ctx.args,
        id: name,
        name,
        arn: `${arnPrefix(ctx, "iam", false)}:role/${name}`,
        uniqueId: `AROA${stableHex(17, name).toUpperCase()}`,
        path: "/",
        assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}',
        tags: {},
      };
    },
  },
  {
    token: "aws:kms/getAlias:getAlias",
    fidelity: "shaped",
    answer: "the alias's ARN and the stable id and ARN of the key it names",
    handler: (ctx) => {
      const name = argString(ctx, "name") ?? "alias/aws/s3";
      const keyId = stableUuid("kms", name);
      return {
        ...ctx.args,
        id: name,
        name,
        arn: `${arnPrefix(ctx, "kms")}:${name}`,
        targetKeyId: keyId,
        targetKeyArn: `${arnPrefix(ctx, "kms")}:key/${keyId}`,
      };
    },
  },
  {
    token: "aws:secretsmanager/getSecretVersion:getSecretVersion",
    fidelity: "shaped",
    answer: "the secret's value as a **secret** (a stable placeholder) and its ARN",
    handler: (ctx) => {
      const id = argString(ctx, "secretId") ?? "secret";
      const arn = id.startsWith("arn:")
        ? id
        : `${arnPrefix(ctx, "secretsmanager")}:secret:${id}-${stableHex(6, id)}`;
      return {
        ...ctx.args,
        id: `${arn}|AWSCURRENT`,
        arn,
        secretString: secret(`offline-${stableHex(16, arn)}`),
        versionId: stableUuid(arn),
        versionStages: ["AWSCURRENT"],
      };
    },
  },
];
