// What a first `pulumi up` in a fresh Google Cloud project needs, checked on the rendered graph: service
// agents come from what makes them exist (the storage data source, the Cloud SQL service identity, the
// enabled Cloud Run API), every child of a component waits for what the component was told to wait for
// (the project's APIs), ProjectApis never disables an API, and each component's API list is the one the
// provider facts give for the types it creates.
import * as assert from "assert";
import {
  Bucket,
  ContainerService,
  EncryptionKey,
  GCP_APIS,
  GCP_PREREQUISITE_APIS,
  KubernetesCluster,
  Network,
  PostgresDatabase,
  ProjectApis,
} from "../../components/gcp";
import { CreationOrder } from "../../engine/ordering";
import { ResourceGraph } from "../../engine/graph";
import { resourceFacts } from "../../facts/resources";
import { inputs, rejectsInputs, run } from "../aws/helpers";

const T = {
  keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  bucket: "gcp:storage/bucket:Bucket",
  service: "gcp:projects/service:Service",
  identity: "gcp:projects/serviceIdentity:ServiceIdentity",
  apis: "groundwork:gcp:ProjectApis",
};
const STORAGE_AGENT_TOKEN = "gcp:storage/getProjectServiceAccount:getProjectServiceAccount";

/** The custom resources below `root` (its descendants), by URN. */
function descendants(g: ResourceGraph, root: string): string[] {
  const below = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of g.resources)
      if (r.parent !== undefined && below.has(r.parent) && !below.has(r.urn)) {
        below.add(r.urn);
        grew = true;
      }
  }
  return g.resources.filter((r) => r.custom && below.has(r.urn) && r.urn !== root).map((r) => r.urn);
}

/** A network, key, bucket, database and service, each told to wait for one ProjectApis. */
function platform(): void {
  const apis = new ProjectApis("apis", { apis: ["compute.googleapis.com", "run.googleapis.com"] });
  const after = { dependsOn: [apis] };
  const key = new EncryptionKey(
    "key",
    { location: "europe-west1", services: ["storage", "sql", "run"] },
    after,
  );
  const network = new Network("net", { region: "europe-west1", privateServices: true }, after);
  const bucket = new Bucket("files", { location: "europe-west1" }, after);
  const db = new PostgresDatabase("db", { network, encryptionKey: key }, after);
  const api = new ContainerService(
    "api",
    {
      network,
      image: "europe-docker.pkg.dev/p/r/api:1.0.0",
      publicAccess: true,
      secrets: { TOKEN: "projects/p/secrets/token" },
    },
    after,
  );
  bucket.grantRead(api);
  db.grantConnect(api);
}

describe("gcp first deploy: service agents", () => {
  it("the storage agent is the data source's member, not a name built from the project number", async () => {
    // An answer no string template would produce: the grant can only have it from the data source.
    const email = "service-agent-from-the-api@gs-project-accounts.iam.gserviceaccount.com";
    const { q, graph } = await run(() => new EncryptionKey("k", { services: ["storage"] }), {
      invokes: {
        [STORAGE_AGENT_TOKEN]: () => ({ id: email, emailAddress: email, member: `serviceAccount:${email}` }),
      },
    });
    assert.strictEqual(
      inputs(q, T.keyMember, "k-grant-storage-agent-encrypt-decrypt").member,
      `serviceAccount:${email}`,
    );
    assert.strictEqual(graph.invokes.filter((i) => i.token === STORAGE_AGENT_TOKEN).length, 1);
  });

  it("the Cloud SQL agent is the service identity's member, so its grant waits for the identity", async () => {
    const { q } = await run(() => new EncryptionKey("k", { services: ["sql"] }));
    const grant = q.one(T.keyMember, "k-grant-sql-agent-encrypt-decrypt");
    const identity = q.one(T.identity, "k-sql-identity");
    assert.deepStrictEqual(grant.propertyDependencies.member, [identity.urn]);
    assert.strictEqual(inputs(q, T.keyMember, grant.name).member, identity.outputs.member);
    assert.match(
      String(identity.outputs.member),
      /^serviceAccount:service-\d+@gcp-sa-cloud-sql\.iam\.gserviceaccount\.com$/,
    );
  });

  it("the Cloud Run agent's grant waits for the APIs the key waits for (Google makes the agent when run.googleapis.com is enabled)", async () => {
    const { graph, q } = await run(() => {
      const apis = new ProjectApis("apis", { apis: ["run.googleapis.com"] });
      new EncryptionKey("k", { services: ["run"] }, { dependsOn: [apis] });
    });
    const order = new CreationOrder(graph);
    const run_ = q.one(T.service, "apis-run").urn;
    assert.ok(order.waitsFor(q.one(T.keyMember, "k-grant-run-agent-encrypt-decrypt").urn, run_));
    assert.match(
      String(inputs(q, T.keyMember, "k-grant-run-agent-encrypt-decrypt").member),
      /^serviceAccount:service-\d+@serverless-robot-prod\.iam\.gserviceaccount\.com$/,
    );
  });

  it("a bucket with a key given by id grants the agent from the data source and waits for the grant", async () => {
    const id = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k";
    const { q, graph } = await run(() => new Bucket("a", { location: "europe-west1", encryptionKey: id }));
    assert.ok(graph.invokes.some((i) => i.token === STORAGE_AGENT_TOKEN));
    const grant = q.one(T.keyMember, "a-key-grant").urn;
    const order = new CreationOrder(graph);
    for (const b of ["a-bucket", "a-logs"]) assert.ok(order.waitsFor(q.one(T.bucket, b).urn, grant), b);
  });
});

