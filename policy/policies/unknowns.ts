// Values the engine does not know yet during preview. The CrossGuard server hands policies a proxy that
// throws `UnknownValueError` when one is read; these helpers let a policy say "could not decide".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (...args: never[]) => Error;
  unknownCheckingProxy<T>(value: T): T;
};

/** The error class the CrossGuard server (and our engine) turns into "can't be decided during preview". */
export const UnknownValueError = proxy.UnknownValueError;

/** Wraps a props object the way the CrossGuard server does, so reading an unknown throws. */
export const unknownCheckingProxy = proxy.unknownCheckingProxy;

/** True when `err` says a value was unknown (preview). */
export function isUnknownError(err: unknown): err is Error {
  return err instanceof UnknownValueError;
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
