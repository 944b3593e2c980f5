// The README's Google Cloud deploy checklist and API table say what the code enables and needs: the APIs
// per component are `GCP_APIS` (which tests/gcp/first-deploy.spec.ts holds to the provider facts), the
// APIs the stacks enable are `GCP_PLATFORM_APIS` (which tests/stacks/clouds.spec.ts holds to the facts of
// every type the stacks create), and the ones that must be on already are `GCP_PREREQUISITE_APIS`.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { GCP_APIS, GCP_PREREQUISITE_APIS } from "../../components/gcp";
import { GCP_PLATFORM_APIS } from "../../stacks/gcp";

const README = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8");

/** The text between `<!-- gcp <name>: begin -->` and its end marker. */
function section(name: string): string {
  const m = new RegExp(`<!-- gcp ${name}: begin -->([\\s\\S]*?)<!-- gcp ${name}: end -->`).exec(README);
  assert.ok(m, `README has no "gcp ${name}" section`);
  return m[1];
}

const apisIn = (text: string): string[] =>
  [...text.matchAll(/`([a-z0-9-]+\.googleapis\.com)`/g)].map((m) => m[1]);

describe("README: the Google Cloud deploy checklist", () => {
  it("the API table lists each component's APIs, exactly", () => {
    const rows = section("apis")
      .split("\n")
      .map((l) => /^\| `(\w+)` \| (.*) \|$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    const table = Object.fromEntries(rows.map((m) => [m[1], apisIn(m[2]).sort()]));
    const code = Object.fromEntries(Object.entries(GCP_APIS).map(([c, apis]) => [c, [...apis].sort()]));
    assert.deepStrictEqual(table, code);
  });

  it("lists the APIs that must be on already, and exactly the ones the stacks enable", () => {
    const items = section("checklist").split(/\n(?=\d+\. )/);
    const first = items.find((i) => i.startsWith("1. "))!;
    const second = items.find((i) => i.startsWith("2. "))!;
    assert.deepStrictEqual(apisIn(first).sort(), [...GCP_PREREQUISITE_APIS].sort());
    assert.deepStrictEqual(apisIn(second).sort(), [...GCP_PLATFORM_APIS]);
  });

  it("names the way around Domain Restricted Sharing the stack config offers", () => {
    const text = section("checklist");
    assert.match(text, /iam\.allowedPolicyMemberDomains/);
    assert.match(text, /groundwork-platform:storage\.accessLogBucket/);
    assert.match(text, /groundwork-platform:enableApis: false/);
  });
});
