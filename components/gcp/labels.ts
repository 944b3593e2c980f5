// Google Cloud labels: the standard Groundwork tag set as labels. The caller's labels must already be in
// the form Google Cloud accepts (facts/gcp/limits.json `labels.*`, each with its source): a label that is
// not is refused with the form that would be, never rewritten behind the caller's back (a cost report
// filtering on `Cost Center` would silently find nothing under `cost_center`). Groundwork's own values
// (`component: gcp.Bucket`) are conformed, as they always were.
import { RESERVED_TAG_KEYS, TagContext, Tags, checkTagCount, standardTags } from "../core/tags";
import { Validator } from "../core/validate";
import { gcpLimit } from "./naming";

/**
 * Conforms one string to a Google Cloud label: lowercase letters, digits, `_` and `-` (other characters
 * become `_`), at most 63 characters; keys must also start with a letter.
 */
export function conformGcpLabel(text: string, isKey: boolean): string {
  let s = text.toLowerCase().replace(/[^\p{Ll}\p{Lo}0-9_-]/gu, "_");
  if (isKey && !/^[\p{Ll}\p{Lo}]/u.test(s)) s = `k_${s}`;
  return s.slice(0, isKey ? gcpLimit("labels.keyLength") : gcpLimit("labels.valueLength"));
}

const LABEL_TEXT = /^[\p{Ll}\p{Lo}0-9_-]*$/u;

/** What is wrong with `text` as a label key (`isKey`) or value, or undefined when Google Cloud takes it. */
export function gcpLabelProblem(text: string, isKey: boolean): string | undefined {
  const max = isKey ? gcpLimit("labels.keyLength") : gcpLimit("labels.valueLength");
  if (isKey && text.length === 0) return "is empty";
  if (text.length > max) return `is too long (${text.length} characters)`;
  if (!LABEL_TEXT.test(text)) return "has characters other than lowercase letters, digits, _ and -";
  if (isKey && !/^[\p{Ll}\p{Lo}]/u.test(text)) return "does not start with a lowercase letter";
  return undefined;
}

/** Refuses a caller label Google Cloud would not take, naming the form it would. */
function checkCallerLabel(v: Validator, key: string, value: string): void {
  const max = { key: gcpLimit("labels.keyLength"), value: gcpLimit("labels.valueLength") };
  const keyProblem = gcpLabelProblem(key, true);
  if (keyProblem !== undefined)
    v.fail(
      `labels.${key}`,
      key,
      `is not a Google Cloud label key: it ${keyProblem}`,
      `1-${max.key} lowercase letters, digits, _ and -, starting with a letter, such as ` +
        JSON.stringify(conformGcpLabel(key, true)),
    );
  const valueProblem = gcpLabelProblem(value, false);
  if (valueProblem !== undefined)
    v.fail(
      `labels.${key}`,
      value,
      `is not a Google Cloud label value: it ${valueProblem}`,
      `0-${max.value} lowercase letters, digits, _ and -, such as ${JSON.stringify(conformGcpLabel(value, false))}`,
    );
}

/**
 * Google Cloud labels: the caller's, each already a valid label (refused otherwise, with the valid form),
 * at most 64 with Groundwork's own counted; and the Groundwork keys, their values conformed
 * (`component: gcp_bucket`).
 */
export function gcpLabels(v: Validator, ctx: TagContext): Tags {
  // The caller's labels come in `labels`: errors name that argument, not the other clouds' `tags`.
  const tags = standardTags(v, { ...ctx, field: "labels" });
  for (const [key, value] of Object.entries(ctx.tags ?? {}))
    if (!RESERVED_TAG_KEYS.includes(key)) checkCallerLabel(v, key, value);
  checkTagCount(v, "labels", ctx.tags, {
    limit: gcpLimit("labels.perResource"),
    noun: "labels",
    cloud: "Google Cloud",
  });
  const out: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(tags))
    out[key] = RESERVED_TAG_KEYS.includes(key) ? conformGcpLabel(value, false) : value;
  return out;
}
