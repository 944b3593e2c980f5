// Azure tag rules: the standard Groundwork tag set, checked against what Azure Resource Manager accepts
// (facts/azure/limits.json `tags.*`, each with its source).
import { TagContext, Tags, checkTagCount, standardTags } from "../core/tags";
import { Validator } from "../core/validate";
import { azureLimit } from "./naming";

/**
 * Azure tag rules: at most 50 tags on a resource (Groundwork's own counted), names up to 512 characters
 * (128 when `storageAccount`: the account and everything it tags) without `< > % & \ ? /`, values up to 256.
 */
export function azureTags(
  v: Validator,
  ctx: TagContext,
  o: { readonly storageAccount?: boolean } = {},
): Tags {
  const tags = standardTags(v, ctx);
  checkTagCount(v, "tags", ctx.tags, { limit: azureLimit("tags.perResource"), noun: "tags", cloud: "Azure" });
  const nameMax = azureLimit(o.storageAccount ? "tags.storageAccountNameLength" : "tags.nameLength");
  const valueMax = azureLimit("tags.valueLength");
  for (const [key, value] of Object.entries(tags)) {
    if (key.length > nameMax || /[<>%&\\?/]/.test(key)) {
      v.fail(
        `tags.${key}`,
        key,
        "is not a valid Azure tag name",
        `at most ${nameMax} characters${o.storageAccount ? " on a storage account" : ""}, none of < > % & \\ ? /`,
      );
    }
    if (value.length > valueMax)
      v.fail(`tags.${key}`, value, "is too long for an Azure tag value", `at most ${valueMax} characters`);
  }
  return tags;
}
