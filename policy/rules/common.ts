// Rules every cloud shares: required tags/labels, allowed regions, protection of stateful resources in
// prod. The tag and protection rules are factories a cloud file instantiates with its own types, so a
// new cloud brings its own instance without touching this file.
import type { ResourceValidationArgs } from "@pulumi/policy";
import { ENVIRONMENTS } from "../../components/core/profiles";
import { Area, GroundworkPolicy, ResourceRule, TypeSelector, resourcePolicy } from "../runtime";
import { Props, record, recordAt } from "../runtime/props";

/** The tag keys Groundwork puts on every taggable resource (components/core/tags.ts). */
export const DEFAULT_REQUIRED_TAGS = ["environment", "managed-by", "component"];

/** The stack name from an engine URN (`urn:pulumi:<stack>::…`). */
export function stackOf(urn: string): string {
  return urn.split("::")[0].split(":").slice(2).join(":");
}

/** The object under the proxy the CrossGuard server wraps props in, so a fix can copy unknowns as-is. */
function raw(props: Props): Props {
  const target = props["__getSpecialProxyTarget"];
  return record(target ?? props);
}

/** The parts of a {@link RequiredTagsSpec} for clouds with one flat `tags` map (AWS, Azure). */
export const FLAT_TAGS = { path: ["tags"], defaultRequired: DEFAULT_REQUIRED_TAGS, noun: "tag" } as const;

export interface RequiredTagsSpec {
  readonly name: string;
  readonly area: Area;
  /** The taggable types: a list, or a test for an open-ended set (every Kubernetes kind). */
  readonly types: TypeSelector;
  /** Where the map lives: `["tags"]` (AWS) or `["metadata", "labels"]` (Kubernetes). */
  readonly path: readonly string[];
  readonly defaultRequired: readonly string[];
  readonly noun: "tag" | "label";
  readonly references: readonly string[];
}

/**
 * Required tags or labels. The fix (level `remediate`) adds missing keys that have a value in config
 * `defaults`, and `environment` from the stack name when it names an environment: tags change no
 * behaviour, so the fix is safe.
 */
export function requiredTagsRule(spec: RequiredTagsSpec): ResourceRule {
  const listed = typeof spec.types === "function" ? undefined : new Set(spec.types);
  const appliesTo = (type: string): boolean =>
    listed ? listed.has(type) : (spec.types as (type: string) => boolean)(type);
  const config = (args: ResourceValidationArgs): { required: string[]; defaults: Record<string, string> } => {
    const c = args.getConfig<{ required?: string[]; defaults?: Record<string, string> }>();
    return { required: c.required ?? [...spec.defaultRequired], defaults: c.defaults ?? {} };
  };
  return {
    name: spec.name,
    area: spec.area,
    severity: "medium",
    description: `Every taggable resource carries the required ${spec.noun}s (by default ${spec.defaultRequired.join(", ")}).`,
    remediationSteps: `Add the missing ${spec.noun}s, or run the pack with this policy at level \`remediate\` and \`defaults\` set to fill them in.`,
    references: spec.references,
    configSchema: {
      properties: {
        required: {
          type: "array",
          items: { type: "string" },
          default: [...spec.defaultRequired],
          description: `${spec.noun} keys every resource must carry.`,
        },
        defaults: {
          type: "object",
          additionalProperties: { type: "string" },
          default: {},
          description: `Values the automatic fix uses for missing ${spec.noun}s.`,
        },
      },
    },
    types: spec.types,
    validateResource(args, report) {
      if (!appliesTo(args.type)) return;
      const have = recordAt(args.props, spec.path);
      const missing = config(args).required.filter((k) => !(k in have));
      if (missing.length > 0) report(`missing ${spec.noun}s: ${missing.join(", ")}`);
    },
    remediateResource(args) {
      if (!appliesTo(args.type)) return undefined;
      const { required, defaults } = config(args);
      const top = raw(args.props);
      const parents: Props[] = [top];
      for (const key of spec.path.slice(0, -1)) parents.push(raw(record(parents[parents.length - 1][key])));
      const current = raw(record(parents[parents.length - 1][spec.path[spec.path.length - 1]]));
      const stack = stackOf(args.urn);
      const added: Record<string, string> = {};
      for (const key of required.filter((k) => !(k in current))) {
        const value =
          defaults[key] ??
          (key === "environment" && (ENVIRONMENTS as readonly string[]).includes(stack) ? stack : undefined);
        if (value !== undefined) added[key] = value;
      }
      if (Object.keys(added).length === 0) return undefined;
      // Rebuild the path from the innermost map outwards, copying every level.
      let node: Props = { ...current, ...added };
      for (let i = spec.path.length - 1; i >= 1; i--) node = { ...parents[i], [spec.path[i]]: node };
      return { ...top, [spec.path[0]]: node };
    },
  };
}

export interface StatefulSpec {
  readonly name: string;
  readonly area: Area;
  readonly types: readonly string[];
  /** Where the environment tag lives, for resources of stacks not named after an environment. */
  readonly environment: (props: Props) => unknown;
}

/** Stateful resources in prod are `protect`ed, so `pulumi destroy` or a rename cannot delete data. */
export function statefulProtectionRule(spec: StatefulSpec): ResourceRule {
  return {
    name: spec.name,
    area: spec.area,
    severity: "medium",
    description: "Stateful resources in prod (stack or environment tag `prod`) have Pulumi `protect: true`.",
    remediationSteps: "Pass `{ protect: true }` to the resource (Groundwork components do this in prod).",
    references: ["Groundwork BASELINE stateful"],
    types: spec.types,
    validateResource(args, report) {
      if (!spec.types.includes(args.type)) return;
      const prod = stackOf(args.urn) === "prod" || spec.environment(args.props) === "prod";
      if (prod && args.opts.protect !== true) report("not protected in prod");
    },
  };
}

/** Where a resource (or its provider) says it lives: AWS `region`, Google Cloud and Azure `location`. */
interface Placed {
  readonly region?: unknown;
  readonly location?: unknown;
}

const allowedRegions: ResourceRule = {
  name: "allowed-regions",
  area: "common",
  severity: "high",
  description: "Resources are created only in the regions the platform allows (data residency).",
  remediationSteps:
    "Deploy to one of the allowed regions (provider `region`/`location`, or the resource's own `region`).",
  references: ["Groundwork BASELINE common"],
  configSchema: {
    properties: {
      allowedRegions: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Regions (or locations) resources may be created in; empty means no restriction.",
      },
    },
  },
  types: (type) => !type.startsWith("pulumi:") && !type.startsWith("kubernetes:"),
  validateResource(args, report) {
    const allowed = args.getConfig<{ allowedRegions?: string[] }>().allowedRegions ?? [];
    if (allowed.length === 0) args.notApplicable("no allowedRegions configured");
    if (args.type.startsWith("pulumi:") || args.type.startsWith("kubernetes:")) return;
    const own = args.props as Placed;
    const provider = args.provider?.props as Placed | undefined;
    const region =
      own.region ?? own.location ?? (provider ? (provider.region ?? provider.location) : undefined);
    if (region === undefined) return;
    if (!allowed.includes(String(region)))
      report(`region ${JSON.stringify(region)} is not one of ${allowed.join(", ")}`);
  },
};

/** Policies that apply to every cloud. */
export const commonPolicies: GroundworkPolicy[] = [resourcePolicy(allowedRegions)];
