// The reference platform's configuration: one zod schema for everything `Pulumi.<stack>.yaml` may say.
// An unknown key, a wrong type or a missing value stops the program with the key and the file named.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ENVIRONMENTS, PINNED_IMAGE_EXPECTED, imageReferenceProblem } from "../components/core";
import { closestKey } from "../components/core/strict";
// The AWS regions the provider knows (pure data: no AWS SDK loads for another cloud's stack).
import { AWS_REGIONS } from "../components/aws/locations";
// The same shapes the Azure components check (a pure module: no Azure SDK loads for an AWS stack).
import { ACR_HOST, ACR_REGISTRY_ID, AZURE_LOCATION } from "../components/azure/naming";
// The regions Google Cloud has (a pure module over facts/gcp/locations.json: no Google Cloud SDK loads).
import { GCP_REGIONS } from "../components/gcp/locations";
import { AZURE_REGIONS, pairedRegion } from "../components/azure/locations";
import { isPlace } from "../facts/locations";

const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a DNS-1123 label (lowercase letters, digits, hyphens)");
// The same image rule the components apply, so a bad image fails here, with the config key named.
const pinnedImage = z.string().refine((s) => imageReferenceProblem(s) === undefined, PINNED_IMAGE_EXPECTED);
const tags = z.record(z.string(), z.string());

const port = z.number().int().min(1).max(65535);
const engineVersion = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "a PostgreSQL version such as 16 or 16.4")
  .default("16");
const databaseName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, "a PostgreSQL identifier")
  .default("app");
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "an Entra object id (a GUID)");

/** The Kubernetes half: a hardened namespace and web service, on any cloud, when the stack configures it. */
const kubernetesSchema = z.strictObject({
  /** The namespace the web service runs in. */
  namespace: name,
  /** The web service's image. */
  webImage: pinnedImage,
  /** The web service's container port. */
  webPort: port.default(8080),
  /** Host name for the TLS Ingress, when one is wanted. */
  ingressHost: z.string().optional(),
  /**
   * The Secret holding the Ingress's certificate: made by cert-manager from `ingressCertificateIssuer`
   * when that is set, else a Secret that must exist in the namespace before the first `up`.
   */
  ingressTlsSecret: name.optional(),
  /** A cert-manager ClusterIssuer that issues the Ingress's certificate (cert-manager must be installed). */
  ingressCertificateIssuer: name.optional(),
  /** Kubeconfig context the provider targets; the ambient context when absent. */
  context: z.string().optional(),
  /** A scheduled job beside the web service (a nightly report), when wanted. */
  job: z
    .strictObject({
      /** The job's image. */
      image: pinnedImage,
      /** Its cron schedule (`"30 2 * * *"`). */
      schedule: z.string(),
      /** The IANA time zone the schedule is read in. */
      timeZone: z.string().default("Etc/UTC"),
    })
    .optional(),
});

/** Keys every cloud's stack file has. */
const common = {
  /** The environment profile; decides sizes, availability and retention, never security. */
  environment: z.enum(ENVIRONMENTS),
  /** Tags (labels on Google Cloud) added to every resource. */
  tags: tags.optional(),
  kubernetes: kubernetesSchema.optional(),
};

/** The RDS for PostgreSQL major: a minor pin fights RDS's automatic minor upgrades (aws.PostgresDatabase). */
const awsEngineVersion = z.enum(["14", "15", "16", "17"]).default("16");

/** AWS: VPC, KMS key, S3 buckets, ECS Fargate behind an ALB, RDS PostgreSQL. */
const awsSchema = z.strictObject({
  cloud: z.literal("aws"),
  ...common,
  network: z.strictObject({
    /** The VPC's IPv4 block. */
    cidrBlock: z.string(),
  }),
  service: z.strictObject({
    /** The container image of the API service. */
    image: pinnedImage,
    /** The container port. */
    port,
    /** ACM certificate ARN for the HTTPS listener. */
    certificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/, "an ACM certificate ARN"),
    /** Whether the load balancer faces the internet. */
    internetFacing: z.boolean().default(false),
  }),
  database: z
    .strictObject({
      /** The PostgreSQL major version (RDS keeps it on the newest minor). */
      engineVersion: awsEngineVersion,
      /** Database name created on the instance. */
      databaseName,
    })
    .default({ engineVersion: "16", databaseName: "app" }),
});

