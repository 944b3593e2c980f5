// The resource monitor behind the offline engine. The Pulumi SDK talks to it exactly as it talks to
// the real engine's monitor; it keeps each RegisterResourceRequest whole (parent, dependencies,
// property dependencies, protect, aliases …), builds engine-form URNs and answers invokes.
import { createHash } from "crypto";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import {
  GraphInvoke,
  GraphResource,
  IncompleteItem,
  PropertyValue,
  UNKNOWN,
  urnName,
  urnQualifiedType,
} from "./graph";
import { fromStruct, toStruct } from "./struct";
import { IncompleteLog, STACK_REFERENCE_TYPE } from "./incomplete";
import { DEFAULT_INVOKES, InvokeHandler } from "./invokes";
import { providerComputed } from "./computed";
import { sdkPosition, userPosition } from "./source-positions";
import { OutputContext, providerState } from "./outputs";
import {
  MutableResource,
  duplicateUrn,
  makeUrn,
  plainArgs,
  providerId,
  resourceRecord,
  rpcError,
} from "./monitor-records";

export { STACK_TYPE, makeUrn } from "./monitor-records";

/** Values a synth may give a custom resource in update mode, in place of the built-in fabrication. */
export type NewResourceHook = (args: {
  type: string;
  name: string;
  urn: string;
  inputs: Record<string, unknown>;
}) => { id?: string; state?: Record<string, unknown> } | undefined;

export interface MonitorOptions {
  readonly project: string;
  readonly stack: string;
  readonly preview: boolean;
  readonly config: Record<string, unknown>;
  readonly invokes?: Readonly<Record<string, InvokeHandler>>;
  readonly newResource?: NewResourceHook;
  /** Where `StackReference` outputs are read from (`DIR/<stack>.json`); without it they are incomplete. */
  readonly stackOutputsDir?: string;
}

type Callback<T> = (err: Error | null, resp?: T) => void;

/** What RegisterResource and ReadResource requests both carry. */
type RegistrationRequest = Pick<
  resproto.RegisterResourceRequest,
  "getType" | "getName" | "getParent" | "getProvider" | "getVersion"
>;

/**
 * The monitor. Pass it to `pulumi.runtime.setMockOptions`; read the graph with {@link resources}.
 */
export class GroundworkMonitor {
  private readonly byUrn = new Map<string, MutableResource>();
  private readonly order: MutableResource[] = [];
  readonly invokeLog: GraphInvoke[] = [];
  /** Registrations the engine refused (duplicate URNs …): the real engine fails the deployment on these. */
  readonly failures: Error[] = [];
  private readonly providers = new Map<string, Record<string, unknown>>();
  private readonly incompleteLog = new IncompleteLog();
  /** The default providers this engine registered itself (the program may not take their URNs). */
  private readonly engineDefaults = new Set<string>();

  constructor(private readonly options: MonitorOptions) {}

  /** What the engine could not expand or decide (remote components, unanswered invokes …), in order. */
  get incomplete(): readonly IncompleteItem[] {
    return this.incompleteLog.items;
  }

  /** Registered resources in registration order. */
  get resources(): GraphResource[] {
    return this.order;
  }

  private urn(parent: string | undefined, type: string, name: string): string {
    return makeUrn(this.options.stack, this.options.project, parent, type, name);
  }

  private resolveAliases(
    req: resproto.RegisterResourceRequest,
    type: string,
    name: string,
    parent: string | undefined,
  ): string[] {
    const out: string[] = [...req.getAliasurnsList()];
    for (const alias of req.getAliasesList()) {
      if (alias.hasUrn()) {
        out.push(alias.getUrn());
        continue;
      }
      const spec = alias.getSpec();
      if (!spec) continue;
      const aliasParent = spec.getNoparent() ? undefined : spec.getParenturn() || parent;
      out.push(
        makeUrn(
          spec.getStack() || this.options.stack,
          spec.getProject() || this.options.project,
          aliasParent,
          spec.getType() || type,
          spec.getName() || name,
        ),
      );
    }
    // As the engine does: every alias of the parent implies one for the child, under the parent's old
    // URN, with the parent's old name substituted where the child's name starts with the parent's.
    const parentAliases = parent ? (this.byUrn.get(parent)?.aliases ?? []) : [];
    const parentName = parent ? urnName(parent) : "";
    for (const parentAlias of parentAliases) {
      const childAliasName = name.startsWith(parentName)
        ? urnName(parentAlias) + name.slice(parentName.length)
        : name;
      const [, stack, project] = /^urn:pulumi:(.*?)::(.*?)::/.exec(parentAlias) ?? [];
      out.push(
        `urn:pulumi:${stack}::${project}::${urnQualifiedType(parentAlias)}$${type}::${childAliasName}`,
      );
    }
    return [...new Set(out)];
  }

