// The analyzer host: runs any CrossGuard pack directory the way the Pulumi CLI does (as an analyzer
// plugin over the pulumirpc.Analyzer gRPC protocol) against a synthesized graph, with no CLI or cloud.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import type * as structprotoTypes from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import { WAIVER_POLICY } from "../policy/policies/meta";
import { GraphResource, ResourceGraph } from "./graph";
import {
  EnforcementLevel,
  PolicyInfo,
  PolicyReport,
  Remediation,
  Severity,
  Undecided,
  Violation,
} from "./report";
import { PolicyConfigEntry, PolicyPackConfig, reconcilePolicyConfig } from "./policy-config";

// Struct must come from the google-protobuf copy the SDK's generated classes were built against.
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const structproto: typeof structprotoTypes = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] }),
);

/** The pack could not be started, crashed, hung, or answered with an error. */
export class AnalyzerError extends Error {
  constructor(
    message: string,
    readonly packDir: string,
  ) {
    super(message);
    this.name = "AnalyzerError";
  }
}

export interface AnalyzerHostOptions {
  readonly project: string;
  readonly stack: string;
  /** Preview (`PULUMI_NODEJS_DRY_RUN=true`). @default true */
  readonly preview?: boolean;
  /** The stack config the pack sees through `pulumi.Config` (`PULUMI_CONFIG`), namespaced keys. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly secretKeys?: readonly string[];
  /** The pack's policy config, as in a `--policy-pack-config` file. @default {} */
  readonly policyConfig?: PolicyPackConfig;
  /** Where the policy config came from, for error messages. */
  readonly policyConfigFile?: string;
  /** How long the pack may take to print its port. @default 60000 */
  readonly startTimeoutMs?: number;
  /** How long one RPC may take. @default 60000 */
  readonly rpcTimeoutMs?: number;
  /** Analyze calls in flight at once. @default 64 */
  readonly concurrency?: number;
}

/** A message the pack logged through the engine's Log RPC. */
export interface AnalyzerLog {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn?: string;
}

export interface AnalyzerRun extends PolicyReport {
  readonly packName: string;
  readonly packVersion: string;
  readonly logs: readonly AnalyzerLog[];
}

