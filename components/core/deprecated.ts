// DEPRECATED since 0.2.0, removed in 0.3.0: the cloud-specific names `@groundwork/infra/core` used to
// export, kept for one minor version. Each one forwards to its new home in a cloud's folder. The cloud
// files are required on first use, not imported, so loading core still loads no cloud folder at all.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as AwsNaming from "../aws/naming";
import type * as AwsSizes from "../aws/sizes";
import type * as AwsTags from "../aws/tags";
import type * as AzureNaming from "../azure/naming";
import type * as AzureTags from "../azure/tags";
import type * as GcpLabels from "../gcp/labels";
import type * as GcpNaming from "../gcp/naming";
import type * as KubernetesLabels from "../kubernetes/labels";
import type * as KubernetesNaming from "../kubernetes/naming";
import type * as KubernetesSizes from "../kubernetes/sizes";
import { NameRule, nameProblemFor, shapeNameFor, validateNameFor } from "./naming";
import { Environment } from "./profiles";
import { TagContext, Tags } from "./tags";
import { Validator } from "./validate";

const aws = {
  naming: (): typeof AwsNaming => require("../aws/naming"),
  sizes: (): typeof AwsSizes => require("../aws/sizes"),
  tags: (): typeof AwsTags => require("../aws/tags"),
};
const azure = {
  naming: (): typeof AzureNaming => require("../azure/naming"),
  tags: (): typeof AzureTags => require("../azure/tags"),
};
const gcp = {
  labels: (): typeof GcpLabels => require("../gcp/labels"),
  naming: (): typeof GcpNaming => require("../gcp/naming"),
};
const kubernetes = {
  labels: (): typeof KubernetesLabels => require("../kubernetes/labels"),
  naming: (): typeof KubernetesNaming => require("../kubernetes/naming"),
  sizes: (): typeof KubernetesSizes => require("../kubernetes/sizes"),
};

/** @deprecated since 0.2.0: use `awsTags` from `@groundwork/infra/aws`. */
export function awsTags(v: Validator, ctx: TagContext): Tags {
  return aws.tags().awsTags(v, ctx);
}

/** @deprecated since 0.2.0: use `azureTags` from `@groundwork/infra/azure`. */
export function azureTags(v: Validator, ctx: TagContext): Tags {
  return azure.tags().azureTags(v, ctx);
}

/** @deprecated since 0.2.0: use `gcpLabels` from `@groundwork/infra/gcp`. */
export function gcpLabels(v: Validator, ctx: TagContext): Tags {
  return gcp.labels().gcpLabels(v, ctx);
}

/** @deprecated since 0.2.0: use `conformGcpLabel` from `@groundwork/infra/gcp`. */
export function conformGcpLabel(text: string, isKey: boolean): string {
  return gcp.labels().conformGcpLabel(text, isKey);
}

/** @deprecated since 0.2.0: use `KubernetesLabelContext` from `@groundwork/infra/kubernetes`. */
export type KubernetesLabelContext = KubernetesLabels.KubernetesLabelContext;

/** @deprecated since 0.2.0: use `kubernetesLabels` from `@groundwork/infra/kubernetes`. */
export function kubernetesLabels(v: Validator, ctx: KubernetesLabelContext): Tags {
  return kubernetes.labels().kubernetesLabels(v, ctx);
}

/** @deprecated since 0.2.0: use `kubernetesLabelKeyProblem` from `@groundwork/infra/kubernetes`. */
export function kubernetesLabelKeyProblem(key: string): string | undefined {
  return kubernetes.labels().kubernetesLabelKeyProblem(key);
}

/** @deprecated since 0.2.0: use `kubernetesLabelValueProblem` from `@groundwork/infra/kubernetes`. */
export function kubernetesLabelValueProblem(value: string): string | undefined {
  return kubernetes.labels().kubernetesLabelValueProblem(value);
}

/**
 * @deprecated since 0.2.0: name rules are values now. Use `S3_BUCKET_NAME` (`/aws`),
 * `AZURE_STORAGE_ACCOUNT_NAME` (`/azure`), `GCP_RESOURCE_NAME` (`/gcp`), `KUBERNETES_LABEL_NAME` or
 * `KUBERNETES_SUBDOMAIN_NAME` (`/kubernetes`).
 */
export type NameKind =
  "s3Bucket" | "azureStorageAccount" | "gcpResource" | "kubernetesLabel" | "kubernetesSubdomain";

const RULE_OF_KIND: { readonly [K in NameKind]: () => NameRule } = {
  s3Bucket: () => aws.naming().S3_BUCKET_NAME,
  azureStorageAccount: () => azure.naming().AZURE_STORAGE_ACCOUNT_NAME,
  gcpResource: () => gcp.naming().GCP_RESOURCE_NAME,
  kubernetesLabel: () => kubernetes.naming().KUBERNETES_LABEL_NAME,
  kubernetesSubdomain: () => kubernetes.naming().KUBERNETES_SUBDOMAIN_NAME,
};

/**
 * @deprecated since 0.2.0: use the rule values themselves (see {@link NameKind}). Each entry is read
 * from its cloud's folder on first access.
 */
export const NAME_RULES: { readonly [K in NameKind]: NameRule } = Object.defineProperties(
  {} as { readonly [K in NameKind]: NameRule },
  Object.fromEntries(
    Object.entries(RULE_OF_KIND).map(([kind, rule]) => [kind, { enumerable: true, get: rule }]),
  ),
);

/** @deprecated since 0.2.0: use `nameProblemFor(rule, name)` from `@groundwork/infra/core`. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  return nameProblemFor(NAME_RULES[kind], name);
}

/** @deprecated since 0.2.0: use `validateNameFor(v, field, rule, name)` from `@groundwork/infra/core`. */
export function validateName(v: Validator, field: string, kind: NameKind, name: string): string {
  return validateNameFor(v, field, NAME_RULES[kind], name);
}

/** @deprecated since 0.2.0: use `shapeNameFor(rule, raw)` from `@groundwork/infra/core`. */
export function shapeName(kind: NameKind, raw: string): string {
  return shapeNameFor(NAME_RULES[kind], raw);
}

/** @deprecated since 0.2.0: the shape `EnvironmentProfile.sizes` had; see {@link profileSizes}. */
export type ProfileSizes = AwsSizes.AwsSizes & KubernetesSizes.KubernetesSizes;

/**
 * @deprecated since 0.2.0: `EnvironmentProfile.sizes` is gone; sizes are per cloud. Use `AWS_SIZES[env]`
 * from `@groundwork/infra/aws` or `KUBERNETES_SIZES[env]` from `@groundwork/infra/kubernetes`. This
 * returns what `PROFILES[env].sizes` used to hold.
 */
export function profileSizes(environment: Environment): ProfileSizes {
  return { ...aws.sizes().AWS_SIZES[environment], ...kubernetes.sizes().KUBERNETES_SIZES[environment] };
}