  /** Outputs the "provider" returns for a new custom resource (engine/outputs.ts). */
  private fabricate(
    type: string,
    name: string,
    urn: string,
    inputs: Record<string, PropertyValue>,
    provider: string | undefined,
  ): { id: string; state: Record<string, unknown> } {
    const preview = this.options.preview;
    // A provider's own id: unknown in preview, stable in update.
    if (type.startsWith("pulumi:providers:"))
      return { id: preview ? "" : providerId(urn), state: { ...inputs } };
    const hooked = preview
      ? undefined
      : this.options.newResource?.({ type, name, urn, inputs: plainArgs(inputs) });
    const ctx: OutputContext = {
      type,
      name,
      urn,
      inputs,
      preview,
      config: this.options.config,
      providerInputs: provider ? this.providers.get(provider) : undefined,
    };
    const { id, state } = providerState(ctx, (s, i) => providerComputed(type, i, s), hooked);
    if (preview || id) return { id, state };
    // A type no shape table knows (another provider, a newer SDK): the name and a stable hash.
    const fallback = `${name}-${createHash("sha256").update(urn).digest("hex").slice(0, 8)}`;
    return { id: fallback, state: { ...state, id: state.id ?? fallback } };
  }

  /**
   * The provider reference the engine gives a custom resource registered without one: its package's
   * default provider (`pulumi:providers:<pkg>::default_<version>`), registered on first use with the
   * package's config (`aws:region` …) as inputs, as the real engine does. Its id is known even in preview.
   */
  private defaultProvider(type: string, version: string): string {
    const pkg = type.split(":")[0];
    const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
    const providerType = `pulumi:providers:${pkg}`;
    const urn = this.urn(undefined, providerType, name);
    const existing = this.byUrn.get(urn);
    if (existing && this.engineDefaults.has(urn)) return `${urn}::${existing.id}`;
    // The program registered or read a resource under this URN first: the engine's own registration of
    // the default provider then fails as a duplicate (step_generator.go, generateURN), failing the update.
    if (existing) throw this.failure(duplicateUrn(urn));
    const inputs: Record<string, PropertyValue> = {};
    for (const [key, value] of Object.entries(this.options.config)) {
      if (key.startsWith(`${pkg}:`)) inputs[key.slice(pkg.length + 1)] = value as PropertyValue;
    }
    if (version) inputs.version = version;
    const id = providerId(urn);
    const provider = resourceRecord({
      urn,
      type: providerType,
      name,
      parent: undefined,
      custom: true,
      provider: undefined,
      inputs,
      outputs: { ...inputs },
      dependencies: [],
      id,
      external: false,
    });
    this.add(provider);
    this.engineDefaults.add(urn);
    this.providers.set(`${urn}::${id}`, plainArgs(inputs));
    return `${urn}::${id}`;
  }

  /** Whether the engine would attach a default provider: a custom resource that is not itself a provider. */
  private needsDefaultProvider(type: string, custom: boolean, explicit: string): boolean {
    return custom && !explicit && !type.startsWith("pulumi:providers:") && !type.startsWith("pulumi:");
  }

  /** Where a registration lands: its URN, and the provider the engine would give it. */
  private place(
    req: RegistrationRequest,
    custom: boolean,
  ): { type: string; name: string; parent?: string; urn: string; provider?: string } {
    const type = req.getType();
    const name = req.getName();
    const parent = req.getParent() || undefined;
    const provider = this.needsDefaultProvider(type, custom, req.getProvider())
      ? this.defaultProvider(type, req.getVersion())
      : req.getProvider() || undefined;
    return { type, name, parent, urn: this.urn(parent, type, name), provider };
  }

  private add(resource: MutableResource): void {
    this.byUrn.set(resource.urn, resource);
    this.order.push(resource);
  }

  /** A refused registration: the real engine fails the deployment on it, so synth does too. */
  private refuse(err: unknown, callback: Callback<never>): void {
    if (!this.failures.includes(err as Error)) this.failures.push(rpcError(err));
    callback(rpcError(err));
  }

  /** An error the engine fails the whole deployment on, recorded even when the program catches it. */
  private failure(message: string): Error {
    const err = rpcError(new Error(message));
    this.failures.push(err);
    return err;
  }

