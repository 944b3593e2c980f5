// facts/azure/resources.json against the SDK it describes: every type is one @pulumi/azure-native ships,
// every classified path starts with an input that type's Args declare (a typo would classify nothing),
// and every entry says where it comes from and which resource providers it needs.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import azureFacts from "../../facts/azure/resources.json";
import { ResourceFactsFile } from "../../facts/types";

const FACTS = azureFacts as unknown as ResourceFactsFile;
const SDK = path.dirname(require.resolve("@pulumi/azure-native/package.json"));

/** The input names of a type's `…Args` interface, read from the SDK's declaration file. */
function argNames(type: string): Set<string> {
  const [, module, name] = type.split(":");
  const file = path.join(SDK, module, `${name.charAt(0).toLowerCase()}${name.slice(1)}.d.ts`);
  assert.ok(fs.existsSync(file), `${type}: no ${file}`);
  const text = fs.readFileSync(file, "utf8");
  const args = new RegExp(`export interface ${name}Args \\{([\\s\\S]*?)\\n\\}`).exec(text);
  assert.ok(args, `${type}: no ${name}Args in ${file}`);
  return new Set([...args[1].matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]));
}

describe("facts/azure/resources.json against @pulumi/azure-native", () => {
  for (const [type, fact] of Object.entries(FACTS.types)) {
    it(`${type}: every path is an input of the type; sourced; resource providers named`, () => {
      const inputs = argNames(type);
      const paths = [...fact.replace, ...fact.update, ...(fact.properties ?? []).map((p) => p.path)];
      const unknown = paths.filter((p) => !inputs.has(p.split(".")[0]));
      assert.deepStrictEqual(unknown, [], `${type}: not inputs of ${type.split(":")[2]}Args`);
      const overlap = fact.replace.filter((p) => fact.update.includes(p));
      assert.deepStrictEqual(overlap, [], `${type}: both replaced and updated`);
      assert.match(fact.source ?? "", /azure-rest-api-specs/);
      for (const p of fact.properties ?? [])
        assert.match(p.source, /https:\/\/|node_modules/, `${type} ${p.path}`);
      assert.ok((fact.apis ?? []).every((a) => /^Microsoft\.[A-Za-z]+$/.test(a)) && fact.apis!.length > 0);
    });
  }
});