describe("gcp first deploy: a component's dependsOn holds every child", () => {
  let graph: ResourceGraph;
  before(async () => {
    ({ graph } = await run(platform));
  });

  for (const component of [
    "EncryptionKey::key",
    "Network::net",
    "Bucket::files",
    "PostgresDatabase::db",
    "ContainerService::api",
  ]) {
    it(`${component}: every resource it creates (nested keys and grants too) waits for each enabled API`, () => {
      const [type, name] = component.split("::");
      const root = graph.resources.find((r) => r.type === `groundwork:gcp:${type}` && r.name === name)!.urn;
      const services = graph.resources.filter((r) => r.type === T.service).map((r) => r.urn);
      const order = new CreationOrder(graph);
      const children = descendants(graph, root);
      assert.ok(children.length >= 2, `${component} has children`);
      const early = children.flatMap((c) =>
        services.filter((s) => !order.waitsFor(c, s)).map((s) => `${c} before ${s}`),
      );
      assert.deepStrictEqual(early, []);
    });
  }

  it("without a dependsOn, the network's first child waits for nothing", async () => {
    const { q } = await run(() => new Network("net"));
    assert.deepStrictEqual(q.one("gcp:compute/network:Network", "net-vpc").dependencies, []);
  });
});

describe("gcp.ProjectApis", () => {
  it("one Service per API, never disabled on destroy, named from the API", async () => {
    const { q } = await run(
      () =>
        new ProjectApis("p", {
          apis: ["run.googleapis.com", "compute.googleapis.com", "run.googleapis.com"],
        }),
    );
    assert.deepStrictEqual(q.inventory(q.one(T.apis, "p").urn), [
      `${T.service}::p-compute`,
      `${T.service}::p-run`,
    ]);
    for (const name of ["p-compute", "p-run"]) {
      const s = inputs(q, T.service, name);
      assert.deepStrictEqual([s.disableOnDestroy, s.disableDependentServices], [false, false], name);
    }
    assert.strictEqual(inputs(q, T.service, "p-run").service, "run.googleapis.com");
  });

  rejectsInputs("gcp.ProjectApis", [
    [() => new ProjectApis("p", { apis: ["compute"] }), "apis[0]", '"compute"', /compute\.googleapis\.com/],
    [() => new ProjectApis("p", { apis: [] }), "apis", "[]", "a list of 1 to 100 entries"],
    [() => new ProjectApis("p", { api: ["x"] } as never), "api", '["x"]', /apis/],
  ]);
});

/** Every component with every option that adds resources, for the API lists. */
const WITH_EVERYTHING: { readonly [C in keyof typeof GCP_APIS]: () => void } = {
  EncryptionKey: () => void new EncryptionKey("k", { services: ["storage", "sql", "run"] }),
  Bucket: () => void new Bucket("b"),
  Network: () => void new Network("n", { privateServices: true, healthCheckPorts: [8080] }),
  PostgresDatabase: () => {
    const db = new PostgresDatabase("d", { network: "projects/p/global/networks/n" });
    db.grantConnect({
      granteeName: "app",
      grantPrincipal: { member: "serviceAccount:app@p.iam.gserviceaccount.com" },
    });
  },
  ContainerService: () =>
    void new ContainerService("s", {
      network: {
        networkId: "projects/p/global/networks/n",
        subnetId: "projects/p/regions/europe-west1/subnetworks/s",
      },
      image: "europe-docker.pkg.dev/p/r/api:1.0.0",
      publicAccess: true,
      secrets: { TOKEN: "projects/p/secrets/token" },
    }),
  KubernetesCluster: () =>
    void new KubernetesCluster("c", {
      network: {
        networkId: "projects/p/global/networks/n",
        subnetId: "projects/p/regions/europe-west1/subnetworks/s",
        podsRangeName: "pods",
        servicesRangeName: "services",
      },
      encryptionKey: "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k",
    }),
};

describe("GCP_APIS", () => {
  for (const [component, program] of Object.entries(WITH_EVERYTHING)) {
    it(`${component}: the APIs the facts give for every type it creates, prerequisites aside`, async () => {
      const { graph } = await run(program);
      const needed = new Set<string>();
      for (const r of graph.resources.filter((x) => x.custom && x.type.startsWith("gcp:"))) {
        const facts = resourceFacts(r.type);
        assert.ok(facts?.apis, `${r.type} has no apis facts`);
        facts.apis.forEach((a) => needed.add(a));
      }
      const expected = [...needed].filter((a) => !GCP_PREREQUISITE_APIS.includes(a)).sort();
      assert.deepStrictEqual([...GCP_APIS[component as keyof typeof GCP_APIS]].sort(), expected);
    });
  }
});
