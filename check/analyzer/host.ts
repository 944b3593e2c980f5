// The analyzer host: runs any CrossGuard pack directory the way the Pulumi CLI does (as an analyzer
// plugin over the pulumirpc.Analyzer gRPC protocol) against a synthesized graph, with no CLI or cloud.
import * as fs from "fs";
import * as path from "path";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { GraphResource, ResourceGraph } from "../../engine/graph";
import { PolicyConfigEntry, reconcilePolicyConfig } from "../policy-config";
import { GateConfig, applyGateConfig, gateConfig } from "../pack-config";
import { STACK_TYPE } from "../../engine/monitor-records";
import { BUILT_IN_PACK, Remediation } from "../report";
import { closestName, didYouMeanPack } from "../suggest";
import {
  RequestBuilder,
  configureRequest,
  emptyRequest,
  handshakeRequest,
  stackConfigureRequest,
} from "./requests";
import { Findings, checkAnalyzerInfo, describedPolicies, initialConfig, policyInfos } from "./results";
import { PackSession, runPolicyPackScript } from "./session";
import { AnalyzerError, AnalyzerHostOptions, AnalyzerRun, DEFAULT_TIMEOUT_MS } from "./types";

export { AnalyzerError, AnalyzerHostOptions, AnalyzerLog, AnalyzerRun } from "./types";

/** A pack started and configured, before the program runs: analyze a graph with it, then stop it. */
export interface StartedPack {
  /** Re-sends the configuration, then drives the pack over the whole graph. */
  analyze(graph: ResourceGraph): Promise<AnalyzerRun>;
  stop(): Promise<void>;
}

/**
 * Starts the pack as the CLI starts an analyzer plugin (before the program runs, as the CLI loads its
 * analyzers before the language host starts), serves it an engine, and configures it: its code and
 * policies are loaded, and its config read, before the program could change any of them.
 */
export async function startPolicyPack(packDir: string, options: AnalyzerHostOptions): Promise<StartedPack> {
  const dir = path.resolve(packDir);
  if (!fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
    throw new AnalyzerError(notAPack(packDir), dir);
  }
  const script = runPolicyPackScript(dir);
  const session = new PackSession(dir, options);
  try {
    await session.start(script);
    const configured = await configure(session);
    return {
      analyze: async (graph) => {
        // The pack listens on loopback, where the program could reach it while it ran: the configuration
        // is sent again, so whatever the program sent it is overwritten before any resource is analyzed.
        await reconfigure(session, configured.reconciled);
        return analyze(session, graph, configured);
      },
      stop: () => session.stop(),
    };
  } catch (err) {
    await session.stop();
    throw err;
  }
}

/** Why `packDir` is no pack, with the nearest pack beside it (or the built-in pack's name) suggested. */
function notAPack(packDir: string): string {
  const dir = path.resolve(packDir);
  const what = fs.existsSync(dir) ? "it has no PulumiPolicy.yaml" : "no such directory";
  const builtIn = closestName(path.basename(dir), [BUILT_IN_PACK])
    ? `; ${BUILT_IN_PACK} is the built-in pack, which runs without --policy-pack`
    : "";
  return `${dir} is not a policy pack: ${what}${builtIn || didYouMeanPack(packDir)}`;
}

/** Starts the pack, serves it an engine, and drives it over the whole graph. */
export async function runPolicyPack(
  packDir: string,
  graph: ResourceGraph,
  options: AnalyzerHostOptions,
): Promise<AnalyzerRun> {
  const pack = await startPolicyPack(packDir, options);
  try {
    return await pack.analyze(graph);
  } finally {
    await pack.stop();
  }
}

/** Configure and ConfigureStack once more, with what the first configure sent. */
async function reconfigure(
  session: PackSession,
  reconciled: Readonly<Record<string, PolicyConfigEntry>>,
): Promise<void> {
  const o = session.options;
  await session.call("configure", configureRequest(reconciled), "Configure");
  await session.optional("configureStack", stackConfigureRequest(o), "ConfigureStack");
}

/**
 * The start-up calls: Handshake, GetAnalyzerInfo, Configure (the reconciled policy config) and
 * ConfigureStack. They get the start-up deadline: a pack loading its policies on a busy machine is slow
 * to answer these, and a short per-policy deadline should not fail it there.
 */
