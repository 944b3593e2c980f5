// The resource graph the offline engine hands back: every registration as the Pulumi engine receives
// it, with engine-form URNs, plus helpers to query it in tests and policies.

/** The value the Pulumi wire protocol uses for "not known until the resource is created". */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Key and value that mark a secret in the Pulumi wire form: `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Signature of a serialized resource reference: `{ [SECRET_SIG_KEY]: RESOURCE_SIG, urn, id? }`. */
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** A JSON-like property value as the engine sees it (unknowns and secrets in wire form). */
export type PropertyValue = unknown;

/** One registered resource. */
export interface GraphResource {
  readonly urn: string;
  /** Type token, e.g. `aws:s3/bucketV2:BucketV2` or `groundwork:aws:Bucket`. */
  readonly type: string;
  /** The logical name given in the program. */
  readonly name: string;
  /** URN of the parent; the stack's URN for top-level resources; undefined for the stack itself. */
  readonly parent?: string;
  /** True for custom (provider-managed) resources, false for components and the stack. */
  readonly custom: boolean;
  /** Provider reference (`<provider urn>::<provider id>`) when one was passed explicitly or inherited. */
  readonly provider?: string;
  /** Inputs as registered: unknowns are {@link UNKNOWN}, secrets are wrapped (see {@link reveal}). */
  readonly inputs: Record<string, PropertyValue>;
  /** Outputs: registered outputs for components and the stack; the mock state for custom resources. */
  readonly outputs: Record<string, PropertyValue>;
  /** URNs this resource depends on (explicit `dependsOn` and every input's dependencies). */
  readonly dependencies: readonly string[];
  /** For each input property, the URNs its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly deleteBeforeReplace: boolean;
  /** Aliases as URNs (alias specs resolved the way the engine resolves them) */
  readonly aliases: readonly string[];
  readonly ignoreChanges: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
  /** The id given in `import`, if any. */
  readonly importId?: string;
  /** The id the engine returned (unknown during preview for new resources). */
  readonly id?: string;
  /**
   * True for reads: resources looked up with `.get()` (or a `StackReference`) rather than created. They
   * stay in the graph, for references to them, but no policy ever sees them: the engine analyzes
   * only what the program creates or imports.
   */
  readonly external: boolean;
  /**
   * Where the SDK says the resource was constructed: the frame just below the resource constructors, which
   * for a component's child is inside the component.
   */
  readonly sourcePosition?: SourcePosition;
  /**
   * Where the user's own program made the resource: the first frame of its stack outside node_modules and
   * Groundwork's own code (the line that called the component, for a component's child), else its parent's.
   */
  readonly userSourcePosition?: SourcePosition;
}

/** A place in a program's source (1-based line and column). */
export interface SourcePosition {
  readonly uri: string;
  readonly line: number;
  readonly column: number;
}

/** An invoke the program made (data source call). */
export interface GraphInvoke {
  readonly token: string;
  readonly args: Record<string, PropertyValue>;
  readonly provider?: string;
}

/** Why the offline engine could not expand or decide part of a program (see {@link IncompleteItem}). */
export type IncompleteKind =
  "remote-component" | "invoke" | "stack-reference" | "helm-template" | "opaque-resource";

/**
 * Something the offline engine could not expand or decide: a remote component (built by its provider's
 * `Construct`), an invoke with no offline answer, a `StackReference` with no offline outputs, a Helm v3
 * chart with no `helm` binary, a resource that deploys what no policy can see (a Helm v3 release, a
 * CloudFormation stack, an ARM template deployment). Nothing behind any of these was checked, so a check
 * with any of them is incomplete, never a pass.
 */
export interface IncompleteItem {
  readonly kind: IncompleteKind;
  /** The resource it concerns (the remote component, the stack reference, the invoke's parent chart …). */
  readonly urn?: string;
  /** The resource's type, or the invoke's token. */
  readonly type?: string;
  readonly reason: string;
}

/** What a synthesized program registered. */
export interface ResourceGraph {
  readonly project: string;
  readonly stack: string;
  readonly preview: boolean;
  /** All resources, in registration order (which is not construction order). The stack is first. */
  readonly resources: readonly GraphResource[];
  /** The stack's exported outputs. */
  readonly outputs: Record<string, PropertyValue>;
  readonly invokes: readonly GraphInvoke[];
  /** What the offline engine could not expand or decide, in the order it met them. */
  readonly incomplete: readonly IncompleteItem[];
  /** Diagnostics the program logged (`pulumi.log.warn` …), with the URN they were logged against. */
  readonly logs: readonly {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn?: string;
  }[];
}

/** True when the value is the wire-form unknown. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value is a wire-form secret. */
export function isSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** A deep copy of `value` with every secret wrapper replaced by its plain value. */
export function reveal<T = unknown>(value: unknown): T {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map((v) => reveal(v)) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = reveal(v);
    return out as T;
  }
  return value as T;
}

/**
 * A provider the engine registered itself (`pulumi:providers:<pkg>::default…`) for resources given no
 * explicit provider. Part of the graph, as in the engine's; left out of counts and trees shown to people,
 * as the Pulumi CLI leaves it out of its display.
 */
export function isDefaultProvider(r: Pick<GraphResource, "type" | "name" | "parent">): boolean {
  return r.type.startsWith("pulumi:providers:") && /^default(_|$)/.test(r.name) && !r.parent;
}

/** The type chain part of a URN (`groundwork:aws:Bucket$aws:s3/bucketV2:BucketV2`). */
export function urnQualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** The name part of a URN (everything after the type chain). */
export function urnName(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** Query helpers over a graph: find by type and name, children of a component, lookups by URN. */
export class GraphQuery {
  private readonly byUrn: Map<string, GraphResource>;

  constructor(readonly graph: ResourceGraph) {
    this.byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  }

  /** The resource with this URN, or undefined. */
  get(urn: string): GraphResource | undefined {
    return this.byUrn.get(urn);
  }

  /** All resources of a type (exact token). */
  ofType(type: string): GraphResource[] {
    return this.graph.resources.filter((r) => r.type === type);
  }

  /** The single resource with this type and name; throws, listing what exists, when not exactly one. */
  one(type: string, name: string): GraphResource {
    const found = this.graph.resources.filter((r) => r.type === type && r.name === name);
    if (found.length !== 1) {
      const names = this.ofType(type).map((r) => r.name);
      throw new Error(
        `expected one ${type} named ${JSON.stringify(name)}, found ${found.length}` +
          ` (resources of that type: ${names.length ? names.join(", ") : "none"})`,
      );
    }
    return found[0];
  }

  /** Direct children of a resource. */
  children(urn: string): GraphResource[] {
    return this.graph.resources.filter((r) => r.parent === urn);
  }

  /** All descendants of a resource (children, their children …). */
  descendants(urn: string): GraphResource[] {
    const out: GraphResource[] = [];
    const walk = (u: string): void => {
      for (const c of this.children(u)) {
        out.push(c);
        walk(c.urn);
      }
    };
    walk(urn);
    return out;
  }

  /** `type::name` of every resource except the stack, sorted: a stable fingerprint of the child set. */
  inventory(root?: string): string[] {
    const set =
      root === undefined
        ? this.graph.resources.filter((r) => r.parent !== undefined)
        : this.descendants(root);
    return set.map((r) => `${r.type}::${r.name}`).sort();
  }
}