/** Google Cloud: VPC with Cloud NAT, Cloud KMS key, GCS buckets, Cloud Run, Cloud SQL PostgreSQL. */
const gcpSchema = z.strictObject({
  cloud: z.literal("gcp"),
  ...common,
  /** The region of the subnets, key, buckets, service and database: one Google Cloud has. */
  region: z.string().superRefine((r, ctx) => {
    if (isPlace(GCP_REGIONS, r)) return;
    const near = closestKey(r, GCP_REGIONS.names);
    ctx.addIssue({
      code: "custom",
      message: `a Google Cloud region such as europe-west4${near === undefined ? "" : ` (did you mean "${near}"?)`}`,
    });
  }),
  /**
   * Enable the APIs the platform needs (gcp:projects/service:Service, never disabled on destroy). `false`
   * when the deployer may not enable APIs and the project's owner has enabled them (README checklist).
   */
  enableApis: z.boolean().default(true),
  /** Where the buckets' usage logs go. */
  storage: z
    .strictObject({
      /**
       * An existing central bucket for usage logs, already writable by
       * group:cloud-storage-analytics@google.com; without it each bucket gets a `<name>-logs` bucket and
       * that grant, which Domain Restricted Sharing refuses.
       */
      accessLogBucket: z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, "a Cloud Storage bucket name")
        .optional(),
    })
    .default({}),
  network: z.strictObject({
    /** The VPC's IPv4 block, split into the private and isolated subnets. */
    cidrBlock: z.string(),
  }),
  service: z.strictObject({
    /** The container image of the API service. */
    image: pinnedImage,
    /** The container port. */
    port,
    /** Whether the service takes requests from the internet (a recorded weakening). */
    publicAccess: z.boolean().default(false),
  }),
  database: z
    .strictObject({ engineVersion, databaseName })
    .default({ engineVersion: "16", databaseName: "app" }),
});

const azureRegion = z
  .string()
  .regex(AZURE_LOCATION, "an Azure region name such as westeurope")
  .superRefine((r, ctx) => {
    if (isPlace(AZURE_REGIONS, r)) return;
    const near = closestKey(r, AZURE_REGIONS.names);
    ctx.addIssue({
      code: "custom",
      message: `an Azure region such as westeurope${near === undefined ? "" : ` (did you mean "${near}"?)`}`,
    });
  });

/** Azure: VNet with NSGs and flow logs, Key Vault key, storage accounts, Container Apps, PostgreSQL. */
const azureObject = z.strictObject({
  cloud: z.literal("azure"),
  ...common,
  /** The region of the resource group and everything in it. */
  location: azureRegion,
  network: z.strictObject({
    /** The VNet's address space, split into one subnet per tier. */
    addressSpace: z.string(),
  }),
  service: z.strictObject({
    /** The container image of the API service. */
    image: pinnedImage,
    /** The container port. */
    port,
    /** The private registry the image comes from: pulled with the app's identity, granted AcrPull. */
    registry: z
      .strictObject({
        /** Its host, `<name>.azurecr.io`. */
        server: z.string().regex(ACR_HOST, "a registry host such as contoso.azurecr.io"),
        /** Its resource id. */
        id: z.string().regex(ACR_REGISTRY_ID, "a container registry resource id"),
      })
      .optional(),
  }),
  database: z.strictObject({
    /** The PostgreSQL major version. */
    engineVersion: z.enum(["14", "15", "16", "17"]).default("16"),
    /** Database name created on the server. */
    databaseName,
    /** The Entra group that administers the server (no password login exists). */
    administratorGroup: z.strictObject({ objectId: uuid, name: z.string().min(1) }),
    /**
     * The region paired with `location`, where geo-redundant backups (on in prod) are kept and their key
     * must live; required in prod.
     */
    geoBackupLocation: azureRegion.optional(),
  }),
});

