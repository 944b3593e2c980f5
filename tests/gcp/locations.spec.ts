// Google Cloud places: every location argument is checked against the providers' own lists
// (facts/gcp/locations.json), an impossible one is refused before anything registers with the nearest
// valid value named, and a customer-managed key must be where its data is (GCS `EU` ↔ KMS `europe`).
import * as assert from "assert";
import {
  Bucket,
  ContainerService,
  EncryptionKey,
  GCP_REGIONS,
  GCS_LOCATIONS,
  KMS_LOCATIONS,
  Network,
  PostgresDatabase,
} from "../../components/gcp";
import { keyLocationsFor, locationOfKeyId } from "../../components/gcp/locations";
import { isPlace } from "../../facts/locations";
import { describeChanges, parseListing, updatedLocations } from "../../scripts/facts/gcp-locations";
import { GroundworkInputError } from "../../components/core";
import { inputs, rejectsInputs, run, synthCaught } from "../aws/helpers";

const RING = "gcp:kms/keyRing:KeyRing";
const IMAGE = "europe-docker.pkg.dev/p/r/api:1.0.0";
const SUBNET = {
  networkId: "projects/p/global/networks/n",
  subnetId: "projects/p/regions/europe-west1/subnetworks/s",
};

describe("gcp locations: the lists", () => {
  it("each list has a source, no duplicates, and every region is also a bucket and a key location", () => {
    for (const list of [GCP_REGIONS, GCS_LOCATIONS, KMS_LOCATIONS]) {
      assert.match(list.source, /^https:\/\/cloud\.google\.com\//, list.kind);
      assert.strictEqual(new Set(list.names).size, list.names.length, list.kind);
      assert.ok(isPlace(list, list.example), `${list.kind}: its example ${list.example} is in it`);
    }
    const missing = GCP_REGIONS.names.filter((r) => !isPlace(GCS_LOCATIONS, r) || !isPlace(KMS_LOCATIONS, r));
    assert.deepStrictEqual(missing, []);
  });

  it("Cloud KMS has europe and no eu; Cloud Storage has EU in any case and no europe", () => {
    assert.ok(isPlace(KMS_LOCATIONS, "europe") && !isPlace(KMS_LOCATIONS, "eu"));
    assert.ok(
      isPlace(GCS_LOCATIONS, "EU") && isPlace(GCS_LOCATIONS, "eu") && !isPlace(GCS_LOCATIONS, "europe"),
    );
    assert.ok(!isPlace(KMS_LOCATIONS, "EUROPE"), "Cloud KMS locations are lowercase");
  });

  it("a key for a bucket is in the KMS name of its location; for Cloud SQL and Cloud Run, in its region", () => {
    assert.deepStrictEqual(keyLocationsFor("storage", "EU"), ["europe"]);
    assert.deepStrictEqual(keyLocationsFor("storage", "US"), ["us"]);
    assert.deepStrictEqual(keyLocationsFor("storage", "EUROPE-WEST1"), ["europe-west1"]);
    assert.deepStrictEqual(keyLocationsFor("storage", "eur4"), ["eur4", "europe"]);
    assert.deepStrictEqual(keyLocationsFor("sql", "europe-west4"), ["europe-west4"]);
    // Every key location the rules name is a Cloud KMS location.
    for (const gcs of GCS_LOCATIONS.names)
      for (const kms of keyLocationsFor("storage", gcs))
        assert.ok(isPlace(KMS_LOCATIONS, kms), `${gcs} → ${kms}`);
    assert.strictEqual(locationOfKeyId("projects/p/locations/europe/keyRings/r/cryptoKeys/k"), "europe");
  });
});

describe("gcp locations: components", () => {
  it("a bucket in EU creates its key in europe; a regional bucket in its region", async () => {
    const { q } = await run(() => {
      new Bucket("eu", { location: "EU", accessLogging: false });
      new Bucket("dual", { location: "EUR4", accessLogging: false });
      new Bucket("west", { location: "europe-west4", accessLogging: false });
    });
    assert.deepStrictEqual(
      ["eu-key-ring", "dual-key-ring", "west-key-ring"].map((n) => inputs(q, RING, n).location),
      ["europe", "eur4", "europe-west4"],
    );
    assert.strictEqual(inputs(q, "gcp:storage/bucket:Bucket", "eu-bucket").location, "EU");
  });

  it("takes a key where its data is: EU with europe, a region with the same region", async () => {
    const { q } = await run(() => {
      const europe = new EncryptionKey("europe", { location: "europe" });
      const west = new EncryptionKey("west", { location: "europe-west1" });
      new Bucket("eu", { location: "EU", encryptionKey: europe, accessLogging: false });
      new Bucket("id", {
        location: "eu",
        encryptionKey: "projects/p/locations/europe/keyRings/r/cryptoKeys/k",
        accessLogging: false,
      });
      new PostgresDatabase("db", {
        network: "projects/p/global/networks/n",
        region: "europe-west1",
        encryptionKey: west,
      });
      new ContainerService("api", {
        network: SUBNET,
        region: "europe-west1",
        image: IMAGE,
        encryptionKey: west,
      });
    });
    assert.strictEqual(q.ofType(RING).length, 2, "no component made a key of its own");
  });

  type Case = Parameters<typeof rejectsInputs>[1][number];
  const KEY_IN_EUROPE = "projects/p/locations/europe/keyRings/r/cryptoKeys/k";
  const NET = "projects/p/global/networks/n";
  const cases: { readonly [component: string]: Case[] } = {
    "gcp.Bucket": [
      [
        () => new Bucket("b", { location: "mars" }),
        "location",
        '"mars"',
        /Cloud Storage location such as EU/,
      ],
      [
        () => new Bucket("b", { location: "europe-west4", encryptionKey: KEY_IN_EUROPE }),
        "encryptionKey",
        '"europe"',
        /a key in "europe-west4"/,
        "encryptionKey: a key id elsewhere",
      ],
    ],
    "gcp.EncryptionKey": [
      [
        () => new EncryptionKey("k", { location: "europe-west99" }),
        "location",
        '"europe-west99"',
        /Cloud KMS location/,
      ],
      [
        () => new EncryptionKey("k", { location: "eu" }),
        "location",
        '"eu"',
        /"europe"/,
        "location: eu names europe",
      ],
    ],
    "gcp.Network": [
      [() => new Network("n", { region: "narnia-west1" }), "region", '"narnia-west1"', /Google Cloud region/],
    ],
    "gcp.PostgresDatabase": [
      [
        () => new PostgresDatabase("d", { network: NET, region: "europe-west99" }),
        "region",
        '"europe-west99"',
        /Google Cloud region/,
      ],
      [
        () =>
          new PostgresDatabase("d", { network: NET, region: "europe-west1", encryptionKey: KEY_IN_EUROPE }),
        "encryptionKey",
        '"europe"',
        /a key in "europe-west1"/,
        "encryptionKey: a key id elsewhere",
      ],
    ],
    "gcp.ContainerService": [
      [
        () => new ContainerService("s", { network: SUBNET, region: "us-central9", image: IMAGE }),
        "region",
        '"us-central9"',
        /Google Cloud region/,
      ],
    ],
  };
  for (const [component, list] of Object.entries(cases))
    describe(component, () => rejectsInputs(component, list));

  it("refuses an EncryptionKey elsewhere before the using component registers anything", async () => {
    for (const [build, problem] of [
      [
        (k: EncryptionKey) => new Bucket("b", { location: "EU", encryptionKey: k }),
        'gcp.Bucket "b": encryptionKey "europe-west1" is a key in "europe-west1", which cannot encrypt a bucket in "EU" (expected a key in "europe")',
      ],
      [
        (k: EncryptionKey) =>
          new ContainerService("s", {
            network: SUBNET,
            region: "europe-west4",
            image: IMAGE,
            encryptionKey: k,
          }),
        'gcp.ContainerService "s": encryptionKey "europe-west1" is a key in "europe-west1", which cannot encrypt a Cloud Run service in "europe-west4" (expected a key in "europe-west4")',
      ],
    ] as const) {
      const { caught, graph } = await synthCaught(() =>
        build(new EncryptionKey("k", { location: "europe-west1" })),
      );
      assert.ok(caught instanceof GroundworkInputError, String(caught));
      assert.strictEqual(caught.message, problem);
      assert.deepStrictEqual(
        graph.resources
          .filter((r) => !r.urn.includes("EncryptionKey") && !r.type.startsWith("pulumi:"))
          .map((r) => r.urn),
        [],
      );
    }
  });

  it("names the nearest valid value", async () => {
    await assert.rejects(
      run(() => new EncryptionKey("k", { location: "europe-west99" })),
      /did you mean "europe-west9"\?/,
    );
    await assert.rejects(
      run(() => new Network("n", { region: "europe-wets1" })),
      /did you mean "europe-west1"\?/,
    );
  });
});

describe("scripts/facts/gcp-locations: refreshing the lists from gcloud", () => {
  const file = { regions: GCP_REGIONS, storageLocations: GCS_LOCATIONS, kmsLocations: KMS_LOCATIONS };

  it("reads a gcloud listing: one name a line, blanks and duplicates dropped, sorted", () => {
    assert.deepStrictEqual(parseListing("us-east1\n\neurope-west1\r\nus-east1\n"), [
      "europe-west1",
      "us-east1",
    ]);
  });

  it("the committed file is what a refresh from its own lists gives (Cloud Storage has every region)", () => {
    const same = updatedLocations(file, GCP_REGIONS.names, KMS_LOCATIONS.names);
    assert.deepStrictEqual(describeChanges(file, same), []);
    assert.deepStrictEqual(same, file);
  });

  it("a new region reaches regions and Cloud Storage, keeping the dual- and multi-regions; KMS is taken whole", () => {
    const next = updatedLocations(file, [...GCP_REGIONS.names, "asia-southeast3"], ["global", "europe"]);
    assert.ok(next.regions.names.includes("asia-southeast3"));
    assert.ok(next.storageLocations.names.includes("asia-southeast3"));
    assert.ok(["eu", "us", "asia", "eur4", "nam4"].every((n) => next.storageLocations.names.includes(n)));
    assert.deepStrictEqual(next.kmsLocations.names, ["global", "europe"]);
    assert.deepStrictEqual(describeChanges(file, next).slice(0, 2), [
      "regions: + asia-southeast3",
      "storageLocations: + asia-southeast3",
    ]);
    assert.throws(() => updatedLocations(file, ["EU"], []), /not region names: EU/);
  });
});
