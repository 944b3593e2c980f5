// The analyzer protocol's requests, built from a ResourceGraph the way the Pulumi engine builds them:
// the handshake and configuration calls, one Analyze / Remediate request per resource, and AnalyzeStack.
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { GraphResource, ResourceGraph } from "../../engine/graph";
import { toStruct } from "../../engine/struct";
import { PolicyConfigEntry } from "../policy-config";
import { AnalyzerHostOptions } from "./types";
import { LEVEL_CODES } from "./results";

/** `PULUMI_CONFIG` holds strings; structured values travel as JSON, as the CLI sends them. */
export function stringConfig(config: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
  return out;
}

export function handshakeRequest(dir: string): analyzerpb.AnalyzerHandshakeRequest {
  const handshake = new analyzerpb.AnalyzerHandshakeRequest();
  handshake.setEngineAddress("");
  handshake.setRootDirectory(dir);
  handshake.setProgramDirectory(dir);
  return handshake;
}

/** GetAnalyzerInfo takes an Empty; its class is taken from the service so it is the SDK's copy. */
export function emptyRequest(): object {
  return new (
    analyzerrpc.AnalyzerService as unknown as Record<string, { requestType: new () => object }>
  ).getAnalyzerInfo.requestType();
}

export function configureRequest(
  reconciled: Readonly<Record<string, PolicyConfigEntry>>,
): analyzerpb.ConfigureAnalyzerRequest {
  const configure = new analyzerpb.ConfigureAnalyzerRequest();
  for (const [name, c] of Object.entries(reconciled)) {
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(LEVEL_CODES[c.enforcementLevel ?? "advisory"]);
    pc.setProperties(toStruct(c.properties ?? {}));
    configure.getPolicyconfigMap().set(name, pc);
  }
  return configure;
}

export function stackConfigureRequest(o: AnalyzerHostOptions): analyzerpb.AnalyzerStackConfigureRequest {
  const req = new analyzerpb.AnalyzerStackConfigureRequest();
  req.setStack(o.stack);
  req.setProject(o.project);
  req.setOrganization("organization");
  req.setDryRun(o.preview ?? true);
  for (const [k, v] of Object.entries(stringConfig(o.config ?? {}))) req.getConfigMap().set(k, v);
  req.setConfigSecretKeysList([...(o.secretKeys ?? [])]);
  return req;
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

/** Builds the requests for one graph; providers are looked up by URN once. */
export class RequestBuilder {
  private readonly byUrn: Map<string, GraphResource>;

  constructor(graph: ResourceGraph) {
    this.byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  }

  /** The resource's provider (its reference is `<urn>::<id>`), as the engine attaches it. */
  private providerOf(r: GraphResource): analyzerpb.AnalyzerProviderResource | undefined {
    if (!r.provider) return undefined;
    const p = this.byUrn.get(r.provider.split("::").slice(0, -1).join("::"));
    if (!p) return undefined;
    const pr = new analyzerpb.AnalyzerProviderResource();
    pr.setUrn(p.urn);
    pr.setType(p.type);
    pr.setName(p.name);
    pr.setProperties(toStruct(p.inputs));
    return pr;
  }

  /** Remediate and Analyze take the same request: the resource with `props` as its inputs. */
  analyze(r: GraphResource, props: Record<string, unknown>): analyzerpb.AnalyzeRequest {
    const req = new analyzerpb.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(r.name);
    req.setProperties(toStruct(props));
    req.setOptions(resourceOptions(r));
    const provider = this.providerOf(r);
    if (provider) req.setProvider(provider);
    return req;
  }

  /** AnalyzeStack: every resource with its (remediated) inputs and outputs, links included. */
  analyzeStack(
    resources: readonly GraphResource[],
    inputsAfter: ReadonlyMap<string, Record<string, unknown>>,
  ): analyzerpb.AnalyzeStackRequest {
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((r) => {
        const ar = new analyzerpb.AnalyzerResource();
        ar.setUrn(r.urn);
        ar.setType(r.type);
        ar.setName(r.name);
        ar.setProperties(toStruct({ ...(inputsAfter.get(r.urn) ?? r.inputs), ...r.outputs }));
        ar.setOptions(resourceOptions(r));
        const provider = this.providerOf(r);
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
    return req;
  }
}
