// AWS load balancer rules (Application, Network and Classic): TLS everywhere (plaintext HTTP may only
// redirect), modern TLS policies (tls-policies.ts), invalid headers dropped and access logs written.
import type { ListenerArgs, LoadBalancerArgs } from "@pulumi/aws/lb";
import type { LoadBalancerArgs as ClassicLoadBalancerArgs, LoadBalancerPolicyArgs } from "@pulumi/aws/elb";
import { ResourceRule } from "../../runtime";
import { Inputs, inputsOf, onInputs, oneOrMany, record, records } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { ELB_DEFAULT_POLICY, tlsPolicyProblem } from "./tls-policies";

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
    description:
      "HTTPS and TLS listeners use a security policy that admits only TLS 1.2 or later with forward-secret ciphers " +
      `(the API default, ${ELB_DEFAULT_POLICY}, admits TLS 1.0 and RSA key exchange).`,
    remediationSteps:
      "Set `sslPolicy` to ELBSecurityPolicy-TLS13-1-2-2021-06 (AWS's recommendation), or another TLS13-1-2, " +
      "-1-2-Res or -1-3 policy.",
    references: [
      "CKV_AWS_103",
      "CKV2_AWS_74",
      "Groundwork BASELINE transit",
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    ],
    configSchema: {
      properties: {
        acceptedPolicies: {
          type: "array",
          items: { type: "string" },
          default: [],
          description:
            "Security policies accepted besides the modern ones (a documented exception for legacy clients).",
        },
      },
    },
    validateResource: onInputs<ListenerArgs>(T.listener, (listener, report, args) => {
      const protocol = protocolOf(listener);
      if (protocol !== "HTTPS" && protocol !== "TLS") return;
      const policy = listener.sslPolicy;
      if (policy === undefined) {
        report(
          `sslPolicy is not set: AWS applies ${ELB_DEFAULT_POLICY}, which admits TLS 1.0 and ciphers without ` +
            "forward secrecy",
        );
        return;
      }
      const problem = tlsPolicyProblem(
        String(policy),
        args.getConfig<{ acceptedPolicies?: string[] }>().acceptedPolicies,
      );
      if (problem) report(problem);
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
  {
    name: "aws-elb-listener-tls",
    area: "aws",
    severity: "high",
    description:
      "Classic Load Balancer listeners use HTTPS or SSL (a Classic Load Balancer cannot redirect HTTP), and their " +
      "SSL negotiation policies reference a security policy admitting only TLS 1.2 or later with forward secrecy.",
    remediationSteps:
      'Use `lbProtocol: "https"` (or "ssl") with a certificate, and a LoadBalancerPolicy of type SSLNegotiationPolicyType ' +
      "whose Reference-Security-Policy is ELBSecurityPolicy-TLS-1-2-… with forward secrecy (FS-1-2-Res-2020-10); " +
      "better, move to an Application Load Balancer.",
    references: ["CKV_AWS_376", "AWS FSBP ELB.3", "AWS FSBP ELB.8"],
    types: [...T.classicLoadBalancer, ...T.classicLoadBalancerPolicy],
    validateResource(args, report) {
      const lb = inputsOf<ClassicLoadBalancerArgs>(args, T.classicLoadBalancer);
      records(lb?.listeners).forEach((l, i) => {
        const protocol = String(l.lbProtocol ?? "").toUpperCase();
        if (protocol === "HTTP" || protocol === "TCP")
          report(`listeners[${i}] accepts ${protocol} on port ${String(l.lbPort)} without TLS`);
      });
      const policy = inputsOf<LoadBalancerPolicyArgs>(args, T.classicLoadBalancerPolicy);
      if (policy?.policyTypeName !== "SSLNegotiationPolicyType") return;
      for (const a of records(policy.policyAttributes)) {
        const name = String(a.name ?? "");
        if (name === "Reference-Security-Policy") {
          const problem = tlsPolicyProblem(String(a.value));
          if (problem) report(problem.replace(/^sslPolicy/, "Reference-Security-Policy"));
        } else if (/^Protocol-(SSLv3|TLSv1|TLSv1\.1)$/.test(name) && String(a.value) === "true")
          report(`${name} is enabled`);
      }
    },
  },
  {
    name: "aws-elb-access-logs",
    area: "aws",
    severity: "medium",
    description: "Classic Load Balancers write access logs to a bucket.",
    remediationSteps: "Set `accessLogs: { bucket, enabled: true }` to a log bucket.",
    references: ["CKV_AWS_92", "AWS FSBP ELB.5"],
    validateResource: onInputs<ClassicLoadBalancerArgs>(T.classicLoadBalancer, (lb, report) => {
      const logs = record(lb.accessLogs);
      if (!isSet(logs, "bucket") || logs.enabled === false) report("access logs are not enabled");
    }),
  },
];
