// Shared helpers for the core and cloud-vocabulary specs.
import { strict as assert } from "assert";
import { GroundworkInputError, NameRule, nameProblemFor } from "../../components/core";

/** Runs `fn`, asserts it throws a GroundworkInputError, and returns it. */
export function inputError(fn: () => unknown): GroundworkInputError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GroundworkInputError, `expected a GroundworkInputError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected a GroundworkInputError, nothing was thrown");
}

/** Asserts that every name is valid under `rule`. */
export function valid(rule: NameRule, names: string[]): void {
  for (const n of names)
    assert.equal(nameProblemFor(rule, n), undefined, `${rule.id}: ${JSON.stringify(n)} should be valid`);
}

/** Asserts that every name is invalid under `rule`, for a reason matching `problem` when given. */
export function invalid(rule: NameRule, names: string[], problem?: RegExp): void {
  for (const n of names) {
    const p = nameProblemFor(rule, n);
    assert.notEqual(p, undefined, `${rule.id}: ${JSON.stringify(n)} should be invalid`);
    if (problem) assert.match(p!, problem, `${rule.id}: ${JSON.stringify(n)}`);
  }
}

/** Image references pinned to a tag other than latest or to a digest, from several registries. */
export const PINNED_IMAGES: readonly string[] = [
  "nginx:1.27.0",
  "nginx:1.27",
  "ghcr.io/acme/api:1.2.3",
  "localhost:5000/api:v1",
  "registry.example.com:5000/team/app:v2-rc.1",
  `acme/api@sha256:${"a".repeat(64)}`,
  `ghcr.io/acme/api@sha256:${"a".repeat(64)}`,
  `ghcr.io/acme/api:latest@sha256:${"b".repeat(64)}`,
];
