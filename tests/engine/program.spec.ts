// Running programs: path programs (.js and .ts, default-export function or top-level exports), stack
// config, isolation between programs (also concurrent ones), errors that point at the program, timeouts.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { GraphQuery, SynthError, isSecret, reveal, synth } from "../../engine";
import { resolveProgramPath } from "../../engine/program";

// TypeScript fixtures run from the source tree (through synth's transpile hook); their compiled twins
// under dist run as plain JavaScript.
const SRC = path.resolve(__dirname, "../../../tests/engine/fixtures");
const DIST = path.resolve(__dirname, "fixtures");

class Thing extends pulumi.CustomResource {
  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Thing", name, props, opts);
  }
}

/** A program that awaits a new resource's id: in preview that output never resolves. */
async function waits(): Promise<void> {
  const t = new Thing("slow", {});
  await new Promise((resolve) => t.id.apply(resolve));
}

/** Synthesizes `waits` with `timeoutMs`; it must fail with `message` in less than `withinMs`. */
async function failsWithin(timeoutMs: number, message: RegExp, withinMs: number): Promise<void> {
  const started = Date.now();
  await assert.rejects(
    synth(waits, { timeoutMs }),
    (err: unknown) => err instanceof SynthError && message.test(err.message),
  );
  assert.ok(Date.now() - started < withinMs, `took ${Date.now() - started} ms`);
}

/** Asserts `err` is a SynthError whose location is the line of `file` marked THROW_HERE. */
function assertPointsAtMarker(err: unknown, file: RegExp): true {
  assert.ok(err instanceof SynthError, `expected a SynthError, got ${String(err)}`);
  assert.ok(err.location, `no location in: ${err.message}`);
  const m = /^(.*):(\d+):(\d+)$/.exec(err.location);
  assert.ok(m, err.location);
  assert.match(m[1], file);
  assert.doesNotMatch(m[1], /node_modules|[\\/]engine[\\/](synth|program|pending-work|monitor)\.(js|ts)$/);
  const line = fs.readFileSync(m[1], "utf8").split("\n")[Number(m[2]) - 1];
  assert.match(line, /THROW_HERE/, `${err.location} is not the throwing line: ${line}`);
  assert.ok(err.message.includes(err.location), err.message);
  return true;
}

