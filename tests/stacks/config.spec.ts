// The reference platform's config loader: what a stack file may say, and how it says what is wrong.
import { strict as assert } from "assert";
import { loadPlatformConfig, PlatformConfigError } from "../../stacks/config";

const P = "groundwork-platform";
const valid: Record<string, string> = {
  [`${P}:environment`]: "dev",
  [`${P}:network`]: JSON.stringify({ cidrBlock: "10.10.0.0/16" }),
  [`${P}:service`]: JSON.stringify({
    image: "ghcr.io/acme/api:1.4.2",
    port: 8080,
    certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0f6c1d0e-1111-2222-3333-444455556666",
  }),
  [`${P}:kubernetes`]: JSON.stringify({
    namespace: "storefront",
    webImage: "ghcr.io/acme/web@sha256:" + "a".repeat(64),
  }),
  "aws:region": "eu-west-1",
  "aws:allowedAccountIds": JSON.stringify(["123456789012"]),
};

function errorOf(raw: Record<string, string>): string {
  try {
    loadPlatformConfig(raw, P, "dev");
  } catch (e) {
    assert.ok(e instanceof PlatformConfigError, `expected PlatformConfigError, got ${String(e)}`);
    return (e as Error).message;
  }
  assert.fail("expected the config to be refused");
}

