// Google Cloud labels: the standard Groundwork tag set, conformed to the label charset Google Cloud accepts.
import { TagContext, Tags, standardTags } from "../core/tags";
import { Validator } from "../core/validate";

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
  // The caller's labels come in `labels`: errors name that argument, not the other clouds' `tags`.
  const tags = standardTags(v, { ...ctx, field: "labels" });
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
