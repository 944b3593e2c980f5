// Egress and batch rules over hand-written objects, each with passing and failing programs; the
// Kubernetes components' own Worker, CronJob and egress pass them (or record the weakening they name).
import * as batchv1 from "@pulumi/kubernetes/batch/v1";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import type * as k8sInput from "@pulumi/kubernetes/types/input";
import { CronJob, WebService, Worker } from "../../components/kubernetes";
import { LABELS, podSpec } from "./kit";
import { RuleCase, ruleCases, undecidedInPreview } from "./rule-cases";

const META = { namespace: "apps", labels: LABELS };
const egress = (name: string, rules: k8sInput.networking.v1.NetworkPolicyEgressRule[]) => () => {
  new networkingv1.NetworkPolicy(name, {
    metadata: { name, ...META },
    spec: { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Egress"], egress: rules },
  });
};
const to = (cidr: string, except?: string[]) => [{ ipBlock: { cidr, ...(except ? { except } : {}) } }];
const cronJob =
  (spec: Partial<k8sInput.batch.v1.CronJobSpec>, jobSpec: Partial<k8sInput.batch.v1.JobSpec> = {}) =>
  () => {
    new batchv1.CronJob("nightly", {
      metadata: { name: "nightly", ...META },
      spec: {
        schedule: "0 3 * * *",
        ...spec,
        jobTemplate: {
          spec: {
            ...jobSpec,
            template: { metadata: { labels: LABELS }, spec: podSpec({ restartPolicy: "Never" }) },
          },
        },
      },
    });
  };
const IMAGE = "ghcr.io/acme/app:1.0.0";
const D = "k8s-network-policy-egress-destination";
const M = "k8s-network-policy-metadata";
const J = "k8s-job-bounded";
const Z = "k8s-cronjob-time-zone";

const cases: RuleCase[] = [
  {
    policy: D,
    title: "an egress rule to a named range and port",
    program: egress("db", [{ to: to("10.20.8.0/24"), ports: [{ port: 5432 }] }]),
  },
  {
    policy: D,
    title: "an egress rule without `to`",
    program: egress("any", [{ ports: [{ port: 443 }] }]),
    fail: /egress rule 0 has no `to`: it reaches every destination/,
  },
  {
    policy: D,
    title: "an egress rule to 0.0.0.0/0",
    program: egress("web", [{ to: to("0.0.0.0/0", ["10.0.0.0/8"]), ports: [{ port: 443 }] }]),
    fail: /reaches 0\.0\.0\.0\/0, the whole internet/,
  },
  {
    policy: D,
    title: "an ingress-only policy",
    program: () => {
      new networkingv1.NetworkPolicy("in", {
        metadata: { name: "in", ...META },
        spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [] },
      });
    },
  },
  {
    policy: M,
    title: "a range that excepts the metadata addresses",
    program: egress("web", [{ to: to("169.254.0.0/16", ["169.254.169.254/32", "169.254.170.23/32"]) }]),
  },
  {
    policy: M,
    title: "the internet on 443 only",
    program: egress("web", [{ to: to("0.0.0.0/0"), ports: [{ port: 443 }] }]),
  },
  {
    policy: M,
    title: "a rule without `to` or ports",
    program: egress("any", [{}]),
    fail: /egress rule 0 lets pods reach the instance metadata service \(169\.254\.169\.254\) through every destination/,
  },
  {
    policy: M,
    title: "the internet on every port",
    program: egress("web", [{ to: to("0.0.0.0/0") }]),
    fail: /reach the instance metadata service \(169\.254\.169\.254\) through 0\.0\.0\.0\/0/,
  },
  {
    policy: M,
    title: "link-local on a port range that covers 80",
    program: egress("web", [
      { to: to("169.254.0.0/16", ["169.254.169.254/32"]), ports: [{ port: 1, endPort: 1024 }] },
    ]),
    fail: /the EKS Pod Identity agent \(169\.254\.170\.23\) through 169\.254\.0\.0\/16/,
  },
  {
    policy: J,
    title: "a CronJob with a deadline and Forbid",
    program: cronJob({ concurrencyPolicy: "Forbid", timeZone: "Etc/UTC" }, { activeDeadlineSeconds: 600 }),
  },
  {
    policy: J,
    title: "a CronJob with no concurrencyPolicy",
    program: cronJob({}, { activeDeadlineSeconds: 600 }),
    fail: /concurrencyPolicy is unset \(Kubernetes then allows a new run while the last one still runs/,
  },
  {
    policy: J,
    title: "a CronJob with no deadline",
    program: cronJob({ concurrencyPolicy: "Replace" }),
    fail: /jobTemplate has no activeDeadlineSeconds/,
  },
  {
    policy: J,
    title: "a Job with no deadline",
    program: () => {
      new batchv1.Job("once", {
        metadata: { name: "once", ...META },
        spec: { template: { metadata: { labels: LABELS }, spec: podSpec({ restartPolicy: "Never" }) } },
      });
    },
    fail: /Job has no activeDeadlineSeconds/,
  },
  { policy: Z, title: "a CronJob with a time zone", program: cronJob({ timeZone: "Europe/Paris" }) },
  {
    policy: Z,
    title: "a CronJob without one",
    program: cronJob({}),
    fail: /no timeZone: its schedule is read in the kube-controller-manager's time zone/,
  },
  // The components: bounded jobs, named egress; the internet and metadata intents are findings to waive.
  {
    policy: J,
    title: "a Groundwork CronJob",
    program: () =>
      void new CronJob("report", {
        namespace: "apps",
        schedule: "@daily",
        containers: [{ name: "run", image: IMAGE }],
      }),
  },
  {
    policy: Z,
    title: "a Groundwork CronJob",
    program: () =>
      void new CronJob("report", {
        namespace: "apps",
        schedule: "@daily",
        containers: [{ name: "run", image: IMAGE }],
      }),
  },
  {
    policy: M,
    title: "a Groundwork Worker reaching a range that contains the metadata service",
    program: () =>
      void new Worker("w", {
        namespace: "apps",
        containers: [{ name: "w", image: IMAGE, port: 8081 }],
        egress: [{ cidr: "169.254.0.0/16", ports: [80] }],
      }),
  },
  {
    policy: D,
    title: "a Groundwork WebService's internet egress",
    program: () =>
      void new WebService("web", {
        namespace: "apps",
        containers: [{ name: "web", image: IMAGE }],
        egress: [{ internet: true, ports: [443] }],
      }),
    fail: /reaches 0\.0\.0\.0\/0/,
  },
  {
    policy: M,
    title: "a Groundwork WebService's metadata intent",
    program: () =>
      void new WebService("web", {
        namespace: "apps",
        containers: [{ name: "web", image: IMAGE }],
        egress: [{ metadataEndpoint: true }],
      }),
    fail: /instance metadata service \(169\.254\.169\.254\) through 169\.254\.169\.254\/32/,
  },
];

describe("kubernetes egress and job rules", function () {
  this.timeout(120_000);
  ruleCases(cases);
  undecidedInPreview(M, "a range known only after deploy", () => {
    const cidr = new networkingv1.NetworkPolicy("source", {
      metadata: { name: "source", ...META },
      spec: { podSelector: {} },
    }).id.apply(() => "0.0.0.0/0");
    egress("late", [{ to: [{ ipBlock: { cidr } }] }])();
  });
});
