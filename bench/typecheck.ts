// Benchmark of what a consumer pays to type-check a program that imports one Groundwork entry (issues #11,
// #12: near the cost of the provider SDK's sub-paths, well under its root). For each cloud, three one-line
// programs are type-checked by `tsc --noEmit` in a fresh process:
//   entry     imports the built entry (`dist/components/<cloud>`), as `@groundwork/infra/<cloud>` resolves;
//   subpaths  imports every SDK sub-path that entry imports: the floor a hand-written program pays;
//   root      imports the SDK's root index: what the entry must not cost.
// Reports the median `Total time`, `Memory used` and file count of `--extendedDiagnostics`; exits 1 when an
// entry loads more files or memory than its root, or over 1.25x the memory of its sub-paths.
//   npm run bench:typecheck [-- --clouds gcp,azure] [-- --runs 3]
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const WORK = path.join(ROOT, "dist", "bench", "typecheck");

/** Each cloud's SDK package and the class a program names (any exported class makes the entry load). */
const CLOUDS = {
  aws: { sdk: "@pulumi/aws", cls: "Bucket", rootUse: "sdk.s3.Bucket" },
  gcp: { sdk: "@pulumi/gcp", cls: "Bucket", rootUse: "sdk.storage.Bucket" },
  azure: { sdk: "@pulumi/azure-native", cls: "StorageAccount", rootUse: "sdk.storage.StorageAccount" },
  kubernetes: { sdk: "@pulumi/kubernetes", cls: "WebService", rootUse: "sdk.apps.v1.Deployment" },
} as const;
type Cloud = keyof typeof CLOUDS;
const VARIANTS = ["entry", "subpaths", "root"] as const;
type Variant = (typeof VARIANTS)[number];

interface Sample {
  readonly seconds: number;
  readonly memoryMb: number;
  readonly files: number;
}

/** The SDK sub-paths the built entry's declarations and code import (what a consumer's tsc reads). */
function subPaths(cloud: Cloud): string[] {
  const sdk = CLOUDS[cloud].sdk;
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (/\.(d\.ts|js)$/.test(e.name)) {
        const text = fs.readFileSync(file, "utf8");
        for (const m of text.matchAll(/["'](@pulumi\/[a-z-]+\/[^"']+)["']/g))
          if (m[1].startsWith(`${sdk}/`)) found.add(m[1]);
      }
    }
  };
  walk(path.join(ROOT, "dist", "components", cloud));
  return [...found].sort();
}

/** Writes the variant's program and tsconfig; returns the tsconfig path. */
function project(cloud: Cloud, variant: Variant): string {
  const { sdk, cls, rootUse } = CLOUDS[cloud];
  const dir = path.join(WORK, `${cloud}-${variant}`);
  fs.mkdirSync(dir, { recursive: true });
  const entry = path
    .relative(dir, path.join(ROOT, "dist", "components", cloud))
    .split(path.sep)
    .join("/");
  const program =
    variant === "entry"
      ? `import { ${cls} } from "${entry}";\nexport const used = ${cls};\n`
      : variant === "root"
        ? `import * as sdk from "${sdk}";\nexport const used = ${rootUse};\n`
        : subPaths(cloud)
            .map((p, i) => `import * as m${i} from "${p}";\nexport const used${i} = m${i};\n`)
            .join("");
  fs.writeFileSync(path.join(dir, "index.ts"), program);
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: "ES2022",
      module: "commonjs",
      moduleResolution: "node10",
      types: ["node"],
      typeRoots: [path.join(ROOT, "node_modules", "@types")],
    },
    files: ["index.ts"],
  };
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  return path.join(dir, "tsconfig.json");
}

function typecheck(tsconfig: string): Sample {
  const tsc = require.resolve("typescript/lib/tsc.js", { paths: [ROOT] });
  const out = execFileSync(process.execPath, [tsc, "-p", tsconfig, "--extendedDiagnostics"], {
    cwd: path.dirname(tsconfig),
    encoding: "utf8",
  });
  const read = (label: string): number => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(out);
    if (!m) throw new Error(`tsc printed no "${label}":\n${out}`);
    return Number(m[1]);
  };
  return { seconds: read("Total time"), memoryMb: read("Memory used") / 1024, files: read("Files") };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const clouds = (arg("clouds")?.split(",") ?? Object.keys(CLOUDS)) as Cloud[];
  const runs = Number(arg("runs") ?? 3);
  const failures: string[] = [];
  console.log("cloud       variant    time (s)   memory (MB)   files");
  for (const cloud of clouds) {
    const result = {} as Record<Variant, Sample>;
    const configs = VARIANTS.map((v) => [v, project(cloud, v)] as const);
    const samples = new Map<Variant, Sample[]>(VARIANTS.map((v) => [v, []]));
    // Rounds alternate the variants, so a busy machine slows each alike.
    for (let r = 0; r < runs; r++) for (const [v, config] of configs) samples.get(v)!.push(typecheck(config));
    for (const v of VARIANTS) {
      const s = samples.get(v)!;
      result[v] = {
        seconds: median(s.map((x) => x.seconds)),
        memoryMb: median(s.map((x) => x.memoryMb)),
        files: median(s.map((x) => x.files)),
      };
      const { seconds, memoryMb, files } = result[v];
      console.log(
        `${cloud.padEnd(11)} ${v.padEnd(10)} ${seconds.toFixed(2).padStart(8)}   ${memoryMb.toFixed(0).padStart(11)}   ${String(files).padStart(5)}`,
      );
    }
    const { entry, subpaths, root } = result;
    if (entry.files > root.files)
      failures.push(`${cloud}: the entry reads ${entry.files} files, the root ${root.files}`);
    if (entry.memoryMb > root.memoryMb) failures.push(`${cloud}: the entry needs more memory than the root`);
    if (entry.memoryMb > 1.25 * subpaths.memoryMb)
      failures.push(
        `${cloud}: the entry needs ${(entry.memoryMb / subpaths.memoryMb).toFixed(2)}x its sub-paths' memory`,
      );
  }
  for (const f of failures) console.error(`FAILED: ${f}`);
  process.exit(failures.length ? 1 : 0);
}

main();
