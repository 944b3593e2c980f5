// Google Cloud ContainerService (Cloud Run v2): every BASELINE control per profile, its own service
// account with only its secret reads, CMEK granted first, VPC egress, public access as a recorded
// weakening, grants to the service as a grantee, and bad input (a region other than the Network's among
// it) refused before anything registers.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS, GroundworkInputError, PROFILES, Validator } from "../../components/core";
import { Bucket, ContainerService, ContainerServiceArgs, GCP_SIZES, Network } from "../../components/gcp";
import { resolveContainerServiceArgs } from "../../components/gcp/container-service/args";
import { reveal } from "../../testing";
import { inputs, rejectsInputs, run, synthCaught } from "../aws/helpers";
import { inputError } from "../core/helpers";
import { synthRejectedLater } from "../kubernetes/helpers";

const T = {
  component: "groundwork:gcp:ContainerService",
  service: "gcp:cloudrunv2/service:Service",
  invoker: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
  account: "gcp:serviceaccount/account:Account",
  secretMember: "gcp:secretmanager/secretIamMember:SecretIamMember",
  keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  bucketMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
};
const IMAGE = "europe-docker.pkg.dev/acme/apps/web:1.2.3";
const NET = {
  networkId: "projects/acme/global/networks/core",
  subnetId: "projects/acme/regions/europe-west1/subnetworks/app",
};
type Template = {
  serviceAccount: string;
  encryptionKey: string;
  scaling: Record<string, number>;
  vpcAccess: { egress: string; networkInterfaces: Record<string, string>[] };
  containers: {
    image: string;
    resources: { limits: Record<string, string> };
    envs: Record<string, unknown>[];
  }[];
};