const LEVELS: Record<number, EnforcementLevel> = {
  [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
  [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_CODES: Record<EnforcementLevel, number> = {
  advisory: analyzerpb.EnforcementLevel.ADVISORY,
  mandatory: analyzerpb.EnforcementLevel.MANDATORY,
  disabled: analyzerpb.EnforcementLevel.DISABLED,
  remediate: analyzerpb.EnforcementLevel.REMEDIATE,
};
const SEVERITIES: Record<number, Severity | undefined> = {
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};
const LOG_SEVERITIES = ["debug", "info", "warning", "error"] as const;
// What @pulumi/policy reports when a check needed a value that is unknown until deployment, and the
// advisory finding our own pack (policy/policies/meta.ts) sends in that case.
const UNDECIDED_RE =
  /^(?:can't run (?:policy|remediation) '.*?' from policy pack '.*?' during preview: |could not be decided during preview: )/;

function toStruct(obj: Record<string, unknown>): structprotoTypes.Struct {
  return structproto.Struct.fromJavaScript(obj as Record<string, structprotoTypes.JavaScriptValue>);
}

/** The pack's `@pulumi/pulumi` (it must be the pack's own: it loads the pack's `@pulumi/policy`). */
function runPolicyPackScript(packDir: string): string {
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

function resourceOptions(r: GraphResource): analyzerpb.AnalyzerResourceOptions {
  const opts = new analyzerpb.AnalyzerResourceOptions();
  opts.setProtect(r.protect);
  opts.setIgnorechangesList([...r.ignoreChanges]);
  opts.setAliasesList([...r.aliases]);
  opts.setAdditionalsecretoutputsList([...r.additionalSecretOutputs]);
  if (r.deleteBeforeReplace) {
    opts.setDeletebeforereplace(true);
    opts.setDeletebeforereplacedefined(true);
  }
  if (r.parent) opts.setParent(r.parent);
  return opts;
}

/** Starts the pack, serves it an engine, and drives it over the whole graph. */
export async function runPolicyPack(
  packDir: string,
  graph: ResourceGraph,
  options: AnalyzerHostOptions,
): Promise<AnalyzerRun> {
  const dir = path.resolve(packDir);
  if (!fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
    throw new AnalyzerError(`${dir} is not a policy pack: it has no PulumiPolicy.yaml`, dir);
  }
  const script = runPolicyPackScript(dir);
  const session = new PackSession(dir, options);
  track(session);
  try {
    await session.start(script);
    return await session.analyze(graph);
  } finally {
    await session.stop();
  }
}

type Unary<Req, Res> = (
  req: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  cb: (err: grpc.ServiceError | null, res: Res) => void,
) => grpc.ClientUnaryCall;

class PackSession {
  private child?: ChildProcess;
  private engine?: grpc.Server;
  private client?: analyzerrpc.AnalyzerClient;
  private stderr = "";
  private readonly logs: AnalyzerLog[] = [];
  private exited?: Promise<never>;
  private dead?: AnalyzerError;
  private readonly pending = new Set<(err: Error) => void>();

  constructor(
    private readonly dir: string,
    private readonly options: AnalyzerHostOptions,
  ) {}

  private fail(what: string): AnalyzerError {
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
    const child = spawn(process.execPath, [script, engineAddress, "."], {
      cwd: this.dir,
      stdio: ["ignore", "pipe", "pipe"],
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
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      this.stderr = (this.stderr + d).slice(-16_000);
    });
    // One promise that rejects when the pack dies, raced against every wait below.
    this.exited = new Promise<never>((_, reject) => {
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
    this.exited.catch(() => undefined);

    const port = await this.race(
      new Promise<number>((resolve, reject) => {
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
      }),
      o.startTimeoutMs ?? 60_000,
      "did not print its gRPC port",
    );
    this.client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 400 * 1024 * 1024,
      "grpc.max_send_message_length": 400 * 1024 * 1024,
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

  private call<Req, Res>(
    method: keyof analyzerrpc.AnalyzerClient & string,
    req: Req,
    what: string,
    timeoutMs?: number,
  ): Promise<Res> {
    const ms = timeoutMs ?? this.options.rpcTimeoutMs ?? 60_000;
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
  private async optional<Req>(
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

  async analyze(graph: ResourceGraph): Promise<AnalyzerRun> {
    const o = this.options;
    const handshake = new analyzerpb.AnalyzerHandshakeRequest();
    handshake.setEngineAddress("");
    handshake.setRootDirectory(this.dir);
    handshake.setProgramDirectory(this.dir);
    // Start-up calls get the start-up deadline: a pack loading its policies on a busy machine is slow to
    // answer these, and a short per-policy deadline should not fail it there.
    const startupMs = Math.max(o.startTimeoutMs ?? 60_000, o.rpcTimeoutMs ?? 60_000);
    await this.optional("handshake", handshake, "Handshake", startupMs);

    const emptyReq = new (
      analyzerrpc.AnalyzerService as unknown as Record<string, { requestType: new () => object }>
    ).getAnalyzerInfo.requestType();
    const info = await this.call<object, analyzerpb.AnalyzerInfo>(
      "getAnalyzerInfo",
      emptyReq,
      "GetAnalyzerInfo",
      startupMs,
    );
    const packName = info.getName();
    const packVersion = info.getVersion();

    const described = info.getPoliciesList().map((p) => ({
      name: p.getName(),
      description: p.getDescription(),
      enforcementLevel: LEVELS[p.getEnforcementlevel()] ?? "advisory",
      schema: p.getConfigschema()
        ? {
            properties: (p.getConfigschema()!.getProperties()?.toJavaScript() ?? {}) as Record<
              string,
              Record<string, unknown>
            >,
            required: p.getConfigschema()!.getRequiredList(),
          }
        : undefined,
    }));
    const initial: Record<string, PolicyConfigEntry> = {};
    info.getInitialconfigMap().forEach((c, k) => {
      initial[k] = {
        enforcementLevel: LEVELS[c.getEnforcementlevel()],
        properties: (c.getProperties()?.toJavaScript() ?? undefined) as Record<string, unknown> | undefined,
      };
    });
    let reconciled: Record<string, PolicyConfigEntry>;
    try {
      reconciled = reconcilePolicyConfig(described, initial, o.policyConfig ?? {});
    } catch (err) {
      const where = o.policyConfigFile ? `${o.policyConfigFile}: ` : "";
      throw new AnalyzerError(`${where}${(err as Error).message}`, this.dir);
    }

    const configure = new analyzerpb.ConfigureAnalyzerRequest();
    for (const [name, c] of Object.entries(reconciled)) {
      const pc = new analyzerpb.PolicyConfig();
      pc.setEnforcementlevel(LEVEL_CODES[c.enforcementLevel ?? "advisory"]);
      pc.setProperties(toStruct(c.properties ?? {}));
      configure.getPolicyconfigMap().set(name, pc);
    }
    await this.call("configure", configure, "Configure", startupMs);

    const stackReq = new analyzerpb.AnalyzerStackConfigureRequest();
    stackReq.setStack(o.stack);
    stackReq.setProject(o.project);
    stackReq.setOrganization("organization");
    stackReq.setDryRun(o.preview ?? true);
    for (const [k, v] of Object.entries(stringConfig(o.config ?? {}))) stackReq.getConfigMap().set(k, v);
    stackReq.setConfigSecretKeysList([...(o.secretKeys ?? [])]);
    await this.optional("configureStack", stackReq, "ConfigureStack", startupMs);

    const policies: PolicyInfo[] = info.getPoliciesList().map((p) => {
      const framework = p.getFramework();
      const refs = framework?.getReference() ? [framework.getReference()] : [];
      return {
        pack: packName,
        name: p.getName(),
        description: p.getDescription(),
        enforcementLevel:
          reconciled[p.getName()]?.enforcementLevel ?? LEVELS[p.getEnforcementlevel()] ?? "advisory",
        severity: SEVERITIES[p.getSeverity()],
        remediationSteps: p.getRemediationSteps() || undefined,
        url: p.getUrl() || undefined,
        tags: p.getTagsList().length ? p.getTagsList() : undefined,
        references: refs.length ? refs : undefined,
      };
    });
    const remediating = policies.some((p) => p.enforcementLevel === "remediate");

    const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    const providerOf = (r: GraphResource): analyzerpb.AnalyzerProviderResource | undefined => {
      if (!r.provider) return undefined;
      const urn = r.provider.split("::").slice(0, -1).join("::");
      const p = byUrn.get(urn);
      if (!p) return undefined;
      const pr = new analyzerpb.AnalyzerProviderResource();
      pr.setUrn(p.urn);
      pr.setType(p.type);
      pr.setName(p.name);
      pr.setProperties(toStruct(p.inputs));
      return pr;
    };

    const violations: { order: number; v: Violation }[] = [];
    const undecided: { order: number; u: Undecided }[] = [];
    const remediations: Remediation[] = [];
    const collect = (order: number, ds: analyzerpb.AnalyzeDiagnostic[], fallbackUrn?: string): void => {
      for (const d of ds) {
        const level = LEVELS[d.getEnforcementlevel()] ?? "advisory";
        const urn = d.getUrn() || fallbackUrn;
        if (level === "advisory" && UNDECIDED_RE.test(d.getMessage())) {
          undecided.push({
            order,
            u: { pack: d.getPolicypackname(), policy: d.getPolicyname(), urn, message: d.getMessage() },
          });
          continue;
        }
        // Invalid waivers are filed under groundwork-waivers (mandatory, its default) by whichever policy
        // held them; they take the level configured for groundwork-waivers, which that policy could not
        // read. (Applied waivers are advisory notices there and stay so.)
        let filedLevel = level;
        const configured =
          d.getPolicyname() === WAIVER_POLICY ? reconciled[WAIVER_POLICY]?.enforcementLevel : undefined;
        if (configured === "disabled") continue;
        if (configured && level === "mandatory")
          filedLevel = configured === "remediate" ? "mandatory" : configured;
        violations.push({
          order,
          v: {
            pack: d.getPolicypackname() || packName,
            policy: d.getPolicyname(),
            enforcementLevel: filedLevel,
            severity: SEVERITIES[d.getSeverity()],
            urn,
            message: d.getMessage(),
          },
        });
      }
    };

    const inputsAfter = new Map<string, Record<string, unknown>>();
    const analyzeOne = async (r: GraphResource, order: number): Promise<void> => {
      let props = r.inputs as Record<string, unknown>;
      const provider = providerOf(r);
      const what = `${r.type} ${r.urn}`;
      // Remediate and Analyze take the same request; it is rebuilt only when a remediation changed the inputs.
      const request = (): analyzerpb.AnalyzeRequest => {
        const req = new analyzerpb.AnalyzeRequest();
        req.setUrn(r.urn);
        req.setType(r.type);
        req.setName(r.name);
        req.setProperties(toStruct(props));
        req.setOptions(resourceOptions(r));
        if (provider) req.setProvider(provider);
        return req;
      };
      let req = request();
      if (remediating) {
        const res = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.RemediateResponse>(
          "remediate",
          req,
          `Remediate ${what}`,
        );
        for (const rem of res.getRemediationsList()) {
          if (rem.getDiagnostic()) {
            undecided.push({
              order,
              u: {
                pack: rem.getPolicypackname(),
                policy: rem.getPolicyname(),
                urn: r.urn,
                message: rem.getDiagnostic(),
              },
            });
          }
          const fixed = rem.getProperties()?.toJavaScript() as Record<string, unknown> | undefined;
          if (fixed) {
            props = fixed;
            remediations.push({
              pack: rem.getPolicypackname(),
              policy: rem.getPolicyname(),
              urn: r.urn,
              inputs: fixed,
            });
          }
        }
        if (props !== r.inputs) {
          inputsAfter.set(r.urn, props);
          req = request();
        }
      }
      const res = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>(
        "analyze",
        req,
        `Analyze ${what}`,
      );
      collect(order, res.getDiagnosticsList(), r.urn);
    };

    // A bounded pool: one RPC at a time would leave the pack idle on the round-trips.
    const queue = graph.resources.map((r, i) => [r, i] as const);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const [r, i] = queue[next++];
        await analyzeOne(r, i);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 64) }, worker));

    const stackReq2 = new analyzerpb.AnalyzeStackRequest();
    stackReq2.setResourcesList(
      graph.resources.map((r) => {
        const ar = new analyzerpb.AnalyzerResource();
        ar.setUrn(r.urn);
        ar.setType(r.type);
        ar.setName(r.name);
        ar.setProperties(toStruct({ ...(inputsAfter.get(r.urn) ?? r.inputs), ...r.outputs }));
        ar.setOptions(resourceOptions(r));
        const provider = providerOf(r);
        if (provider) ar.setProvider(provider);
        if (r.parent) ar.setParent(r.parent);
        ar.setDependenciesList([...r.dependencies]);
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
          const deps = new analyzerpb.AnalyzerPropertyDependencies();
          deps.setUrnsList([...urns]);
          ar.getPropertydependenciesMap().set(k, deps);
        }
        return ar;
      }),
    );
    const stackRes = await this.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>(
      "analyzeStack",
      stackReq2,
      "AnalyzeStack",
      // One call over the whole graph: its budget grows with the graph, so a big stack is not mistaken for a hang.
      (o.rpcTimeoutMs ?? 60_000) + 20 * graph.resources.length,
    );
    collect(graph.resources.length, stackRes.getDiagnosticsList());

    return {
      packName,
      packVersion,
      policies,
      violations: violations.sort((a, b) => a.order - b.order).map((x) => x.v),
      undecided: undecided.sort((a, b) => a.order - b.order).map((x) => x.u),
      waivers: [],
      remediations,
      logs: this.logs,
    };
  }

  private stopping = false;

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
    untrack(this);
  }

  /** Last resort at process exit: nothing asynchronous can run, so no polite SIGTERM first. */
  killNow(): void {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

// Pack processes must not outlive the command: on SIGINT / SIGTERM the live sessions are stopped and the
// process exits as the signal would have it (130 / 143); at any exit, stragglers are killed. The handlers
// are installed only while a pack runs, so a process embedding the host keeps its own signal behaviour.
const liveSessions = new Set<PackSession>();
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function onSignal(signal: NodeJS.Signals): void {
  const sessions = [...liveSessions];
  const grace = new Promise((resolve) => setTimeout(resolve, 3000).unref());
  void Promise.race([Promise.allSettled(sessions.map((s) => s.stop())), grace]).then(() =>
    process.exit(SIGNAL_EXIT[signal]),
  );
}

function onExit(): void {
  for (const s of liveSessions) s.killNow();
}

function track(session: PackSession): void {
  if (liveSessions.size === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("exit", onExit);
  }
  liveSessions.add(session);
}

function untrack(session: PackSession): void {
  if (!liveSessions.delete(session) || liveSessions.size > 0) return;
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.off("exit", onExit);
}

/** `PULUMI_CONFIG` holds strings; structured values travel as JSON, as the CLI sends them. */
function stringConfig(config: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
  return out;
}
