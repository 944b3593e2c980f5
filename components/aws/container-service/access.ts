// Who reaches a load balancer front, and how a service sharing a platform's is routed: checked once for a
// ContainerService with its own load balancer and for a ContainerPlatform, so the two can never disagree.
import * as pulumi from "@pulumi/pulumi";
import { Validator, parseCidr } from "../../core";
import { ACM_CERTIFICATE_ARN, matchArn } from "../arns";

/**
 * The arguments of a load balancer front, a `ContainerService`'s own or a `ContainerPlatform`'s: who may
 * reach it, and its certificate.
 */
export interface FrontAccessArgs {
  /**
   * ACM certificate ARN for the HTTPS listener. Required when `internetFacing`; without one an internal
   * load balancer listens on plain HTTP (80) inside the network, a weakened default recorded as
   * `certificateArn` in the `groundwork-weakened` tag and the `weakened` output (the pack's
   * `aws-lb-listener-https` flags it: waive it with a reason, or give a certificate).
   * @default - none when internal (plain HTTP); required when internet-facing
   */
  readonly certificateArn?: pulumi.Input<string>;
  /**
   * An internet-facing load balancer. A weakened default, recorded in the `groundwork-weakened` tag and
   * the `weakened` output.
   * @default false (internal)
   */
  readonly internetFacing?: boolean;
  /**
   * Client CIDR blocks allowed to reach the load balancer (443, and 80 for the redirect; 80 alone without
   * a certificate). `0.0.0.0/0` only with `internetFacing`.
   * @default - ["0.0.0.0/0"] when internet-facing, else ["10.0.0.0/8"]
   */
  readonly allowedCidrBlocks?: string[];
}

/** A front's access, resolved: `weakened` names `internetFacing` and a missing certificate. */
export interface FrontAccess {
  readonly internetFacing: boolean;
  readonly allowedCidrBlocks: string[];
  readonly certificateArn?: pulumi.Input<string>;
  readonly weakened: string[];
}

/**
 * Who may reach the load balancer (`0.0.0.0/0` only when it is internet-facing) and its certificate:
 * required when internet-facing; optional when internal, where leaving it out makes the listener plain
 * HTTP on 80 inside the network, a weakening recorded as `certificateArn` (and flagged by the pack's
 * `aws-lb-listener-https`, to be waived with a reason).
 */
export function resolveFrontAccess(v: Validator, args: FrontAccessArgs): FrontAccess {
  const internetFacing = v.boolean("internetFacing", args.internetFacing, false);
  const cidrs = args.allowedCidrBlocks ?? (internetFacing ? ["0.0.0.0/0"] : ["10.0.0.0/8"]);
  v.known("allowedCidrBlocks", cidrs, "makes one security group rule per block, named by its position");
  v.stringList("allowedCidrBlocks", cidrs, "a list of IPv4 CIDR blocks (a.b.c.d/n)");
  v.listLength("allowedCidrBlocks", cidrs, 1, 50);
  cidrs.forEach((c, i) => {
    v.known(`allowedCidrBlocks[${i}]`, c, "makes one security group rule per block, named by its position");
    const parsed = parseCidr(c);
    if (!parsed) v.fail(`allowedCidrBlocks[${i}]`, c, "is not a valid IPv4 CIDR", "a.b.c.d/n");
    if (parsed.prefix === 0 && !internetFacing) {
      v.fail(
        `allowedCidrBlocks[${i}]`,
        c,
        "opens an internal load balancer to every address",
        "a private range, or internetFacing: true",
      );
    }
  });
  if (internetFacing)
    v.required("certificateArn", args.certificateArn, "an ACM certificate ARN for the HTTPS listener");
  const certificateArn = matchArn(v, "certificateArn", args.certificateArn, ACM_CERTIFICATE_ARN);
  const weakened = [
    ...(internetFacing ? ["internetFacing"] : []),
    ...(args.certificateArn === undefined ? ["certificateArn"] : []),
  ];
  return { internetFacing, allowedCidrBlocks: cidrs, certificateArn, weakened };
}

/** How a service on a shared platform is reached: a listener rule of its own. */
export interface RouteArgs {
  readonly listenerPriority?: number;
  readonly hostHeaders?: string[];
  readonly pathPatterns?: string[];
}

/** A service's listener rule, resolved; empty lists where not given. */
export interface Route {
  readonly priority: number;
  readonly hostHeaders: readonly string[];
  readonly pathPatterns: readonly string[];
}

// Host and path conditions (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html):
// a host is at most 128 of a-z A-Z 0-9 - _ . * ? with at least one "."; a path at most 128 characters,
// matched against the path only; a rule holds at most five match evaluations in all (the same page);
// priorities run from 1 to 50000 (CreateRule, ELB API reference).
const HOST = /^(?=.*\.)[A-Za-z0-9*?._-]{1,128}$/;
const PATH = /^\/[\x21-\x7e]{0,127}$/;
const MAX_MATCHES = 5;

/** Checks a route: a priority, and at least one host or path, five at most in all. */
export function resolveRoute(v: Validator, args: RouteArgs): Route {
  v.required("listenerPriority", args.listenerPriority, "an integer from 1 to 50000, unique on the platform");
  const priority = v.integer("listenerPriority", args.listenerPriority, 1, 50000, 1);
  const list = (field: "hostHeaders" | "pathPatterns", pattern: RegExp, expected: string): string[] => {
    const values = args[field] ?? [];
    if (!Array.isArray(values)) v.fail(field, values, "is not an array", `a list of ${expected}`);
    values.forEach((x, i) => {
      if (typeof x !== "string" || !pattern.test(x)) v.fail(`${field}[${i}]`, x, "is not valid", expected);
    });
    return values;
  };
  const hostHeaders = list("hostHeaders", HOST, "a host name, wildcards * and ? allowed (api.example.com)");
  const pathPatterns = list(
    "pathPatterns",
    PATH,
    "a path starting with /, wildcards * and ? allowed (/api/*)",
  );
  const matches = hostHeaders.length + pathPatterns.length;
  if (matches === 0 || matches > MAX_MATCHES) {
    v.fail(
      "hostHeaders",
      { hostHeaders, pathPatterns },
      matches === 0 ? "and pathPatterns are both empty" : `and pathPatterns hold ${matches} values`,
      `1 to ${MAX_MATCHES} host names and paths in all, to route this service on the shared listener`,
    );
  }
  return { priority, hostHeaders, pathPatterns };
}
