// Writes the built-in pack (groundwork-security) in the form `pulumi policy publish` takes: a directory
// whose package.json carries the package's version (so the pack's version is the package's) and depends
// on exactly that published @groundwork/infra, whose own pack entry point it runs.
// Release workflow: `node dist/scripts/stage-policy-pack.js OUT_DIR && cd OUT_DIR && npm install && pulumi policy publish`.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies: Record<string, string>;
  readonly peerDependencies: Record<string, string>;
}

/** The pack's entry: the installed package's compiled pack (its package.json is exported, so resolvable). */
const ENTRY = `// The published groundwork-security pack: runs the entry point of the @groundwork/infra it depends on.
const path = require("path");
require(path.join(path.dirname(require.resolve("@groundwork/infra/package.json")), "dist", "policy", "index.js"));
`;

/** Writes the publishable pack to `outDir`; returns its package.json. */
export function stagePolicyPack(outDir: string, root = ROOT): Record<string, unknown> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
  const manifest = {
    name: "groundwork-security-policy-pack",
    version: pkg.version,
    private: true,
    description: `The groundwork-security CrossGuard pack of ${pkg.name}@${pkg.version}.`,
    main: "index.js",
    dependencies: {
      [pkg.name]: pkg.version,
      "@pulumi/policy": pkg.dependencies["@pulumi/policy"],
      "@pulumi/pulumi": pkg.peerDependencies["@pulumi/pulumi"],
    },
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(root, "policy", "PulumiPolicy.yaml"), path.join(outDir, "PulumiPolicy.yaml"));
  fs.writeFileSync(path.join(outDir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  fs.writeFileSync(path.join(outDir, "index.js"), ENTRY);
  return manifest;
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write("usage: stage-policy-pack OUT_DIR\n");
    process.exitCode = 2;
  } else {
    const m = stagePolicyPack(path.resolve(out));
    process.stdout.write(`staged ${m.name}@${m.version} in ${out}\n`);
  }
}
