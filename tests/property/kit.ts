// The seeded property test of strict arguments, shared by the spec of each cloud family: a generator of
// bad input (a wrong value in one field, an unknown key, a bad component name, args that are not an
// object) and the check that each is refused with a GroundworkInputError naming the component, the
// field and what is accepted, before anything registers.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { GroundworkInputError } from "../../components/core";
import { STACK_TYPE, synth } from "../../testing";
import { misfits } from "../core/physical-names";

/** The kinds of field every cloud has, by how the field is typed. */
export type CommonKind = "boolean" | "number" | "string" | "list" | "map" | "enum" | "env";

/** Values wrong for each common kind; every one must be refused wherever the kind appears. */
export const COMMON_WRONG: Record<CommonKind, readonly unknown[]> = {
  boolean: [0, 1, "true", "false", [], {}, [true]],
  number: ["8080", "1", "30", true, [], {}, [1], NaN, 1.5],
  string: [42, 0, true, [], {}, ["x"], { a: "b" }],
  list: ["subnet-0abc", "a,b", 42, true, {}, [42], [{}], [true]],
  map: ["k=v", 42, true, [], ["a"], { k: 42 }, { k: true }, { k: {} }],
  enum: [42, true, [], {}, "nope", "DEV"],
  // Plain environment variables: a secret in plain text, names no platform takes, values not strings.
  env: [{ DB_PASSWORD: "hunter2" }, { API_TOKEN: "t" }, { "1X": "a" }, { "A-B": "x" }, { A: 1 }, "A=b", []],
};

/** Characters no physical name derived from a component name allows. */
const NAME_JUNK = [" ", "*", "%", "!", "é", "?"];

/** One component under test: its constructor, valid base arguments and the kind of each argument. */
export interface Subject<A, K extends string = CommonKind> {
  readonly name: string;
  readonly build: (name: string, args: unknown) => unknown;
  readonly base: A;
  readonly kinds: { readonly [P in keyof Required<A>]: K };
  /** Names this component must refuse beyond the generated ones. */
  readonly badNames: readonly string[];
  /**
   * `fit` when the component's physical names are made from its name and shortened to fit (a long name
   * is taken, every physical name fits its cloud); otherwise a long name is one more bad name.
   */
  readonly longNames?: "fit";
  /**
   * Fields a refusal may name instead of the one given, when the given field's check waits for its value
   * (an Output) and a co-requirement refuses first: `registryId` without `registryServer`.
   */
  readonly related?: { readonly [field: string]: readonly string[] };
}

/** `count` tags (or labels) `k0: v` …: a map too big for a cloud's limit once Groundwork's own are added. */
export function manyTags(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, "v"]));
}

/** A subject's `build`: the component's constructor, called with the (possibly bad) arguments as they are. */
export function construct<A>(
  component: new (name: string, args: A) => unknown,
): (name: string, args: unknown) => unknown {
  return (name, args) => new component(name, args as A);
}

/** Mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One bad input, and the field its error must name (the mutated field, or a path inside it). */
type Case = { readonly label: string; readonly name: string; readonly args: unknown; readonly field: string };

/** A key that is close to a real one (a typo) or unrelated, never a real key. */
function unknownKey(rand: () => number, keys: readonly string[]): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const key = pick(keys);
  const at = Math.floor(rand() * key.length);
  const typos = [
    key.slice(0, at) + key.slice(at + 1),
    key.slice(0, at) + pick(["x", "e", "_", "s"]) + key.slice(at),
    `${key}s`,
    key.toUpperCase(),
    pick(["cidr", "versioning", "name", "type", "region", "replicas", "__proto"]),
  ];
  const candidate = pick(typos);
  return keys.includes(candidate) || candidate === "" ? `${key}Extra` : candidate;
}