/** What one key cannot say alone: the geo-backup region in prod, and an image from the registry it names. */
const azureSchema = azureObject.superRefine((c, ctx) => {
  const geo = c.database.geoBackupLocation;
  if (c.environment === "prod" && geo === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["database", "geoBackupLocation"],
      message: "required in prod (geo-redundant backups need their key in the region paired with location)",
    });
  const pair = pairedRegion(c.location);
  if (geo !== undefined && (geo === c.location || (pair !== undefined && geo !== pair)))
    ctx.addIssue({
      code: "custom",
      path: ["database", "geoBackupLocation"],
      message: `the region paired with location (${c.location})${pair === undefined ? "" : `: ${pair}`}`,
    });
  const registry = c.service.registry;
  if (registry === undefined) return;
  if (!c.service.image.startsWith(`${registry.server}/`))
    ctx.addIssue({
      code: "custom",
      path: ["service", "image"],
      message: `an image from ${registry.server}, the registry the app is granted to pull from`,
    });
  const named = registry.id.split("/").pop()?.toLowerCase();
  if (`${named}.azurecr.io` !== registry.server)
    ctx.addIssue({
      code: "custom",
      path: ["service", "registry", "id"],
      message: `the id of ${registry.server} (its last segment is the registry's name)`,
    });
});

/**
 * The schema of the `groundwork-platform:*` keys, one shape per `cloud` (AWS when the key is absent, as
 * stack files written before Google Cloud and Azure say nothing). Provider keys (`aws:region`,
 * `gcp:project`, `azure-native:subscriptionId`) are read by the providers.
 */
export const platformConfigSchema = z.preprocess(
  (v) => (v !== null && typeof v === "object" && !("cloud" in v) ? { ...v, cloud: "aws" } : v),
  z.discriminatedUnion("cloud", [awsSchema, gcpSchema, azureSchema]),
);

export type PlatformConfig = z.infer<typeof platformConfigSchema>;
/** The clouds a stack may target. */
export type Cloud = PlatformConfig["cloud"];
/** The configuration of a stack on one cloud. */
export type CloudConfig<C extends Cloud> = Extract<PlatformConfig, { cloud: C }>;

/** Thrown when a stack file is wrong; the message names the file and the key. */
export class PlatformConfigError extends pulumi.RunError {}

/**
 * Reads every `<project>:<key>` value from the stack config, parses JSON values the way the Pulumi CLI
 * stores structured config, and validates the whole against {@link platformConfigSchema}.
 */
export function loadPlatformConfig(
  raw: Record<string, string> = pulumi.runtime.allConfig(),
  project: string = pulumi.getProject(),
  stack: string = pulumi.getStack(),
): PlatformConfig {
  const file = `stacks/Pulumi.${stack}.yaml`;
  const values: Record<string, unknown> = {};
  for (const [fullKey, value] of Object.entries(raw)) {
    const [ns, key] = fullKey.split(":", 2);
    if (ns !== project || key === undefined) continue;
    try {
      values[key] = JSON.parse(value);
    } catch {
      values[key] = value;
    }
  }
  const parsed = platformConfigSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
      const keyPath = issue.path.length ? `${project}:${issue.path.map(String).join(".")}` : project;
      if (unknownKeys) {
        return unknownKeys
          .map((k) => `${issue.path.length ? `${keyPath}.${k}` : `${project}:${k}`}: unknown key`)
          .join("\n  ");
      }
      const given = issue.path.reduce<unknown>(
        (at, k) =>
          at !== null && typeof at === "object" ? (at as Record<PropertyKey, unknown>)[k] : undefined,
        values,
      );
      if (given === undefined) {
        return `${keyPath}: missing value (${issue.message})`;
      }
      return `${keyPath}: ${issue.message}`;
    });
    throw new PlatformConfigError(`invalid configuration in ${file}:\n  ${problems.join("\n  ")}`);
  }
  const drift = regionDrift(parsed.data, raw, project);
  if (drift) throw new PlatformConfigError(`invalid configuration in ${file}:\n  ${drift}`);
  const account = parsed.data.cloud === "aws" ? awsAccountProblems(parsed.data, raw, project) : [];
  if (account.length > 0)
    throw new PlatformConfigError(`invalid configuration in ${file}:\n  ${account.join("\n  ")}`);
  return parsed.data;
}

