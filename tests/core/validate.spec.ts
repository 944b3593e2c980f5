// Unit tests for the shared input validation: the error type and its message form, every Validator
// method, log retention, environment profiles and the protect rule for stateful children.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
  ENVIRONMENTS,
  GroundworkInputError,
  LOG_RETENTION_DAYS,
  PROFILES,
  Validator,
  describeValue,
  knownValue,
  protectStateful,
  resolveProfile,
  validateLogRetention,
} from "../../components/core";
import { inputError } from "./helpers";

const v = new Validator("aws.Network", "core");

describe("core/errors: GroundworkInputError", () => {
  it('renders `<component> "<name>": <field> <value> <problem> (expected <expected>)` exactly', () => {
    const err = new GroundworkInputError({
      component: "aws.Network",
      resourceName: "core",
      field: "cidrBlock",
      value: "10.0.0.0/33",
      problem: "is not a valid IPv4 CIDR",
      expected: "a.b.c.d/n with n between 16 and 28",
    });
    assert.equal(
      err.message,
      'aws.Network "core": cidrBlock "10.0.0.0/33" is not a valid IPv4 CIDR (expected a.b.c.d/n with n between 16 and 28)',
    );
    assert.equal(err.name, "GroundworkInputError");
    assert.equal(err.field, "cidrBlock");
    assert.equal(err.value, "10.0.0.0/33");
    assert.equal(err.component, "aws.Network");
    assert.equal(err.resourceName, "core");
  });

  it("is a pulumi.ResourceError with the stack hidden, so the CLI prints the message alone", () => {
    const err = inputError(() => v.fail("zones", 9, "is out of range", "1 to 4"));
    assert.ok(err instanceof pulumi.ResourceError);
    assert.ok(pulumi.ResourceError.isInstance(err));
    assert.equal(err.hideStack, true);
  });

  it("renders values by kind: strings quoted, numbers and booleans bare, objects as JSON, long JSON cut", () => {
    assert.equal(describeValue("a b"), '"a b"');
    assert.equal(describeValue(3), "3");
    assert.equal(describeValue(false), "false");
    assert.equal(describeValue(null), "null");
    assert.equal(describeValue(undefined), "undefined");
    assert.equal(describeValue({ a: [1, 2] }), '{"a":[1,2]}');
    const long = describeValue({ text: "x".repeat(500) });
    assert.equal(long.length, 120);
    assert.ok(long.endsWith("..."));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(describeValue(cyclic), "[object Object]");
  });
});

describe("core/validate: Validator", () => {
  it("required: returns present values, refuses undefined, null and blank strings", () => {
    assert.equal(v.required("name", "x", "a name"), "x");
    assert.equal(v.required("count", 0, "a number"), 0);
    assert.equal(v.required("flag", false, "a boolean"), false);
    for (const bad of [undefined, null, "", "   "]) {
      const err = inputError(() => v.required("name", bad, "a non-empty name"));
      assert.equal(err.field, "name");
      assert.equal(err.problem, "is required");
      assert.match(err.message, /^aws\.Network "core": name .* is required \(expected a non-empty name\)$/);
    }
  });

  it("oneOf: accepts listed values, defaults when absent, lists the accepted values when not", () => {
    const allowed = ["a", "b"] as const;
    assert.equal(v.oneOf("mode", "b", allowed, "a"), "b");
    assert.equal(v.oneOf("mode", undefined, allowed, "a"), "a");
    assert.equal(v.oneOf("mode", undefined, allowed), undefined);
    const err = inputError(() => v.oneOf("mode", "c" as "a", allowed, "a"));
    assert.equal(err.message, 'aws.Network "core": mode "c" is not supported (expected one of "a", "b")');
    // A non-string value (from untyped JavaScript callers) is refused, not compared loosely.
    inputError(() => v.oneOf("mode", 1 as unknown as "a", allowed));
  });

  it("integer: accepts the inclusive bounds, refuses fractions, out-of-range values and non-numbers", () => {
    assert.equal(v.integer("zones", 1, 1, 4, 2), 1);
    assert.equal(v.integer("zones", 4, 1, 4, 2), 4);
    assert.equal(v.integer("zones", undefined, 1, 4, 2), 2);
    assert.equal(v.integer("zones", undefined, 1, 4), undefined);
    for (const bad of [0, 5, 2.5, NaN, Infinity, "3" as unknown as number]) {
      const err = inputError(() => v.integer("zones", bad, 1, 4, 2));
      assert.equal(err.field, "zones");
      assert.equal(err.expected, "an integer from 1 to 4");
    }
  });

  it("boolean: defaults when absent, refuses truthy non-booleans", () => {
    assert.equal(v.boolean("flowLogs", undefined, true), true);
    assert.equal(v.boolean("flowLogs", false, true), false);
    const err = inputError(() => v.boolean("flowLogs", "false" as unknown as boolean, true));
    assert.equal(
      err.message,
      'aws.Network "core": flowLogs "false" is not a boolean (expected true or false)',
    );
  });

  it("matches: checks known strings, lets Outputs and Promises through unchecked", () => {
    const pattern = /^[a-z]+$/;
    v.matches("prefix", "abc", pattern, "lowercase letters");
    v.matches("prefix", undefined, pattern, "lowercase letters");
    v.matches("prefix", pulumi.output("NOT CHECKED"), pattern, "lowercase letters");
    v.matches("prefix", Promise.resolve("NOT CHECKED"), pattern, "lowercase letters");
    const err = inputError(() => v.matches("prefix", "ABC", pattern, "lowercase letters"));
    assert.equal(err.message, 'aws.Network "core": prefix "ABC" is not valid (expected lowercase letters)');
  });

  it("place: accepts the list's places (in any case when the API does), names the nearest otherwise", () => {
    const regions = {
      kind: "Test region",
      example: "eu-west-1",
      names: ["eu-west-1", "eu-west-2"],
      source: "t",
    };
    v.place("region", "eu-west-1", regions);
    v.place("region", undefined, regions);
    v.place("region", pulumi.output("eu-west-99"), regions);
    const near = inputError(() => v.place("region", "eu-west-9", regions));
    assert.equal(
      near.message,
      'aws.Network "core": region "eu-west-9" is not a Test region (did you mean "eu-west-1"?) ' +
        "(expected a Test region such as eu-west-1)",
    );
    assert.equal(inputError(() => v.place("region", "mars", regions)).problem, "is not a Test region");
    assert.throws(() => v.place("region", "EU-WEST-1", regions), /is not a Test region/);
    v.place("region", "EU-WEST-1", { ...regions, caseInsensitive: true });
  });

  it("listLength: accepts lists within bounds, refuses too few, too many and non-lists", () => {
    v.listLength("zones", ["a"], 1, 2);
    v.listLength("zones", ["a", "b"], 1, 2);
    v.listLength("zones", undefined, 1, 2);
    for (const bad of [[], ["a", "b", "c"], "ab" as unknown as string[]]) {
      const err = inputError(() => v.listLength("zones", bad, 1, 2));
      assert.equal(err.expected, "a list of 1 to 2 entries");
    }
  });

  it("knownValue: plain values come back, deferred values come back undefined", () => {
    assert.equal(knownValue("x"), "x");
    assert.equal(knownValue(undefined), undefined);
    assert.equal(knownValue(pulumi.output("x")), undefined);
    assert.equal(knownValue(Promise.resolve("x")), undefined);
  });
});

