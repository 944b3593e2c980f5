// Values the engine does not know yet during preview. The CrossGuard server hands policies a proxy that
// throws `UnknownValueError` when one is read; these helpers let a policy say "could not decide".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (sentinel: string, props: PropertyKey[]) => Error;
  unknownCheckingProxy<T>(value: T): T;
  unknownBooleanValue: string;
  unknownNumberValue: string;
  unknownStringValue: string;
  unknownArrayValue: string;
  unknownAssetValue: string;
  unknownArchiveValue: string;
  unknownObjectValue: string;
};

/** The error class the CrossGuard server (and our engine) turns into "can't be decided during preview". */
export const UnknownValueError = proxy.UnknownValueError;

const SENTINELS: ReadonlySet<unknown> = new Set([
  proxy.unknownBooleanValue,
  proxy.unknownNumberValue,
  proxy.unknownStringValue,
  proxy.unknownArrayValue,
  proxy.unknownAssetValue,
  proxy.unknownArchiveValue,
  proxy.unknownObjectValue,
]);

/** True when `value` is one of the server's "unknown during preview" sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
  return typeof value === "string" && SENTINELS.has(value);
}

const IS_PROXY = "__isSpecialProxy";
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The server's `UnknownValueError`, built without a stack trace. A preview reads unknowns by the
 * thousand (every link lookup touches an unknown id) and capturing the trace was most of the cost;
 * the message, `props` and class are the server's, so nothing that reports it can tell the difference.
 */
function unknownValueError(sentinel: string, props: PropertyKey[]): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new UnknownValueError(sentinel, props);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function checking<T>(value: T, path: readonly PropertyKey[]): T {
  if (!(value instanceof Object)) return value;
  return new Proxy(value as T & object, {
    get: (obj, prop) => {
      if (prop === IS_PROXY) return true;
      if (prop === PROXY_TARGET) return obj;
      const field = (obj as Record<PropertyKey, unknown>)[prop];
      if (isUnknownSentinel(field)) throw unknownValueError(field as string, [...path, prop]);
      // The Proxy invariant: a non-configurable, non-writable own data property must be returned as is
      // (`Array.prototype.filter` reads `constructor.prototype` through the proxy, for one).
      if (!(field instanceof Object)) return field;
      const desc = Object.getOwnPropertyDescriptor(obj, prop);
      if (desc && "value" in desc && desc.configurable === false && desc.writable === false) return field;
      return checking(field, [...path, prop]);
    },
  });
}

/**
 * Wraps a props object the way the CrossGuard server does (`@pulumi/policy/proxy`): reading an unknown
 * throws `UnknownValueError`, nested objects are wrapped alike, and `__isSpecialProxy` /
 * `__getSpecialProxyTarget` answer as the server's do. Only the error is cheaper (no stack trace).
 */
export function unknownCheckingProxy<T>(value: T): T {
  return checking(value, []);
}

/** True when `err` says a value was unknown (preview). */
export function isUnknownError(err: unknown): err is Error {
  return err instanceof UnknownValueError;
}

/**
 * `props[key]` when it is known, else `undefined`, without throwing: looks under the server's proxy for
 * the sentinel. Use it in loops that would otherwise throw and catch once per resource.
 */
export function knownField(props: Record<string, unknown>, key: string): unknown {
  if (typeof props !== "object" || props === null) return undefined;
  const target = props[PROXY_TARGET] as Record<string, unknown> | undefined;
  if (target !== undefined && isUnknownSentinel(target[key])) return undefined;
  return props[key];
}

/**
 * Runs `fn`; when it reads an unknown value, returns `undefined` instead of throwing. Use it where a
 * policy can still decide from other values (for a link found through `propertyDependencies`, say).
 */
export function ifKnown<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (isUnknownError(err)) return undefined;
    throw err;
  }
}

/**
 * True when `props[key]` is present and not empty. An unknown value counts as present: during preview a
 * reference to a resource not yet created (a key ARN, a bucket id) is unknown but certainly set.
 */
export function isSet(props: Record<string, unknown>, key: string): boolean {
  if (typeof props !== "object" || props === null || !(key in props)) return false;
  try {
    const v = props[key];
    return v !== undefined && v !== null && v !== "";
  } catch (err) {
    if (isUnknownError(err)) return true;
    throw err;
  }
}

/** What {@link peek} returns for a value unknown during preview. */
export const UNKNOWN_VALUE: unique symbol = Symbol("unknown during preview");

/**
 * `props[key]`, or {@link UNKNOWN_VALUE} when it is unknown during preview, without throwing: for a rule that
 * judges many values of one resource and reports the unknown ones as undecided, one by one.
 */
export function peek(props: Record<string, unknown>, key: string): unknown {
  if (typeof props !== "object" || props === null) return undefined;
  const target = props[PROXY_TARGET] as Record<string, unknown> | undefined;
  if (target !== undefined && isUnknownSentinel(target[key])) return UNKNOWN_VALUE;
  const value = props[key];
  return isUnknownSentinel(value) ? UNKNOWN_VALUE : value;
}
