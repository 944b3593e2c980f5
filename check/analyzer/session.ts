// One running policy pack: the child process (started as the Pulumi CLI starts an analyzer plugin), the
// `pulumirpc.Engine` it logs to, and the gRPC client that calls it, with deadlines and crash detection.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import { dieWithParent } from "../../engine/runner/isolation";
import { track } from "../../engine/runner/lifecycle";
import { stringConfig } from "./requests";
import { AnalyzerError, AnalyzerHostOptions, AnalyzerLog, DEFAULT_TIMEOUT_MS } from "./types";

type Unary<Req, Res> = (
  req: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  cb: (err: grpc.ServiceError | null, res: Res) => void,
) => grpc.ClientUnaryCall;

const LOG_SEVERITIES = ["debug", "info", "warning", "error"] as const;
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
/** Preloaded into each pack so it exits when the gate does, even on SIGKILL. */
const WATCHDOG = path.join(__dirname, "watchdog.js");

/** The pack's `@pulumi/pulumi` (it must be the pack's own: it loads the pack's `@pulumi/policy`). */
export function runPolicyPackScript(packDir: string): string {
  let pkg: string;
  try {
    pkg = require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] });
  } catch {
    throw new AnalyzerError(
      `policy pack ${packDir} cannot be started: @pulumi/pulumi is not installed for it (run npm install in the pack)`,
      packDir,
    );
  }
  return path.join(path.dirname(pkg), "cmd", "run-policy-pack", "index.js");
}

export class PackSession {
  private child?: ChildProcess;
  private engine?: grpc.Server;
  private client?: analyzerrpc.AnalyzerClient;
  private stderr = "";
  readonly logs: AnalyzerLog[] = [];
  private exited?: Promise<never>;
  private dead?: AnalyzerError;
  private stopping = false;
  private readonly pending = new Set<(err: Error) => void>();
  private forget?: () => void;

  constructor(
    readonly dir: string,
    readonly options: AnalyzerHostOptions,
  ) {}

