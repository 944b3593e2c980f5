// scripts/facts/azure-locations.ts: the Azure CLI's location list becomes facts/azure/locations.json's
// regions and pairs; a listing of what the file holds changes nothing.
import * as assert from "assert";
import azureLocations from "../../facts/azure/locations.json";
import { LocationsFile } from "../../facts/locations";
import { AzLocation, updatedAzureLocations } from "../../scripts/facts/azure-locations";
import { describeChanges } from "../../scripts/facts/gcp-locations";

const FILE = azureLocations as unknown as LocationsFile;

describe("scripts/facts/azure-locations", () => {
  it("physical regions only, canaries and logical places left out; pairs from metadata", () => {
    const listed: AzLocation[] = [
      { name: "westeurope", metadata: { regionType: "Physical", pairedRegion: [{ name: "northeurope" }] } },
      { name: "northeurope", metadata: { regionType: "Physical", pairedRegion: [{ name: "westeurope" }] } },
      { name: "polandcentral", metadata: { regionType: "Physical", pairedRegion: [] } },
      { name: "eastus2euap", metadata: { regionType: "Physical" } },
      { name: "europe", metadata: { regionType: "Logical" } },
    ];
    const after = updatedAzureLocations(FILE, listed);
    assert.deepStrictEqual(after.regions.names, ["northeurope", "polandcentral", "westeurope"]);
    assert.deepStrictEqual(after.pairedRegions.names, ["northeurope", "westeurope"]);
    assert.deepStrictEqual(after.pairedRegions.ids, ["westeurope", "northeurope"]);
    assert.strictEqual(after.regions.source, FILE.regions.source);
  });

  it("a listing of exactly the file's regions and pairs changes nothing", () => {
    const pairs = new Map(FILE.pairedRegions.names.map((n, i) => [n, FILE.pairedRegions.ids![i]]));
    const listed: AzLocation[] = FILE.regions.names.map((name) => ({
      name,
      metadata: { regionType: "Physical", pairedRegion: pairs.has(name) ? [{ name: pairs.get(name)! }] : [] },
    }));
    const after = updatedAzureLocations(FILE, listed);
    assert.deepStrictEqual(describeChanges(FILE, after), []);
    assert.deepStrictEqual(after.pairedRegions.ids, FILE.pairedRegions.ids);
  });
});
