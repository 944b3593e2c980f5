// How the program under check is kept away from the gate (ADR 0014): the strongest of three rungs this
// machine allows, chosen before the program starts and named in every report.
//   user       the gate runs as root: the program runs as an unprivileged uid, in its own PID namespace where
//              the kernel allows it (else every process of that uid is swept after the run);
//   namespace  the program keeps the gate's uid, inside new user (when not root), PID and mount namespaces,
//              every mount read-only but a private temp directory, with no capabilities;
//   process    its own process group only: said in every report as not isolated.
// Only trusted system directories are searched for the tools (never PATH, where `npx` puts a project's
// node_modules/.bin first).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export type IsolationMode = "user" | "namespace" | "process";

/** `--isolation`: the best rung available (auto), that or exit 2 (strict), or none on purpose. */
export const ISOLATION_REQUESTS = ["auto", "strict", "none"] as const;
export type IsolationRequest = (typeof ISOLATION_REQUESTS)[number];

/** The isolation a run was given: what every report says. */
export interface Isolation {
  readonly mode: IsolationMode;
  /**
   * True for `user` and `namespace`: the program can neither signal, trace nor write to the gate or its
   * inputs, and nothing it starts outlives the check. `--isolation strict` requires it.
   */
  readonly full: boolean;
  /** The uid and gid the program runs as (`user`). */
  readonly uid?: number;
  readonly gid?: number;
  /** The program has a PID namespace of its own: it sees no process outside, and dies whole. */
  readonly pidNamespace: boolean;
  /** Every mount is read-only for the program but its private temp directory. */
  readonly readOnlyFilesystem: boolean;
  /** One sentence for people (without the mode). */
  readonly description: string;
  /** Why each stronger rung was not used (empty at the top rung). */
  readonly unavailable: readonly string[];
}

/** The program's uid and gid in `user` mode: nobody/nogroup unless GROUNDWORK_PROGRAM_UID/GID say otherwise. */
export function programIds(env: NodeJS.ProcessEnv = process.env): { uid: number; gid: number } {
  const id = (v: string | undefined): number | undefined =>
    v !== undefined && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : undefined;
  return { uid: id(env.GROUNDWORK_PROGRAM_UID) ?? 65534, gid: id(env.GROUNDWORK_PROGRAM_GID) ?? 65534 };
}

/**
 * Mechanisms to treat as unavailable (`GROUNDWORK_ISOLATION_DENY=setuid,namespaces`): for tests and for
 * machines where a probe passes but the real thing misbehaves. It can only lower the rung, and the report
 * says so.
 */
function denied(env: NodeJS.ProcessEnv): Set<string> {
  return new Set((env.GROUNDWORK_ISOLATION_DENY ?? "").split(",").map((s) => s.trim()));
}

// System directories only: tools are never looked up on PATH.
const TRUSTED_DIRS = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];

