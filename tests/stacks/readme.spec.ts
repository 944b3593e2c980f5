// The newcomer's path and the CI gate are part of the product: the README's two commands exist as
// written, CI runs them, and the workflows do what the README says (no secrets for pull requests).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ROOT, stackNames } from "./platform";

const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), "utf8");

describe("README and CI: the two commands", () => {
  const readme = read("README.md");
  const block = /<!-- quickstart:start -->\s*```sh\n([\s\S]*?)```\s*<!-- quickstart:end -->/.exec(readme);
  const commands = (block?.[1] ?? "")
    .split("\n")
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter(Boolean);
  const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;

  it("the quick start is exactly: install and check the dev stack, then run the tests", () => {
    assert.deepEqual(commands, ["npm ci && npm run check:dev", "npm test"]);
  });

  it("check:dev builds and runs `groundwork check` on the dev stack; test builds and runs mocha", () => {
    assert.match(scripts["check:dev"], /^npm run build && node dist\/cli\/main\.js check \. --stack dev$/);
    assert.match(scripts.test, /^npm run build && mocha/);
    assert.equal(JSON.parse(read("package.json")).bin.groundwork, "dist/cli/main.js");
  });

  it(".ci/run installs from the lockfile, builds, lints, runs `npm test`, checks every stack and prints the verdict", () => {
    const ci = read(".ci/run");
    for (const step of ["npm ci", "npm run build", "npm run lint", "npm test", "check . --stack"]) {
      assert.ok(ci.includes(step), `.ci/run does not run ${step}`);
    }
    assert.match(ci, /echo "\$passed passed, \$failed failed"/);
  });

  it("the pull-request workflow needs no secret and uploads SARIF for every stack", () => {
    const text = read(".github/workflows/ci.yml");
    assert.ok(!/secrets\./.test(text), "ci.yml must not need secrets (pull requests from forks have none)");
    const wf = parse(text) as {
      jobs: Record<
        string,
        { strategy?: { matrix?: { stack?: string[] } }; steps: { uses?: string; run?: string }[] }
      >;
    };
    const policy = wf.jobs.policy;
    assert.deepEqual([...(policy.strategy?.matrix?.stack ?? [])].sort(), stackNames());
    assert.ok(
      policy.steps.some((s) =>
        s.run?.includes("dist/cli/main.js check . --stack ${{ matrix.stack }} --format sarif"),
      ),
    );
    assert.ok(policy.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@")));
    const test = wf.jobs.test.steps.map((s) => s.run).filter(Boolean);
    assert.deepEqual(test, ["npm ci", "npm run build", "npm run lint", "npm test"]);
  });

  it("the credentialed workflow previews every stack with the policy pack through pulumi/actions", () => {
    const wf = parse(read(".github/workflows/preview.yml")) as {
      on: Record<string, unknown>;
      jobs: {
        preview: {
          strategy: { matrix: { stack: string[]; include: { stack: string; cloud: string }[] } };
          steps: { if?: string; uses?: string; with?: Record<string, unknown> }[];
        };
      };
    };
    assert.ok(
      !("pull_request" in wf.on) && !("pull_request_target" in wf.on),
      "credentials must not reach pull requests",
    );
    const { matrix } = wf.jobs.preview.strategy;
    assert.deepEqual([...matrix.stack].sort(), stackNames());
    // Each stack gets the credentials of the cloud its stack file names (AWS when it names none).
    for (const stack of stackNames()) {
      const named =
        /groundwork-platform:cloud: (\w+)/.exec(read(`stacks/Pulumi.${stack}.yaml`))?.[1] ?? "aws";
      assert.deepEqual(
        matrix.include.filter((i) => i.stack === stack).map((i) => i.cloud),
        [named],
        stack,
      );
    }
    const steps = wf.jobs.preview.steps;
    for (const cloud of ["aws", "gcp", "azure"])
      assert.ok(
        steps.some((s) => s.if?.startsWith(`matrix.cloud == '${cloud}'`)),
        `no credentials step for ${cloud}`,
      );
    const step = wf.jobs.preview.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    assert.equal(step?.with?.command, "preview");
    assert.equal(step?.with?.policyPacks, "policy");
  });
});
