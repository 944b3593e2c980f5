// `kubernetes:helm:template` (Helm v3 `Chart`) offline: the Kubernetes provider renders the chart with
// Helm's library; offline, the `helm` binary does the same, when one is on a trusted PATH entry. Without it
// the chart cannot be expanded, and the check is incomplete (never an empty chart that passes).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A PATH entry a tool may come from: absolute, and not a `node_modules` directory (where `npx` and npm
 * scripts put a project's own `.bin`, so a checked-out project would choose the gate's helm), nor inside
 * `untrusted` (the project under check).
 */
export function trustedPathEntry(dir: string, untrusted: readonly string[] = []): boolean {
  if (!dir || !path.isAbsolute(dir)) return false;
  const abs = path.resolve(dir);
  if (abs.split(path.sep).includes("node_modules")) return false;
  return !untrusted.some((u) => abs === path.resolve(u) || abs.startsWith(path.resolve(u) + path.sep));
}

/** The `helm` executable on a trusted PATH entry, if any (the pinned one while a gate run holds a pin). */
export function helmOnPath(
  env: NodeJS.ProcessEnv = process.env,
  untrusted: readonly string[] = [],
): string | undefined {
  if (pinned) return pinned.exec;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!trustedPathEntry(dir, untrusted)) continue;
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

/** How a pinned helm is run: the command prefix (run as the program's uid) and its private directory. */
export interface HelmRunAs {
  readonly prefix: readonly string[];
  readonly uid: number;
  readonly gid: number;
  /** Helm's cache, config and data homes, and the values file, go here (owned by the uid). */
  readonly dir: string;
}

interface PinnedHelm {
  /** What to execute: the binary as it was when pinned. */
  readonly exec: string;
  readonly fd?: number;
  readonly runAs?: HelmRunAs;
}
let pinned: PinnedHelm | undefined;

/**
 * Resolves helm before a program runs and holds it: on Linux its file stays open and runs through the
 * gate's `/proc/<pid>/fd/<n>`, so replacing the file on PATH afterwards changes nothing. With `runAs`, helm
 * runs with the program's own uid (it renders charts the program chose: as root it would read what the
 * program may not) from its resolved path, which that uid cannot write. Until {@link unpinHelm}, every
 * `kubernetes:helm:template` uses it; with no trusted helm, none is used (the check is incomplete).
 */
export function pinHelm(untrusted: readonly string[], runAs?: HelmRunAs, env = process.env): void {
  unpinHelm();
  const found = helmOnPath(env, untrusted);
  if (!found) {
    pinned = { exec: "" };
    return;
  }
  if (runAs || process.platform !== "linux") {
    pinned = { exec: fs.realpathSync(found), runAs };
    return;
  }
  const fd = fs.openSync(found, "r");
  pinned = { exec: `/proc/${process.pid}/fd/${fd}`, fd };
}

export function unpinHelm(): void {
  if (pinned?.fd !== undefined) fs.closeSync(pinned.fd);
  pinned = undefined;
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
  const runAs = pinned?.exec === helm ? pinned.runAs : undefined;
  const dir = fs.mkdtempSync(path.join(runAs?.dir ?? os.tmpdir(), "groundwork-helm-"));
  try {
    const valuesFile = path.join(dir, "values.json");
    // JSON is YAML: helm reads the values file as it is.
    fs.writeFileSync(valuesFile, JSON.stringify(options.values ?? {}));
    if (runAs) for (const f of [dir, valuesFile]) fs.chownSync(f, runAs.uid, runAs.gid);
    const homes = runAs
      ? { HELM_CACHE_HOME: dir, HELM_CONFIG_HOME: dir, HELM_DATA_HOME: dir, HOME: runAs.dir }
      : {};
    const [file, ...prefix] = runAs ? [...runAs.prefix, helm] : [helm];
    return execFileSync(file, [...prefix, ...templateArgs(options, valuesFile)], {
      cwd,
      env: { ...process.env, ...homes },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