/** An executable from the trusted system directories, or undefined. */
export function systemTool(name: string): string | undefined {
  for (const dir of TRUSTED_DIRS) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The tools every rung above `process` needs. */
interface Tools {
  readonly setpriv: string;
  readonly unshare: string;
  readonly mount: string;
  readonly sh: string;
  readonly test: string;
}

function tools(): Tools | string {
  const found: Partial<Record<keyof Tools, string>> = {};
  const missing: string[] = [];
  for (const name of ["setpriv", "unshare", "mount", "sh", "test"] as const) {
    const file = systemTool(name);
    if (file) found[name] = file;
    else missing.push(name);
  }
  return missing.length ? `${missing.join(", ")} not found in ${TRUSTED_DIRS.join(", ")}` : (found as Tools);
}

/** Drops every capability for good and forbids gaining any (setuid binaries included). */
const NO_PRIVILEGES = ["--no-new-privs", "--inh-caps=-all", "--bounding-set=-all"];

// Runs inside the new namespaces as their root: binds the private directory, makes every other mount
// read-only, makes the private directory writable again, then execs the rest (setpriv … node …).
// Arguments: mount, private dir, the mount points to make read-only, "--", the command.
const READ_ONLY_SETUP = `
m=$1; priv=$2; shift 2
"$m" --bind "$priv" "$priv" || exit 97
while [ "$1" != "--" ]; do
  "$m" -o remount,bind,ro "$1" || { echo "groundwork: cannot make $1 read-only for the program" >&2; exit 97; }
  shift
done
shift
"$m" -o remount,bind,rw "$priv" || exit 97
exec "$@"
`;

/** `\040`-style escapes in /proc/self/mountinfo, decoded. */
function unescapeMount(p: string): string {
  return p.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** Every writable mount point this process sees (the new mount namespace starts as a copy of it). */
export function writableMounts(): string[] {
  const out: string[] = [];
  let text: string;
  try {
    text = fs.readFileSync("/proc/self/mountinfo", "utf8");
  } catch {
    return out;
  }
  for (const line of text.split("\n")) {
    const fields = line.split(" ");
    if (fields.length < 6) continue;
    if (fields[5].split(",").includes("rw")) out.push(unescapeMount(fields[4]));
  }
  return [...new Set(out)];
}

/** The namespaces' options for unshare: a user namespace too when not root. */
function unshareArgs(asRoot: boolean): string[] {
  return [
    ...(asRoot ? [] : ["--user", "--map-root-user"]),
    "--pid",
    "--mount",
    "--fork",
    "--kill-child",
    "--mount-proc",
    "--propagation",
    "private",
    "--",
  ];
}

/** Everything a launch needs besides the node command. */
export interface Sandbox {
  readonly isolation: Isolation;
  readonly tools?: Tools;
  /** The program's private, writable directory (HOME and TMPDIR); created per run. */
  readonly privateDir?: string;
}

/** The command that runs `node` (argv, absolute) under `sandbox`; the first element is the executable. */
export function sandboxed(sandbox: Sandbox, node: readonly string[]): string[] {
  const { isolation: iso, tools: t, privateDir } = sandbox;
  if (iso.mode === "process" || !t || !privateDir) return [...dieWithParent(), ...node];
  // The outer setpriv makes the launcher die with the gate (however the gate dies); the inner one makes
  // the namespace's first process die with the launcher (unshare's --kill-child sets that too, but a
  // change of uid clears it), and with that process the whole namespace goes. setpriv sets the death
  // signal after it changes the uid, so it holds.
  const dieWithGate = [t.setpriv, "--pdeathsig", "KILL", "--"];
  if (iso.mode === "user") {
    const drop = [
      t.setpriv,
      "--pdeathsig",
      "KILL",
      "--reuid",
      String(iso.uid),
      "--regid",
      String(iso.gid),
      "--clear-groups",
      ...NO_PRIVILEGES,
      "--",
    ];
    return iso.pidNamespace
      ? [...dieWithGate, t.unshare, ...unshareArgs(true), ...drop, ...node]
      : [...drop, ...node];
  }
  return [
    ...dieWithGate,
    t.unshare,
    ...unshareArgs(process.getuid?.() === 0),
    t.sh,
    "-c",
    READ_ONLY_SETUP,
    "sh",
    t.mount,
    privateDir,
    ...writableMounts().filter((m) => m !== privateDir),
    "--",
    t.setpriv,
    "--pdeathsig",
    "KILL",
    ...NO_PRIVILEGES,
    "--",
    ...node,
  ];
}

/**
 * `setpriv --pdeathsig KILL --` where it exists (Linux): the command it runs is killed by the kernel the
 * moment the process that started it dies, however it dies, even while the command's own event loop is
 * busy (a watchdog inside it would wait for that). Empty elsewhere.
 */
export function dieWithParent(): string[] {
  const setpriv = process.platform === "linux" ? systemTool("setpriv") : undefined;
  return setpriv ? [setpriv, "--pdeathsig", "KILL", "--"] : [];
}

/** Runs a probe; undefined when it succeeded, else why not (its last line of stderr). */
function probe(argv: readonly string[]): string | undefined {
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ["ignore", "ignore", "pipe"], timeout: 15_000 });
  if (r.status === 0) return undefined;
  const said = (r.stderr?.toString() ?? "").trim().split("\n").pop();
  return said || (r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`));
}

// Whether namespaces work here does not change while the gate runs: probed once per process.
const namespaceProbes = new Map<string, string | undefined>();

function probeOnce(key: string, run: () => string | undefined): string | undefined {
  if (!namespaceProbes.has(key)) namespaceProbes.set(key, run());
  return namespaceProbes.get(key);
}

/** A scratch directory for a probe, removed afterwards. */
function withScratch<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-probe-"));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the program must be able to read: its project, its program file, and the runner's files. */
export interface ReadNeeds {
  readonly dirs: readonly string[];
  readonly files: readonly string[];
}

/** `test` arguments that hold when every dir can be listed and entered and every file read. */
function testArgs(needs: ReadNeeds): string[] {
  const parts = [
    ["-x", process.execPath],
    ...needs.dirs.map((d) => ["-r", d, "-a", "-x", d]),
    ...needs.files.map((f) => ["-r", f]),
  ];
  return parts.flatMap((p, i) => (i === 0 ? p : ["-a", ...p]));
}

function describe(iso: Omit<Isolation, "description">): string {
  switch (iso.mode) {
    case "user":
      return iso.pidNamespace
        ? `the program runs as uid ${iso.uid} (gid ${iso.gid}) with no capabilities, in its own PID and mount namespaces`
        : `the program runs as uid ${iso.uid} (gid ${iso.gid}) with no capabilities; no PID namespace here, so every process of uid ${iso.uid} is killed after the run`;
    case "namespace":
      return process.getuid?.() === 0
        ? "the program runs as root with no capabilities, in its own PID and mount namespaces; every mount is read-only to it but a private temp directory"
        : "the program runs in its own user, PID and mount namespaces with no capabilities; every mount is read-only to it but a private temp directory";
    default:
      return "NOT ISOLATED: the program runs as the gate's own user, in its own process group only; it could signal or trace the gate, write what the gate reads, and leave processes behind";
  }
}

function isolation(fields: Omit<Isolation, "description" | "full">): Isolation {
  const full = fields.mode !== "process";
  return { ...fields, full, description: describe({ ...fields, full }) };
}

/**
 * Chooses the rung for a run: `user` where the gate is root and the program's uid can read what it needs,
 * else `namespace` where the kernel allows it, else `process`. `strict` throws when the result is not full;
 * `none` goes straight to `process`. Probes spawn a few short-lived processes (tens of milliseconds).
 */
export function chooseIsolation(
  request: IsolationRequest,
  needs: ReadNeeds,
  env: NodeJS.ProcessEnv = process.env,
): Sandbox {
  const unavailable: string[] = [];
  const result = pick(request, needs, env, unavailable);
  if (request === "strict" && !result.isolation.full)
    throw new IsolationError(
      `--isolation strict: full isolation is not available here (${unavailable.join("; ")}); ` +
        "run the gate as root, or where the kernel allows user namespaces",
    );
  return result;
}

/** `--isolation strict` could not be honoured: exit 2, before anything of the program runs. */
export class IsolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IsolationError";
  }
}

function pick(
  request: IsolationRequest,
  needs: ReadNeeds,
  env: NodeJS.ProcessEnv,
  unavailable: string[],
): Sandbox {
  const processOnly = (): Sandbox => ({
    isolation: isolation({ mode: "process", pidNamespace: false, readOnlyFilesystem: false, unavailable }),
  });
  if (request === "none") {
    unavailable.push("--isolation none was given");
    return processOnly();
  }
  if (process.platform !== "linux") {
    unavailable.push(`isolation needs Linux (this is ${process.platform})`);
    return processOnly();
  }
  const t = tools();
  if (typeof t === "string") {
    unavailable.push(t);
    return processOnly();
  }
  const deny = denied(env);
  const root = process.getuid?.() === 0;
  const namespacesDenied = deny.has("namespaces");
  const user = userRung(t, needs, env, root && !deny.has("setuid"), namespacesDenied, unavailable);
  if (user) return { isolation: user, tools: t };
  if (namespacesDenied) unavailable.push("namespaces: denied by GROUNDWORK_ISOLATION_DENY");
  else {
    const why = probeOnce(`namespace:${root}`, () =>
      withScratch((dir) =>
        probe(
          sandboxed({ isolation: isolation({ ...NAMESPACE, unavailable }), tools: t, privateDir: dir }, [
            t.test,
            "-d",
            dir,
          ]),
        ),
      ),
    );
    if (!why) return { isolation: isolation({ ...NAMESPACE, unavailable }), tools: t };
    unavailable.push(`namespaces: ${why}`);
  }
  return processOnly();
}

const NAMESPACE = { mode: "namespace", pidNamespace: true, readOnlyFilesystem: true } as const;

/** The `user` rung, or undefined (with the reason recorded) when it cannot be had. */
function userRung(
  t: Tools,
  needs: ReadNeeds,
  env: NodeJS.ProcessEnv,
  canSetuid: boolean,
  namespacesDenied: boolean,
  unavailable: string[],
): Isolation | undefined {
  if (!canSetuid) {
    unavailable.push(
      process.getuid?.() === 0
        ? "user: denied by GROUNDWORK_ISOLATION_DENY"
        : "user: the gate is not root, so it cannot run the program as another uid",
    );
    return undefined;
  }
  const { uid, gid } = programIds(env);
  const drop = [t.setpriv, "--reuid", String(uid), "--regid", String(gid), "--clear-groups", "--"];
  const unreadable = probe([...drop, t.test, ...testArgs(needs)]);
  if (unreadable !== undefined) {
    unavailable.push(
      `user: uid ${uid} cannot read the project or the runner (${[...needs.dirs, ...needs.files].join(", ")})`,
    );
    return undefined;
  }
  let pidNamespace = !namespacesDenied;
  if (pidNamespace) {
    const why = probeOnce("user-pid", () =>
      probe([t.unshare, ...unshareArgs(true), ...drop, t.test, "-n", "x"]),
    );
    if (why) unavailable.push(`PID namespace: ${why}`);
    pidNamespace = !why;
  } else unavailable.push("PID namespace: denied by GROUNDWORK_ISOLATION_DENY");
  return isolation({ mode: "user", uid, gid, pidNamespace, readOnlyFilesystem: false, unavailable });
}

/**
 * Kills every process of the program's uid: after a `user` run without a PID namespace, a process the
 * program detached from its group (setsid) is still running as that uid. `kill -KILL -1` as that uid
 * reaches exactly those; repeated until none is left.
 */
export function sweepUid(sandbox: Sandbox): void {
  const { isolation: iso, tools: t } = sandbox;
  if (iso.mode !== "user" || iso.pidNamespace || !t) return;
  for (let i = 0; i < 20; i++) {
    const r = spawnSync(
      t.setpriv,
      [
        "--reuid",
        String(iso.uid),
        "--regid",
        String(iso.gid),
        "--clear-groups",
        "--",
        t.sh,
        "-c",
        "kill -KILL -1",
      ],
      { stdio: "ignore", timeout: 5_000 },
    );
    if (r.status !== 0) return; // nothing left to signal
  }
}

/** A private directory for one run: HOME and TMPDIR of the program, owned by its uid in `user` mode. */
export function makePrivateDir(iso: Isolation): string | undefined {
  if (iso.mode === "process") return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-program-"));
  if (iso.mode === "user") fs.chownSync(dir, iso.uid!, iso.gid!);
  return dir;
}

/** The isolation in one line for people: `user - the program runs as uid 65534 …`. */
export function describeIsolation(iso: Isolation): string {
  return `${iso.mode} - ${iso.description}`;
}
