// Google Cloud EncryptionKey and Bucket: every BASELINE control per profile, the exact child set, the
// storage agent granted on the key before any bucket, grants to a grantee, weakenings and bad input.
import * as assert from "assert";
import { Bucket, EncryptionKey, serviceAccountGrantee } from "../../components/gcp";
import { ENVIRONMENTS } from "../../components/core";
import { reveal } from "../../testing";
import { inputs, protectedNames, rejectsInputs, run } from "../aws/helpers";

const T = {
  ring: "gcp:kms/keyRing:KeyRing",
  key: "gcp:kms/cryptoKey:CryptoKey",
  keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  bucket: "gcp:storage/bucket:Bucket",
  bucketMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
  keyComponent: "groundwork:gcp:EncryptionKey",
  bucketComponent: "groundwork:gcp:Bucket",
  sqlIdentity: "gcp:projects/serviceIdentity:ServiceIdentity",
};
const NINETY_DAYS = "7776000s";

describe("gcp.EncryptionKey", () => {
  for (const environment of ENVIRONMENTS) {
    it(`${environment}: a ring and a key rotating every 90 days, protected only in prod`, async () => {
      const { q } = await run(() => new EncryptionKey("data", { environment }));
      const root = q.one(T.keyComponent, "data").urn;
      assert.deepStrictEqual(q.inventory(root), [`${T.key}::data-cmk`, `${T.ring}::data-ring`]);
      const key = inputs(q, T.key, "data-cmk");
      assert.strictEqual(key.rotationPeriod, NINETY_DAYS);
      assert.strictEqual(key.destroyScheduledDuration, "2592000s");
      assert.strictEqual(key.purpose, "ENCRYPT_DECRYPT");
      assert.strictEqual(key.keyRing, q.one(T.ring, "data-ring").outputs.id);
      const prod = environment === "prod";
      assert.strictEqual(key.deletionPolicy, prod ? "PREVENT" : "DELETE");
      assert.deepStrictEqual(protectedNames(q, root), prod ? ["data-cmk", "data-ring"] : []);
      assert.strictEqual((key.labels as Record<string, string>).environment, environment);
      assert.strictEqual((key.labels as Record<string, string>)["managed-by"], "groundwork");
    });
  }

  it("defaults the key ring location to the provider's region, and takes an explicit one", async () => {
    const { q } = await run(() => {
      new EncryptionKey("a");
      new EncryptionKey("b", { location: "europe" });
    });
    assert.strictEqual(inputs(q, T.ring, "a-ring").location, "europe-west1");
    assert.strictEqual(inputs(q, T.ring, "b-ring").location, "europe");
  });

  it("grants service agents once each, through the shared grant names", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("data", { services: ["storage", "sql"] });
      assert.strictEqual(key.grantServiceAgent("storage"), key.grantServiceAgent("storage"));
      key.grantDecrypt(serviceAccountGrantee("auditor", "auditor@p.iam.gserviceaccount.com"));
    });
    const storage = inputs(q, T.keyMember, "data-grant-storage-agent-encrypt-decrypt");
    assert.strictEqual(storage.role, "roles/cloudkms.cryptoKeyEncrypterDecrypter");
    assert.strictEqual(
      storage.member,
      "serviceAccount:service-123456789012@gs-project-accounts.iam.gserviceaccount.com",
    );
    const sql = q.one(T.keyMember, "data-grant-sql-agent-encrypt-decrypt");
    assert.deepStrictEqual(sql.propertyDependencies.member, [q.one(T.sqlIdentity, "data-sql-identity").urn]);
    assert.strictEqual(
      reveal<Record<string, unknown>>(sql.inputs).member,
      "serviceAccount:service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com",
    );
    assert.strictEqual(q.one(T.sqlIdentity, "data-sql-identity").inputs.service, "sqladmin.googleapis.com");
    const decrypt = inputs(q, T.keyMember, "data-grant-auditor-decrypt");
    assert.deepStrictEqual(
      [decrypt.role, decrypt.member],
      ["roles/cloudkms.cryptoKeyDecrypter", "serviceAccount:auditor@p.iam.gserviceaccount.com"],
    );
  });

  it("records a short destroy window and unprotected prod keys as weakened, in the label too", async () => {
    const { q } = await run(
      () => new EncryptionKey("k", { environment: "prod", deletionWindowDays: 7, protect: false }),
    );
    const labels = inputs(q, T.key, "k-cmk").labels as Record<string, string>;
    assert.strictEqual(labels["groundwork-weakened"], "deletion-window-days_protect");
    assert.strictEqual(inputs(q, T.key, "k-cmk").deletionPolicy, "DELETE");
  });

  rejectsInputs("gcp.EncryptionKey", [
    [
      () => new EncryptionKey("k", { rotationPeriodDays: 365 }),
      "rotationPeriodDays",
      "365",
      "an integer from 1 to 90",
    ],
    [
      () => new EncryptionKey("k", { services: ["s3" as "storage"] }),
      "services[0]",
      '"s3"',
      /"storage", "sql", "run"/,
    ],
    [
      () => new EncryptionKey("k", { location: "Europe West" }),
      "location",
      '"Europe West"',
      /Cloud KMS location/,
    ],
    [() => new EncryptionKey("k", { rotation: 30 } as never), "rotation", "30", /rotationPeriodDays/],
    [() => new EncryptionKey("key/ring", {}), "name", '"key/ring"', /Cloud KMS name/],
    [() => new EncryptionKey("k", { labels: { team: 42 as never } }), "labels.team", "42", "a string value"],
  ]);
});

