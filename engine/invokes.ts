// Realistic answers to the data-source calls (invokes) that programs and components make, so an
// offline synth sees the values a real account would return. Region and project follow the stack
// config, or the explicit provider's inputs when the invoke goes through one.

/** What an invoke handler is told. */
export interface InvokeContext {
  readonly token: string;
  readonly args: Record<string, unknown>;
  /** Stack config (`aws:region` …), merged with the inputs of the explicit provider, if any. */
  readonly config: Record<string, unknown>;
  /** Inputs of the explicit provider the invoke went through, if any. */
  readonly providerInputs?: Record<string, unknown>;
}

/** An invoke handler: returns the invoke's result object. */
export type InvokeHandler = (ctx: InvokeContext) => Record<string, unknown>;

/** The account id the engine reports for AWS. */
export const FAKE_AWS_ACCOUNT = "123456789012";
/** The Google Cloud project the engine reports. */
export const FAKE_GCP_PROJECT = "groundwork-offline";
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

const awsPartition = (region: string): string =>
  region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";

/** The built-in answers, by invoke token. */
export const DEFAULT_INVOKES: Readonly<Record<string, InvokeHandler>> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": (ctx) => {
    const region = awsRegion(ctx);
    const letters = ["a", "b", "c", "d", "e", "f"];
    return {
      id: region,
      names: letters.map((l) => `${region}${l}`),
      zoneIds: letters.map((_, i) => `${region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
      groupNames: letters.map(() => region),
      state: "available",
    };
  },
  "aws:index/getCallerIdentity:getCallerIdentity": (ctx) => {
    const partition = awsPartition(awsRegion(ctx));
    return {
      id: FAKE_AWS_ACCOUNT,
      accountId: FAKE_AWS_ACCOUNT,
      arn: `arn:${partition}:sts::${FAKE_AWS_ACCOUNT}:assumed-role/groundwork-ci/offline`,
      userId: "AROAEXAMPLEOFFLINE:offline",
    };
  },
  "aws:index/getRegion:getRegion": (ctx) => {
    const region = awsRegion(ctx);
    return { id: region, name: region, region, description: region, endpoint: `ec2.${region}.amazonaws.com` };
  },
  "aws:index/getPartition:getPartition": (ctx) => {
    const partition = awsPartition(awsRegion(ctx));
    const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    return { id: partition, partition, dnsSuffix, reverseDnsPrefix: "com.amazonaws" };
  },
  "aws:elb/getServiceAccount:getServiceAccount": () => ({
    id: "127311923021",
    arn: "arn:aws:iam::127311923021:root",
  }),
  "gcp:organizations/getProject:getProject": (ctx) => {
    const project = setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT);
    return { id: `projects/${project}`, projectId: project, number: "123456789012", name: project };
  },
  "gcp:organizations/getClientConfig:getClientConfig": (ctx) => ({
    id: "offline",
    project: setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT),
    region: setting(ctx, "region", "gcp:region", "europe-west1"),
    zone: setting(ctx, "zone", "gcp:zone", "europe-west1-b"),
    accessToken: "offline-token",
  }),
  "gcp:compute/getZones:getZones": (ctx) => {
    const region = (ctx.args.region as string) || setting(ctx, "region", "gcp:region", "europe-west1");
    return {
      id: region,
      region,
      project: FAKE_GCP_PROJECT,
      names: ["b", "c", "d"].map((z) => `${region}-${z}`),
    };
  },
  "azure-native:authorization:getClientConfig": () => ({
    clientId: "00000000-0000-4000-8000-000000000003",
    objectId: "00000000-0000-4000-8000-000000000004",
    subscriptionId: FAKE_AZURE_SUBSCRIPTION,
    tenantId: FAKE_AZURE_TENANT,
  }),
};
