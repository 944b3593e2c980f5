// Transforms as the Pulumi engine drives them: the SDK registers callbacks (`Callback{target, token}`) that
// the engine calls over `pulumirpc.Callbacks/Invoke` with a TransformRequest before it records each
// registration (a TransformInvokeRequest before it answers each invoke), then it uses the returned
// properties and options instead of the program's.
import * as grpc from "@grpc/grpc-js";
import * as callbackpb from "@pulumi/pulumi/proto/callback_pb";
import * as callbackrpc from "@pulumi/pulumi/proto/callback_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";

type Req = resproto.RegisterResourceRequest;
type InvokeReq = resproto.ResourceInvokeRequest;
type Opts = resproto.TransformResourceOptions;

/** The options of a registration as the engine hands them to a transform. */
function optionsOf(req: Req): Opts {
  const o = new resproto.TransformResourceOptions();
  o.setDependsOnList(req.getDependenciesList());
  if (req.hasProtect()) o.setProtect(req.getProtect() === true);
  o.setIgnoreChangesList(req.getIgnorechangesList());
  o.setReplaceOnChangesList(req.getReplaceonchangesList());
  o.setVersion(req.getVersion());
  o.setAliasesList(req.getAliasesList());
  o.setProvider(req.getProvider());
  req.getProvidersMap().forEach((v, k) => o.getProvidersMap().set(k, v));
  o.setCustomTimeouts(req.getCustomtimeouts());
  o.setPluginDownloadUrl(req.getPlugindownloadurl());
  if (req.hasRetainondelete()) o.setRetainOnDelete(req.getRetainondelete() === true);
  o.setDeletedWith(req.getDeletedwith());
  o.setDeleteBeforeReplace(req.getDeletebeforereplace());
  o.setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList());
  return o;
}

/** Writes a transform's options back onto the registration, as the engine records them. */
function applyOptions(req: Req, o: Opts): void {
  req.setDependenciesList(o.getDependsOnList());
  if (o.hasProtect()) req.setProtect(o.getProtect() === true);
  else req.clearProtect();
  req.setIgnorechangesList(o.getIgnoreChangesList());
  req.setReplaceonchangesList(o.getReplaceOnChangesList());
  req.setVersion(o.getVersion());
  req.setAliasesList(o.getAliasesList());
  req.setProvider(o.getProvider());
  req.getProvidersMap().clear();
  o.getProvidersMap().forEach((v, k) => req.getProvidersMap().set(k, v));
  req.setCustomtimeouts(o.getCustomTimeouts());
  req.setPlugindownloadurl(o.getPluginDownloadUrl());
  if (o.hasRetainOnDelete()) req.setRetainondelete(o.getRetainOnDelete() === true);
  else req.clearRetainondelete();
  req.setDeletedwith(o.getDeletedWith());
  req.setDeletebeforereplace(o.getDeleteBeforeReplace() === true);
  req.setAdditionalsecretoutputsList(o.getAdditionalSecretOutputsList());
}

/** The stack's transforms and each resource's own, applied to every registration before it is recorded. */
export class Transforms {
  private readonly stack: callbackpb.Callback[] = [];
  /** Stack invoke transforms (`registerInvokeTransform`), in registration order. */
  private readonly invoke: callbackpb.Callback[] = [];
  /** Each registered resource's own transforms and its parent: a resource's transforms reach its children. */
  private readonly own = new Map<string, { transforms: callbackpb.Callback[]; parent: string }>();
  private readonly clients = new Map<string, callbackrpc.CallbacksClient>();

  registerStackTransform(cb: callbackpb.Callback): void {
    this.stack.push(cb);
  }

  registerStackInvokeTransform(cb: callbackpb.Callback): void {
    this.invoke.push(cb);
  }

  /**
   * Runs the stack's invoke transforms in registration order, each on the result of the one before, and
   * rewrites `req` with the outcome, as the engine's `Invoke` does before it asks the provider.
   */
  async applyInvoke(req: InvokeReq): Promise<void> {
    for (const cb of this.invoke) {
      const opts = new resproto.TransformInvokeOptions();
      opts.setProvider(req.getProvider());
      opts.setVersion(req.getVersion());
      opts.setPluginDownloadUrl(req.getPlugindownloadurl());
      const t = new resproto.TransformInvokeRequest();
      t.setToken(req.getTok());
      t.setArgs(req.getArgs());
      t.setOptions(opts);
      const res = resproto.TransformInvokeResponse.deserializeBinary(
        await this.call(cb, t.serializeBinary()),
      );
      // Absent args or options mean "unchanged", as the engine reads them.
      if (res.hasArgs()) req.setArgs(res.getArgs());
      const o = res.getOptions();
      if (o) {
        req.setProvider(o.getProvider());
        req.setVersion(o.getVersion());
        req.setPlugindownloadurl(o.getPluginDownloadUrl());
      }
    }
  }

  /**
   * Runs the resource's own transforms, then its ancestors', then the stack's (the engine's order), each on
   * the result of the one before, and rewrites `req` with the outcome.
   */
  async apply(req: Req, urn: string): Promise<void> {
    const chain = [...req.getTransformsList()];
    this.own.set(urn, { transforms: req.getTransformsList(), parent: req.getParent() });
    for (let p = req.getParent(); p; p = this.own.get(p)?.parent ?? "") {
      chain.push(...(this.own.get(p)?.transforms ?? []));
    }
    chain.push(...this.stack);
    for (const cb of chain) {
      const t = new resproto.TransformRequest();
      t.setType(req.getType());
      t.setName(req.getName());
      t.setCustom(req.getCustom());
      t.setParent(req.getParent());
      t.setProperties(req.getObject());
      t.setOptions(optionsOf(req));
      const res = resproto.TransformResponse.deserializeBinary(await this.call(cb, t.serializeBinary()));
      // An empty response means "unchanged" (the SDK's transform returned undefined).
      if (res.hasProperties()) req.setObject(res.getProperties());
      const opts = res.getOptions();
      if (opts) applyOptions(req, opts);
    }
  }

  private call(cb: callbackpb.Callback, request: Uint8Array): Promise<Uint8Array> {
    let client = this.clients.get(cb.getTarget());
    if (!client) {
      client = new callbackrpc.CallbacksClient(cb.getTarget(), grpc.credentials.createInsecure());
      this.clients.set(cb.getTarget(), client);
    }
    const req = new callbackpb.CallbackInvokeRequest();
    req.setToken(cb.getToken());
    req.setRequest(request);
    return new Promise((resolve, reject) =>
      client.invoke(req, (err, res) => (err ? reject(err) : resolve(res.getResponse_asU8()))),
    );
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