describe("stacks/config: loadPlatformConfig", () => {
  it("reads JSON-valued keys of the project namespace and fills defaults", () => {
    const c = loadPlatformConfig(valid, P, "dev");
    // A stack file that names no cloud is an AWS stack (every stack written before the other clouds).
    assert.ok(c.cloud === "aws", `cloud is ${c.cloud}`);
    assert.ok(c.kubernetes);
    assert.equal(c.environment, "dev");
    assert.equal(c.network.cidrBlock, "10.10.0.0/16");
    assert.equal(c.service.internetFacing, false);
    assert.deepEqual(c.database, { engineVersion: "16", databaseName: "app" });
    assert.equal(c.kubernetes.webPort, 8080);
  });

  it("ignores other namespaces (provider keys such as aws:region)", () => {
    assert.doesNotThrow(() => loadPlatformConfig({ ...valid, "kubernetes:context": "kind" }, P, "dev"));
  });

  it("refuses an unknown key, naming the key and the stack file", () => {
    const msg = errorOf({ ...valid, [`${P}:netwrok`]: "{}" });
    assert.match(msg, /stacks\/Pulumi\.dev\.yaml/);
    assert.match(msg, /groundwork-platform:netwrok: unknown key/);
  });

  it("refuses an unknown nested key", () => {
    const msg = errorOf({
      ...valid,
      [`${P}:network`]: JSON.stringify({ cidrBlock: "10.0.0.0/16", cidr: "x" }),
    });
    assert.match(msg, /groundwork-platform:network\.cidr: unknown key/);
  });

  it("refuses a wrong type, naming the nested key", () => {
    const msg = errorOf({
      ...valid,
      [`${P}:service`]: JSON.stringify({ ...JSON.parse(valid[`${P}:service`]), port: "8080" }),
    });
    assert.match(msg, /groundwork-platform:service\.port: .*expected number/);
  });

  it("refuses a missing value", () => {
    const { [`${P}:environment`]: _dropped, ...rest } = valid;
    assert.match(errorOf(rest), /groundwork-platform:environment: missing value/);
  });

  it("refuses an unpinned or latest image", () => {
    for (const image of ["ghcr.io/acme/api", "ghcr.io/acme/api:latest"]) {
      const msg = errorOf({
        ...valid,
        [`${P}:service`]: JSON.stringify({ ...JSON.parse(valid[`${P}:service`]), image }),
      });
      assert.match(msg, /groundwork-platform:service\.image: an image pinned/);
    }
  });

  it("refuses an environment outside dev, staging, prod", () => {
    assert.match(errorOf({ ...valid, [`${P}:environment`]: "qa" }), /groundwork-platform:environment:/);
  });

  const gcp: Record<string, string> = {
    [`${P}:cloud`]: "gcp",
    [`${P}:environment`]: "prod",
    [`${P}:region`]: "europe-west4",
    [`${P}:network`]: JSON.stringify({ cidrBlock: "10.40.0.0/20" }),
    [`${P}:service`]: JSON.stringify({ image: "europe-docker.pkg.dev/acme/apps/api:1.4.2", port: 8080 }),
  };
  const azure: Record<string, string> = {
    [`${P}:cloud`]: "azure",
    [`${P}:environment`]: "dev",
    [`${P}:location`]: "westeurope",
    [`${P}:network`]: JSON.stringify({ addressSpace: "10.50.0.0/16" }),
    [`${P}:service`]: JSON.stringify({ image: "acme.azurecr.io/api:1.4.2", port: 8080 }),
    [`${P}:database`]: JSON.stringify({
      databaseName: "app",
      administratorGroup: { objectId: "6f1c2a9e-0d3b-4c57-9a1e-2b8f4d7c0001", name: "db-admins" },
    }),
  };

  it("reads a Google Cloud stack: its own keys, defaults, and no Kubernetes half unless configured", () => {
    const c = loadPlatformConfig(gcp, P, "gcp-prod");
    assert.ok(c.cloud === "gcp", `cloud is ${c.cloud}`);
    assert.equal(c.region, "europe-west4");
    assert.equal(c.service.publicAccess, false);
    assert.deepEqual(c.database, { engineVersion: "16", databaseName: "app" });
    assert.equal(c.kubernetes, undefined);
    assert.equal(c.enableApis, true);
    assert.deepEqual(c.storage, {});
  });

  it("Google Cloud: a region Google Cloud has, the nearest named; APIs and a central log bucket by choice", () => {
    assert.match(
      errorOf({ ...gcp, [`${P}:region`]: "europe-west99" }),
      /groundwork-platform:region: a Google Cloud region such as europe-west4 \(did you mean "europe-west9"\?\)/,
    );
    assert.match(
      errorOf({ ...gcp, [`${P}:region`]: "mars" }),
      /groundwork-platform:region: a Google Cloud region/,
    );
    const c = loadPlatformConfig(
      {
        ...gcp,
        [`${P}:enableApis`]: "false",
        [`${P}:storage`]: JSON.stringify({ accessLogBucket: "acme-usage-logs" }),
      },
      P,
      "gcp-prod",
    );
    assert.ok(c.cloud === "gcp");
    assert.deepEqual([c.enableApis, c.storage.accessLogBucket], [false, "acme-usage-logs"]);
    assert.match(
      errorOf({ ...gcp, [`${P}:storage`]: JSON.stringify({ accessLogBucket: "Not A Bucket" }) }),
      /groundwork-platform:storage\.accessLogBucket: a Cloud Storage bucket name/,
    );
  });

  it("reads an Azure stack: location, address space, the Entra administrator group", () => {
    const c = loadPlatformConfig(azure, P, "azure-dev");
    assert.ok(c.cloud === "azure", `cloud is ${c.cloud}`);
    assert.equal(c.location, "westeurope");
    assert.equal(c.database.engineVersion, "16");
    assert.equal(c.database.administratorGroup.name, "db-admins");
  });

  it("refuses another cloud's keys, naming the key (a certificate ARN means nothing on Google Cloud)", () => {
    const msg = errorOf({
      ...gcp,
      [`${P}:service`]: JSON.stringify({ ...JSON.parse(gcp[`${P}:service`]), internetFacing: true }),
    });
    assert.match(msg, /groundwork-platform:service\.internetFacing: unknown key/);
    assert.match(
      errorOf({ ...azure, [`${P}:region`]: "westeurope" }),
      /groundwork-platform:region: unknown key/,
    );
  });

  it("refuses an Azure administrator that is not an object id, and a missing location", () => {
    const database = JSON.parse(azure[`${P}:database`]);
    const msg = errorOf({
      ...azure,
      [`${P}:database`]: JSON.stringify({
        ...database,
        administratorGroup: { objectId: "db-admins", name: "x" },
      }),
    });
    assert.match(msg, /groundwork-platform:database\.administratorGroup\.objectId: an Entra object id/);
    const { [`${P}:location`]: _dropped, ...rest } = azure;
    assert.match(errorOf(rest), /groundwork-platform:location: missing value/);
  });

  it("refuses an Azure registry that is not an ACR host and resource id", () => {
    const service = JSON.parse(azure[`${P}:service`]);
    const msg = errorOf({
      ...azure,
      [`${P}:service`]: JSON.stringify({ ...service, registry: { server: "docker.io", id: "acr" } }),
    });
    assert.match(msg, /groundwork-platform:service\.registry\.server: a registry host/);
    assert.match(msg, /groundwork-platform:service\.registry\.id: a container registry resource id/);
  });

  it("Azure prod: refuses a missing geo-backup region, or one equal to location", () => {
    const database = JSON.parse(azure[`${P}:database`]);
    const prod = { ...azure, [`${P}:environment`]: "prod" };
    assert.match(
      errorOf(prod),
      /groundwork-platform:database\.geoBackupLocation: missing value \(required in prod/,
    );
    assert.match(
      errorOf({
        ...prod,
        [`${P}:database`]: JSON.stringify({ ...database, geoBackupLocation: "westeurope" }),
      }),
      /groundwork-platform:database\.geoBackupLocation: the region paired with location \(westeurope\): northeurope/,
    );
    const ok = loadPlatformConfig(
      { ...prod, [`${P}:database`]: JSON.stringify({ ...database, geoBackupLocation: "northeurope" }) },
      P,
      "azure-prod",
    );
    assert.ok(ok.cloud === "azure" && ok.database.geoBackupLocation === "northeurope");
  });

  it("Azure: refuses an image from another registry than the one granted, and a registry id of another name", () => {
    const service = JSON.parse(azure[`${P}:service`]);
    const id = "/subscriptions/s/resourceGroups/shared/providers/Microsoft.ContainerRegistry/registries/";
    const withRegistry = (image: string, name: string): Record<string, string> => ({
      ...azure,
      [`${P}:service`]: JSON.stringify({
        ...service,
        image,
        registry: { server: "acmeco.azurecr.io", id: id + name },
      }),
    });
    assert.match(
      errorOf(withRegistry("otherco.azurecr.io/api:1.4.2", "acmeco")),
      /groundwork-platform:service\.image: an image from acmeco\.azurecr\.io/,
    );
    assert.match(
      errorOf(withRegistry("acmeco.azurecr.io/api:1.4.2", "other")),
      /groundwork-platform:service\.registry\.id: the id of acmeco\.azurecr\.io/,
    );
    assert.doesNotThrow(() =>
      loadPlatformConfig(withRegistry("acmeco.azurecr.io/api:1.4.2", "acmeco"), P, "azure-dev"),
    );
  });

  it("refuses a platform region other than the provider's own key", () => {
    assert.match(
      errorOf({ ...gcp, "gcp:region": "us-central1" }),
      /groundwork-platform:region: "europe-west4" is not gcp:region "us-central1"/,
    );
    assert.match(
      errorOf({ ...azure, "azure-native:location": "northeurope" }),
      /groundwork-platform:location: "westeurope" is not azure-native:location "northeurope"/,
    );
    assert.doesNotThrow(() => loadPlatformConfig({ ...gcp, "gcp:region": "europe-west4" }, P, "gcp-prod"));
  });

  it("refuses a cloud it has no platform for, naming the clouds it has", () => {
    assert.match(
      errorOf({ ...valid, [`${P}:cloud`]: "oci" }),
      /groundwork-platform:cloud: .*aws.*gcp.*azure/,
    );
  });
});

describe("stacks/config: an AWS stack's region and account", () => {
  it("refuses a region AWS does not have, naming the nearest, and a missing one", () => {
    assert.match(
      errorOf({ ...valid, "aws:region": "eu-west-99" }),
      /aws:region: "eu-west-99" is not a known AWS region \(did you mean "eu-west-[123]"\?\)/,
    );
    const { "aws:region": _region, ...noRegion } = valid;
    assert.match(errorOf(noRegion), /aws:region: missing value/);
  });

  it("pins one account per stack with the provider's allowedAccountIds", () => {
    const { "aws:allowedAccountIds": _accounts, ...noAccount } = valid;
    assert.match(
      errorOf(noAccount),
      /aws:allowedAccountIds: missing value \(a list of the one 12-digit account/,
    );
    for (const bad of [
      JSON.stringify(["123456789012", "210987654321"]),
      JSON.stringify([]),
      "123456789012",
    ]) {
      assert.match(
        errorOf({ ...valid, "aws:allowedAccountIds": bad }),
        /aws:allowedAccountIds: .* is not a list of the one/,
      );
    }
  });

  it("refuses a certificate of another account or region than the stack's", () => {
    const withCert = (arn: string) => ({
      ...valid,
      [`${P}:service`]: JSON.stringify({ ...JSON.parse(valid[`${P}:service`]), certificateArn: arn }),
    });
    for (const arn of [
      "arn:aws:acm:eu-west-1:210987654321:certificate/0f6c1d0e-1111-2222-3333-444455556666",
      "arn:aws:acm:us-east-1:123456789012:certificate/0f6c1d0e-1111-2222-3333-444455556666",
    ])
      assert.match(
        errorOf(withCert(arn)),
        /service\.certificateArn: the certificate is in .* not in the stack's account and region/,
      );
  });

  it("takes the PostgreSQL major only: a minor pin fights RDS's own minor upgrades", () => {
    const msg = errorOf({
      ...valid,
      [`${P}:database`]: JSON.stringify({ engineVersion: "16.4", databaseName: "app" }),
    });
    assert.match(msg, /groundwork-platform:database\.engineVersion/);
  });
});