/** `count` seeded bad cases for one component, wrong values drawn from `wrong` by each field's kind. */
function badCases<A, K extends string>(
  s: Subject<A, K>,
  wrong: Record<K, readonly unknown[]>,
  seed: number,
  count: number,
): Case[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const kinds = s.kinds as Record<string, K>;
  const keys = Object.keys(kinds);
  const base = s.base as Record<string, unknown>;
  const makers: ((i: number) => Case)[] = [
    (i) => {
      const field = pick(keys);
      const value = pick(wrong[kinds[field]]);
      const label = `${field}: ${String(JSON.stringify(value))}`;
      return { label, name: `c${i}`, args: { ...base, [field]: value }, field };
    },
    (i) => {
      const key = unknownKey(rand, keys);
      const args = { ...base, [key]: pick(["x", 1, true]) };
      return { label: `unknown key ${key}`, name: `c${i}`, args, field: key };
    },
    () => {
      const good = pick(["svc", "orders", "web-1"]);
      const at = Math.floor(rand() * (good.length + 1));
      const name = pick([
        good.slice(0, at) + pick(NAME_JUNK) + good.slice(at),
        ...(s.longNames === "fit" ? [] : ["a".repeat(224 + Math.floor(rand() * 80))]),
        "",
        ...s.badNames,
      ]);
      return { label: `name ${JSON.stringify(name)}`, name, args: base, field: "name" };
    },
    (i) => {
      const args = pick(["args", 42, true, null, [], [base], 0, "{}"]);
      return { label: `args ${JSON.stringify(args)}`, name: `c${i}`, args, field: "args" };
    },
  ];
  return Array.from({ length: count }, (_, i) => pick(makers)(i));
}

