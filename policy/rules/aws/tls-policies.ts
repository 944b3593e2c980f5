// The TLS security policies Elastic Load Balancing publishes (ALB HTTPS and NLB TLS listeners), each with the
// oldest protocol it admits and whether every cipher it offers is forward-secret; and CloudFront's viewer
// minimums. One table, so a listener rule can say exactly what is wrong: an old protocol, ciphers without
// forward secrecy, or a name AWS does not publish.
//
// Source: "Security policies for your Application Load Balancer",
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html (checked
// 2025-09: the PQ policies are the newest). The same page: "policies that support TLS 1.3 and TLS 1.2 that
// have only ciphers of the form TLS_* and ECDHE_* also provide FS". The pre-TLS-1.3 policies' cipher table is
// in the archived guide (awsdocs/elb-application-load-balancers-user-guide, doc_source/create-https-listener.md):
// ELBSecurityPolicy-TLS-1-2-2017-01 and -TLS-1-2-Ext-2018-06 offer AES128-GCM-SHA256, AES256-SHA256 … (RSA key
// exchange, no forward secrecy). The TLS 1.3 "Ext1"/"Ext2" (and FIPS "Ext0"/"Ext1"/"Ext2") policies add those
// same RSA key-exchange ciphers for legacy clients, so they are not forward-secret either.

/** What one published policy admits. */
export interface TlsPolicy {
  /** The oldest TLS version a client may negotiate. */
  readonly minimum: "1.0" | "1.1" | "1.2" | "1.3";
  /** True when every cipher it offers uses an ephemeral (ECDHE) key exchange, or TLS 1.3. */
  readonly forwardSecret: boolean;
}

const legacy = (minimum: TlsPolicy["minimum"], forwardSecret: boolean): TlsPolicy => ({
  minimum,
  forwardSecret,
});

/** The TLS 1.3 family, in its three generations (2021-06, FIPS 2023-04, post-quantum 2025-09). */
function tls13Family(suffixes: readonly string[]): Record<string, TlsPolicy> {
  const out: Record<string, TlsPolicy> = {};
  for (const suffix of suffixes) {
    const fips = suffix.includes("FIPS");
    out[`ELBSecurityPolicy-TLS13-1-0-${suffix}`] = legacy("1.0", false);
    out[`ELBSecurityPolicy-TLS13-1-1-${suffix}`] = legacy("1.1", false);
    out[`ELBSecurityPolicy-TLS13-1-2-${suffix}`] = legacy("1.2", true);
    out[`ELBSecurityPolicy-TLS13-1-2-Res-${suffix}`] = legacy("1.2", true);
    if (fips) out[`ELBSecurityPolicy-TLS13-1-2-Ext0-${suffix}`] = legacy("1.2", false);
    out[`ELBSecurityPolicy-TLS13-1-2-Ext1-${suffix}`] = legacy("1.2", false);
    out[`ELBSecurityPolicy-TLS13-1-2-Ext2-${suffix}`] = legacy("1.2", false);
    out[`ELBSecurityPolicy-TLS13-1-3-${suffix}`] = legacy("1.3", true);
  }
  return out;
}

/** Every ELB security policy AWS publishes for ALB and NLB listeners. */
export const ELB_TLS_POLICIES: Readonly<Record<string, TlsPolicy>> = {
  "ELBSecurityPolicy-2016-08": legacy("1.0", false),
  "ELBSecurityPolicy-2015-05": legacy("1.0", false),
  "ELBSecurityPolicy-TLS-1-0-2015-04": legacy("1.0", false),
  "ELBSecurityPolicy-TLS-1-1-2017-01": legacy("1.1", false),
  "ELBSecurityPolicy-TLS-1-2-2017-01": legacy("1.2", false),
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": legacy("1.2", false),
  "ELBSecurityPolicy-FS-2018-06": legacy("1.0", true),
  "ELBSecurityPolicy-FS-1-1-2019-08": legacy("1.1", true),
  "ELBSecurityPolicy-FS-1-2-2019-08": legacy("1.2", true),
  "ELBSecurityPolicy-FS-1-2-Res-2019-08": legacy("1.2", true),
  "ELBSecurityPolicy-FS-1-2-Res-2020-10": legacy("1.2", true),
  ...tls13Family(["2021-06", "FIPS-2023-04", "PQ-2025-09", "FIPS-PQ-2025-09"]),
};

/** What AWS applies to an HTTPS or TLS listener created through the API without `sslPolicy`. */
export const ELB_DEFAULT_POLICY = "ELBSecurityPolicy-2016-08";

/** The policies the listener rule accepts: TLS 1.2 or later, forward-secret ciphers only. */
export const MODERN_TLS_POLICIES: readonly string[] = Object.entries(ELB_TLS_POLICIES)
  .filter(([, p]) => p.forwardSecret && (p.minimum === "1.2" || p.minimum === "1.3"))
  .map(([name]) => name);

/**
 * What is wrong with a listener's policy name, or undefined when it is modern. `accepted` names pass
 * whatever they are (a team's documented exception for legacy clients).
 */
export function tlsPolicyProblem(name: string, accepted: readonly string[] = []): string | undefined {
  if (accepted.includes(name)) return undefined;
  const policy = ELB_TLS_POLICIES[name];
  if (policy === undefined) {
    return name.startsWith("ELBSecurityPolicy-")
      ? `sslPolicy ${JSON.stringify(name)} is not an AWS security policy name (not among those AWS publishes ` +
          "for load balancers as of 2025-09); check the spelling, or list it in acceptedPolicies"
      : `sslPolicy ${JSON.stringify(name)} is not an AWS security policy name`;
  }
  if (policy.minimum === "1.0" || policy.minimum === "1.1")
    return `sslPolicy ${JSON.stringify(name)} admits TLS ${policy.minimum}`;
  if (!policy.forwardSecret)
    return (
      `sslPolicy ${JSON.stringify(name)} offers ciphers without forward secrecy ` +
      "(RSA key exchange, such as AES128-GCM-SHA256)"
    );
  return undefined;
}

/**
 * CloudFront viewer minimums (`viewerCertificate.minimumProtocolVersion`) that admit TLS 1.2 or later with
 * forward-secret ciphers only: TLSv1.2_2018 still offers AES128-GCM-SHA256 … without ECDHE.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
export const CLOUDFRONT_MODERN_MINIMUMS: readonly string[] = ["TLSv1.2_2019", "TLSv1.2_2021"];

/** Every CloudFront viewer minimum AWS publishes (for "not a CloudFront name" messages). */
export const CLOUDFRONT_MINIMUMS: readonly string[] = [
  "SSLv3",
  "TLSv1",
  "TLSv1_2016",
  "TLSv1.1_2016",
  "TLSv1.2_2018",
  ...CLOUDFRONT_MODERN_MINIMUMS,
];
