// The AWS facts as data: every entry sourced, the region list equal to the installed SDK's, every region
// with its zones, a region AWS does not have answered as the provider answers it (an error), and the
// limits and lifecycles the components check against.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { getAvailabilityZones } from "@pulumi/aws/getAvailabilityZones";
import awsLifecycle from "../../facts/aws/lifecycle.json";
import awsLimits from "../../facts/aws/limits.json";
import awsLocations from "../../facts/aws/locations.json";
import { FACT_FILES, derivedSource } from "../../facts/resources";
import { AWS_REGIONS, awsLimit } from "../../components/aws";
import { synth } from "../../engine/synth";
import { zonesOf } from "../../engine/zones";
import { sdkRegions, withRegions } from "../../scripts/facts/aws-locations";

const ROOT = path.resolve(__dirname, "../../..");

describe("facts/aws", () => {
  it("every resource type has a source, and every single-property fact, server fact and identity has its own", () => {
    const file = FACT_FILES.aws;
    assert.ok(Object.keys(file.types).length >= 35);
    for (const [type, fact] of Object.entries(file.types)) {
      assert.ok(derivedSource(type), `${type} has no source`);
      if (fact.stateful !== "none") assert.ok(fact.statefulWhy, `${type} is ${fact.stateful}: say why`);
      for (const f of [...(fact.properties ?? []), ...(fact.server ?? []), ...(fact.identities ?? [])])
        assert.match(f.source, /https:\/\//, `${type}: ${JSON.stringify(f)}`);
    }
    assert.match(file.sources.tpa.commit, /^[0-9a-f]{40}$/);
  });

  it("lists exactly the regions the installed @pulumi/aws knows (run scripts/facts/aws-locations after an upgrade)", () => {
    const dts = require.resolve("@pulumi/aws/types/enums/index.d.ts", { paths: [ROOT] });
    const regions = sdkRegions(fs.readFileSync(dts, "utf8"));
    assert.ok(regions.includes("eu-west-1") && regions.length > 30);
    assert.deepStrictEqual(awsLocations.regions.names, regions);
    assert.deepStrictEqual(
      withRegions(awsLocations, regions),
      awsLocations,
      "the update script would change nothing",
    );
  });

  it("a region new to the SDK gets guessed zones marked as such; a dropped one loses its zones", () => {
    const next = withRegions(awsLocations, ["eu-west-1", "eu-west-9"]);
    assert.deepStrictEqual(next.regions.names, ["eu-west-1", "eu-west-9"]);
    assert.deepStrictEqual(next.availabilityZones.names, [
      "eu-west-1a",
      "eu-west-1b",
      "eu-west-1c",
      "eu-west-9a",
      "eu-west-9b",
      "eu-west-9c",
    ]);
    assert.deepStrictEqual(next.availabilityZones.ids?.slice(3), ["euw9-az1", "euw9-az2", "euw9-az3"]);
    assert.match(next.availabilityZones.notes?.["eu-west-9"] ?? "", /a guess/);
  });

  it("every region has zones, each with an id of the region's prefix", () => {
    const zones = awsLocations.availabilityZones;
    assert.strictEqual(zones.ids.length, zones.names.length);
    for (const region of awsLocations.regions.names) {
      const own = zonesOf(region);
      assert.ok(own.length >= 2, `${region} has ${own.length} zones`);
      for (const z of own) assert.match(z.name, new RegExp(`^${region}[a-z]$`));
      assert.strictEqual(new Set(own.map((z) => z.zoneId)).size, own.length, region);
    }
  });

  it("the engine answers a region AWS does not have as the provider does: an error, no invented zones", async () => {
    await assert.rejects(
      synth(async () => ({ zones: (await getAvailabilityZones({})).names }), {
        config: { "aws:region": "eu-west-99" },
      }),
      /invalid AWS Region: eu-west-99/,
    );
    const g = await synth(async () => ({ zones: (await getAvailabilityZones({})).names }), {
      config: { "aws:region": "ap-northeast-2" },
    });
    assert.deepStrictEqual(g.outputs.zones, [
      "ap-northeast-2a",
      "ap-northeast-2b",
      "ap-northeast-2c",
      "ap-northeast-2d",
    ]);
    assert.strictEqual(AWS_REGIONS.names.includes("eu-west-99"), false);
  });

  it("limits and lifecycles carry their sources; the components read them by key", () => {
    for (const [key, limit] of Object.entries(awsLimits)) {
      assert.match(limit.source, /^https:\/\/docs\.aws\.amazon\.com\//, key);
      assert.ok(limit.value > 0, key);
    }
    assert.strictEqual(awsLimit("ec2.elasticIpsPerRegion").value, 5);
    assert.strictEqual(awsLimit("iam.rolePolicySize").value, 10240);
    assert.throws(() => awsLimit("nope"), /no limit nope/);
    // Every major the PostgresDatabase accepts has a support window.
    for (const major of ["14", "15", "16", "17"] as const)
      assert.match(
        awsLifecycle["rds-postgres"].majors[major].standardSupportEnds,
        /^\d{4}-02-(28|29)$/,
        major,
      );
  });
});