describe("core/validate: validateLogRetention", () => {
  it("accepts every CloudWatch retention and defaults when absent", () => {
    for (const days of LOG_RETENTION_DAYS) assert.equal(validateLogRetention(v, days, 30), days);
    assert.equal(validateLogRetention(v, undefined, 90), 90);
  });

  it("refuses retentions CloudWatch does not accept, naming the field and the accepted values", () => {
    for (const bad of [0, 2, 31, 366, -1, 1.5]) {
      const err = inputError(() => validateLogRetention(v, bad, 30));
      assert.equal(err.field, "logRetentionDays");
      assert.equal(err.value, bad);
      assert.match(err.expected, /^one of 1, 3, 5, 7, 14, 30, .*, 3653$/);
    }
  });
});

describe("core/profiles", () => {
  it("resolveProfile: dev by default, each environment to its own profile, anything else refused", () => {
    assert.equal(resolveProfile(v, undefined), PROFILES.dev);
    for (const env of ENVIRONMENTS) assert.equal(resolveProfile(v, env).environment, env);
    const err = inputError(() => resolveProfile(v, "production" as "prod"));
    assert.equal(
      err.message,
      'aws.Network "core": environment "production" is not supported (expected one of "dev", "staging", "prod")',
    );
  });

  it("profiles grow from dev to prod: never fewer zones, less retention or less protection", () => {
    const [dev, staging, prod] = ENVIRONMENTS.map((e) => PROFILES[e]);
    for (const [lower, higher] of [
      [dev, staging],
      [staging, prod],
    ]) {
      assert.ok(higher.zoneCount >= lower.zoneCount);
      assert.ok(higher.logRetentionDays >= lower.logRetentionDays);
      assert.ok(higher.backupRetentionDays >= lower.backupRetentionDays);
      assert.ok(higher.replicas.min >= lower.replicas.min);
      assert.ok(Number(higher.deletionProtection) >= Number(lower.deletionProtection));
      assert.ok(Number(higher.protect) >= Number(lower.protect));
    }
    assert.equal(prod.protect, true);
    assert.equal(prod.deletionProtection, true);
    assert.equal(prod.highAvailability, true);
    assert.equal(prod.natGateways, "perAz");
  });

  it("every profile's log retention is one CloudWatch accepts", () => {
    for (const env of ENVIRONMENTS) {
      assert.ok(LOG_RETENTION_DAYS.includes(PROFILES[env].logRetentionDays), env);
    }
  });

  it("protectStateful: explicit choice over the profile, an inherited protect: true over both", () => {
    assert.equal(protectStateful(PROFILES.dev, undefined), false);
    assert.equal(protectStateful(PROFILES.prod, undefined), true);
    assert.equal(protectStateful(PROFILES.prod, false), false);
    assert.equal(protectStateful(PROFILES.dev, true), true);
    assert.equal(protectStateful(PROFILES.dev, false, true), true);
    assert.equal(protectStateful(PROFILES.prod, false, true), true);
    assert.equal(protectStateful(PROFILES.prod, undefined, false), true);
  });
});
