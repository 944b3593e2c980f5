// Kubernetes labels and annotations: the recommended `app.kubernetes.io/*` set with the Groundwork keys,
// the label key and value syntax, and the checks on what a caller adds. Pure, no provider SDK.
import { Environment } from "../core/profiles";
import { MANAGED_BY, Tags } from "../core/tags";
import { Validator } from "../core/validate";

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

/** Refuses a label or annotation key (`what`) that breaks the Kubernetes key syntax. */
function checkKey(v: Validator, field: string, key: string, what: "label" | "annotation"): void {
  const problem = kubernetesLabelKeyProblem(key);
  if (problem === undefined) return;
  v.fail(
    field,
    key,
    problem,
    `${what === "label" ? "a label" : "an annotation"} key: an optional DNS subdomain prefix and '/', ` +
      "then 1-63 of [A-Za-z0-9-_.]",
  );
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

/** The labels Groundwork sets itself, before the caller's are checked against them. */
function groundworkLabels(ctx: KubernetesLabelContext): { [k: string]: string } {
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
  return ours;
}

/**
 * Kubernetes labels: the recommended `app.kubernetes.io/*` set (`managed-by=groundwork`), the
 * Groundwork `environment` key, and the caller's labels, each key and value checked against the
 * Kubernetes label syntax.
 */
export function kubernetesLabels(v: Validator, ctx: KubernetesLabelContext): Tags {
  const ours = groundworkLabels(ctx);
  // `null` counts as absent, as it does for tags; a string or a list is refused, not read as entries.
  const theirs = v.stringMap("labels", ctx.labels ?? undefined);
  for (const [key, value] of Object.entries(theirs)) {
    checkKey(v, `labels.${key}`, key, "label");
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
      const field = key === "app.kubernetes.io/name" ? "name" : key;
      v.fail(field, value, "is not a valid label value", "at most 63 of [A-Za-z0-9-_.]");
    }
  }
  return { ...theirs, ...ours };
}

/** Checks caller annotations (keys as label keys, string values); returns a copy. */
export function checkAnnotations(
  v: Validator,
  annotations: { readonly [key: string]: string } | undefined,
): { [key: string]: string } {
  const checked = v.stringMap("annotations", annotations);
  for (const key of Object.keys(checked)) checkKey(v, `annotations.${key}`, key, "annotation");
  return { ...checked };
}
