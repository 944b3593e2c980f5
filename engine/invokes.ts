// Answers to the data-source calls (invokes) that programs and components make, so an offline synth
// sees the values a real account would return. Region and project follow the stack config, or the
// explicit provider's inputs when the invoke goes through one. One row per token: the row's `answer`
// is what docs/offline-answers.md says, and that page is generated from these rows.
import { createHash } from "crypto";
import { parseAllDocuments } from "yaml";
import { IncompleteKind } from "./graph";
import { helmOnPath, helmTemplate } from "./helm";
import { availabilityZones } from "./zones";

/** What an invoke handler is told. */
export interface InvokeContext {
  readonly token: string;
  readonly args: Record<string, unknown>;
  /** Stack config (`aws:region` …), merged with the inputs of the explicit provider, if any. */
  readonly config: Record<string, unknown>;
  /** Inputs of the explicit provider the invoke went through, if any. */
  readonly providerInputs?: Record<string, unknown>;
}

/** An invoke handler: returns the invoke's result object, or throws {@link NoAnswer} to decline. */
export type InvokeHandler = (ctx: InvokeContext) => Record<string, unknown>;

/**
 * Thrown by a handler that cannot answer offline. The engine records the invoke as incomplete and hands
 * the program `result` (an empty object unless said otherwise) so that it runs on and the rest of it is
 * still registered and checked.
 */
export class NoAnswer extends Error {
  constructor(
    readonly reason: string,
    readonly kind: IncompleteKind = "invoke",
    readonly result: Record<string, unknown> = {},
  ) {
    super(reason);
    this.name = "NoAnswer";
  }
}

/** The account id the engine reports for AWS. */
export const FAKE_AWS_ACCOUNT = "123456789012";
/** The Google Cloud project the engine reports, and its number. */
export const FAKE_GCP_PROJECT = "groundwork-offline";
export const FAKE_GCP_PROJECT_NUMBER = "123456789012";
/** The Azure subscription and tenant the engine reports. */
export const FAKE_AZURE_SUBSCRIPTION = "00000000-0000-4000-8000-000000000001";
export const FAKE_AZURE_TENANT = "00000000-0000-4000-8000-000000000002";

function setting(ctx: InvokeContext, providerKey: string, configKey: string, fallback: string): string {
  const fromProvider = ctx.providerInputs?.[providerKey];
  if (typeof fromProvider === "string" && fromProvider) return fromProvider;
  const fromConfig = ctx.config[configKey];
  return typeof fromConfig === "string" && fromConfig ? fromConfig : fallback;
}

/** The AWS region in effect for an invoke. */
export function awsRegion(ctx: InvokeContext): string {
  return setting(ctx, "region", "aws:region", "us-east-1");
}

/** The partition a region belongs to, as AWS names it. */
export const awsPartition = (region: string): string =>
  region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";

/** JSON with sorted keys: the same query always hashes the same, whatever order its fields came in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A stable fake AMI id for a query: `ami-` and 17 hex digits of its hash, as real AMI ids are shaped. */
export function fakeAmiId(region: string, args: Record<string, unknown>): string {
  return `ami-${createHash("sha256")
    .update(`${region}|${stableJson(args)}`)
    .digest("hex")
    .slice(0, 17)}`;
}

