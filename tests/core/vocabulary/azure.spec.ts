// Azure vocabulary (components/azure): tag limits and the storage account name rule.
import { strict as assert } from "assert";
import { Validator } from "../../../components/core";
import { azureTags } from "../../../components/azure";
import { AZURE_STORAGE_ACCOUNT_NAME } from "../../../components/azure";
import { inputError, invalid, valid } from "../helpers";

const v = new Validator("aws.Bucket", "logs");
const base = { environment: "prod" as const, component: "aws.Bucket" };

describe("azure/tags: azureTags", () => {
  it("passes conforming tags through, up to 512-character names and 256-character values", () => {
    const tags = azureTags(v, { ...base, tags: { ["n".repeat(512)]: "v".repeat(256), "Cost Center": "42" } });
    assert.equal(tags["Cost Center"], "42");
    assert.equal(tags.environment, "prod");
  });

  it("refuses names with < > % & \\ ? / or over 512 characters, and values over 256", () => {
    for (const key of ["a<b", "a>b", "a%b", "a&b", "a\\b", "a?b", "a/b", "n".repeat(513)]) {
      assert.match(
        inputError(() => azureTags(v, { ...base, tags: { [key]: "x" } })).problem,
        /Azure tag name/,
      );
    }
    assert.match(
      inputError(() => azureTags(v, { ...base, tags: { k: "v".repeat(257) } })).problem,
      /too long for an Azure tag value/,
    );
  });

  it("refuses more tags than Azure's 50 leave room for, the four Groundwork adds counted", () => {
    const tags = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    assert.equal(Object.keys(azureTags(v, { ...base, tags: tags(46) })).length, 49);
    const err = inputError(() => azureTags(v, { ...base, tags: tags(47) }));
    assert.equal(err.value, "47 tags");
    assert.match(err.problem, /would carry 51, more than the 50 Azure allows/);
  });

  it("a storage account's tag names stop at 128 characters", () => {
    azureTags(v, { ...base, tags: { ["n".repeat(128)]: "v" } }, { storageAccount: true });
    const err = inputError(() =>
      azureTags(v, { ...base, tags: { ["n".repeat(129)]: "v" } }, { storageAccount: true }),
    );
    assert.match(err.expected, /^at most 128 characters on a storage account/);
  });

  it("still refuses a reserved key", () => {
    inputError(() => azureTags(v, { ...base, tags: { "managed-by": "terraform" } }));
  });
});

describe("azure/naming: AZURE_STORAGE_ACCOUNT_NAME", () => {
  it("azureStorageAccount: 3-24 lowercase letters and digits only", () => {
    valid(AZURE_STORAGE_ACCOUNT_NAME, ["abc", "a1b2c3", "a".repeat(24), "123"]);
    invalid(AZURE_STORAGE_ACCOUNT_NAME, ["ab", ""], /too short/);
    invalid(AZURE_STORAGE_ACCOUNT_NAME, ["a".repeat(25)], /too long/);
    invalid(AZURE_STORAGE_ACCOUNT_NAME, ["Abc", "ab-c", "ab.c", "ab_c"]);
  });
});
