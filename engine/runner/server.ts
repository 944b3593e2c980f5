// The two services the Pulumi engine serves to a program, offline: `pulumirpc.ResourceMonitor` (forwarded to
// Groundwork's monitor, with transforms applied first) and `pulumirpc.Engine` (logs, the root resource). A
// program started by the SDK's own runner talks to these over gRPC, exactly as to the real engine.
import * as grpc from "@grpc/grpc-js";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as resrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import type * as callbackpb from "@pulumi/pulumi/proto/callback_pb";
import { GroundworkMonitor, makeUrn } from "../monitor";
import { Logs, offlineEngine } from "../synth";
import { Hooks } from "./hooks";
import { Transforms } from "./transforms";

/** Far above any real program's single message (a 5,000-resource stack's outputs included). */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

// Features whose callbacks the engine itself drives, which the in-process monitor cannot, and this server
// does: transforms and invoke transforms are called here; hooks are registered here (and never fire, as no
// step is applied offline: ADR 0008).
const DRIVEN_HERE = new Set(["transforms", "invokeTransforms", "resourceHooks", "errorHooks"]);

type Handler<Req> = (call: grpc.ServerUnaryCall<Req, object>, cb: grpc.sendUnaryData<object>) => void;
type MonitorCallback = (err: Error | null, resp?: object) => void;

/** Response classes taken from a service definition: they belong to the SDK's google-protobuf copy. */
function responseOf(service: object, method: string): new () => object {
  return (service as Record<string, { responseType: new () => object }>)[method].responseType;
}

/** The monitor's grpc-style callback, answered on the call; a monitor error keeps its message. */
function reply(cb: grpc.sendUnaryData<object>): MonitorCallback {
  return (err, resp) => (err ? cb(err) : cb(null, resp));
}

export class OfflineServer {
  private readonly server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  private readonly transforms = new Transforms();
  private readonly hooks = new Hooks();
  private rootUrn = "";
  /** True once the SDK's runner has signalled the end of the program (`SignalAndWaitForShutdown`). */
  shutdownSignalled = false;
  /** Set when the root stack's outputs are registered: the program's main has finished. */
  stackFinished = false;
  /** What was dropped without failing the run (registrations after the shutdown handshake), for stderr. */
  readonly notes: string[] = [];

  constructor(
    private readonly monitor: GroundworkMonitor,
    private readonly logs: Logs,
    private readonly run: { project: string; stack: string },
  ) {
    this.server.addService(resrpc.ResourceMonitorService, this.monitorService());
    this.server.addService(enginerpc.EngineService, this.engineService());
  }

  /** Binds a random loopback port; the address is what `--monitor` and `--engine` name. */
  start(): Promise<string> {
    return new Promise((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(`127.0.0.1:${port}`),
      ),
    );
  }

  stop(): void {
    this.transforms.close();
    this.server.forceShutdown();
  }