/** Every document of a (multi-document) YAML text, as the Kubernetes provider's decode returns them. */
export function decodeYaml(text: string): unknown[] {
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0].message}`);
    const value: unknown = doc.toJS();
    // Empty documents (`---` at the end, comments only) are skipped, as the provider skips them.
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function ami(ctx: InvokeContext): Record<string, unknown> {
  const region = awsRegion(ctx);
  const id = fakeAmiId(region, ctx.args);
  const owners = Array.isArray(ctx.args.owners) ? (ctx.args.owners as unknown[]) : [];
  return {
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
  };
}

function helmChart(ctx: InvokeContext): Record<string, unknown> {
  const helm = helmOnPath();
  const empty = { result: [] };
  if (!helm) throw new NoAnswer("no `helm` binary on PATH to render the chart", "helm-template", empty);
  try {
    return { result: decodeYaml(helmTemplate(helm, String(ctx.args.jsonOpts ?? "{}"), process.cwd())) };
  } catch (err) {
    const e = err as Error & { stderr?: string };
    const detail = (e.stderr || e.message).trim().split("\n").slice(-3).join(" ");
    throw new NoAnswer(`helm template failed: ${detail}`, "helm-template", empty);
  }
}

/** One built-in answer: the token, what it answers (for the documentation) and the handler. */
export interface OfflineAnswer {
  readonly token: string;
  readonly answer: string;
  readonly handler: InvokeHandler;
}

/** The built-in answers, one row per token. */
export const OFFLINE_ANSWERS: readonly OfflineAnswer[] = [
  {
    token: "aws:index/getAvailabilityZones:getAvailabilityZones",
    answer: "the region's real zone names and ids (table below); `excludeNames` and `excludeZoneIds` apply",
    handler: (ctx) => availabilityZones(awsRegion(ctx), ctx.args),
  },
  {
    token: "aws:index/getCallerIdentity:getCallerIdentity",
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
    answer: "the provider's `region`, else `aws:region`, else us-east-1",
    handler: (ctx) => {
      const region = awsRegion(ctx);
      const endpoint = `ec2.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}`;
      return { id: region, name: region, region, description: region, endpoint };
    },
  },
  {
    token: "aws:index/getPartition:getPartition",
    answer: "aws, aws-cn (cn-* regions) or aws-us-gov (us-gov-* regions), with its DNS suffix",
    handler: (ctx) => {
      const partition = awsPartition(awsRegion(ctx));
      const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
      return { id: partition, partition, dnsSuffix, reverseDnsPrefix: "com.amazonaws" };
    },
  },
  {
    token: "aws:ec2/getAmi:getAmi",
    answer: "a stable fake id, `ami-` and 17 hex digits of a hash of the region and the query",
    handler: ami,
  },
  {
    token: "aws:elb/getServiceAccount:getServiceAccount",
    answer: "the us-east-1 ELB account (127311923021)",
    handler: () => ({ id: "127311923021", arn: "arn:aws:iam::127311923021:root" }),
  },
  {
    token: "gcp:organizations/getProject:getProject",
    answer: `the provider's or \`gcp:project\`'s project, else ${FAKE_GCP_PROJECT}`,
    handler: (ctx) => {
      const project = setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT);
      return {
        id: `projects/${project}`,
        projectId: project,
        number: FAKE_GCP_PROJECT_NUMBER,
        name: project,
      };
    },
  },
  {
    token: "gcp:organizations/getClientConfig:getClientConfig",
    answer: "the project, region (else europe-west1) and zone (else europe-west1-b) in effect",
    handler: (ctx) => ({
      id: "offline",
      project: setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT),
      region: setting(ctx, "region", "gcp:region", "europe-west1"),
      zone: setting(ctx, "zone", "gcp:zone", "europe-west1-b"),
      accessToken: "offline-token",
    }),
  },
  {
    token: "gcp:storage/getProjectServiceAccount:getProjectServiceAccount",
    answer:
      "the Cloud Storage service agent of the project's number, `service-<number>@gs-project-accounts.iam.gserviceaccount.com`",
    handler: (ctx) => {
      const project = setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT);
      const email = `service-${FAKE_GCP_PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`;
      return { id: email, emailAddress: email, member: `serviceAccount:${email}`, project };
    },
  },
  {
    token: "gcp:compute/getZones:getZones",
    answer: "zones b, c and d of the asked (or configured) region",
    handler: (ctx) => {
      const region = (ctx.args.region as string) || setting(ctx, "region", "gcp:region", "europe-west1");
      const names = ["b", "c", "d"].map((z) => `${region}-${z}`);
      return { id: region, region, project: FAKE_GCP_PROJECT, names };
    },
  },
  {
    token: "azure-native:authorization:getClientConfig",
    answer: `subscription ${FAKE_AZURE_SUBSCRIPTION}, tenant ${FAKE_AZURE_TENANT}`,
    handler: () => ({
      clientId: "00000000-0000-4000-8000-000000000003",
      objectId: "00000000-0000-4000-8000-000000000004",
      subscriptionId: FAKE_AZURE_SUBSCRIPTION,
      tenantId: FAKE_AZURE_TENANT,
    }),
  },
  {
    token: "kubernetes:yaml:decode",
    answer: "the text parsed offline, every document (`yaml.ConfigFile` v1, `ConfigGroup`)",
    handler: (ctx) => ({ result: decodeYaml(String(ctx.args.text ?? "")) }),
  },
  {
    token: "kubernetes:helm:template",
    answer: "the chart rendered by `helm template` when `helm` is on PATH; **incomplete** otherwise",
    handler: helmChart,
  },
];

/** The built-in answers, by invoke token. */
export const DEFAULT_INVOKES: Readonly<Record<string, InvokeHandler>> = Object.fromEntries(
  OFFLINE_ANSWERS.map((a) => [a.token, a.handler]),
);
