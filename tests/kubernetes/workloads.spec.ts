// Egress by intent, Worker and CronJob: the NetworkPolicy each egress entry becomes (and the admission on a
// callee), what is refused before anything registers, and the hardened pod of the new workloads.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS } from "../../components/core";
import { CronJob, METADATA_CIDRS, Namespace, WebService, Worker } from "../../components/kubernetes";
import { GraphQuery, synth } from "../../testing";
import {
  T,
  assertOnlyStack,
  containersOf,
  kube,
  kubeResources,
  synthRejected,
  synthRejectedLater,
  validateKube,
  webServiceChildren,
} from "./helpers";

const IMAGE = "ghcr.io/acme/app:1.0.0";
const web = (name: string, extra: Record<string, unknown> = {}) =>
  new WebService(name, { namespace: "apps", containers: [{ name, image: IMAGE }], ...extra });

/** A stand-in for a cloud database: its private endpoint, as each cloud's PostgresDatabase exposes it. */
const database = {
  privateEndpoint: { cidrs: pulumi.output(["10.20.8.0/24", "10.20.9.0/24"]), port: 5432, description: "db" },
};

async function graphOf(build: () => void) {
  const graph = await synth(build, { preview: false });
  return { graph, q: new GraphQuery(graph) };
}

describe("kubernetes egress by intent", () => {
  it("turns each entry into the narrowest egress rule, and the callee admits the caller", async () => {
    const { graph, q } = await graphOf(() => {
      const ns = new Namespace("partners");
      const api = web("api");
      web("web", {
        egress: [
          { to: api },
          { to: ns, ports: [443] },
          { to: database },
          { cidr: "192.168.4.0/22", ports: [9092, 9093] },
          { internet: true, ports: [443] },
          { metadataEndpoint: true },
          { cidr: "10.0.0.0/8", ports: [53], protocol: "UDP" },
        ],
      });
    });
    const policy = kube(q.one(T.networkPolicy, "web-egress"));
    assert.deepStrictEqual(policy.metadata.name, "web-egress");
    assert.deepStrictEqual(policy.spec.policyTypes, ["Egress"]);
    assert.deepStrictEqual(policy.spec.podSelector, {
      matchLabels: { "app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "web" },
    });
    const tcp = (...ports: number[]) => ports.map((port) => ({ protocol: "TCP", port }));
    assert.deepStrictEqual(policy.spec.egress, [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "apps" } },
            podSelector: {
              matchLabels: { "app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "api" },
            },
          },
        ],
        ports: tcp(8080),
      },
      {
        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "partners" } } }],
        ports: tcp(443),
      },
      {
        to: [{ ipBlock: { cidr: "10.20.8.0/24" } }, { ipBlock: { cidr: "10.20.9.0/24" } }],
        ports: tcp(5432),
      },
      { to: [{ ipBlock: { cidr: "192.168.4.0/22" } }], ports: tcp(9092, 9093) },
      {
        to: [
          {
            ipBlock: {
              cidr: "0.0.0.0/0",
              except: [
                "10.0.0.0/8",
                "172.16.0.0/12",
                "192.168.0.0/16",
                "100.64.0.0/10",
                "169.254.0.0/16",
                "168.63.129.16/32",
              ],
            },
          },
        ],
        ports: tcp(443),
      },
      {
        to: [{ ipBlock: { cidr: "169.254.169.254/32" } }, { ipBlock: { cidr: "169.254.170.23/32" } }],
        ports: tcp(80),
      },
      { to: [{ ipBlock: { cidr: "10.0.0.0/8" } }], ports: [{ protocol: "UDP", port: 53 }] },
    ]);
    // The callee's default deny would stop the caller at the door: the callee admits it, on its own port.
    const admission = kube(q.one(T.networkPolicy, "api-from-web"));
    assert.strictEqual(admission.metadata.namespace, "apps");
    assert.deepStrictEqual(admission.spec, {
      podSelector: { matchLabels: { "app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "api" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "apps" } },
              podSelector: {
                matchLabels: { "app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "web" },
              },
            },
          ],
          ports: [{ protocol: "TCP", port: 8080 }],
        },
      ],
    });
    const apiUrn = q.one("groundwork:kubernetes:WebService", "api").urn;
    assert.strictEqual(
      q.one(T.networkPolicy, "api-from-web").parent,
      apiUrn,
      "the admission is the callee's child",
    );
    // The internet and the metadata service are named weakenings, recorded on every object.
    const deployment = kube(q.one(T.deployment, "web-deployment"));
    assert.strictEqual(
      deployment.metadata.annotations?.["groundwork.dev/weakened"],
      "egressInternet egressMetadataEndpoint",
    );
    for (const r of kubeResources(graph)) validateKube(kube(r));
  });

  it("excepts every metadata address a range contains", async () => {
    const { q } = await graphOf(() => web("web", { egress: [{ cidr: "169.254.0.0/16", ports: [8080] }] }));
    const rule = kube(q.one(T.networkPolicy, "web-egress")).spec.egress[0];
    assert.deepStrictEqual(rule.to, [
      {
        ipBlock: {
          cidr: "169.254.0.0/16",
          except: ["169.254.169.254/32", "169.254.170.2/32", "169.254.170.23/32"],
        },
      },
    ]);
    assert.ok(METADATA_CIDRS.includes("168.63.129.16/32"));
  });

  it("adds no policy when a workload names no egress: its children and URNs are as before", async () => {
    const { q } = await graphOf(() => web("api"));
    const root = q.one("groundwork:kubernetes:WebService", "api").urn;
    assert.deepStrictEqual(q.inventory(root), [...webServiceChildren("api")].sort());
  });

  const refusals: [string, unknown, RegExp][] = [
    [
      "the whole internet as a range",
      [{ cidr: "0.0.0.0/0", ports: [443] }],
      /egress\[0\]\.cidr "0\.0\.0\.0\/0" is the whole internet \(expected internet: true/,
    ],
    [
      "a metadata address",
      [{ cidr: "169.254.169.254/32", ports: [80] }],
      /egress\[0\]\.cidr .* is a metadata service address \(expected metadataEndpoint: true/,
    ],
    ["a range without ports", [{ cidr: "10.0.0.0/8" }], /egress\[0\]\.ports undefined is required/],
    [
      "two destinations in one rule",
      [{ cidr: "10.0.0.0/8", internet: true, ports: [1] }],
      /egress\[0\] .* names cidr and internet together/,
    ],
    ["no destination", [{ ports: [443] }], /egress\[0\] .* names no destination/],
    [
      "a host address as a range",
      [{ cidr: "10.0.0.1/8", ports: [5432] }],
      /egress\[0\]\.cidr "10\.0\.0\.1\/8" is not a valid IPv4 CIDR/,
    ],
    [
      "a destination Groundwork does not know",
      [{ to: { host: "db" } }],
      /egress\[0\]\.to .* is not a destination Groundwork knows/,
    ],
    [
      "a misspelled key",
      [{ cidr: "10.0.0.0/8", port: 5432 }],
      /egress\[0\]\.port 5432 is an unknown argument; did you mean "ports"\?/,
    ],
  ];
  for (const [what, egress, message] of refusals) {
    it(`refuses ${what} before registering anything`, async () => {
      const { error, graph } = await synthRejected(() => web("web", { egress }));
      assert.match(error.message, message);
      assert.strictEqual(error.component, "kubernetes.WebService");
      assertOnlyStack(graph);
    });
  }

  it("checks a range that arrives as an Output once it resolves", async () => {
    const errors = await synthRejectedLater(() =>
      web("web", { egress: [{ cidr: pulumi.output("0.0.0.0/0"), ports: [443] }] }),
    );
    assert.ok(
      errors.some((m) => /egress\[0\]\.cidr "0\.0\.0\.0\/0" is the whole internet/.test(m)),
      errors.join("\n"),
    );
  });
});