/** Why an error is not the refusal a case wants (not a GroundworkInputError, or naming the wrong thing). */
function misnamed(
  s: { readonly name: string; readonly related?: Subject<unknown>["related"] },
  c: Case,
  err: unknown,
  allowRelated = false,
): string | undefined {
  if (!(err instanceof GroundworkInputError)) return `threw ${String(err)}`;
  const { component, resourceName, field, expected } = err;
  const fields = [c.field, ...(allowRelated ? (s.related?.[c.field] ?? []) : [])];
  const inside = fields.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
  if (component !== s.name || resourceName !== c.name || !inside || expected.trim() === "")
    return `refused as ${component} ${JSON.stringify(resourceName)} ${field} (expected ${expected})`;
  // The value refused is named too, in the message as the caller wrote it.
  if (!err.message.includes(`${field} `)) return `refused without naming the value: ${err.message}`;
  if (/ is not valid \(/.test(err.message)) return `refused without saying what is wrong: ${err.message}`;
  return undefined;
}

/** Runs every case in one synth: each must throw a GroundworkInputError, and nothing may register. */
async function assertAllRefused<A, K extends string>(
  s: Subject<A, K>,
  cases: readonly Case[],
): Promise<void> {
  const wrong: string[] = [];
  const run = synth(() => {
    for (const c of cases) {
      try {
        s.build(c.name, c.args);
        wrong.push(`${c.label}: accepted`);
      } catch (err) {
        const why = misnamed(s, c, err);
        if (why !== undefined) wrong.push(`${c.label}: ${why}`);
      }
    }
  });
  // An accepted case registers, and may make the synth itself fail (two accepted cases of one name):
  // the cases are reported first, as the cause.
  let failure: unknown;
  const graph = await run.catch((err: unknown) => void (failure = err));
  assert.deepStrictEqual(wrong, [], `${s.name}: cases not refused with a GroundworkInputError`);
  if (graph === undefined) throw failure;
  const registered = graph.resources.filter((r) => r.type !== STACK_TYPE).map((r) => `${r.type} ${r.name}`);
  assert.deepStrictEqual(registered, [], `${s.name}: registered before refusing`);
}

/**
 * One control (the valid base registers) and one property test (`count` bad inputs, seeded from
 * `seed` plus the subject's index) per subject, in the current `describe`.
 */
export function propertyTests<K extends string>(
  wrong: Record<K, readonly unknown[]>,
  subjects: readonly Subject<unknown, K>[],
  o: { readonly seed: number; readonly count: number },
): void {
  for (const [index, subject] of subjects.entries()) {
    if (subject.longNames === "fit") longNameTest(subject, o.seed + 100 + index);
    it(`${subject.name}: valid base arguments register (the control)`, async () => {
      const graph = await synth(() => subject.build("svc", subject.base));
      assert.ok(graph.resources.some((r) => r.type !== STACK_TYPE));
    });
    it(`${subject.name}: ${o.count} bad inputs, each a GroundworkInputError, nothing registered`, async () => {
      await assertAllRefused(subject, badCases(subject, wrong, o.seed + index, o.count));
    });
  }
}

/** A seeded long name of the words a team would use: lowercase words joined by hyphens. */
export function longName(rand: () => number, length: number): string {
  let s = "";
  while (s.length < length) {
    const word = Array.from({ length: 2 + Math.floor(rand() * 7) }, () =>
      String.fromCharCode(97 + Math.floor(rand() * 26)),
    ).join("");
    s = s === "" ? word : `${s}-${word}`;
  }
  return s.slice(0, length).replace(/-+$/, "x");
}

/**
 * Long component names (21 to 100 characters: past that, a grantee name passes the 128 characters grant
 * ids take) register, and every physical name made fits its cloud.
 */
function longNameTest<K extends string>(subject: Subject<unknown, K>, seed: number): void {
  it(`${subject.name}: long names register, every physical name within its cloud's limit`, async () => {
    const rand = prng(seed);
    const names = Array.from({ length: 3 }, () => longName(rand, 21 + Math.floor(rand() * 80)));
    const graph = await synth(() => names.forEach((n) => subject.build(n, subject.base)), { preview: false });
    for (const n of names)
      assert.ok(
        graph.resources.some((r) => r.name === n),
        `${subject.name} ${JSON.stringify(n)} registered`,
      );
    assert.deepStrictEqual(misfits(graph), []);
  });
}

/**
 * What programs produce (issue 23): every field given as an Output of a wrong value, seeded. Each must be
 * refused by name, never accepted and never a crash: at once when the field must be known before deploy
 * (a GroundworkInputError naming the field), or once the Output resolves when the field only feeds a
 * child's inputs (the deployment fails with the same house message, naming the component, the instance,
 * the field and what is accepted). All cases run in one synth, each under a name of its own.
 */
export function outputTests<K extends string>(
  wrong: Record<K, readonly unknown[]>,
  subjects: readonly Subject<unknown, K>[],
  o: { readonly seed: number; readonly count: number },
): void {
  for (const [index, s] of subjects.entries()) {
    it(`${s.name}: ${o.count} Output-valued bad inputs, each refused by field, now or once known`, async () => {
      const rand = prng(o.seed + index);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      const kinds = s.kinds as Record<string, K>;
      const cases = Array.from({ length: o.count }, (_, i) => {
        const field = pick(Object.keys(kinds));
        const value = pick(wrong[kinds[field]]);
        const label = `${field}: Output(${String(JSON.stringify(value))})`;
        return {
          label,
          name: `o${i}`,
          field,
          args: { ...(s.base as object), [field]: pulumi.output(value) },
        };
      });
      const wrongly: string[] = [];
      const later: Case[] = [];
      const listener = (err: unknown): void =>
        void seen.push(err instanceof Error ? err.message : String(err));
      const seen: string[] = [];
      process.on("unhandledRejection", listener);
      try {
        await synth(
          () => {
            for (const c of cases) {
              try {
                s.build(c.name, c.args);
                later.push(c);
              } catch (err) {
                const why = misnamed(s, c, err, true);
                if (why !== undefined) wrongly.push(`${c.label}: ${why}`);
              }
            }
          },
          { preview: false, timeoutMs: 5000 },
        ).catch((err: unknown) => void seen.push(err instanceof Error ? err.message : String(err)));
      } finally {
        process.off("unhandledRejection", listener);
      }
      for (const c of later) {
        const named = seen.some(
          (m) => m.includes(`${s.name} "${c.name}": ${c.field}`) && m.includes("(expected "),
        );
        if (!named) wrongly.push(`${c.label}: accepted, and not refused once known`);
      }
      assert.deepStrictEqual(wrongly, [], `${s.name}: Output-valued cases not refused by field`);
    });
  }
}
