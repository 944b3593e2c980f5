// Azure tag rules: the standard Groundwork tag set, checked against what Azure Resource Manager accepts.
import { TagContext, Tags, standardTags } from "../core/tags";
import { Validator } from "../core/validate";

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
