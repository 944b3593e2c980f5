// Google Cloud physical name rules: the RFC 1035 shape most Google Cloud resource names follow.
import * as pulumi from "@pulumi/pulumi";
import gcpLimits from "../../facts/gcp/limits.json";
import { LimitsFile, limitIn } from "../../facts/limits";
import { DerivedName, NameRule, childName, fittedNameArg, shapeNameFor, shortHash } from "../core/naming";
import { Validator } from "../core/validate";

/** One Google Cloud limit by its key in facts/gcp/limits.json, with its source there. */
export function gcpLimit(key: string): number {
  return limitIn(gcpLimits as unknown as LimitsFile, "facts/gcp/limits.json", key).value;
}

/** Google Cloud resource names (RFC 1035): a letter first, no trailing hyphen. */
export const GCP_RESOURCE_NAME: NameRule = {
  id: "gcpResource",
  minLength: 1,
  maxLength: gcpLimit("names.resource"),
  pattern: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  description:
    "an RFC 1035 name: 1-63 characters, lowercase letters, digits and hyphens, starting with a letter and " +
    "not ending with a hyphen",
  fixStart: (s) => (/^[0-9]/.test(s) ? `g-${s}` : s),
};

/** Cloud Storage bucket names: 3-63 lowercase letters, digits, `-`, `_` and `.`, alphanumeric at both ends. */
export const GCS_BUCKET_NAME: NameRule = {
  id: "gcsBucket",
  minLength: 3,
  maxLength: gcpLimit("names.gcsBucket"),
  pattern: /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/,
  description:
    "a Cloud Storage bucket name: 3-63 lowercase letters, digits, hyphens, underscores and dots, " +
    "starting and ending with a letter or digit",
};

/** Cloud KMS key ring and crypto key names: 1-63 letters, digits, `_` and `-`. */
export const GCP_KMS_NAME: NameRule = {
  id: "gcpKms",
  minLength: 1,
  maxLength: gcpLimit("names.kms"),
  pattern: /^[a-zA-Z0-9_-]+$/,
  description: "a Cloud KMS name: 1-63 letters, digits, underscores and hyphens",
};

/** Service account ids (the part of the email before `@`): 6-30 characters, RFC 1035. */
export const GCP_SERVICE_ACCOUNT_ID: NameRule = {
  id: "gcpServiceAccount",
  minLength: 6,
  maxLength: gcpLimit("names.serviceAccount"),
  pattern: /^[a-z]([-a-z0-9]*[a-z0-9])$/,
  description:
    "a service account id: 6-30 lowercase letters, digits and hyphens, starting with a letter and " +
    "not ending with a hyphen",
  fixStart: (s) => (/^[0-9]/.test(s) ? `g-${s}` : s),
};

/**
 * The physical name Pulumi makes for an auto-named child `<component>-<suffix>`: that name, `-` and 7
 * random characters.
 */
export function gcpAutoNamed(what: string, rule: NameRule, suffix: string): DerivedName {
  return { what, rule, prefix: (n) => `${childName(n, suffix)}-`, random: 7 };
}

/** Cloud Run service names: RFC 1035, at most 49 characters. */
export const CLOUD_RUN_SERVICE_NAME: NameRule = {
  ...GCP_RESOURCE_NAME,
  id: "cloudRunService",
  maxLength: gcpLimit("names.cloudRunService"),
  description:
    "a Cloud Run service name: 1-49 lowercase letters, digits and hyphens, starting with a letter and " +
    "not ending with a hyphen",
};

/** GKE cluster and node pool names: RFC 1035, at most 40 characters. */
export const GKE_NAME: NameRule = {
  ...GCP_RESOURCE_NAME,
  id: "gkeName",
  maxLength: 40,
  description:
    "a GKE cluster or node pool name: 1-40 lowercase letters, digits and hyphens, starting with a letter and " +
    "not ending with a hyphen",
};

/**
 * A service account id unique per project, stack and component (and `purpose`, when one component makes
 * several accounts), within the 30-character limit: the component name's first 23 characters, `-` and a
 * hash. Without `purpose` the hash is the one ContainerService has always used, so its accounts keep their ids.
 */
export function serviceAccountIdFor(v: Validator, purpose?: string): string {
  const name = v.resourceName;
  const scope = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
  const hash = shortHash(purpose === undefined ? scope : `${scope}/${purpose}`, 6);
  try {
    return shapeNameFor(GCP_SERVICE_ACCOUNT_ID, `${name.slice(0, 23).replace(/-+$/, "")}-${hash}`);
  } catch {
    return v.fail("name", name, "cannot form a service account id", GCP_SERVICE_ACCOUNT_ID.description);
  }
}

/**
 * `{ name }` for a child `<component>-<suffix>` whose auto-name would pass its rule's length (RFC 1035's 63
 * characters unless `rule` says otherwise): a shortened, hashed name. `{}` when the auto-name fits, so the
 * provider names the child as it always has.
 */
export function gcpFittedName(
  componentName: string,
  suffix: string,
  rule: NameRule = GCP_RESOURCE_NAME,
): { name?: string } {
  return fittedNameArg("name", gcpAutoNamed(`the ${suffix}`, rule, suffix), componentName);
}
