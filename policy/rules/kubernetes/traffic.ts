// Egress and batch: what a hand-written NetworkPolicy lets pods reach (never everything, never the
// instance metadata service, where node credentials live), and how scheduled and one-off jobs are bounded
// (a deadline, no unbounded concurrency, an explicit time zone). The same controls the Worker, CronJob
// and egress rules of the Kubernetes components set by default.
import type { NetworkPolicyArgs } from "@pulumi/kubernetes/networking/v1";
import type { CronJobArgs, JobArgs } from "@pulumi/kubernetes/batch/v1";
import { ResourceRule } from "../../runtime";
import { onInputs, record, records, strings } from "../../runtime/props";

const NETWORK_POLICY = ["kubernetes:networking.k8s.io/v1:NetworkPolicy"];
const JOB = ["kubernetes:batch/v1:Job"];
const CRON_JOB = ["kubernetes:batch/v1:CronJob"];

/** The metadata services pods must not reach, and the port they serve on. */
const METADATA = [
  { address: "169.254.169.254", what: "the instance metadata service" },
  { address: "169.254.170.23", what: "the EKS Pod Identity agent" },
];
const METADATA_PORT = 80;

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  return o.some((x) => x > 255) ? undefined : ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
}

/** True when the IPv4 CIDR contains the address (an unparseable CIDR contains nothing). */
function cidrContains(cidr: string, address: string): boolean {
  const [base, bits] = cidr.split("/");
  const prefix = Number(bits);
  const b = ipv4(base);
  const a = ipv4(address);
  if (b === undefined || a === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
    return false;
  const size = 2 ** (32 - prefix);
  return a >= b - (b % size) && a < b - (b % size) + size;
}

/** True when a rule's ports admit `port` (no ports admits every port; a named port may be any). */
function admitsPort(ports: unknown, port: number): boolean {
  const list = records(ports);
  if (list.length === 0) return true;
  return list.some((p) => {
    if (p.port === undefined || typeof p.port === "string") return true;
    const from = Number(p.port);
    const to = p.endPort === undefined ? from : Number(p.endPort);
    return port >= from && port <= to;
  });
}

/** The egress rules of a NetworkPolicy that applies to egress (policyTypes, or egress rules present). */
function egressRules(policy: Record<string, unknown>): Record<string, unknown>[] {
  const spec = record(policy.spec);
  const types = strings(spec.policyTypes);
  if (!types.includes("Egress") && spec.egress === undefined) return [];
  return records(spec.egress);
}

const policyName = (policy: Record<string, unknown>): string =>
  `NetworkPolicy ${JSON.stringify(String(record(policy.metadata).name ?? "?"))}`;

export const trafficRules: ResourceRule[] = [
  {
    name: "k8s-network-policy-egress-destination",
    area: "kubernetes",
    severity: "medium",
    description:
      "NetworkPolicy egress rules name their destinations: no rule without `to` (every destination), none to 0.0.0.0/0 or ::/0.",
    remediationSteps:
      "Name what the pods reach: pods and namespaces by selector, address ranges with ports. A workload that must reach the internet keeps the rule and records a waiver with the reason.",
    references: ["CIS Kubernetes 5.3.2", "NSA/CISA Kubernetes Hardening Guide (network separation)"],
    validateResource: onInputs<NetworkPolicyArgs>(NETWORK_POLICY, (inputs, report) => {
      const policy = inputs as Record<string, unknown>;
      egressRules(policy).forEach((rule, i) => {
        const to = records(rule.to);
        if (rule.to === undefined || to.length === 0) {
          report(`${policyName(policy)} egress rule ${i} has no \`to\`: it reaches every destination`);
          return;
        }
        for (const peer of to) {
          const cidr = record(peer.ipBlock).cidr;
          if (cidr === "0.0.0.0/0" || cidr === "::/0")
            report(`${policyName(policy)} egress rule ${i} reaches ${String(cidr)}, the whole internet`);
        }
      });
    }),
  },
  {
    name: "k8s-network-policy-metadata",
    area: "kubernetes",
    severity: "high",
    description:
      "NetworkPolicy egress rules do not let pods reach the instance metadata service (169.254.169.254) or the EKS Pod Identity agent (169.254.170.23), where node and pod credentials are served.",
    remediationSteps:
      "Except the metadata addresses from the range (`ipBlock.except: [169.254.169.254/32, 169.254.170.23/32]`), or name narrower destinations. A pod that truly needs the metadata service keeps the rule and records a waiver.",
    references: [
      "EKS Best Practices: restrict access to the instance profile assigned to the worker node",
      "GKE hardening: protect node metadata (Workload Identity)",
    ],
    validateResource: onInputs<NetworkPolicyArgs>(NETWORK_POLICY, (inputs, report) => {
      const policy = inputs as Record<string, unknown>;
      egressRules(policy).forEach((rule, i) => {
        if (!admitsPort(rule.ports, METADATA_PORT)) return;
        const to = records(rule.to);
        for (const m of METADATA) {
          const reached =
            rule.to === undefined || to.length === 0
              ? "every destination"
              : to
                  .map((peer) => record(peer.ipBlock))
                  .filter((b) => typeof b.cidr === "string" && cidrContains(b.cidr, m.address))
                  .filter((b) => !strings(b.except).some((e) => cidrContains(e, m.address)))
                  .map((b) => String(b.cidr))[0];
          if (reached !== undefined)
            report(
              `${policyName(policy)} egress rule ${i} lets pods reach ${m.what} (${m.address}) through ${reached}`,
            );
        }
      });
    }),
  },
  {
    name: "k8s-job-bounded",
    area: "kubernetes",
    severity: "medium",
    description:
      "Jobs and CronJobs are bounded: every run has a deadline (`activeDeadlineSeconds`), and a CronJob never starts a run while the last one still runs (`concurrencyPolicy` Forbid or Replace; unset means Allow).",
    remediationSteps:
      "Set `activeDeadlineSeconds` on the Job (or the CronJob's `jobTemplate.spec`) and `concurrencyPolicy: Forbid` (or `Replace`) on the CronJob.",
    references: [
      "Kubernetes docs: Job termination and cleanup (activeDeadlineSeconds)",
      "Kubernetes docs: CronJob concurrency policy",
    ],
    types: [...JOB, ...CRON_JOB],
    validateResource: (args, report) => {
      onInputs<JobArgs>(JOB, (job) => {
        if (record(job.spec).activeDeadlineSeconds === undefined)
          report("Job has no activeDeadlineSeconds: a stuck run holds its resources forever");
      })(args, report);
      onInputs<CronJobArgs>(CRON_JOB, (cron) => {
        const spec = record(cron.spec);
        if (record(record(spec.jobTemplate).spec).activeDeadlineSeconds === undefined)
          report(
            "CronJob's jobTemplate has no activeDeadlineSeconds: a stuck run holds its resources forever",
          );
        const policy = spec.concurrencyPolicy;
        if (policy === undefined || policy === "Allow")
          report(
            `CronJob concurrencyPolicy is ${policy === undefined ? "unset (Kubernetes then allows" : "Allow (it allows"} a new run while the last one still runs, without limit)`,
          );
      })(args, report);
    },
  },
  {
    name: "k8s-cronjob-time-zone",
    area: "kubernetes",
    severity: "low",
    description:
      "CronJobs name the time zone their schedule is read in (`timeZone`), so a run does not move with the control plane's clock.",
    remediationSteps: 'Set `spec.timeZone` to an IANA zone (`"Etc/UTC"`, `"Europe/Paris"`).',
    references: ["Kubernetes docs: CronJob time zones (stable since 1.27)"],
    validateResource: onInputs<CronJobArgs>(CRON_JOB, (cron, report) => {
      if (record(cron.spec).timeZone === undefined)
        report("CronJob has no timeZone: its schedule is read in the kube-controller-manager's time zone");
    }),
  },
];
