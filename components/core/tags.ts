// Tags and labels: every taggable child carries `environment`, `managed-by=groundwork`, `component` and
// the caller's own, conformed to what each cloud accepts.
import { Environment } from "./profiles";
import { Validator } from "./validate";

/** A plain map of tag (or label) keys to values. */
export type Tags = { readonly [key: string]: string };

/** The value of the `managed-by` tag Groundwork sets, and that the policy pack looks for. */
export const MANAGED_BY = "groundwork";

/** Tag keys Groundwork owns; a caller may not set them to something else. */
export const RESERVED_TAG_KEYS: readonly string[] = ["environment", "managed-by", "component"];

/** Inputs for {@link standardTags}. */
export interface TagContext {
  readonly environment: Environment;
  /** The component type, e.g. `aws.Bucket`. */
  readonly component: string;
  /** The caller's tags; validated for the target cloud. */
  readonly tags?: Tags;
}

/**
 * The tag set for every taggable child of a component: the caller's tags plus the three Groundwork
 * keys. A caller tag that tries to change a Groundwork key is refused (a mislabelled environment would
 * mislead cost reports and the policy pack alike).
 */
export function standardTags(v: Validator, ctx: TagContext): Tags {
  const ours: Tags = { environment: ctx.environment, "managed-by": MANAGED_BY, component: ctx.component };
  const theirs = ctx.tags ?? {};
  if (typeof theirs !== "object" || theirs === null || Array.isArray(theirs)) {
    v.fail("tags", theirs, "is not a map of strings", "an object of string keys to string values");
  }
  for (const [key, value] of Object.entries(theirs)) {
    if (typeof value !== "string") {
      v.fail(`tags.${key}`, value, "is not a string", "a string value");
    }
    if (RESERVED_TAG_KEYS.includes(key) && value !== ours[key]) {
      v.fail(
        `tags.${key}`,
        value,
        "would overwrite a tag Groundwork sets",
        `no "${key}" tag, or the value ${JSON.stringify(ours[key])}`,
      );
    }
  }
  return { ...theirs, ...ours };
}

/** AWS tag rules: keys 1-128, values 0-256 characters, no `aws:` prefix. */
export function awsTags(v: Validator, ctx: TagContext): Tags {
  const tags = standardTags(v, ctx);
  for (const [key, value] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128)
      v.fail(`tags.${key}`, key, "is not a valid AWS tag key", "1-128 characters");
    if (/^aws:/i.test(key))
      v.fail(`tags.${key}`, key, "uses the reserved aws: prefix", "a key not starting with aws:");
    if (value.length > 256)
      v.fail(`tags.${key}`, value, "is too long for an AWS tag value", "at most 256 characters");
    if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(key) || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(value)) {
      v.fail(
        `tags.${key}`,
        value,
        "contains characters AWS tags do not allow",
        "letters, digits, spaces and _ . : / = + - @",
      );
    }
  }
  return tags;
}

/** Azure tag rules: names up to 512 characters without `< > % & \ ? /`, values up to 256. */
export function azureTags(v: Validator, ctx: TagContext): Tags {
  const tags = standardTags(v, ctx);
  for (const [key, value] of Object.entries(tags)) {
    if (key.length > 512 || /[<>%&\\?/]/.test(key)) {
      v.fail(
        `tags.${key}`,
        key,
        "is not a valid Azure tag name",
        "at most 512 characters, none of < > % & \\ ? /",
      );
    }
    if (value.length > 256)
      v.fail(`tags.${key}`, value, "is too long for an Azure tag value", "at most 256 characters");
  }
  return tags;
}

/**
 * Conforms one string to a Google Cloud label: lowercase letters, digits, `_` and `-` (other characters
 * become `_`), at most 63 characters; keys must also start with a letter.
 */
export function conformGcpLabel(text: string, isKey: boolean): string {
  let s = text.toLowerCase().replace(/[^\p{Ll}\p{Lo}0-9_-]/gu, "_");
  if (isKey && !/^\p{Ll}/u.test(s)) s = `k_${s}`;
  return s.slice(0, 63);
}

/**
 * Google Cloud labels: the standard set with keys and values conformed to the label charset (so
 * `managed-by` stays `managed-by`, and `Cost Center` becomes `cost_center`). Two caller keys that conform
 * to the same label are refused rather than silently merged.
 */
