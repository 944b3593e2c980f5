// AWS tag rules: the standard Groundwork tag set, checked against what AWS accepts. Pure, no provider SDK.
import { TagContext, Tags, standardTags } from "../core/tags";
import { Validator } from "../core/validate";

const AWS_TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

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
    if (!AWS_TAG_TEXT.test(key) || !AWS_TAG_TEXT.test(value)) {
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
