// The Azure required-tags rule (the AWS rule's knobs, over azure-native resources that take tags) and the
// storage customer-managed-key rule: passing and failing programs, their knobs, and preview unknowns.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { AZURE_TAGGABLE } from "../../policy/rules/azure/tags";
import { policies } from "../../policy/pack";
import { ruleCases, undecidedInPreview } from "./rule-cases";
import { LOCATION, storageAccount, subnet, vault } from "./azure-kit";
import { TAGS } from "./kit";

const CMK = {
  keySource: "Microsoft.Keyvault",
  requireInfrastructureEncryption: true,
  keyVaultProperties: { keyName: "cmk", keyVaultUri: "https://kv-corpus.vault.azure.net/" },
};

describe("Azure rules: required tags", function () {
  this.timeout(60_000);

  it("every taggable token is an azure-native class whose args declare tags", () => {
    for (const token of AZURE_TAGGABLE) {
      const [, module, name] = token.split(":");
      const entry = require.resolve(`@pulumi/azure-native/${module}`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cls = (require(entry) as Record<string, { __pulumiType?: string }>)[name];
      assert.strictEqual(cls?.__pulumiType, token, token);
      // The class's declaration file (its name in camel case) holds `export interface <Name>Args`.
      const dir = path.dirname(entry);
      const file = fs.readdirSync(dir).find((f) => f.toLowerCase() === `${name.toLowerCase()}.d.ts`);
      const dts = fs.readFileSync(path.join(dir, file ?? "missing"), "utf8");
      const args = dts.slice(dts.indexOf(`export interface ${name}Args `));
      assert.match(args.slice(0, args.indexOf("\n}")), /\n {4}tags\?:/, token);
    }
  });

  it("takes the AWS rule's knobs: required keys and fix defaults", () => {
    const props = policies.find((p) => p.name === "azure-required-tags")?.configSchema?.properties ?? {};
    assert.deepStrictEqual(props.required?.default, ["environment", "managed-by", "component"]);
    assert.deepStrictEqual(props.defaults?.default, {});
  });

  ruleCases([
    {
      policy: "azure-required-tags",
      title: "a storage account and a vault with the Groundwork tags, and an untagged subnet (takes none)",
      program: () => {
        storageAccount("st");
        vault("kv");
        subnet("app");
      },
    },
    {
      policy: "azure-required-tags",
      title: "a resource group tagged with environment only",
      program: () =>
        void new resources.ResourceGroup("rg", { location: LOCATION, tags: { environment: "dev" } }),
      fail: /missing tags: managed-by, component/,
    },
    {
      policy: "azure-required-tags",
      title: "a storage account without the owner tag a team requires",
      program: () => void storageAccount("st"),
      config: { "azure-required-tags": { required: ["environment", "owner"] } },
      fail: /missing tags: owner$/,
    },
  ]);
});

/** Encryption under the Microsoft-managed key (the corpus account uses a Key Vault key). */
const MICROSOFT = { requireInfrastructureEncryption: true, keySource: "Microsoft.Storage" };

describe("Azure rules: storage customer-managed key", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "azure-storage-customer-managed-key",
      title: "an account encrypted under a Key Vault key",
      program: () => void storageAccount("st", { encryption: CMK }),
    },
    {
      policy: "azure-storage-customer-managed-key",
      title: "an account under Microsoft-managed keys",
      program: () => void storageAccount("st", { encryption: MICROSOFT }),
      fail: /encryption.keySource is "Microsoft.Storage": data is encrypted under a Microsoft-managed key; set customerManagedKey: false/,
    },
    {
      policy: "azure-storage-customer-managed-key",
      title: "an account under Microsoft-managed keys, with customerManagedKey: false",
      program: () => void storageAccount("st", { encryption: MICROSOFT }),
      config: { "azure-storage-customer-managed-key": { customerManagedKey: false } },
    },
    {
      policy: "azure-storage-customer-managed-key",
      title: "a dev account when only prod must use one",
      program: () => void storageAccount("st", { encryption: MICROSOFT }),
      config: { "azure-storage-customer-managed-key": { environments: ["prod"] } },
    },
    {
      policy: "azure-storage-customer-managed-key",
      title: "a prod-tagged account when prod must use one",
      program: () =>
        void storageAccount("st", { encryption: MICROSOFT, tags: { ...TAGS, environment: "prod" } }),
      config: { "azure-storage-customer-managed-key": { environments: ["prod"] } },
      fail: /Microsoft-managed key/,
    },
  ]);
  // The Groundwork StorageAccount's case: one value inside `encryption` not yet created makes the whole
  // object unknown in preview, which must not read as a Microsoft-managed key.
  undecidedInPreview(
    "azure-storage-customer-managed-key",
    "an encryption object with an Output in it",
    () => {
      const kv = vault("kv");
      storageAccount("st", {
        encryption: {
          keySource: "Microsoft.Storage",
          requireInfrastructureEncryption: kv.id.apply(() => true) as pulumi.Output<boolean>,
        },
      });
    },
  );
});