export function gcpLabels(v: Validator, ctx: TagContext): Tags {
  const tags = standardTags(v, ctx);
  const out: { [key: string]: string } = {};
  const from: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(tags)) {
    const k = conformGcpLabel(key, true);
    if (k in out) {
      v.fail(
        `labels.${key}`,
        key,
        `conforms to the same label key as "${from[k]}"`,
        "label keys that stay distinct",
      );
    }
    out[k] = conformGcpLabel(value, false);
    from[k] = key;
  }
  if (Object.keys(out).length > 64) {
    v.fail("labels", Object.keys(out).length, "is more labels than Google Cloud allows", "at most 64 labels");
  }
  return out;
}

const K8S_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const K8S_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** What is wrong with a Kubernetes label key, or undefined when it is valid. */
export function kubernetesLabelKeyProblem(key: string): string | undefined {
  const parts = key.split("/");
  if (parts.length > 2) return "has more than one '/'";
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && (prefix.length > 253 || !K8S_PREFIX.test(prefix)))
    return "has an invalid prefix";
  if (name.length === 0 || name.length > 63 || !K8S_NAME.test(name)) return "has an invalid name part";
  return undefined;
}

/** What is wrong with a Kubernetes label value, or undefined when it is valid. */
export function kubernetesLabelValueProblem(value: string): string | undefined {
  if (value === "") return undefined;
  return value.length <= 63 && K8S_NAME.test(value) ? undefined : "is not a valid label value";
}

/** Inputs for {@link kubernetesLabels}. */
export interface KubernetesLabelContext {
  readonly environment: Environment;
  readonly component: string;
  /** `app.kubernetes.io/name`. */
  readonly name: string;
  /** `app.kubernetes.io/instance`; defaults to the name. */
  readonly instance?: string;
  /** `app.kubernetes.io/part-of`, when the caller gives one. */
  readonly partOf?: string;
  /** `app.kubernetes.io/version`, usually the image tag. */
  readonly version?: string;
  readonly labels?: Tags;
}

/**
 * Kubernetes labels: the recommended `app.kubernetes.io/*` set (`managed-by=groundwork`), the
 * Groundwork `environment` and `groundwork.dev/component` keys, and the caller's labels, each key and
 * value checked against the Kubernetes label syntax.
 */
export function kubernetesLabels(v: Validator, ctx: KubernetesLabelContext): Tags {
  const ours: { [k: string]: string } = {
    "app.kubernetes.io/name": ctx.name,
    "app.kubernetes.io/instance": ctx.instance ?? ctx.name,
    "app.kubernetes.io/managed-by": MANAGED_BY,
    "app.kubernetes.io/component": ctx.component.replace(/[^A-Za-z0-9_.-]/g, "-"),
    environment: ctx.environment,
  };
  if (ctx.partOf !== undefined) ours["app.kubernetes.io/part-of"] = ctx.partOf;
  if (ctx.version !== undefined)
    ours["app.kubernetes.io/version"] = ctx.version
      .replace(/[^A-Za-z0-9_.-]/g, "-")
      .replace(/^[^A-Za-z0-9]+/, "")
      .slice(0, 63)
      .replace(/[^A-Za-z0-9]+$/, "");
  const theirs = ctx.labels ?? {};
  for (const [key, value] of Object.entries(theirs)) {
    const kp = kubernetesLabelKeyProblem(key);
    if (kp)
      v.fail(
        `labels.${key}`,
        key,
        kp,
        "a label key: an optional DNS subdomain prefix and '/', then 1-63 of [A-Za-z0-9-_.]",
      );
    if (typeof value !== "string" || kubernetesLabelValueProblem(value)) {
      v.fail(
        `labels.${key}`,
        value,
        "is not a valid label value",
        "at most 63 of [A-Za-z0-9-_.], starting and ending alphanumeric",
      );
    }
    if (key in ours && ours[key] !== value) {
      v.fail(
        `labels.${key}`,
        value,
        "would overwrite a label Groundwork sets",
        `no "${key}" label, or ${JSON.stringify(ours[key])}`,
      );
    }
  }
  for (const [key, value] of Object.entries(ours)) {
    if (kubernetesLabelValueProblem(value)) {
      v.fail(
        key === "app.kubernetes.io/name" ? "name" : key,
        value,
        "is not a valid label value",
        "at most 63 of [A-Za-z0-9-_.]",
      );
    }
  }
  return { ...theirs, ...ours };
}