async function configure(session: PackSession): Promise<Configured> {
  const o = session.options;
  const startupMs = Math.max(o.startTimeoutMs ?? DEFAULT_TIMEOUT_MS, o.rpcTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  await session.optional("handshake", handshakeRequest(session.dir), "Handshake", startupMs);
  const info = await session.call<object, analyzerpb.AnalyzerInfo>(
    "getAnalyzerInfo",
    emptyRequest(),
    "GetAnalyzerInfo",
    startupMs,
  );
  try {
    checkAnalyzerInfo(info);
  } catch (err) {
    throw new AnalyzerError((err as Error).message, session.dir);
  }
  let reconciled: Record<string, PolicyConfigEntry>;
  let gate: GateConfig;
  try {
    const described = describedPolicies(info);
    gate = gateConfig(info.getName(), described, o.policyConfig ?? {});
    reconciled = reconcilePolicyConfig(described, initialConfig(info), gate.forPack);
  } catch (err) {
    const where = o.policyConfigFile ? `${o.policyConfigFile}: ` : "";
    throw new AnalyzerError(`${where}${(err as Error).message}`, session.dir);
  }
  await session.call("configure", configureRequest(reconciled), "Configure", startupMs);
  await session.optional("configureStack", stackConfigureRequest(o), "ConfigureStack", startupMs);
  return { info, reconciled, gate };
}

/** A configured pack: what it said of itself, the config it was sent, and what the gate applies itself. */
interface Configured {
  readonly info: analyzerpb.AnalyzerInfo;
  readonly reconciled: Record<string, PolicyConfigEntry>;
  readonly gate: GateConfig;
}

/** What the per-resource calls share: the request builder, the findings and the remediated inputs. */
interface Pass {
  readonly session: PackSession;
  readonly requests: RequestBuilder;
  readonly findings: Findings;
  readonly remediating: boolean;
  readonly remediations: Remediation[];
  readonly inputsAfter: Map<string, Record<string, unknown>>;
}

/** Remediate (when any policy remediates), then Analyze, one resource. */
async function analyzeOne(pass: Pass, r: GraphResource, order: number): Promise<void> {
  let props = r.inputs as Record<string, unknown>;
  const what = `${r.type} ${r.urn}`;
  let req = pass.requests.analyze(r, props);
  if (pass.remediating) {
    const res = await pass.session.call<analyzerpb.AnalyzeRequest, analyzerpb.RemediateResponse>(
      "remediate",
      req,
      `Remediate ${what}`,
    );
    for (const rem of res.getRemediationsList()) {
      const [pack, policy] = [rem.getPolicypackname(), rem.getPolicyname()];
      if (rem.getDiagnostic())
        pass.findings.addUndecided(order, { pack, policy, urn: r.urn, message: rem.getDiagnostic() });
      const fixed = rem.getProperties()?.toJavaScript() as Record<string, unknown> | undefined;
      if (fixed) {
        props = fixed;
        pass.remediations.push({ pack, policy, urn: r.urn, inputs: fixed });
      }
    }
    // The request is rebuilt only when a remediation changed the inputs.
    if (props !== r.inputs) {
      pass.inputsAfter.set(r.urn, props);
      req = pass.requests.analyze(r, props);
    }
  }
  const res = await pass.session.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>(
    "analyze",
    req,
    `Analyze ${what}`,
  );
  pass.findings.collect(order, res.getDiagnosticsList(), r.urn);
}

/** Every resource through a bounded pool: one RPC at a time would leave the pack idle on the round-trips. */
async function analyzeResources(
  pass: Pass,
  resources: readonly GraphResource[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < resources.length) {
      const i = next++;
      await analyzeOne(pass, resources[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

async function analyze(
  session: PackSession,
  graph: ResourceGraph,
  { info, reconciled, gate }: Configured,
): Promise<AnalyzerRun> {
  const o = session.options;
  const policies = policyInfos(info, reconciled);
  const pass: Pass = {
    session,
    requests: new RequestBuilder(graph),
    findings: new Findings(info.getName(), reconciled),
    remediating: policies.some((p) => p.enforcementLevel === "remediate"),
    remediations: [],
    inputsAfter: new Map(),
  };
  // Reads (`.get()`, `StackReference`) stay in the graph but are never sent to a pack: the engine
  // analyzes only what the program creates or imports, in Analyze and AnalyzeStack alike.
  const created = graph.resources.filter((r) => !r.external);
  await analyzeResources(pass, created, o.concurrency ?? 64);

  const stackRes = await session.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>(
    "analyzeStack",
    pass.requests.analyzeStack(created, pass.inputsAfter),
    "AnalyzeStack",
    // One call over the whole graph: its budget grows with the graph, so a big stack is not mistaken for a hang.
    (o.rpcTimeoutMs ?? DEFAULT_TIMEOUT_MS) + 20 * graph.resources.length,
  );
  pass.findings.collect(created.length, stackRes.getDiagnosticsList());

  const report = applyGateConfig(
    {
      policies,
      violations: pass.findings.sortedViolations(),
      undecided: pass.findings.sortedUndecided(),
      waivers: pass.findings.sortedWaivers(),
      remediations: pass.remediations,
    },
    info.getName(),
    gate,
    o.now ?? new Date(),
    graph.resources.find((r) => r.type === STACK_TYPE)?.urn,
  );
  return { ...report, packName: info.getName(), packVersion: info.getVersion(), logs: session.logs };
}
