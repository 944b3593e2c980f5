// AWS tag rules: the standard Groundwork tag set, checked against what AWS accepts (facts/aws/limits.json
// `tags.*`, each with its source). Pure, no provider SDK.
import { TagContext, Tags, checkTagCount, standardTags } from "../core/tags";
import { Validator } from "../core/validate";
import { awsLimit } from "./locations";

const AWS_TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * AWS tag rules: at most 50 user tags on a resource (Groundwork's own counted), keys 1-128 and values
 * 0-256 characters of letters, digits, spaces and `_ . : / = + - @`, no `aws:` prefix. Tags the provider's
 * `defaultTags` add count towards AWS's limit too; they are not seen here.
 */
export function awsTags(v: Validator, ctx: TagContext): Tags {
  const tags = standardTags(v, ctx);
  checkTagCount(v, "tags", ctx.tags, {
    limit: awsLimit("tags.perResource").value,
    noun: "tags",
    cloud: "AWS",
  });
  const keyMax = awsLimit("tags.keyLength").value;
  const valueMax = awsLimit("tags.valueLength").value;
  for (const [key, value] of Object.entries(tags)) {
    if (key.length < 1 || key.length > keyMax)
      v.fail(`tags.${key}`, key, "is not a valid AWS tag key", `1-${keyMax} characters`);
    if (/^aws:/i.test(key))
      v.fail(`tags.${key}`, key, "uses the reserved aws: prefix", "a key not starting with aws:");
    if (value.length > valueMax)
      v.fail(`tags.${key}`, value, "is too long for an AWS tag value", `at most ${valueMax} characters`);
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