/**
 * An AWS stack names its region and its one account. The region must be one AWS has (the provider's
 * list, facts/aws/locations.json). The account is pinned with the provider's own `aws:allowedAccountIds`
 * (the provider refuses credentials of any other account), one account per stack: each environment
 * lives in its own account, because NAT gateways hold an Elastic IP each (dev 1, staging 2, prod 3) and an
 * account has 5 per region by default (facts/aws/limits.json), and because a prod blast radius should not
 * include dev. The certificate must be in that account and region.
 */
function awsAccountProblems(c: CloudConfig<"aws">, raw: Record<string, string>, project: string): string[] {
  const problems: string[] = [];
  const region = raw["aws:region"];
  if (region === undefined)
    problems.push(`aws:region: missing value (${AWS_REGIONS.kind} such as ${AWS_REGIONS.example})`);
  else if (!AWS_REGIONS.names.includes(region)) {
    const near = closestKey(region, AWS_REGIONS.names);
    problems.push(
      `aws:region: "${region}" is not a ${AWS_REGIONS.kind}${near ? ` (did you mean "${near}"?)` : ""}`,
    );
  }
  let accounts: unknown;
  try {
    accounts =
      raw["aws:allowedAccountIds"] === undefined ? undefined : JSON.parse(raw["aws:allowedAccountIds"]);
  } catch {
    accounts = raw["aws:allowedAccountIds"];
  }
  const expected =
    "a list of the one 12-digit account this environment deploys to (one account per environment)";
  if (accounts === undefined) problems.push(`aws:allowedAccountIds: missing value (${expected})`);
  else if (!Array.isArray(accounts) || accounts.length !== 1 || !/^\d{12}$/.test(String(accounts[0])))
    problems.push(`aws:allowedAccountIds: ${JSON.stringify(accounts)} is not ${expected}`);
  else {
    const [, , , certRegion, certAccount] = c.service.certificateArn.split(":");
    if (certAccount !== String(accounts[0]) || (region !== undefined && certRegion !== region))
      problems.push(
        `${project}:service.certificateArn: the certificate is in ${certAccount}/${certRegion}, not in the stack's ` +
          `account and region (${String(accounts[0])}/${region ?? "?"}): ACM certificates are used where they live`,
      );
  }
  return problems;
}

/**
 * The platform's region next to the provider's own key (`gcp:region`, `azure-native:location`): two
 * values that differ would put the components' resources in one region and anything the provider places
 * by default in another.
 */
function regionDrift(c: PlatformConfig, raw: Record<string, string>, project: string): string | undefined {
  const [key, providerKey, value] =
    c.cloud === "gcp"
      ? ["region", "gcp:region", c.region]
      : c.cloud === "azure"
        ? ["location", "azure-native:location", c.location]
        : [undefined, undefined, undefined];
  if (key === undefined || raw[providerKey] === undefined || raw[providerKey] === value) return undefined;
  return `${project}:${key}: "${value}" is not ${providerKey} "${raw[providerKey]}" (expected one region for both)`;
}