/** The default child set of Bucket "assets", written out by hand. */
const BUCKET_INVENTORY = [
  `${T.key}::assets-key-cmk`,
  `${T.keyMember}::assets-key-grant-storage-agent-encrypt-decrypt`,
  `${T.ring}::assets-key-ring`,
  `${T.bucket}::assets-bucket`,
  `${T.bucket}::assets-logs`,
  `${T.bucketMember}::assets-logs-writer`,
  `${T.keyComponent}::assets-key`,
];

describe("gcp.Bucket", () => {
  for (const environment of ENVIRONMENTS) {
    describe(environment, () => {
      let q: Awaited<ReturnType<typeof run>>["q"];
      before(async () => {
        ({ q } = await run(() => new Bucket("assets", { environment })));
      });

      it("registers exactly the expected children", () => {
        assert.deepStrictEqual(q.inventory(q.one(T.bucketComponent, "assets").urn), BUCKET_INVENTORY);
      });

      it("both buckets: uniform access, prevention enforced, CMEK, versioning, soft delete [CKV_GCP_29/114/78]", () => {
        const keyId = q.one(T.key, "assets-key-cmk").outputs.id;
        for (const name of ["assets-bucket", "assets-logs"]) {
          const b = inputs(q, T.bucket, name);
          assert.strictEqual(b.uniformBucketLevelAccess, true, name);
          assert.strictEqual(b.publicAccessPrevention, "enforced", name);
          assert.deepStrictEqual(b.encryption, { defaultKmsKeyName: keyId }, name);
          assert.deepStrictEqual(b.versioning, { enabled: true }, name);
          assert.deepStrictEqual(b.softDeletePolicy, { retentionDurationSeconds: 604800 }, name);
          assert.strictEqual(b.forceDestroy, false, name);
          assert.strictEqual(b.location, "europe-west1", name);
        }
      });

      it("the storage agent holds the key before either bucket exists", () => {
        const grant = q.one(T.keyMember, "assets-key-grant-storage-agent-encrypt-decrypt").urn;
        for (const name of ["assets-bucket", "assets-logs"])
          assert.ok(q.one(T.bucket, name).dependencies.includes(grant), name);
      });

      it("logs usage to the log bucket, which Cloud Storage may write and which ages logs out [CKV_GCP_62]", () => {
        const logs = q.one(T.bucket, "assets-logs");
        assert.deepStrictEqual(inputs(q, T.bucket, "assets-bucket").logging, {
          logBucket: logs.outputs.name,
          logObjectPrefix: "assets/",
        });
        const writer = inputs(q, T.bucketMember, "assets-logs-writer");
        assert.deepStrictEqual(
          [writer.role, writer.member],
          ["roles/storage.objectCreator", "group:cloud-storage-analytics@google.com"],
        );
        const days = { dev: 30, staging: 90, prod: 365 }[environment];
        const rules = logs.inputs.lifecycleRules as {
          action: { type: string };
          condition: { age?: number };
        }[];
        assert.ok(rules.some((r) => r.action.type === "Delete" && r.condition.age === days));
      });

      it("protects buckets and key in prod only", () => {
        const root = q.one(T.bucketComponent, "assets").urn;
        const expected =
          environment === "prod" ? ["assets-bucket", "assets-key-cmk", "assets-key-ring", "assets-logs"] : [];
        assert.deepStrictEqual(protectedNames(q, root), expected);
      });
    });
  }

  it("a shared EncryptionKey is granted to the storage agent once, whatever the number of buckets", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("shared", { location: "europe" });
      new Bucket("a", { encryptionKey: key, location: "EU" });
      new Bucket("b", { encryptionKey: key, location: "eu" });
    });
    assert.strictEqual(q.ofType(T.keyMember).length, 1);
    assert.strictEqual(q.ofType(T.ring).length, 1);
  });

  it("a key given by id gets its own agent grant child", async () => {
    const id = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k";
    const { q } = await run(() => new Bucket("a", { encryptionKey: id, accessLogging: false }));
    assert.strictEqual(inputs(q, T.keyMember, "a-key-grant").cryptoKeyId, id);
    assert.strictEqual(
      (inputs(q, T.bucket, "a-bucket").encryption as { defaultKmsKeyName: string }).defaultKmsKeyName,
      id,
    );
    assert.ok(q.one(T.bucket, "a-bucket").dependencies.includes(q.one(T.keyMember, "a-key-grant").urn));
  });

  it("access logging off is recorded as weakened; no log bucket is made", async () => {
    const { q } = await run(() => new Bucket("a", { accessLogging: false }));
    assert.strictEqual(q.ofType(T.bucket).length, 1);
    assert.strictEqual(inputs(q, T.bucket, "a-bucket").logging, undefined);
    assert.strictEqual(
      (inputs(q, T.bucket, "a-bucket").labels as Record<string, string>)["groundwork-weakened"],
      "access-logging",
    );
  });

  it("grants read and write to a grantee as bucket bindings named from it, and refuses the same grant twice", async () => {
    const { q } = await run(() => {
      const b = new Bucket("a");
      const api = serviceAccountGrantee("api", "api@p.iam.gserviceaccount.com");
      b.grantRead(api);
      b.grantWrite(api);
      assert.throws(() => b.grantRead(api), /already used/);
      assert.throws(
        () => b.grantRead({ granteeName: "anyone", grantPrincipal: { member: "allUsers" } }),
        /"allUsers" is everyone, not a single IAM identity/,
      );
    });
    assert.deepStrictEqual(
      [
        inputs(q, T.bucketMember, "a-grant-api-read").role,
        inputs(q, T.bucketMember, "a-grant-api-write").role,
      ],
      ["roles/storage.objectViewer", "roles/storage.objectCreator"],
    );
  });

  rejectsInputs("gcp.Bucket", [
    [
      () => new Bucket("a", { bucketName: "Bad_Name" }),
      "bucketName",
      '"Bad_Name"',
      /Cloud Storage bucket name/,
    ],
    [
      () => new Bucket("a", { encryptionKey: "arn:aws:kms:x" }),
      "encryptionKey",
      '"arn:aws:kms:x"',
      /crypto key id/,
    ],
    [() => new Bucket("a", { softDeleteDays: 3 }), "softDeleteDays", "3", "an integer from 7 to 90"],
    [() => new Bucket("Assets"), "name", '"Assets"', /Cloud Storage bucket name/],
    [
      () => new Bucket("a", { accessLogging: false, accessLogBucket: "logs" }),
      "accessLogBucket",
      '"logs"',
      /accessLogging true/,
    ],
    // The key the bucket creates is checked before anything registers: "a.b" makes a bucket name but no key ring name.
    [() => new Bucket("a.b", {}), "name", '"a.b"', /Cloud KMS name/, "name: the key it creates"],
  ]);
});
