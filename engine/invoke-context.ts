// What an invoke handler is told and the helpers every cloud's answers share: the region, project and
// account in effect, stable fake ids, and secrets in the wire form the SDK reads.
import { createHash } from "crypto";
import { IncompleteKind, SECRET_SIG, SECRET_SIG_KEY } from "./graph";

/** What an invoke handler is told. */
export interface InvokeContext {
  readonly token: string;
  readonly args: Record<string, unknown>;
  /** Stack config (`aws:region` …), merged with the inputs of the explicit provider, if any. */
  readonly config: Record<string, unknown>;
  /** Inputs of the explicit provider the invoke went through, if any. */
  readonly providerInputs?: Record<string, unknown>;
}

/** An invoke handler: returns the invoke's result object, or throws {@link NoAnswer} to decline. */
export type InvokeHandler = (ctx: InvokeContext) => Record<string, unknown>;

/**
 * Thrown by a handler that cannot answer offline. The engine records the invoke as incomplete and hands
 * the program `result` (an empty object unless said otherwise) so that it runs on and the rest of it is
 * still registered and checked.
 */
export class NoAnswer extends Error {
  constructor(
    readonly reason: string,
    readonly kind: IncompleteKind = "invoke",
    readonly result: Record<string, unknown> = {},
  ) {
    super(reason);
    this.name = "NoAnswer";
  }
}

/** The account id the engine reports for AWS. */
export const FAKE_AWS_ACCOUNT = "123456789012";
/** The Google Cloud project the engine reports. */
export const FAKE_GCP_PROJECT = "groundwork-offline";
/** The project number the engine reports for every Google Cloud project. */
export const FAKE_GCP_PROJECT_NUMBER = "123456789012";
/** The Azure subscription and tenant the engine reports. */
export const FAKE_AZURE_SUBSCRIPTION = "00000000-0000-4000-8000-000000000001";
export const FAKE_AZURE_TENANT = "00000000-0000-4000-8000-000000000002";

export function setting(
  ctx: InvokeContext,
  providerKey: string,
  configKey: string,
  fallback: string,
): string {
  const fromProvider = ctx.providerInputs?.[providerKey];
  if (typeof fromProvider === "string" && fromProvider) return fromProvider;
  const fromConfig = ctx.config[configKey];
  return typeof fromConfig === "string" && fromConfig ? fromConfig : fallback;
}

/** The AWS region in effect for an invoke. */
export function awsRegion(ctx: InvokeContext): string {
  return setting(ctx, "region", "aws:region", "us-east-1");
}

/** The partition a region belongs to, as AWS names it. */
export const awsPartition = (region: string): string =>
  region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";

/** The DNS suffix of a partition's service endpoints. */
export const awsDnsSuffix = (partition: string): string =>
  partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

/** JSON with sorted keys: the same query always hashes the same, whatever order its fields came in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A stable fake AMI id for a query: `ami-` and 17 hex digits of its hash, as real AMI ids are shaped. */
export function fakeAmiId(region: string, args: Record<string, unknown>): string {
  return `ami-${createHash("sha256")
    .update(`${region}|${stableJson(args)}`)
    .digest("hex")
    .slice(0, 17)}`;
}

/** A secret value in the wire form: the program gets it as a secret, as it gets a provider's keys. */
export function secret<T>(value: T): Record<string, unknown> {
  return { [SECRET_SIG_KEY]: SECRET_SIG, value };
}

/** `n` hex digits of a stable hash of the parts: the same query always gets the same fake id. */
export function stableHex(n: number, ...parts: unknown[]): string {
  return createHash("sha256")
    .update(parts.map((p) => (typeof p === "string" ? p : stableJson(p))).join("|"))
    .digest("hex")
    .slice(0, n);
}

/** A stable base64 key of `bytes` random-looking bytes, as storage and service keys are shaped. */
export function stableKey(bytes: number, ...parts: unknown[]): string {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < bytes; i++)
    out.push(
      createHash("sha256")
        .update(`${i}|${stableJson(parts)}`)
        .digest(),
    );
  return Buffer.concat(out).subarray(0, bytes).toString("base64");
}

/** A stable UUID (version 4 shape) for the parts. */
export function stableUuid(...parts: unknown[]): string {
  const h = stableHex(32, ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The string argument `key`, if the program gave one. */
export function argString(ctx: InvokeContext, key: string): string | undefined {
  const v = ctx.args[key];
  return typeof v === "string" && v ? v : undefined;
}