describe("kubernetes.Worker", () => {
  const worker = (name: string, extra: Record<string, unknown> = {}) =>
    new Worker(name, {
      namespace: "apps",
      containers: [
        { name, image: IMAGE, probe: "exec", readinessCommand: ["/ready"], livenessCommand: ["/alive"] },
      ],
      ...extra,
    });

  for (const environment of ENVIRONMENTS) {
    it(`${environment}: a hardened Deployment, its ServiceAccount, PDB and HPA, and no Service`, async () => {
      const { graph, q } = await graphOf(() => worker("consumer", { environment }));
      const root = q.one("groundwork:kubernetes:Worker", "consumer").urn;
      assert.deepStrictEqual(q.inventory(root), [
        `${T.deployment}::consumer-deployment`,
        `${T.hpa}::consumer-hpa`,
        `${T.serviceAccount}::consumer-service-account`,
        `${T.pdb}::consumer-pdb`,
      ]);
      const d = kube(q.one(T.deployment, "consumer-deployment"));
      const min = { dev: 1, staging: 2, prod: 3 }[environment];
      assert.strictEqual(d.spec.replicas, min);
      const pod = d.spec.template.spec;
      assert.strictEqual(pod.automountServiceAccountToken, false);
      assert.strictEqual(pod.securityContext.runAsNonRoot, true);
      assert.strictEqual(pod.terminationGracePeriodSeconds, 60);
      assert.strictEqual(pod.topologySpreadConstraints.length, 2);
      for (const { c } of containersOf(d)) {
        assert.strictEqual(c.securityContext.readOnlyRootFilesystem, true);
        assert.strictEqual(c.securityContext.allowPrivilegeEscalation, false);
        assert.deepStrictEqual(c.securityContext.capabilities, { drop: ["ALL"] });
        assert.ok(c.resources.limits.memory && c.resources.requests.cpu);
      }
      const main = pod.containers[0];
      assert.strictEqual(main.ports, undefined, "an exec-probed worker opens no port");
      assert.deepStrictEqual(main.readinessProbe.exec, { command: ["/ready"] });
      assert.deepStrictEqual(main.livenessProbe.exec, { command: ["/alive"] });
      assert.deepStrictEqual(q.one(T.deployment, "consumer-deployment").ignoreChanges, ["spec.replicas"]);
      const pdb = kube(q.one(T.pdb, "consumer-pdb")).spec;
      assert.deepStrictEqual(pdb.minAvailable ?? pdb.maxUnavailable, environment === "dev" ? 1 : min - 1);
      const hpa = kube(q.one(T.hpa, "consumer-hpa")).spec;
      assert.deepStrictEqual(hpa.metrics, [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
      ]);
      for (const r of kubeResources(graph)) validateKube(kube(r));
    });
  }

  it("scales on an external metric when asked, and refuses two signals", async () => {
    const { q } = await graphOf(() =>
      worker("consumer", {
        externalMetric: {
          name: "sqs_messages_visible",
          selector: { queue: "orders" },
          targetAverageValue: "30",
        },
      }),
    );
    assert.deepStrictEqual(kube(q.one(T.hpa, "consumer-hpa")).spec.metrics, [
      {
        type: "External",
        external: {
          metric: { name: "sqs_messages_visible", selector: { matchLabels: { queue: "orders" } } },
          target: { type: "AverageValue", averageValue: "30" },
        },
      },
    ]);
    const { error } = await synthRejected(() =>
      worker("consumer", {
        targetCpuUtilization: 50,
        externalMetric: { name: "m", targetAverageValue: "1" },
      }),
    );
    assert.match(error.message, /targetCpuUtilization 50 is set with externalMetric/);
    const bad = await synthRejected(() =>
      worker("consumer", { externalMetric: { name: "m", targetAverageValue: "-1" } }),
    );
    assert.match(bad.error.message, /externalMetric\.targetAverageValue "-1" is not a positive quantity/);
  });

  it("needs a port for http probes, or exec commands that differ", async () => {
    const noPort = await synthRejected(
      () => new Worker("w", { namespace: "apps", containers: [{ name: "w", image: IMAGE }] }),
    );
    assert.match(noPort.error.message, /containers\[0\]\.port undefined is required for http and tcp probes/);
    const same = await synthRejected(
      () =>
        new Worker("w", {
          namespace: "apps",
          containers: [
            { name: "w", image: IMAGE, probe: "exec", readinessCommand: ["/ok"], livenessCommand: ["/ok"] },
          ],
        }),
    );
    assert.match(same.error.message, /livenessCommand \["\/ok"\] is the same as readinessCommand/);
    const { q } = await graphOf(
      () => new Worker("w", { namespace: "apps", containers: [{ name: "w", image: IMAGE, port: 9090 }] }),
    );
    const main = kube(q.one(T.deployment, "w-deployment")).spec.template.spec.containers[0];
    assert.deepStrictEqual(main.ports, [{ containerPort: 9090, protocol: "TCP", name: "http" }]);
    assert.deepStrictEqual(main.livenessProbe.httpGet, { path: "/livez", port: 9090 });
  });

  it("reaches a web service by name, which then admits it", async () => {
    const { q } = await graphOf(() => {
      const api = web("api");
      worker("consumer", { egress: [{ to: api }] });
    });
    const rule = kube(q.one(T.networkPolicy, "consumer-egress")).spec.egress[0];
    assert.deepStrictEqual(rule.ports, [{ protocol: "TCP", port: 8080 }]);
    assert.ok(q.one(T.networkPolicy, "api-from-consumer"));
  });
});

