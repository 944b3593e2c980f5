// The shapes of ids, ARNs and resource paths a component takes, each with what is accepted in words and a
// diagnosis of a value that is not: an error says what is actually wrong with `vpc-123` (3 characters
// after `vpc-`, where AWS ids have 8 or 17), not just the form it already has.

/** One accepted shape: its pattern, what is accepted in words, and what is wrong with a value that fails. */
export interface Shape {
  readonly pattern: RegExp;
  /** What is accepted, as an error message shows it (with an example). */
  readonly expected: string;
  /** What is wrong with a string the pattern refuses, as the problem of an error (`has 3 characters …`). */
  readonly problem: (value: string) => string;
}

/** What a string shows of itself in a problem: short ones whole, long ones cut. */
const shown = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);

/**
 * An AWS resource id: `prefix-` and 8 or 17 lowercase hex digits (`vpc-0a1b2c3d4e5f67890`). AWS made ids 17
 * digits long in 2016-2018; older resources keep 8.
 */
export function awsIdShape(prefix: string, what: string, example: string): Shape {
  const head = `${prefix}-`;
  return {
    pattern: new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`),
    expected: `${what}: "${head}" followed by 8 or 17 lowercase hex digits, such as ${example}`,
    problem: (value) => {
      if (/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(value)) return `is a CIDR block or address, not ${what}`;
      if (!value.startsWith(head)) {
        const other = /^([a-z]+(?:-[a-z]+)*)-[0-9a-f]+$/.exec(value);
        return other !== null ? `is a "${other[1]}-" id, not ${what}` : `does not start with "${head}"`;
      }
      const rest = value.slice(head.length);
      if (/[^0-9a-fA-F]/.test(rest)) return `has characters other than hex digits after "${head}"`;
      if (/[A-F]/.test(rest)) return `has uppercase hex digits after "${head}" (AWS ids are lowercase)`;
      return `has ${rest.length} hex digits after "${head}", where AWS ids have 8 or 17`;
    },
  };
}

/** An ARN shape: the service, whether the ARN carries a region, and the resource part. */
export interface ArnSpec {
  /** The service part (`kms`, `iam`), or a list of the services accepted. */
  readonly service: string | readonly string[];
  /** Whether the ARN names a region (IAM ARNs leave it empty). */
  readonly regional: boolean;
  /** The resource part (after the account), and what it must be in words. */
  readonly resource: RegExp;
  readonly resourceWords: string;
  /** What is accepted, with an example. */
  readonly expected: string;
  /** The whole pattern, when it is stricter than service, region, account and resource put together. */
  readonly pattern?: RegExp;
}

/** An ARN of `spec`'s form; the problem names the part that is wrong (partition, service, region, account or resource). */
export function arnShape(spec: ArnSpec): Shape {
  const services = typeof spec.service === "string" ? [spec.service] : spec.service;
  const resource = spec.resource.source.replace(/^\^|\$$/g, "");
  const region = spec.regional ? "[a-z0-9-]+" : "";
  return {
    pattern:
      spec.pattern ??
      new RegExp(`^arn:aws[a-z-]*:(?:${services.join("|")}):${region}:\\d{12}:(?:${resource})$`),
    expected: spec.expected,
    problem: (value) => arnProblem(value, spec, services),
  };
}

function arnProblem(value: string, spec: ArnSpec, services: readonly string[]): string {
  if (!value.startsWith("arn:")) return `is not an ARN (it does not start with "arn:")`;
  const parts = value.split(":");
  if (parts.length < 6) return `has ${parts.length} colon-separated parts, where an ARN has 6`;
  const [, partition, service, region, account] = parts;
  const rest = parts.slice(5).join(":");
  if (!/^aws(-[a-z]+)*$/.test(partition))
    return `names the partition ${shown(partition)}, not aws, aws-cn or aws-us-gov`;
  if (!services.includes(service))
    return `is an ARN of the service ${shown(service)}, not ${services.map((s) => shown(s)).join(" or ")}`;
  if (spec.regional && region === "") return "names no region";
  if (!spec.regional && region !== "")
    return `names the region ${shown(region)}, which ${service} ARNs leave empty`;
  if (!/^\d{12}$/.test(account)) return `names the account ${shown(account)}, where accounts are 12 digits`;
  return `has the resource ${shown(rest)}, where ${spec.resourceWords} is expected`;
}

/**
 * A resource path of literal and variable segments: `projects/{project}/global/networks/{network}`, or an
 * Azure id `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage/storageAccounts/{a}`.
 * Literals compare without case when `ignoreCase` (Azure ids); the problem names the first segment
 * that differs.
 */
export function pathShape(
  template: string,
  o: { readonly what: string; readonly example: string; readonly ignoreCase?: boolean },
): Shape {
  const segments = template.split("/");
  const isVar = (s: string): boolean => /^\{.+\}$/.test(s);
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = segments.map((s) => (isVar(s) ? "[^/]+" : escape(s))).join("/");
  return {
    pattern: new RegExp(`^${source}$`, o.ignoreCase ? "i" : ""),
    expected: `${o.what} (${template}), such as ${o.example}`,
    problem: (value) => {
      const got = value.split("/");
      for (const [i, s] of segments.entries()) {
        const g = got[i];
        if (g === undefined)
          return `ends after ${shown(got.slice(0, i).join("/"))}: the template goes on with ${shown(segments.slice(i).join("/"))}`;
        if (isVar(s) && g === "") return `has an empty ${s} segment`;
        const same = o.ignoreCase ? g.toLowerCase() === s.toLowerCase() : g === s;
        if (!isVar(s) && !same)
          return `has ${shown(g)} where the template has ${shown(s)} (segment ${i + 1})`;
      }
      return `has ${got.length - segments.length} segment(s) past the template: ${shown(got.slice(segments.length).join("/"))}`;
    },
  };
}

/**
 * A shape checked by `pattern`, diagnosed by the first of `checks` that a refused value fails: each a test
 * the value must pass and the problem when it does not. The checks should cover every way to miss the
 * pattern; the last resort names the part of the form that is missed.
 */
export function checkedShape(
  pattern: RegExp,
  expected: string,
  checks: readonly (readonly [ok: (value: string) => boolean, problem: string])[],
): Shape {
  return {
    pattern,
    expected,
    problem: (value) => checks.find(([ok]) => !ok(value))?.[1] ?? `does not have the form ${expected}`,
  };
}