describe("engine/synth: path programs", () => {
  it("TypeScript, top-level code: exports become stack outputs, config is read", async () => {
    const g = await synth(path.join(SRC, "top-level-program.ts"), {
      project: "fx",
      config: { size: 3, who: "world" },
    });
    assert.equal(g.outputs.greeting, "hello world");
    assert.equal(g.outputs.thingUrn, "urn:pulumi:dev::fx::test:index:Thing::top");
    assert.equal(new GraphQuery(g).one("test:index:Thing", "top").inputs.size, 3);
  });

  it("compiled JavaScript of the same program gives the same graph", async () => {
    const options = { project: "fx", config: { size: 3, who: "world" } };
    const ts = await synth(path.join(SRC, "top-level-program.ts"), options);
    const js = await synth(path.join(DIST, "top-level-program.js"), options);
    assert.deepEqual(
      js.resources.map((r) => [r.urn, r.inputs]),
      ts.resources.map((r) => [r.urn, r.inputs]),
    );
    assert.deepEqual(js.outputs, ts.outputs);
  });

  it("a default-exported function is called and its result becomes the outputs (.ts and .js)", async () => {
    for (const file of [
      path.join(SRC, "default-export-program.ts"),
      path.join(DIST, "default-export-program.js"),
    ]) {
      const g = await synth(file, { stack: "prod", config: { "aws:region": "eu-north-1" } });
      assert.deepEqual(g.outputs, { region: "eu-north-1", stack: "prod" }, file);
      assert.equal(new GraphQuery(g).one("test:index:Thing", "from-default").inputs.region, "eu-north-1");
    }
  });

  it("a CommonJS module.exports function works, and runs afresh on each synth", async () => {
    const file = path.join(SRC, "plain-program.js");
    const a = await synth(file, { config: { mode: "a" } });
    const b = await synth(file, { config: { mode: "b" } });
    assert.equal(a.outputs.mode, "a");
    assert.equal(b.outputs.mode, "b");
    assert.equal(new GraphQuery(b).one("test:index:Thing", "plain").inputs.mode, "b");
  });

  it("a module that exports neither function nor values gives empty outputs", async () => {
    const g = await synth(path.join(SRC, "throwing-program.ts"), { config: { limit: 2 } });
    assert.deepEqual(g.outputs, {});
    assert.deepEqual(new GraphQuery(g).inventory(), ["test:index:Thing::before-failure"]);
  });

  it("a missing program is reported with its path", async () => {
    await assert.rejects(synth(path.join(SRC, "nope")), /program not found: .*nope/);
  });

  it('a ".js" main with only its ".ts" source beside it runs the source (npm init\'s default main)', async () => {
    // The Pulumi CLI's TypeScript support resolves `"main": "index.js"` to index.ts when only the source exists.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-main-"));
    try {
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "p", main: "index.js" }));
      fs.copyFileSync(path.join(SRC, "top-level-program.ts"), path.join(dir, "index.ts"));
      assert.equal(resolveProgramPath(dir), path.join(dir, "index.ts"));
      assert.equal(resolveProgramPath(path.join(dir, "index.js")), path.join(dir, "index.ts"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("engine/synth: errors point at the program", () => {
  it("a TypeScript program that throws: SynthError at the .ts file and line", async () => {
    await assert.rejects(synth(path.join(SRC, "throwing-program.ts")), (err: unknown) => {
      assertPointsAtMarker(err, /tests[\\/]engine[\\/]fixtures[\\/]throwing-program\.ts$/);
      assert.match((err as Error).message, /limit must be at least 1, got 0/);
      return true;
    });
  });

  it("the compiled JavaScript program that throws: the location is still the program's own line", async () => {
    await assert.rejects(synth(path.join(DIST, "throwing-program.js")), (err: unknown) =>
      assertPointsAtMarker(err, /throwing-program\.(js|ts)$/),
    );
  });

  it("a CommonJS program that throws inside its function", async () => {
    await assert.rejects(
      synth(path.join(SRC, "plain-program.js"), { config: { fail: true } }),
      (err: unknown) => assertPointsAtMarker(err, /plain-program\.js$/),
    );
  });

  it("a function program that throws: the location is this test file, the original error is kept", async () => {
    const boom = new Error("boom");
    await assert.rejects(
      synth(function failing() {
        new Thing("x", {});
        throw boom;
      }),
      (err: unknown) => {
        assert.ok(err instanceof SynthError);
        assert.equal(err.programError, boom);
        assert.match(err.message, /^program failing\(\) failed at .*program\.spec\.(js|ts):\d+:\d+: boom$/);
        assert.match(err.location ?? "", /tests[\\/]engine[\\/]program\.spec\.(js|ts):\d+:\d+$/);
        return true;
      },
    );
  });

  it("an error thrown in an apply callback fails the synth, pointing at the callback", async () => {
    await assert.rejects(
      synth(
        () => {
          const t = new Thing("t", {});
          t.id.apply((id) => {
            throw new Error(`bad id ${id}`);
          });
        },
        { preview: false },
      ),
      (err: unknown) =>
        err instanceof SynthError &&
        /bad id t-/.test(err.message) &&
        /program\.spec/.test(err.location ?? ""),
    );
  });

  it("awaiting an unknown output in preview ends in the timeout error instead of hanging", async () => {
    await failsWithin(
      300,
      /^program waits\(\) did not finish within 300 ms \(in preview mode, awaiting an output that is unknown/,
      5000,
    );
  });
});

describe("engine/synth: config", () => {
  it("namespaced and un-namespaced keys, typed getters, secrets through secretKeys", async () => {
    const g = await synth(
      () => {
        const cfg = new pulumi.Config();
        const aws = new pulumi.Config("aws");
        const password = cfg.requireSecret("dbPassword");
        new Thing("db", { password, size: cfg.requireNumber("size") });
        return {
          size: cfg.requireNumber("size"),
          flag: cfg.requireBoolean("flag"),
          obj: cfg.requireObject("settings"),
          explicit: cfg.require("explicit"),
          region: aws.require("region"),
          missing: cfg.get("missing") ?? "absent",
          password,
        };
      },
      {
        project: "cfgtest",
        config: {
          size: 3,
          flag: true,
          settings: { tier: "gold", n: [1, 2] },
          "cfgtest:explicit": "namespaced",
          "aws:region": "ap-south-1",
          dbPassword: "hunter2",
        },
        secretKeys: ["dbPassword"],
      },
    );
    assert.deepEqual(reveal(g.outputs), {
      size: 3,
      flag: true,
      obj: { tier: "gold", n: [1, 2] },
      explicit: "namespaced",
      region: "ap-south-1",
      missing: "absent",
      password: "hunter2",
    });
    assert.ok(isSecret(g.outputs.password));
    assert.ok(isSecret(new GraphQuery(g).one("test:index:Thing", "db").inputs.password));
  });

  it("a secret key given with its namespace works too", async () => {
    const g = await synth(() => ({ token: new pulumi.Config("svc").requireSecret("token") }), {
      config: { "svc:token": "t0k3n" },
      secretKeys: ["svc:token"],
    });
    assert.ok(isSecret(g.outputs.token));
  });
});

describe("engine/synth: isolation between programs", () => {
  const program = (tag: string, count: number) =>
    async function run(): Promise<Record<string, unknown>> {
      const cfg = new pulumi.Config();
      for (let i = 0; i < count; i++) {
        new Thing(`${tag}-${i}`, { value: cfg.require("value") });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return {
        stack: pulumi.getStack(),
        project: pulumi.getProject(),
        value: cfg.get("value"),
        other: cfg.get("only"),
      };
    };

  function assertOwn(
    g: Awaited<ReturnType<typeof synth>>,
    tag: string,
    stack: string,
    project: string,
    value: string,
  ): void {
    const things = g.resources.filter((r) => r.type === "test:index:Thing");
    assert.equal(things.length, 4);
    for (const r of things) {
      assert.ok(r.name.startsWith(`${tag}-`), r.name);
      assert.ok(r.urn.startsWith(`urn:pulumi:${stack}::${project}::`), r.urn);
      assert.equal(r.inputs.value, value);
    }
    assert.equal(
      g.resources[0].urn,
      `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`,
    );
    assert.equal(g.outputs.stack, stack);
    assert.equal(g.outputs.project, project);
    assert.equal(g.outputs.value, value);
  }

  it("one after the other: no resources, config or stack name carry over", async () => {
    const a = await synth(program("a", 4), {
      project: "pa",
      stack: "sa",
      config: { value: "A", only: "in-a" },
    });
    const b = await synth(program("b", 4), { project: "pb", stack: "sb", config: { value: "B" } });
    assertOwn(a, "a", "sa", "pa", "A");
    assertOwn(b, "b", "sb", "pb", "B");
    assert.equal(a.outputs.other, "in-a");
    assert.equal(b.outputs.other, undefined);
  });

  it("concurrently (Promise.all): each program sees only its own resources, config and stack", async () => {
    const [a, b] = await Promise.all([
      synth(program("a", 4), { project: "pa", stack: "sa", config: { value: "A", only: "in-a" } }),
      synth(program("b", 4), { project: "pb", stack: "sb", config: { value: "B" } }),
    ]);
    assertOwn(a, "a", "sa", "pa", "A");
    assertOwn(b, "b", "sb", "pb", "B");
    assert.equal(b.outputs.other, undefined);
  });

  it("concurrently: one program's async failure does not fail the other", async () => {
    const [bad, good] = await Promise.allSettled([
      synth(
        async () => {
          const t = new Thing("bad", {});
          t.id.apply(() => {
            throw new Error("only the bad program fails");
          });
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
        { preview: false },
      ),
      synth(program("g", 4), { preview: false, project: "pg", stack: "sg", config: { value: "G" } }),
    ]);
    assert.equal(bad.status, "rejected");
    assert.match(String((bad as PromiseRejectedResult).reason), /only the bad program fails/);
    assert.equal(good.status, "fulfilled", String((good as PromiseRejectedResult).reason));
  });

  it("the process is left as found: no mock monitor or config visible after a synth", async () => {
    await synth(program("z", 1), { project: "pz", stack: "sz", config: { value: "Z" } });
    assert.notEqual(pulumi.getStack(), "sz");
    assert.equal(new pulumi.Config("pz").get("value"), undefined);
  });
});

describe("engine/synth: the program runs until its event loop is empty, as under the language host", () => {
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  it("sees resources an un-awaited async main creates after sleeping and reading a file", async () => {
    const g = await synth(() => {
      async function main(): Promise<void> {
        await sleep(30);
        new Thing("after-timer", {});
        await fs.promises.readFile(__filename);
        new Thing("after-read", {});
        await new Promise((resolve) => setImmediate(resolve));
        new Thing("after-immediate", {});
      }
      void main();
    });
    const q = new GraphQuery(g);
    assert.deepEqual(
      q.ofType("test:index:Thing").map((r) => r.name),
      ["after-timer", "after-read", "after-immediate"],
    );
  });

  it("fails on a throw in a timer that fires after the outputs resolved", async () => {
    // Mocha's own uncaught-exception handler would claim the throw first, as the CLI process has none.
    const mochaHandlers = process.listeners("uncaughtException");
    process.removeAllListeners("uncaughtException");
    try {
      await assert.rejects(
        synth(() => {
          setTimeout(() => {
            throw new Error("late failure"); // THROW_HERE
          }, 20);
          return { done: true };
        }),
        (err: unknown) => /late failure/.test(String(err)) && assertPointsAtMarker(err, /program\.spec/),
      );
    } finally {
      for (const h of mochaHandlers) process.on("uncaughtException", h);
    }
  });

  it("fails on a rejection after an un-awaited sleep", async () => {
    await assert.rejects(
      synth(() => {
        void sleep(20).then(() => {
          throw new Error("late rejection");
        });
      }),
      (err: unknown) => err instanceof SynthError && /late rejection/.test(err.message),
    );
  });

  it("does not wait for an unref'd timer, which does not keep the host alive either", async () => {
    const started = Date.now();
    let fired = false;
    const g = await synth(() => {
      setTimeout(() => (fired = true), 30_000).unref();
      new Thing("t", {});
    });
    assert.equal(new GraphQuery(g).ofType("test:index:Thing").length, 1);
    assert.equal(fired, false);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it("a program's pending timer delays only its own synth, not one running beside it", async () => {
    let slowDone = false;
    const slow = synth(() => {
      void sleep(1500).then(() => new Thing("late", {}));
    }).then((g) => {
      slowDone = true;
      return g;
    });
    const fast = await synth(() => void new Thing("quick", {}));
    assert.equal(slowDone, false, "the fast synth waited for the slow one's timer");
    assert.deepEqual(
      new GraphQuery(fast).ofType("test:index:Thing").map((r) => r.name),
      ["quick"],
    );
    assert.deepEqual(
      new GraphQuery(await slow).ofType("test:index:Thing").map((r) => r.name),
      ["late"],
    );
  });

  it("fails at once, long before the timeout, when the program awaits what can never happen", async () => {
    await failsWithin(
      60_000,
      /^program waits\(\) did not finish and has nothing left to wait for: .*\(in preview mode, most likely an output that is unknown/,
      10_000,
    );
  });

  it("does not call a program stuck while its timers keep it busy", async () => {
    const g = await synth(async () => {
      for (let i = 0; i < 8; i++) await sleep(200); // 1.6 s of waiting, longer than the stuck window
      new Thing("patient", {});
    });
    assert.equal(new GraphQuery(g).one("test:index:Thing", "patient").name, "patient");
  });
});
