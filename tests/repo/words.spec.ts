// Words that stay true: every policy count the docs print, and every description of the built-in pack,
// held to the pack itself, so adding rules or a cloud cannot leave "62 policies" or "AWS and Kubernetes"
// behind. (The example's own summary line is held to a real gate run in tests/package/platform-repo.)
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { packDescription, policies } from "../../policy/pack";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** What each cloud's resource types start with, and the name the docs give it. */
const CLOUDS: Record<string, string> = {
  aws: "AWS",
  gcp: "Google Cloud",
  "azure-native": "Azure",
  kubernetes: "Kubernetes",
};

/** Markdown people read about the current pack: the README, the examples', the docs (ADRs are history). */
function prose(): string[] {
  const examples = fs
    .readdirSync(path.join(ROOT, "examples"))
    .map((d) => path.join("examples", d, "README.md"))
    .filter((f) => fs.existsSync(path.join(ROOT, f)));
  const docs = fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join("docs", f));
  return ["README.md", path.join("policy", "README.md"), ...examples, ...docs];
}

describe("words that stay true", () => {
  const enabled = policies.filter((p) => p.enforcementLevel !== "disabled").length;

  it("every count of the built-in pack's policies in the docs is the pack's own", () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const file of prose()) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      // `groundwork-security (232, built-in)`: the summary counts enabled policies.
      for (const m of text.matchAll(/groundwork-security \((\d+)/g)) {
        seen++;
        if (Number(m[1]) !== enabled) wrong.push(`${file}: "${m[0]}" (the pack has ${enabled} enabled)`);
      }
      // "232 policies": the built-in pack's size wherever the docs state one.
      for (const m of text.matchAll(/\b(\d{2,}) policies\b/g)) {
        seen++;
        if (Number(m[1]) !== policies.length)
          wrong.push(`${file}: "${m[0]}" (the pack has ${policies.length})`);
      }
    }
    assert.deepStrictEqual(wrong, []);
    assert.ok(seen >= 4, `${seen} counts found: the pattern no longer matches the docs`);
  });

  it("every description of the pack names each cloud its rules cover, and no other", () => {
    const prefixes = new Set(
      policies.flatMap((p) => (p.resourceTypes ?? []).map((t) => t.split(":")[0])).filter((c) => c in CLOUDS),
    );
    const covered = [...prefixes].map((c) => CLOUDS[c]).sort();
    assert.deepStrictEqual(covered, ["AWS", "Azure", "Google Cloud", "Kubernetes"]);
    const manifest = parse(fs.readFileSync(path.join(ROOT, "policy", "PulumiPolicy.yaml"), "utf8")) as {
      description: string;
    };
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "policy", "package.json"), "utf8")) as {
      description: string;
    };
    const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      description: string;
    };
    const descriptions = {
      "policy/PulumiPolicy.yaml": manifest.description,
      "policy/package.json": pkg.description,
      "policy/index.ts (packDescription)": packDescription,
      "package.json": root.description,
    };
    for (const [where, text] of Object.entries(descriptions)) {
      const named = Object.values(CLOUDS)
        .filter((name) => text.includes(name))
        .sort();
      assert.deepStrictEqual(named, covered, `${where}: ${text}`);
    }
    // index.ts hands the pack the shared description, not a copy of its own.
    const index = fs.readFileSync(path.join(ROOT, "policy", "index.ts"), "utf8");
    assert.match(index, /description: packDescription,/);
  });
});
