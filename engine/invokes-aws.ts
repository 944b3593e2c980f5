// Offline answers to AWS invokes: computed where the provider computes them without AWS (policy documents,
// partitions, public account tables), shaped like AWS's answer where only an account knows it (the default
// VPC, lookups by name). Rows are rendered into docs/offline-answers.md.
import {
  FAKE_AWS_ACCOUNT,
  awsDnsSuffix,
  InvokeContext,
  NoAnswer,
  argString,
  awsPartition,
  awsRegion,
  fakeAmiId,
  secret,
  stableHex,
  stableKey,
  stableJson,
  stableUuid,
} from "./invoke-context";
import { PolicyDocumentError, policyDocument } from "./policy-document";
import { AWS_NETWORK_ANSWERS } from "./invokes-aws-network";
import { availabilityZones } from "./zones";
import type { OfflineAnswer } from "./invokes";

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
    // Amazon Linux 2023 images require IMDSv2 (`imdsSupport: v2.0`); older images leave it to the instance.
    imdsSupport: /al2023/.test(stableJson(ctx.args)) ? "v2.0" : "",
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
    proxyEndpoint: `https://${registryId}.dkr.ecr.${region}.${awsDnsSuffix(awsPartition(region))}`,
    expiresAt: "2030-01-01T00:00:00Z",
  };
}

/** The built-in AWS rows. */
export const AWS_ANSWERS: readonly OfflineAnswer[] = [
  ...AWS_NETWORK_ANSWERS,
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
      const endpoint = `ec2.${region}.${awsDnsSuffix(awsPartition(region))}`;
      return { id: region, name: region, region, description: region, endpoint };
    },
  },
  {
    token: "aws:index/getPartition:getPartition",
    fidelity: "computed",
    answer: "aws, aws-cn (cn-* regions) or aws-us-gov (us-gov-* regions), with its DNS suffix",
    handler: (ctx) => {
      const partition = awsPartition(awsRegion(ctx));
      return {
        id: partition,
        partition,
        dnsSuffix: awsDnsSuffix(partition),
        reverseDnsPrefix: "com.amazonaws",
      };
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
      "a stable fake id, `ami-` and 17 hex digits of a hash of the region and the query; `imdsSupport: v2.0` (IMDSv2 required) for Amazon Linux 2023 queries, as those images set it",
    handler: ami,
  },
  {
    token: "aws:ec2/getAmiIds:getAmiIds",
    fidelity: "shaped",
    answer: "one id, the one `getAmi` gives for the same query",
    handler: (ctx) => ({ ...ctx.args, id: awsRegion(ctx), ids: [fakeAmiId(awsRegion(ctx), ctx.args)] }),
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