  /** An AnalyzerError for `what`, with the pack's logged errors and the tail of its stderr. */
  fail(what: string): AnalyzerError {
    const tail = this.stderr
      .replace(/\x1b\[[0-9;]*m/g, "")
      .trim()
      .split("\n")
      .slice(-15)
      .join("\n");
    const logged = this.logs
      .filter((l) => l.severity === "error")
      .map((l) => l.message.trim())
      .join("\n");
    const detail = [logged, tail].filter(Boolean).join("\n");
    return new AnalyzerError(`policy pack ${this.dir}: ${what}${detail ? `\n${detail}` : ""}`, this.dir);
  }

  async start(script: string): Promise<void> {
    const engineAddress = await this.serveEngine();
    const o = this.options;
    // The watchdog exits the pack when the gate dies (its stdin, a pipe from us, closes): see watchdog.ts.
    // The watchdog exits the pack when the gate dies; where the kernel can do it (Linux), it kills the
    // pack at once, even while the pack is still loading.
    const [file, ...args] = [
      ...dieWithParent(),
      process.execPath,
      "--require",
      WATCHDOG,
      script,
      engineAddress,
      ".",
    ];
    const child = spawn(file, args, {
      cwd: this.dir,
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        ...process.env,
        PULUMI_NODEJS_PROJECT: o.project,
        PULUMI_NODEJS_STACK: o.stack,
        PULUMI_NODEJS_DRY_RUN: String(o.preview ?? true),
        PULUMI_CONFIG: JSON.stringify(stringConfig(o.config ?? {})),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(o.secretKeys ?? []),
        FORCE_COLOR: "0",
      },
    });
    this.child = child;
    // The pack dies with the gate: at exit, and on any signal that ends it.
    this.forget = track({
      killNow: () => this.killNow(),
      gone: new Promise((resolve) => child.once("exit", resolve)),
    });
    child.stdin!.on("error", () => undefined); // the pipe is never written; a pack gone first is not an error
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      this.stderr = (this.stderr + d).slice(-16_000);
    });
    this.exited = this.watchExit(child);
    const port = await this.race(
      this.readPort(child),
      o.startTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      "did not print its gRPC port",
    );
    this.client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
  }

  /** One promise that rejects when the pack dies, raced against every wait. */
  private watchExit(child: ChildProcess): Promise<never> {
    const exited = new Promise<never>((_, reject) => {
      child.on("error", (err) => reject(this.fail(`could not be started: ${err.message}`)));
      child.on("exit", (code, signal) =>
        // Give stderr a moment to drain so the error carries the pack's own message.
        setTimeout(() => {
          if (this.stopping) return;
          this.dead = this.fail(`exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`);
          for (const r of this.pending) r(this.dead);
          this.pending.clear();
          reject(this.dead);
        }, 50),
      );
    });
    exited.catch(() => undefined);
    return exited;
  }

  /** The pack's first line of output is its gRPC port. */
  private readPort(child: ChildProcess): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.setEncoding("utf8");
      child.stdout!.on("data", (d: string) => {
        out += d;
        const nl = out.indexOf("\n");
        if (nl < 0) return;
        const first = out.slice(0, nl).trim();
        const port = Number(first);
        if (Number.isInteger(port) && port > 0) resolve(port);
        else
          reject(
            this.fail(`printed ${JSON.stringify(first.slice(0, 200))} where its gRPC port was expected`),
          );
      });
    });
  }

  /** The `pulumirpc.Engine` the pack logs to. */
  private serveEngine(): Promise<string> {
    const server = new grpc.Server();
    this.engine = server;
    // Response classes taken from the service definitions: they belong to the SDK's google-protobuf copy.
    const svc = enginerpc.EngineService as unknown as Record<string, { responseType: new () => object }>;
    const empty = svc.log.responseType;
    server.addService(enginerpc.EngineService, {
      log: (
        call: grpc.ServerUnaryCall<{ getSeverity(): number; getMessage(): string; getUrn(): string }, object>,
        cb: grpc.sendUnaryData<object>,
      ) => {
        const r = call.request;
        this.logs.push({
          severity: LOG_SEVERITIES[r.getSeverity()] ?? "info",
          message: r.getMessage(),
          urn: r.getUrn() || undefined,
        });
        cb(null, new empty());
      },
      getRootResource: (_c: unknown, cb: grpc.sendUnaryData<object>) =>
        cb(null, new svc.getRootResource.responseType()),
      setRootResource: (_c: unknown, cb: grpc.sendUnaryData<object>) =>
        cb(null, new svc.setRootResource.responseType()),
    } as unknown as grpc.UntypedServiceImplementation);
    return new Promise((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(`127.0.0.1:${port}`),
      ),
    );
  }

  private race<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.fail(`${what} within ${ms} ms`)), ms);
    });
    return Promise.race([p, timeout, this.exited!]).finally(() => clearTimeout(timer));
  }

  /** One unary RPC to the pack, bounded by a deadline and failed at once if the pack dies. */
  call<Req, Res>(
    method: keyof analyzerrpc.AnalyzerClient & string,
    req: Req,
    what: string,
    timeoutMs?: number,
  ): Promise<Res> {
    const ms = timeoutMs ?? this.options.rpcTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const client = this.client!;
    const fn = (client[method] as unknown as Unary<Req, Res>).bind(client);
    // The gRPC deadline bounds a pack that stops answering; `pending` lets a pack that dies fail every call
    // in flight at once. (No per-call race against the exit promise: at 10,000 calls that is 10,000
    // reactions kept alive on a promise that never settles.)
    return new Promise<Res>((resolve, reject) => {
      if (this.dead) return reject(this.dead);
      this.pending.add(reject);
      fn(req, new grpc.Metadata(), { deadline: Date.now() + ms }, (err, res) => {
        this.pending.delete(reject);
        if (!err) return resolve(res);
        if (this.dead) return reject(this.dead);
        if (err.code === grpc.status.DEADLINE_EXCEEDED)
          return reject(this.fail(`${what}: no answer within ${ms} ms`));
        const e = this.fail(`${what} failed: ${err.details || err.message}`);
        (e as AnalyzerError & { grpcCode?: number }).grpcCode = err.code;
        reject(e);
      });
    });
  }

  /** Calls an RPC older packs may not implement; UNIMPLEMENTED is not an error. */
  async optional<Req>(
    method: keyof analyzerrpc.AnalyzerClient & string,
    req: Req,
    what: string,
    timeoutMs?: number,
  ): Promise<void> {
    try {
      await this.call(method, req, what, timeoutMs);
    } catch (err) {
      if ((err as { grpcCode?: number }).grpcCode !== grpc.status.UNIMPLEMENTED) throw err;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.client?.close();
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 2000);
      await gone;
      clearTimeout(killer);
    }
    this.engine?.forceShutdown();
    this.forget?.();
  }

  /** Last resort at process exit: nothing asynchronous can run, so no polite SIGTERM first. */
  killNow(): void {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
