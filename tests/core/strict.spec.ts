// Unit tests for strict arguments: edit distance and the closest-key suggestion, plain objects, the
// unknown-key and not-an-object errors, the derived physical name check, and the typed Validator errors.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
  Validator,
  argKeys,
  closestKey,
  editDistance,
  isPlainObject,
  strictArgs,
  strictObject,
  validateDerivedNames,
} from "../../components/core";
import { ELB_NAME, KMS_ALIAS_NAME, autoNamed, keyAliasNamed } from "../../components/aws/naming";
import { inputError } from "./helpers";

const v = new Validator("aws.Bucket", "logs");
const KEYS = ["environment", "tags", "versioning", "cidrBlock", "logRetentionDays"];

describe("core/strict: editDistance and closestKey", () => {
  it("counts insertions, deletions, substitutions and neighbour swaps as one edit each", () => {
    assert.equal(editDistance("versionning", "versioning"), 1);
    assert.equal(editDistance("tgas", "tags"), 1);
    assert.equal(editDistance("tag", "tags"), 1);
    assert.equal(editDistance("tbgs", "tags"), 1);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("kitten", "sitting"), 3);
  });

  it("suggests the nearest key, ignoring case, or the key a short word starts", () => {
    assert.equal(closestKey("versionning", KEYS), "versioning");
    assert.equal(closestKey("TAGS", KEYS), "tags");
    assert.equal(closestKey("cidr", KEYS), "cidrBlock");
    assert.equal(closestKey("logRetention", KEYS), "logRetentionDays");
    assert.equal(closestKey("region", KEYS), undefined);
  });
});

describe("core/strict: isPlainObject", () => {
  it("accepts object literals and null-prototype objects only", () => {
    assert.ok(isPlainObject({}));
    assert.ok(isPlainObject(Object.create(null)));
    for (const bad of [null, undefined, "x", 42, [], new Date(), pulumi.output({}), Promise.resolve({})])
      assert.ok(!isPlainObject(bad), String(bad));
    class Args {
      readonly a = 1;
    }
    assert.ok(!isPlainObject(new Args()));
  });
});

describe("core/strict: strictArgs and strictObject", () => {
  it("names the unknown key and suggests the closest valid one", () => {
    const err = inputError(() => strictArgs(v, { versionning: true }, KEYS));
    assert.equal(err.field, "versionning");
    assert.equal(
      err.message,
      'aws.Bucket "logs": versionning true is an unknown argument; did you mean "versioning"? ' +
        "(expected one of the keys of the arguments of aws.Bucket: environment, tags, versioning, " +
        "cidrBlock, logRetentionDays)",
    );
  });

  it("refuses an unknown key with no suggestion when none is close", () => {
    const err = inputError(() => strictArgs(v, { region: "eu-west-1" }, KEYS));
    assert.equal(err.field, "region");
    assert.equal(err.problem, "is an unknown argument");
  });

  it("refuses args that are not a plain object, whatever they are", () => {
    for (const bad of ["x", 42, null, [], [{}], true]) {
      const err = inputError(() => strictArgs(v, bad, KEYS));
      assert.equal(err.field, "args");
      assert.equal(err.problem, "is not an object");
    }
  });

  it("refuses an empty component name", () => {
    const err = inputError(() => strictArgs(new Validator("aws.Bucket", ""), {}, KEYS));
    assert.equal(err.field, "name");
  });

  it("names nested unknown keys by their path", () => {
    const err = inputError(() => strictObject(v, "containers[1]", { imge: "x" }, ["image"], "a container"));
    assert.equal(err.field, "containers[1].imge");
    assert.match(err.message, /did you mean "image"\?/);
  });

  it("argKeys returns the list it is given (the exhaustiveness check is the compiler's)", () => {
    interface Two {
      readonly a?: number;
      readonly b?: string;
    }
    assert.deepEqual(argKeys<Two>()(["a", "b"]), ["a", "b"]);
  });
});

describe("core/naming: validateDerivedNames", () => {
  it("passes names whose derived physical names are valid", () => {
    validateDerivedNames(new Validator("aws.ContainerService", "a".repeat(20)), [
      autoNamed("the load balancer", ELB_NAME, "alb"),
    ]);
    validateDerivedNames(new Validator("aws.EncryptionKey", "orders_db"), [keyAliasNamed()]);
  });

  it("passes a name that is only too long (the child takes a fitted name), refuses one a cut cannot mend", () => {
    const alb = autoNamed("the load balancer", ELB_NAME, "alb");
    validateDerivedNames(new Validator("aws.ContainerService", "a".repeat(21)), [alb]);
    const err = inputError(() =>
      validateDerivedNames(new Validator("aws.ContainerService", `orders api ${"a".repeat(21)}`), [alb]),
    );
    assert.equal(err.field, "name");
    assert.equal(
      err.problem,
      `would make the load balancer name "orders api ${"a".repeat(21)}-alb-" plus 7 random characters, which contains characters or a shape the rule does not allow`,
    );
    assert.equal(err.expected, ELB_NAME.description);
  });

  it("refuses characters the derived name does not allow", () => {
    const err = inputError(() =>
      validateDerivedNames(new Validator("aws.EncryptionKey", "a.b"), [keyAliasNamed()]),
    );
    assert.match(err.problem, /^would make the key alias name "alias\/a\.b-" plus 26 random characters/);
    assert.equal(err.expected, KMS_ALIAS_NAME.description);
  });
});

describe("core/validate: typed errors say what is wrong", () => {
  const n = new Validator("aws.ContainerService", "api");

  it("integer: a string is not a number, a fraction not whole, a number beyond the bounds out of range", () => {
    const problem = (x: unknown): string =>
      inputError(() => n.integer("containerPort", x as number, 1024, 65535)).problem;
    assert.equal(problem("8080"), "is not a number");
    assert.equal(problem(NaN), "is not a number");
    assert.equal(problem(8080.5), "is not a whole number");
    assert.equal(problem(80), "is out of range");
  });

  it("listLength and stringList: a single string is not an array", () => {
    const err = inputError(() => n.listLength("subnetIds", "subnet-1" as unknown as string[], 2, 16));
    assert.equal(err.problem, "is not an array");
    assert.equal(err.expected, "a list of 2 to 16 entries");
    const list = inputError(() => n.stringList("subnetIds", "subnet-1" as unknown as string[], "ids"));
    assert.equal(list.problem, "is not an array");
    const entry = inputError(() => n.stringList("subnetIds", ["subnet-1", 7] as unknown as string[], "ids"));
    assert.equal(entry.field, "subnetIds[1]");
    assert.equal(entry.problem, "is not a string");
    n.stringList("subnetIds", pulumi.output(["s"]), "ids");
  });

  it("oneOf, matches and stringInput: a number is not a string", () => {
    assert.equal(inputError(() => n.oneOf("mode", 3 as unknown as "a", ["a"])).problem, "is not a string");
    assert.equal(
      inputError(() => n.matches("vpcId", 3 as unknown as string, /x/, "id")).problem,
      "is not a string",
    );
    assert.equal(
      inputError(() => n.stringInput("description", 3 as unknown as string, "text")).problem,
      "is not a string",
    );
    assert.equal(n.stringInput("description", undefined, "text"), undefined);
  });
});
