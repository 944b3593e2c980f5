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
});