describe("gcp.ContainerService", () => {
  for (const environment of ENVIRONMENTS) {
    it(`${environment}: internal ingress, own account, CMEK, VPC egress, Binary Authorization, sizes`, async () => {
      const { q } = await run(() => new ContainerService("web", { environment, image: IMAGE, network: NET }));
      const root = q.one(T.component, "web").urn;
      assert.deepStrictEqual(
        q.inventory(root).filter((u) => !u.includes("web-key")),
        [`${T.service}::web-service`, `${T.account}::web-sa`],
      );
      const s = inputs(q, T.service, "web-service");
      const t = s.template as Template;
      assert.strictEqual(s.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
      assert.deepStrictEqual(s.binaryAuthorization, { useDefault: true });
      assert.strictEqual(s.invokerIamDisabled, false);
      assert.strictEqual(t.serviceAccount, q.one(T.account, "web-sa").outputs.email);
      assert.strictEqual(t.encryptionKey, q.one("gcp:kms/cryptoKey:CryptoKey", "web-key-cmk").outputs.id);
      assert.deepStrictEqual(t.vpcAccess, {
        egress: "PRIVATE_RANGES_ONLY",
        networkInterfaces: [{ network: NET.networkId, subnetwork: NET.subnetId }],
      });
      const sizes = GCP_SIZES[environment];
      assert.deepStrictEqual(t.containers[0].resources.limits, {
        cpu: sizes.serviceCpu,
        memory: sizes.serviceMemory,
      });
      const replicas = { dev: [1, 2], staging: [2, 4], prod: [3, 10] }[environment];
      assert.deepStrictEqual([t.scaling.minInstanceCount, t.scaling.maxInstanceCount], replicas);
      assert.strictEqual((s.labels as Record<string, string>).environment, environment);
      assert.strictEqual(q.ofType(T.invoker).length, 0, "no invoker binding at all");
      const grant = q.one(T.keyMember, "web-key-grant-run-agent-encrypt-decrypt");
      assert.strictEqual(
        reveal<Record<string, unknown>>(grant.inputs).member,
        "serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com",
      );
      assert.ok(
        q.one(T.service, "web-service").dependencies.includes(grant.urn),
        "the key grant comes first",
      );
    });
  }

  it("an image the program builds (an Output) lands in the revision; an Output of latest is refused once known", async () => {
    const built = `europe-docker.pkg.dev/acme/apps/web@sha256:${"cd".repeat(32)}`;
    const { q } = await run(() => new ContainerService("web", { image: pulumi.output(built), network: NET }));
    const t = inputs(q, T.service, "web-service").template as Template;
    assert.strictEqual(t.containers[0].image, built);
    const seen = await synthRejectedLater(() => {
      new ContainerService("web", {
        image: pulumi.output("europe-docker.pkg.dev/acme/apps/web:latest"),
        network: NET,
      });
    });
    assert.ok(
      seen.some((m) =>
        m.includes(
          'gcp.ContainerService "web": image "europe-docker.pkg.dev/acme/apps/web:latest" uses the mutable tag latest (expected',
        ),
      ),
      seen.join("\n"),
    );
  });

  it("secrets by Secret Manager reference, each read granted to the service's account only", async () => {
    const { q } = await run(
      () =>
        new ContainerService("web", {
          image: IMAGE,
          network: NET,
          environmentVariables: { LOG_LEVEL: "info" },
          secrets: {
            DB_PASSWORD: "projects/acme/secrets/db-password",
            API_TOKEN: "projects/acme/secrets/api-token/versions/3",
          },
        }),
    );
    const envs = (inputs(q, T.service, "web-service").template as Template).containers[0].envs;
    assert.deepStrictEqual(envs, [
      { name: "LOG_LEVEL", value: "info" },
      {
        name: "DB_PASSWORD",
        valueSource: { secretKeyRef: { secret: "projects/acme/secrets/db-password", version: "latest" } },
      },
      {
        name: "API_TOKEN",
        valueSource: { secretKeyRef: { secret: "projects/acme/secrets/api-token", version: "3" } },
      },
    ]);
    const member = q.one(T.account, "web-sa").outputs.member;
    const reads = q.ofType(T.secretMember).map((r) => reveal<Record<string, unknown>>(r.inputs));
    assert.deepStrictEqual(reads.map((r) => [r.secretId, r.role, r.member]).sort(), [
      ["projects/acme/secrets/api-token", "roles/secretmanager.secretAccessor", member],
      ["projects/acme/secrets/db-password", "roles/secretmanager.secretAccessor", member],
    ]);
    const deps = q.one(T.service, "web-service").dependencies;
    for (const r of q.ofType(T.secretMember)) assert.ok(deps.includes(r.urn), `${r.name} comes first`);
  });

  it("an environment variable from a Bucket's name lands resolved in the Cloud Run container", async () => {
    const { q } = await run(() => {
      const assets = new Bucket("assets");
      new ContainerService("web", {
        image: IMAGE,
        network: NET,
        environmentVariables: { LOG_LEVEL: "info", ASSETS_BUCKET: assets.bucketName },
      });
    });
    const bucket = q.one("gcp:storage/bucket:Bucket", "assets-bucket");
    assert.ok(typeof bucket.outputs.name === "string" && bucket.outputs.name !== "", "the bucket has a name");
    const envs = (inputs(q, T.service, "web-service").template as Template).containers[0].envs;
    assert.deepStrictEqual(envs, [
      { name: "LOG_LEVEL", value: "info" },
      { name: "ASSETS_BUCKET", value: bucket.outputs.name },
    ]);
    assert.ok(q.one(T.service, "web-service").dependencies.includes(bucket.urn), "the bucket comes first");
  });

  it("environment values: a known non-string is refused, an Output passes, a secret Output fails later", async () => {
    const resolve = (environmentVariables: ContainerServiceArgs["environmentVariables"]) =>
      resolveContainerServiceArgs(
        new Validator("gcp.ContainerService", "web"),
        { image: IMAGE, network: NET, environmentVariables },
        PROFILES.dev,
      );
    for (const value of [8080, false, { v: "1" }, ["a"]]) {
      const err = inputError(() => resolve({ PORT: value as never }));
      assert.deepStrictEqual([err.field, err.problem], ["environmentVariables.PORT", "is not a string"]);
    }
    const env = resolve({ LOG_LEVEL: "info", ASSETS: pulumi.output("acme-assets") }).environmentVariables;
    assert.strictEqual(env.LOG_LEVEL, "info");
    assert.ok(pulumi.Output.isInstance(env.ASSETS));
    // Plain variables are stored in clear text on the service: a secret Output is refused on resolution.
    const seen = await synthRejectedLater(() => {
      new ContainerService("web", {
        image: IMAGE,
        network: NET,
        environmentVariables: { DSN: pulumi.secret("postgres://u:hunter2@db/app") },
      });
    });
    assert.ok(
      seen.some((m) =>
        /environmentVariables\.DSN "\(secret value hidden\)" is a secret \(expected secrets: \{ DSN/.test(m),
      ),
      seen.join("\n"),
    );
    assert.ok(!seen.some((m) => m.includes("hunter2")), "the secret leaked into the error");
    // A Promise is checked like an Output, and a value that resolves to anything but a string is refused.
    const late = await synthRejectedLater(() => {
      new ContainerService("web", {
        image: IMAGE,
        network: NET,
        environmentVariables: { PORT: Promise.resolve(8080) as never, LOG_LEVEL: pulumi.output(7) as never },
      });
    });
    for (const name of ["PORT", "LOG_LEVEL"])
      assert.ok(
        late.some((m) =>
          new RegExp(`environmentVariables\\.${name} .* is not a string once resolved`).test(m),
        ),
        late.join("\n"),
      );
  });

  it("publicAccess: ingress from all and an allUsers invoker, recorded as weakened", async () => {
    let weakened: unknown;
    const { q } = await run(() => {
      const svc = new ContainerService("web", {
        image: IMAGE,
        network: NET,
        publicAccess: true,
        minCapacity: 0,
      });
      svc.weakened.apply((w) => (weakened = w));
    });
    assert.deepStrictEqual(weakened, ["minCapacity", "publicAccess"]);
    const s = inputs(q, T.service, "web-service");
    assert.strictEqual(s.ingress, "INGRESS_TRAFFIC_ALL");
    assert.strictEqual(
      (s.labels as Record<string, string>)["groundwork-weakened"],
      "min-capacity_public-access",
    );
    const invoker = inputs(q, T.invoker, "web-public-invoker");
    assert.deepStrictEqual([invoker.role, invoker.member], ["roles/run.invoker", "allUsers"]);
  });

  it("a Network gives its private subnet and region; the service is a grantee for a Bucket", async () => {
    const { q } = await run(() => {
      const net = new Network("core", { region: "us-east1" });
      assert.strictEqual(net.regionName, "us-east1");
      const svc = new ContainerService("web", { image: IMAGE, network: net, vpcEgress: "ALL_TRAFFIC" });
      new Bucket("assets").grantRead(svc);
      // The Network's own region given again, or a region when the Network's is unknown now: accepted.
      new ContainerService("same", { image: IMAGE, network: net, region: "us-east1" });
      const later = new Network("later", { region: pulumi.output("us-east1") });
      const fromProvider = new Network("provider");
      assert.deepStrictEqual([later.regionName, fromProvider.regionName], [undefined, undefined]);
      new ContainerService("later", { image: IMAGE, network: later, region: "europe-west1" });
      new ContainerService("provider", { image: IMAGE, network: fromProvider, region: "europe-west1" });
    });
    const location = (svc: string) => inputs(q, T.service, `${svc}-service`).location;
    assert.deepStrictEqual(["same", "later", "provider"].map(location), [
      "us-east1",
      "europe-west1",
      "europe-west1",
    ]);
    const s = inputs(q, T.service, "web-service");
    assert.strictEqual(s.location, "us-east1");
    const vpc = (s.template as Template).vpcAccess;
    assert.strictEqual(vpc.egress, "ALL_TRAFFIC");
    assert.strictEqual(
      vpc.networkInterfaces[0].subnetwork,
      q.one("gcp:compute/subnetwork:Subnetwork", "core-private").outputs.id,
    );
    const grant = inputs(q, T.bucketMember, "assets-grant-web-read");
    assert.strictEqual(grant.member, q.one(T.account, "web-sa").outputs.member);
  });

  it("a region other than the Network's is refused before the service registers anything", async () => {
    const { caught, graph } = await synthCaught(() => {
      const net = new Network("core", { region: "us-east1" });
      new ContainerService("web", { image: IMAGE, network: net, region: "europe-west1" });
    });
    assert.ok(caught instanceof GroundworkInputError, String(caught));
    assert.deepStrictEqual(
      [caught.component, caught.resourceName, caught.field, caught.value],
      ["gcp.ContainerService", "web", "region", "europe-west1"],
    );
    assert.match(caught.message, /direct VPC egress.*expected "us-east1", the Network's region/);
    assert.deepStrictEqual(
      graph.resources.filter((r) => r.urn.includes("::web")),
      [],
    );
  });

  it("a service account id per project, stack and name, within 30 characters", async () => {
    const { q } = await run(() => {
      new ContainerService("web", { image: IMAGE, network: NET });
      new ContainerService("orders-service-in-europe-west-9", { image: IMAGE, network: NET });
    });
    const ids = q.ofType(T.account).map((a) => String(inputs(q, T.account, a.name).accountId));
    for (const id of ids) assert.match(id, /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/);
    assert.ok(
      ids.some((id) => /^web-[0-9a-f]{6}$/.test(id)),
      ids.join(),
    );
    assert.ok(
      ids.some((id) => id.startsWith("orders-service-in-europ-")),
      ids.join(),
    );
  });

  rejectsInputs("gcp.ContainerService", [
    [
      () => new ContainerService("s", { image: "nginx:latest", network: NET }),
      "image",
      '"nginx:latest"',
      /pinned/,
    ],
    [() => new ContainerService("s", { image: "nginx", network: NET }), "image", '"nginx"', /pinned/],
    [() => new ContainerService("s", { image: IMAGE } as never), "network", "undefined", /Network/],
    [
      () =>
        new ContainerService("s", {
          image: IMAGE,
          network: NET,
          environmentVariables: { DB_PASSWORD: "hunter2" },
        }),
      "environmentVariables.DB_PASSWORD",
      "(value hidden)",
      /secrets: \{ DB_PASSWORD/,
    ],
    [
      () =>
        new ContainerService("s", {
          image: IMAGE,
          network: NET,
          secrets: { DB_PASSWORD: "arn:aws:secretsmanager:x" },
        }),
      "secrets.DB_PASSWORD",
      '"arn:aws:secretsmanager:x"',
      /projects\/<p>\/secrets\/<s>/,
    ],
    [
      () => new ContainerService("s", { image: IMAGE, network: NET, cpu: "3" }),
      "cpu",
      '"3"',
      /"1", "2", "4"/,
    ],
    [
      () => new ContainerService("s", { image: IMAGE, network: NET, memory: "512MB" }),
      "memory",
      '"512MB"',
      /Mi or Gi/,
    ],
    [
      () => new ContainerService("s", { image: IMAGE, network: NET, minCapacity: 5, maxCapacity: 2 }),
      "maxCapacity",
      "2",
      /from 5 to 100/,
    ],
    [
      () => new ContainerService("s", { image: IMAGE, network: NET, ingress: "all" } as never),
      "ingress",
      '"all"',
      /expected/,
    ],
    [
      () => new ContainerService("Svc", { image: IMAGE, network: NET }),
      "name",
      '"Svc"',
      /Cloud Run service name/,
    ],
    [
      () => new ContainerService("s", { image: IMAGE, network: { ...NET, networkId: 42 as never } }),
      "network.networkId",
      "42",
      /networkId, subnetId/,
    ],
    [
      () => new ContainerService("s", { image: IMAGE, network: { ...NET, region: "us-east1" } as never }),
      "network.region",
      '"us-east1"',
      /networkId, subnetId/,
    ],
  ]);
});