  private monitorService(): grpc.UntypedServiceImplementation {
    const m = this.monitor;
    const empty = responseOf(resrpc.ResourceMonitorService, "registerResourceOutputs");
    const registerResource: Handler<resproto.RegisterResourceRequest> = (call, cb) => {
      const req = call.request;
      if (this.afterShutdown(cb, "resource registration", req.getType(), req.getName())) return;
      const urn = makeUrn(
        this.run.stack,
        this.run.project,
        req.getParent() || undefined,
        req.getType(),
        req.getName(),
      );
      this.transforms.apply(req, urn).then(
        () => m.registerResource(req, reply(cb)),
        (err: Error) =>
          cb({ code: grpc.status.UNKNOWN, details: `transform of ${urn} failed: ${err.message}` }),
      );
    };
    const handlers: Record<string, Handler<never>> = {
      registerResource,
      readResource: (call: grpc.ServerUnaryCall<resproto.ReadResourceRequest, object>, cb) => {
        const req = call.request;
        if (!this.afterShutdown(cb, "resource registration", req.getType(), req.getName()))
          m.readResource(req, reply(cb));
      },
      registerResourceOutputs: (
        call: grpc.ServerUnaryCall<resproto.RegisterResourceOutputsRequest, object>,
        cb,
      ) => {
        if (this.afterShutdown(cb, "resource outputs", call.request.getUrn())) return;
        if (call.request.getUrn() === this.rootUrn) this.stackFinished = true;
        m.registerResourceOutputs(call.request, (err) => (err ? cb(err) : cb(null, new empty())));
      },
      invoke: (call: grpc.ServerUnaryCall<resproto.ResourceInvokeRequest, object>, cb) =>
        this.transforms.applyInvoke(call.request).then(
          () => m.invoke(call.request, reply(cb)),
          (err: Error) =>
            cb({
              code: grpc.status.UNKNOWN,
              details: `invoke transform of ${call.request.getTok()} failed: ${err.message}`,
            }),
        ),
      call: (call: grpc.ServerUnaryCall<unknown, object>, cb) => m.call(call.request, reply(cb)),
      registerPackage: (call: grpc.ServerUnaryCall<unknown, object>, cb) =>
        m.registerPackage(call.request, reply(cb)),
      supportsFeature: (call: grpc.ServerUnaryCall<resproto.SupportsFeatureRequest, object>, cb) => {
        const id = call.request.getId();
        m.supportsFeature(call.request, (_err, base) => {
          const resp = new resproto.SupportsFeatureResponse();
          // Callback features are driven here, over the SDK's callbacks; the rest is the monitor's answer.
          resp.setHassupport(DRIVEN_HERE.has(id) || base?.getHassupport() === true);
          cb(null, resp);
        });
      },
      registerStackTransform: (call: grpc.ServerUnaryCall<callbackpb.Callback, object>, cb) => {
        this.transforms.registerStackTransform(call.request);
        cb(null, new empty());
      },
      registerStackInvokeTransform: (call: grpc.ServerUnaryCall<callbackpb.Callback, object>, cb) => {
        this.transforms.registerStackInvokeTransform(call.request);
        cb(null, new empty());
      },
      registerResourceHook: (call: grpc.ServerUnaryCall<resproto.RegisterResourceHookRequest, object>, cb) =>
        this.registerHook(call.request, cb),
      registerErrorHook: (call: grpc.ServerUnaryCall<resproto.RegisterErrorHookRequest, object>, cb) =>
        this.registerHook(call.request, cb),
      signalAndWaitForShutdown: (_call: unknown, cb) => {
        // The engine takes the signal once (pkg/resource/deploy/source_eval.go, SignalAndWaitForShutdown).
        if (this.shutdownSignalled)
          return cb({ code: grpc.status.UNKNOWN, details: "Already waiting for shutdown" });
        this.shutdownSignalled = true;
        cb(null, new empty());
      },
    };
    return handlers as grpc.UntypedServiceImplementation;
  }

  /**
   * After the shutdown handshake the engine's source iterator takes no more events: a registration (or
   * outputs) sent then is never stepped, analyzed or deployed, and the call fails with UNAVAILABLE once the
   * deployment ends (source_eval.go: "resource monitor shut down while sending …"). The gate answers the
   * same at once, records nothing, and says so on stderr. True when it answered.
   */
  private afterShutdown(cb: grpc.sendUnaryData<object>, what: string, ...subject: string[]): boolean {
    if (!this.shutdownSignalled) return false;
    this.notes.push(
      `${subject.join(" ")}: sent after the program's shutdown handshake; the engine never steps, checks or deploys it`,
    );
    cb({ code: grpc.status.UNAVAILABLE, details: `resource monitor shut down while sending ${what}` });
    return true;
  }

  /** A hook registration, refused with the engine's reason (a duplicate name …). */
  private registerHook(req: Parameters<Hooks["register"]>[0], cb: grpc.sendUnaryData<object>): void {
    const refused = this.hooks.register(req);
    if (refused) cb({ code: grpc.status.INVALID_ARGUMENT, details: refused.message });
    else cb(null, new (responseOf(resrpc.ResourceMonitorService, "registerResourceHook"))());
  }

  private engineService(): grpc.UntypedServiceImplementation {
    const engine = offlineEngine(this.logs);
    const empty = responseOf(enginerpc.EngineService, "log");
    const getRoot = responseOf(enginerpc.EngineService, "getRootResource");
    const setRoot = responseOf(enginerpc.EngineService, "setRootResource");
    const handlers: Record<string, Handler<never>> = {
      log: (call: grpc.ServerUnaryCall<Parameters<typeof engine.log>[0], object>, cb) =>
        engine.log(call.request, () => cb(null, new empty())),
      getRootResource: (_call: unknown, cb) => {
        const resp = new getRoot() as { setUrn(urn: string): void };
        resp.setUrn(this.rootUrn);
        cb(null, resp);
      },
      setRootResource: (call: grpc.ServerUnaryCall<{ getUrn(): string }, object>, cb) => {
        this.rootUrn = call.request.getUrn();
        cb(null, new setRoot());
      },
      requirePulumiVersion: (_call: unknown, cb) =>
        cb(null, new (responseOf(enginerpc.EngineService, "requirePulumiVersion"))()),
    };
    return handlers as grpc.UntypedServiceImplementation;
  }
}
