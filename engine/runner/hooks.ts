// Resource and error hooks, registered as the Pulumi engine registers them (`RegisterResourceHook`,
// `RegisterErrorHook`) and never called: hooks run when a step is applied (create, update, delete, or a
// failed one), after the policies have analyzed its inputs, and the gate applies no step (see ADR 0008).
import * as resproto from "@pulumi/pulumi/proto/resource_pb";

type HookRequest = resproto.RegisterResourceHookRequest | resproto.RegisterErrorHookRequest;

/** The program's hooks by name; resource and error hooks share one namespace, as in the engine. */
export class Hooks {
  private readonly names = new Set<string>();

  /** Records a hook, or says why the engine would refuse it (the SDK then fails the program with it). */
  register(req: HookRequest): Error | undefined {
    const name = req.getName();
    if (name === "") return new Error("resource hook name cannot be empty");
    if (!req.getCallback()?.getTarget()) return new Error(`resource hook "${name}" has no callback target`);
    if (this.names.has(name)) return new Error(`resource hook already registered for name "${name}"`);
    this.names.add(name);
    return undefined;
  }
}