describe("kubernetes.CronJob", () => {
  const job = (name: string, extra: Record<string, unknown> = {}) =>
    new CronJob(name, {
      namespace: "apps",
      schedule: "30 2 * * *",
      containers: [{ name: "run", image: IMAGE }],
      ...extra,
    });

  for (const environment of ENVIRONMENTS) {
    it(`${environment}: one run at a time, a deadline, bounded retries and history, an explicit time zone`, async () => {
      const { graph, q } = await graphOf(() => job("report", { environment }));
      const root = q.one("groundwork:kubernetes:CronJob", "report").urn;
      assert.deepStrictEqual(q.inventory(root), [
        `${T.cronJob}::report-cronjob`,
        `${T.serviceAccount}::report-service-account`,
      ]);
      const spec = kube(q.one(T.cronJob, "report-cronjob")).spec;
      const profile = {
        dev: [1, 300, 1, 1, 3600],
        staging: [3, 300, 3, 3, 86400],
        prod: [3, 600, 3, 5, 604800],
      }[environment];
      assert.deepStrictEqual(
        [
          spec.jobTemplate.spec.backoffLimit,
          spec.startingDeadlineSeconds,
          spec.successfulJobsHistoryLimit,
          spec.failedJobsHistoryLimit,
          spec.jobTemplate.spec.ttlSecondsAfterFinished,
        ],
        profile,
      );
      assert.strictEqual(spec.schedule, "30 2 * * *");
      assert.strictEqual(spec.timeZone, "Etc/UTC");
      assert.strictEqual(spec.concurrencyPolicy, "Forbid");
      assert.strictEqual(spec.jobTemplate.spec.activeDeadlineSeconds, 3600);
      const pod = spec.jobTemplate.spec.template.spec;
      assert.strictEqual(pod.restartPolicy, "Never");
      assert.strictEqual(pod.automountServiceAccountToken, false);
      const c = pod.containers[0];
      assert.strictEqual(c.securityContext.readOnlyRootFilesystem, true);
      assert.strictEqual(c.livenessProbe, undefined, "a job is never probed");
      assert.deepStrictEqual(
        spec.jobTemplate.spec.template.metadata.labels["app.kubernetes.io/instance"],
        "report",
      );
      for (const r of kubeResources(graph)) validateKube(kube(r));
    });
  }

  it("takes cron fields, names, steps and macros; refuses what the controller refuses", async () => {
    for (const schedule of [
      "*/15 * * * *",
      "0 9-17 * * MON-FRI",
      "0 0 1 JAN,JUL *",
      "@hourly",
      "5 4 * * 7",
    ]) {
      const { q } = await graphOf(() => job("report", { schedule }));
      assert.strictEqual(kube(q.one(T.cronJob, "report-cronjob")).spec.schedule, schedule);
    }
    for (const [schedule, problem] of [
      ["* * * *", /has 4 fields/],
      ["60 * * * *", /has an invalid field "60"/],
      ["*/0 * * * *", /has an invalid field "\*\/0"/],
      ["0 0 * FOO *", /has an invalid field "FOO"/],
      ["TZ=Europe/Paris 0 2 * * *", /sets its time zone inline/],
      ["0 17-9 * * *", /has an invalid field "17-9"/],
    ] as const) {
      const { error, graph } = await synthRejected(() => job("report", { schedule }));
      assert.match(error.message, problem);
      assertOnlyStack(graph);
    }
  });

  it("reads the schedule in the given zone; refuses zones the tz database lacks", async () => {
    const { q } = await graphOf(() => job("report", { timeZone: "Europe/Paris" }));
    assert.strictEqual(kube(q.one(T.cronJob, "report-cronjob")).spec.timeZone, "Europe/Paris");
    for (const timeZone of ["Mars/Olympus_Mons", "+01:00", "Europe/Pariss"]) {
      const { error } = await synthRejected(() => job("report", { timeZone }));
      assert.match(error.message, /timeZone ".*" is not (a time zone|an IANA zone name)/);
    }
  });

  it("records unbounded concurrency as a weakening; refuses ports, probes and long names", async () => {
    const { q } = await graphOf(() => job("report", { concurrencyPolicy: "Allow" }));
    assert.strictEqual(
      kube(q.one(T.cronJob, "report-cronjob")).metadata.annotations?.["groundwork.dev/weakened"],
      "concurrencyPolicy",
    );
    const port = await synthRejected(
      () =>
        new CronJob("report", {
          namespace: "apps",
          schedule: "@daily",
          containers: [{ name: "run", image: IMAGE, port: 8080 } as never],
        }),
    );
    assert.match(port.error.message, /containers\[0\]\.port 8080 is an unknown argument/);
    const long = await synthRejected(() => job("r".repeat(53)));
    assert.match(long.error.message, /is longer than 52 characters/);
  });
});
