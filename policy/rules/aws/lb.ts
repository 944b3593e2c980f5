// AWS load balancer rules: TLS everywhere (plaintext HTTP may only redirect), modern TLS policies,
// invalid headers dropped and access logs written.
import type { ListenerArgs, LoadBalancerArgs } from "@pulumi/aws/lb";
import { ResourceRule } from "../../runtime";
import { Inputs, inputsOf, onInputs, oneOrMany, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";

/** TLS policies that allow only TLS 1.2 and newer with forward-secret ciphers. */
export const MODERN_TLS_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08",
  "ELBSecurityPolicy-TLS-1-2-2017-01",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
];

type Action = Partial<NonNullable<Inputs<ListenerArgs>["defaultActions"]>[number]>;

/** A listener's protocol, upper-cased, with the AWS default (HTTP) filled in. */
function protocolOf(listener: Inputs<ListenerArgs>): string {
  return String(listener.protocol ?? "HTTP").toUpperCase();
}

export const lbRules: ResourceRule[] = [
  {
    name: "aws-lb-listener-https",
    area: "aws",
    severity: "high",
    description:
      "Load balancer listeners must use HTTPS/TLS; a plaintext HTTP listener may only redirect to HTTPS.",
    remediationSteps:
      'Use `protocol: "HTTPS"` with a certificate, or make the HTTP listener\'s default action a redirect to HTTPS.',
    references: ["CKV_AWS_2", "CKV_AWS_103"],
    validateResource: onInputs<ListenerArgs>(T.listener, (listener, report) => {
      const protocol = protocolOf(listener);
      if (protocol !== "HTTP" && protocol !== "TCP") return;
      if (protocol === "TCP") {
        report("TCP listener carries traffic without TLS (use TLS)");
        return;
      }
      const actions = oneOrMany(listener.defaultActions).map((a) => record(a) as Action);
      const redirects = actions.every(
        (a) => a.type === "redirect" && String(a.redirect?.protocol ?? "").toUpperCase() === "HTTPS",
      );
      if (actions.length === 0 || !redirects) report("HTTP listener does not redirect to HTTPS");
    }),
  },
  {
    name: "aws-lb-listener-tls-policy",
    area: "aws",
    severity: "high",
    description: "HTTPS/TLS listeners must use a TLS 1.2+ security policy with forward secrecy.",
    remediationSteps: `Set \`sslPolicy\` to one of ${MODERN_TLS_POLICIES.slice(0, 2).join(", ")} …`,
    references: ["CKV_AWS_103", "Groundwork BASELINE transit"],
    validateResource: onInputs<ListenerArgs>(T.listener, (listener, report) => {
      const protocol = protocolOf(listener);
      if (protocol !== "HTTPS" && protocol !== "TLS") return;
      const policy = listener.sslPolicy;
      if (policy === undefined) report("sslPolicy is not set (the AWS default allows TLS 1.0)");
      else if (!MODERN_TLS_POLICIES.includes(String(policy)))
        report(`sslPolicy "${policy}" allows protocols older than TLS 1.2`);
    }),
  },
  {
    name: "aws-lb-drop-invalid-headers",
    area: "aws",
    severity: "medium",
    description: "Application load balancers must drop invalid HTTP header fields.",
    remediationSteps: "Set `dropInvalidHeaderFields: true`.",
    references: ["CKV_AWS_131"],
    types: T.loadBalancer,
    validateResource(args, report) {
      const lb = inputsOf<LoadBalancerArgs>(args, T.loadBalancer);
      if (!lb || (lb.loadBalancerType ?? "application") !== "application") return;
      if (lb.dropInvalidHeaderFields !== true) report("dropInvalidHeaderFields is not true");
    },
  },
  {
    name: "aws-lb-access-logs",
    area: "aws",
    severity: "medium",
    description: "Load balancers must write access logs.",
    remediationSteps: "Set `accessLogs: { bucket, enabled: true }` to a log bucket.",
    references: ["CKV_AWS_91"],
    validateResource: onInputs<LoadBalancerArgs>(T.loadBalancer, (lb, report) => {
      const logs = record(lb.accessLogs);
      if (!isSet(logs, "bucket") || logs.enabled === false) report("access logs are not enabled");
    }),
  },
];
