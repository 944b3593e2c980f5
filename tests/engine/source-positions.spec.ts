// Findings point at the user's code: a component's children are located at the line that called the
// component (not inside node_modules/@groundwork/infra), with the component's own line kept as related.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { synth } from "../../engine/synth";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as sourceproto from "@pulumi/pulumi/proto/source_pb";
import { fileOfUri, isUserFile, userPosition } from "../../engine/source-positions";
import { buildReport } from "../../check/gate";
import { toJson, toSarif } from "../../check/reporters";
import { sarifValidator } from "../check/sarif-schema";

const ROOT = path.resolve(__dirname, "..", "..", "..");

// A component as a consumer installs it: compiled JavaScript under node_modules/@groundwork/infra. It lives
// under this directory so that it resolves the same @pulumi/pulumi the synth uses.
const COMPONENT = `
const pulumi = require("@pulumi/pulumi");
const s3 = require("@pulumi/aws/s3");
class Site extends pulumi.ComponentResource {
  constructor(name, opts) {
    super("groundwork:test:Site", name, {}, opts);
    new s3.Bucket(name + "-content", { acl: "public-read" }, { parent: this });
    // A child made in a callback: its stack holds no user frame, so it takes its parent's place.
    pulumi.output("x").apply(() => new s3.Bucket(name + "-late", {}, { parent: this }));
    this.registerOutputs({});
  }
}
module.exports = { Site };
`;

/** The file and line of the frame that made `err` (its first stack frame). */
function frameOf(err: Error): { file: string; line: number } {
  const m = /\((.*):(\d+):\d+\)/.exec(err.stack!.split("\n")[1])!;
  return { file: m[1], line: Number(m[2]) };
}

describe("engine: the user's source position of each resource", function () {
  this.timeout(60_000);
  const installed = path.join(__dirname, "tmp-consumer", "node_modules", "@groundwork", "infra");
  const componentFile = path.join(installed, "dist", "components", "site.js");

  before(() => {
    fs.mkdirSync(path.dirname(componentFile), { recursive: true });
    fs.writeFileSync(componentFile, COMPONENT);
  });
  after(() => fs.rmSync(path.join(__dirname, "tmp-consumer"), { recursive: true, force: true }));

  it("tells the user's files from libraries', Node's and Groundwork's own", () => {
    assert.strictEqual(isUserFile("/repo/index.ts"), true);
    assert.strictEqual(isUserFile(path.join(ROOT, "stacks", "aws.ts")), true, "the reference stacks");
    assert.strictEqual(
      isUserFile("/repo/node_modules/@groundwork/infra/dist/components/aws/bucket.js"),
      false,
    );
    assert.strictEqual(isUserFile("/repo/node_modules/@pulumi/pulumi/resource.js"), false);
    assert.strictEqual(isUserFile(path.join(ROOT, "dist", "components", "aws", "bucket.js")), false);
    assert.strictEqual(isUserFile(path.join(ROOT, "components", "aws", "bucket.ts")), false);
    assert.strictEqual(isUserFile("node:internal/modules/cjs/loader"), false);
    assert.strictEqual(fileOfUri(pathToFileURL("/repo/a b.ts").toString()), "/repo/a b.ts");
    // An ESM frame is already a file URL, which the SDK wraps as if it were a path.
    assert.strictEqual(fileOfUri(`file:///cwd/file:///repo/index.mjs`), "/repo/index.mjs");
  });

  it("locates a component's children at the line that called it, in JSON and SARIF", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Site } = require(componentFile) as { Site: new (name: string) => unknown };
    let here: Error | undefined;
    const graph = await synth(() => void [(here = new Error()), new Site("www")], {
      project: "demo",
      stack: "dev",
    });
    const call = frameOf(here!);
    const byName = (n: string) => graph.resources.find((r) => r.name === n)!;
    for (const name of ["www", "www-content", "www-late"]) {
      const pos = byName(name).userSourcePosition!;
      assert.deepStrictEqual([fileOfUri(pos.uri), pos.line], [call.file, call.line], name);
    }
    // What the SDK itself reported for the child: inside the installed component.
    assert.strictEqual(fileOfUri(byName("www-content").sourcePosition!.uri), componentFile);

    const content = byName("www-content").urn;
    const violation = { pack: "p", policy: "acl", enforcementLevel: "mandatory" as const, urn: content };
    const report = buildReport(
      [
        {
          policies: [
            { pack: "p", name: "acl", description: "No public ACL.", enforcementLevel: "mandatory" },
          ],
          violations: [{ ...violation, message: "No public ACL.\nacl is public-read" }],
          waivers: [],
          remediations: [],
          undecided: [],
        },
      ],
      graph,
      "/somewhere/index.js",
    );
    const json = JSON.parse(toJson(report)).violations[0];
    assert.deepStrictEqual(
      [json.location.file, json.location.line],
      [path.relative(process.cwd(), call.file), call.line],
    );
    assert.deepStrictEqual(
      json.relatedLocations.map((l: { file: string }) => l.file),
      [path.relative(process.cwd(), componentFile)],
    );

    const log = JSON.parse(toSarif(report, { baseDir: ROOT }));
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const result = log.runs[0].results[0];
    assert.deepStrictEqual(
      result.locations[0].physicalLocation.artifactLocation.uri,
      path.relative(ROOT, call.file),
    );
    assert.strictEqual(result.locations[0].physicalLocation.region.startLine, call.line);
    assert.deepStrictEqual(
      result.relatedLocations.map(
        (l: { physicalLocation: { artifactLocation: { uri: string } } }) =>
          l.physicalLocation.artifactLocation.uri,
      ),
      [path.relative(ROOT, componentFile)],
    );
    assert.strictEqual(result.message.text, `acl is public-read\nResource: ${content}`);
  });

  it("an SDK that sends no stack trace: its own position when it is the user's, else the parent's", () => {
    const request = (uri: string): resproto.RegisterResourceRequest => {
      const pos = new sourceproto.SourcePosition();
      pos.setUri(uri);
      pos.setLine(7);
      pos.setColumn(3);
      const req = new resproto.RegisterResourceRequest();
      req.setSourceposition(pos);
      return req;
    };
    const parent = { userSourcePosition: { uri: "file:///repo/index.ts", line: 2, column: 1 } };
    assert.deepStrictEqual(userPosition(request("file:///repo/app.ts"), parent), {
      uri: "file:///repo/app.ts",
      line: 7,
      column: 3,
    });
    const library = "file:///repo/node_modules/@groundwork/infra/dist/components/aws/bucket.js";
    assert.deepStrictEqual(userPosition(request(library), parent), parent.userSourcePosition);
    assert.strictEqual(userPosition(request(library), undefined), undefined);
  });

  it("a stack-level finding points at the program's main file", async () => {
    const graph = await synth(() => undefined, { project: "demo", stack: "dev" });
    const report = buildReport(
      [
        {
          policies: [],
          violations: [{ pack: "p", policy: "budget", enforcementLevel: "advisory", message: "too many" }],
          waivers: [],
          remediations: [],
          undecided: [],
        },
      ],
      graph,
      path.join(ROOT, "index.ts"),
    );
    assert.deepStrictEqual(report.violations[0].location, {
      file: path.join(ROOT, "index.ts"),
      line: 1,
      column: 1,
    });
  });
});
