// `kubernetes:helm:template` (Helm v3 `Chart`) offline: the Kubernetes provider renders the chart with
// Helm's library; offline, the `helm` binary does the same, when one is on PATH. Without it the chart
// cannot be expanded, and the check is incomplete (never an empty chart that passes).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The `helm` executable on PATH, if any. */
export function helmOnPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, process.platform === "win32" ? "helm.exe" : "helm");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The options the SDK sends, as its `toJSON` spells them. */
interface TemplateOptions {
  readonly chart?: string;
  readonly path?: string;
  readonly repo?: string;
  readonly version?: string;
  readonly namespace?: string;
  readonly values?: Record<string, unknown>;
  readonly release_name?: string;
  readonly fetch_opts?: { readonly repo?: string; readonly version?: string };
  readonly include_test_hook_resources?: boolean;
  readonly skip_crd_rendering?: boolean;
  readonly kube_version?: string;
  readonly api_versions?: readonly string[];
}

/** `helm template` arguments for the SDK's options; values go through a file, as `--values`. */
function templateArgs(o: TemplateOptions, valuesFile: string): string[] {
  const chart = o.path ?? o.chart;
  if (!chart) throw new Error("kubernetes:helm:template: the chart names neither `chart` nor `path`");
  const args = ["template", o.release_name ?? "release", chart, "--values", valuesFile];
  const repo = o.repo ?? o.fetch_opts?.repo;
  const version = o.version ?? o.fetch_opts?.version;
  if (repo) args.push("--repo", repo);
  if (version) args.push("--version", version);
  if (o.namespace) args.push("--namespace", o.namespace);
  if (o.kube_version) args.push("--kube-version", o.kube_version);
  for (const v of o.api_versions ?? []) args.push("--api-versions", v);
  if (!o.skip_crd_rendering) args.push("--include-crds");
  if (!o.include_test_hook_resources) args.push("--skip-tests");
  return args;
}

/** Renders the chart with `helm template` and returns its manifests as YAML text. */
export function helmTemplate(helm: string, jsonOpts: string, cwd: string): string {
  const options = JSON.parse(jsonOpts) as TemplateOptions;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-helm-"));
  try {
    const valuesFile = path.join(dir, "values.json");
    // JSON is YAML: helm reads the values file as it is.
    fs.writeFileSync(valuesFile, JSON.stringify(options.values ?? {}));
    return execFileSync(helm, templateArgs(options, valuesFile), {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