  registerResource(
    req: resproto.RegisterResourceRequest,
    callback: Callback<resproto.RegisterResourceResponse>,
  ): void {
    try {
      const custom = req.getCustom();
      const urn = this.urn(req.getParent() || undefined, req.getType(), req.getName());
      if (this.byUrn.has(urn)) throw new Error(duplicateUrn(urn));
      const inputs = fromStruct<PropertyValue>(req.getObject());
      const propertyDependencies: Record<string, string[]> = {};
      req.getPropertydependenciesMap().forEach((deps, key) => {
        propertyDependencies[key] = deps.getUrnsList();
      });
      const { type, name, parent, provider } = this.place(req, custom);
      const { id, state } = custom
        ? this.fabricate(type, name, urn, inputs, provider)
        : { id: "", state: {} };
      const resource: MutableResource = {
        urn,
        type,
        name,
        parent,
        custom,
        provider,
        inputs,
        outputs: custom ? state : {},
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        protect: req.hasProtect() ? req.getProtect() === true : false,
        retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() === true : false,
        deleteBeforeReplace: req.getDeletebeforereplace(),
        aliases: this.resolveAliases(req, type, name, parent),
        ignoreChanges: req.getIgnorechangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        importId: req.getImportid() || undefined,
        id: custom ? id || UNKNOWN : undefined,
        external: false,
        sourcePosition: sdkPosition(req),
        userSourcePosition: userPosition(req, parent ? this.byUrn.get(parent) : undefined),
      };
      this.add(resource);
      // A remote component goes to its provider's Construct in the real engine; offline it stays the
      // component it is, childless, and the check is incomplete.
      if (req.getRemote()) this.incompleteLog.remote(urn, type);
      else if (custom) this.incompleteLog.opaque(urn, type);
      if (type.startsWith("pulumi:providers:")) {
        this.providers.set(`${urn}::${id || UNKNOWN}`, plainArgs(inputs));
      }
      const response = new resproto.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId(id);
      response.setObject(toStruct(state));
      callback(null, response);
    } catch (err) {
      this.refuse(err, callback);
    }
  }

  readResource(req: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): void {
    try {
      // A read takes a URN as a registration does (GenerateReadSteps calls generateURN): a second one is refused.
      const readUrn = this.urn(req.getParent() || undefined, req.getType(), req.getName());
      if (this.byUrn.has(readUrn)) throw new Error(duplicateUrn(readUrn));
      const { type, name, parent, urn, provider } = this.place(req, true);
      const inputs = fromStruct<PropertyValue>(req.getProperties());
      const state =
        type === STACK_REFERENCE_TYPE
          ? this.incompleteLog.stackReference(urn, inputs, req.getId(), {
              dir: this.options.stackOutputsDir,
              preview: this.options.preview,
            })
          : { ...inputs, id: req.getId() };
      const resource = resourceRecord({
        urn,
        type,
        name,
        parent,
        custom: true,
        provider,
        inputs,
        outputs: state,
        dependencies: req.getDependenciesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        id: req.getId(),
        external: true,
      });
      this.add(resource);
      const response = new resproto.ReadResourceResponse();
      response.setUrn(urn);
      response.setProperties(toStruct(state));
      callback(null, response);
    } catch (err) {
      this.refuse(err, callback);
    }
  }

  registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback<object>): void {
    const resource = this.byUrn.get(req.getUrn());
    if (!resource) {
      callback(new Error(`unknown resource ${req.getUrn()}`));
      return;
    }
    resource.outputs = fromStruct<PropertyValue>(req.getOutputs());
    callback(null, {});
  }

  invoke(req: resproto.ResourceInvokeRequest, callback: Callback<provproto.InvokeResponse>): void {
    try {
      const token = req.getTok();
      const wireArgs = fromStruct<PropertyValue>(req.getArgs());
      const provider = req.getProvider() || undefined;
      this.invokeLog.push({ token, args: wireArgs, provider });
      const response = new provproto.InvokeResponse();
      if (token === "pulumi:pulumi:getResource") {
        const r = this.byUrn.get(String(wireArgs.urn));
        if (!r) throw new Error(`unknown resource ${String(wireArgs.urn)}`);
        response.setReturn(toStruct({ urn: r.urn, id: r.id ?? null, state: r.outputs }));
        callback(null, response);
        return;
      }
      const handler = this.options.invokes?.[token] ?? DEFAULT_INVOKES[token];
      // Without an explicit provider, the engine answers through the package's default provider (and
      // registers it, if no resource has yet).
      const providerRef = provider ?? this.defaultProvider(token, req.getVersion());
      const providerInputs = providerRef ? this.providers.get(providerRef) : undefined;
      // No answer is recorded as incomplete, and the program gets an empty result and runs on.
      const result = this.incompleteLog.invoke(handler, {
        token,
        args: plainArgs(wireArgs),
        config: this.options.config,
        providerInputs,
      });
      response.setReturn(toStruct(result));
      callback(null, response);
    } catch (err) {
      callback(rpcError(err));
    }
  }

  call(_req: unknown, callback: Callback<never>): void {
    callback(new Error("the offline engine does not support method calls on component providers"));
  }

  supportsFeature(
    req: resproto.SupportsFeatureRequest,
    callback: Callback<{ getHassupport(): boolean }>,
  ): void {
    // The same answers the real engine gives, except where running the feature needs the engine itself:
    // transforms and hooks are callbacks the engine drives, and outputValues would hide Output
    // dependencies inside values (the SDK then reports them as propertyDependencies instead).
    const unsupported = ["outputValues", "transforms", "invokeTransforms", "resourceHooks", "errorHooks"];
    const has = !unsupported.includes(req.getId());
    callback(null, { getHassupport: () => has });
  }

  registerPackage(_req: unknown, callback: Callback<resproto.RegisterPackageResponse>): void {
    const resp = new resproto.RegisterPackageResponse();
    resp.setRef("offline-package");
    callback(null, resp);
  }
}
