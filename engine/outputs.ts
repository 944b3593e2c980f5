// What a provider returns for a new resource, offline, from the shape tables made from the provider SDKs'
// type definitions (engine/shapes/*.json, scripts/output-shapes.ts), so every resource type of the four
// SDKs is covered without loading an SDK:
// - in preview, what the provider's Check knows is known: the auto-name, `tagsAll`, `region`, a Kubernetes
//   object's `metadata.name`; every other output is left out, which the SDK reads as unknown, and an
//   output-only field inside an input object is unknown;
// - in update, every output exists with a value of the provider's shape: the id as the provider forms it
//   (an ARN where AWS returns ARNs, a URL for SQS, `vpc-…` for VPCs, a `projects/…` path, an ARM id), the
//   ARN, endpoints, addresses and certificates named for the resource, keys and passwords as secrets.
// Values are invented but stable: the same URN always gets the same outputs.
import * as fs from "fs";
import * as path from "path";
import { UNKNOWN } from "./graph";
import { FAKE_AWS_ACCOUNT, FAKE_AZURE_SUBSCRIPTION, FAKE_GCP_PROJECT, awsPartition } from "./invoke-context";
import {
  OutputContext,
  Place,
  ResourceShape,
  SECRET_NAME,
  ShapeTable,
  ValueContext,
  azureNamespace,
  hex,
  isSecret,
  mergeInto,
  packageOf,
  secret,
  setting,
  valueOf,
} from "./output-values";

export { OutputContext } from "./output-values";

/** The tables, beside the engine's sources (dist/engine → ../../engine/shapes). */
export const SHAPES_DIR = path.resolve(__dirname, "..", "..", "engine", "shapes");

const tables = new Map<string, ShapeTable | undefined>();

/** A package's table, read once per process; undefined for a package without one. */
export function shapeTable(pkg: string): ShapeTable | undefined {
  if (!tables.has(pkg)) {
    const file = path.join(SHAPES_DIR, `${pkg}.json`);
    tables.set(
      pkg,
      fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ShapeTable) : undefined,
    );
  }
  return tables.get(pkg);
}

/** The auto-name the provider gives: Pulumi's `<name>-<7 hex>`; azure-native's `<name><8 hex>`; Kubernetes' `<name>-<8>`. */
function autoName(ctx: OutputContext, prop: string): string {
  const pkg = packageOf(ctx.type);
  const prefixKey = prop === "bucket" ? "bucketPrefix" : `${prop}Prefix`;
  const prefix = ctx.inputs[prefixKey];
  // A `namePrefix` gets the provider's unique suffix (a timestamp and counter, 26 digits).
  if (typeof prefix === "string" && prefix)
    return `${prefix}${String(BigInt(`0x${hex(20, ctx.urn)}`))
      .slice(0, 26)
      .padStart(26, "0")}`;
  if (pkg === "azure-native") return `${ctx.name.replace(/[^A-Za-z0-9-]/g, "")}${hex(8, ctx.urn)}`;
  if (pkg === "kubernetes") return `${ctx.name}-${hex(8, ctx.urn)}`;
  const base =
    prop === "bucket" || ctx.type.startsWith("gcp:storage/bucket") ? ctx.name.toLowerCase() : ctx.name;
  return `${base}-${hex(7, ctx.urn)}`;
}

/** Resource kinds Kubernetes does not namespace (their id is the name alone). */
const CLUSTER_SCOPED =
  /:(Namespace|Node|PersistentVolume|ClusterRole|ClusterRoleBinding|CustomResourceDefinition|StorageClass|PriorityClass|IngressClass|RuntimeClass|CSIDriver|CSINode|APIService|ValidatingWebhookConfiguration|MutatingWebhookConfiguration|ValidatingAdmissionPolicy|ValidatingAdmissionPolicyBinding|VolumeAttachment)$/;

/** A Kubernetes API object (`kubernetes:<group>/<version>:<Kind>`), not a Helm, YAML or kustomize wrapper. */
const KUBERNETES_OBJECT = /^kubernetes:(?!helm|yaml|kustomize)[\w.]*\/?[\w.]+:\w+$/;

function placeOf(ctx: OutputContext): Place {
  const pkg = packageOf(ctx.type);
  const region =
    pkg === "gcp"
      ? setting(ctx, "region", "gcp:region", "europe-west1")
      : setting(ctx, "region", "aws:region", "us-east-1");
  return {
    region,
    partition: awsPartition(region),
    account: FAKE_AWS_ACCOUNT,
    project: setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT),
    location: setting(ctx, "location", "azure-native:location", "westeurope"),
    resourceGroup: setting(ctx, "resourceGroupName", "", "rg"),
  };
}

const camel = (snake: string): string => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The resource's own name: the auto-named input as given or invented, else `name`, else the logical name. */
function ownName(
  ctx: OutputContext,
  shape: ResourceShape | undefined,
  state: Record<string, unknown>,
): string {
  const pick = (v: unknown): string | undefined =>
    typeof v === "string" && v && v !== UNKNOWN ? v : undefined;
  if (packageOf(ctx.type) === "kubernetes")
    return pick((state.metadata as Record<string, unknown> | undefined)?.name) ?? ctx.name;
  return (shape?.n ? pick(state[shape.n]) : undefined) ?? pick(state.name) ?? ctx.name;
}

/**
 * A resource group's name is its `resourceGroupName` input, which the shape table leaves out (every
 * azure-native type takes one, naming its parent group): the group itself is named by it.
 */
function nameResourceGroup(ctx: OutputContext, state: Record<string, unknown>): void {
  const groupName = ctx.inputs.resourceGroupName;
  if (
    ctx.type === "azure-native:resources:ResourceGroup" &&
    state.name === undefined &&
    typeof groupName === "string"
  )
    state.name = groupName;
}

/** Replaces every letter and digit of an example id with stable ones of the same kind: `d2ypk4k47z8u6` → `k7…`. */
function likeExample(example: string, seed: string): string {
  const h = hex(64, seed);
  let i = 0;
  return example.replace(/[a-z0-9]/gi, (c) => {
    const n = Number.parseInt(h[i++ % 64], 16);
    if (/[0-9]/.test(c)) return String(n % 10);
    const letter = String.fromCharCode(97 + ((n * 7 + i) % 26));
    return c === c.toUpperCase() ? letter.toUpperCase() : letter;
  });
}

/** An AWS ARN for the resource: the SDK's documented form when it has one, else `<service>:<region>:<account>:<kind>/<name>`. */
function awsArn(ctx: OutputContext, shape: ResourceShape | undefined, name: string, p: Place): string {
  const example = shape?.id?.startsWith("arn:") ? shape.id : undefined;
  if (example) {
    const parts = example.split(":");
    const regional = parts[3] !== "";
    const resource = parts.slice(5).join(":");
    // Keep the example's resource kind (`secret:`, `function:`, `role/`), put the name in place of its last part.
    const sep = Math.max(resource.lastIndexOf("/"), resource.lastIndexOf(":"));
    const kind = sep >= 0 ? resource.slice(0, sep + 1) : "";
    const suffix = parts[2] === "secretsmanager" ? `-${likeExample("AbCdEf", ctx.urn)}` : "";
    return `arn:${p.partition}:${parts[2]}:${regional ? p.region : ""}:${parts[4] ? p.account : ""}:${kind}${name}${suffix}`;
  }
  const [, mod, kindPart] = ctx.type.split(/[:/]/);
  if (mod === "s3") return `arn:${p.partition}:s3:::${name}`;
  const global = ["iam", "route53", "cloudfront", "organizations", "waf", "shield"].includes(mod);
  const kind = kindPart.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  return `arn:${p.partition}:${mod}:${global ? "" : p.region}:${p.account}:${kind}/${name}`;
}

/** The id as the provider forms it, from the documented import form. */
function idOf(
  ctx: OutputContext,
  shape: ResourceShape | undefined,
  state: Record<string, unknown>,
  p: Place,
): string {
  const pkg = packageOf(ctx.type);
  const name = ownName(ctx, shape, state);
  if (pkg === "kubernetes") {
    const ns = (state.metadata as Record<string, unknown> | undefined)?.namespace;
    return CLUSTER_SCOPED.test(ctx.type) ? name : `${typeof ns === "string" && ns ? ns : "default"}/${name}`;
  }
  if (pkg === "azure-native") {
    const [, mod, kind] = ctx.type.split(":");
    const parents = Object.entries(ctx.inputs)
      .filter(
        ([k, v]) => /Name$/.test(k) && k !== "resourceGroupName" && k !== shape?.n && typeof v === "string",
      )
      .map(([k, v]) => `${k.replace(/Name$/, "")}s/${String(v)}`);
    const segment = `${kind[0].toLowerCase()}${kind.slice(1)}s`;
    return `/subscriptions/${FAKE_AZURE_SUBSCRIPTION}/resourceGroups/${p.resourceGroup}/providers/${azureNamespace(mod)}/${[...parents, `${segment}/${name}`].join("/")}`;
  }
  const example = shape?.id;
  if (pkg === "gcp") {
    if (!example || !example.includes("{{")) return name;
    return example.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const k = camel(key);
      if (k === "project" || k === "projectId") return p.project;
      if (k === "location") return setting(ctx, "location", "gcp:region", p.region);
      if (k === "region") return p.region;
      if (k === "zone") return setting(ctx, "zone", "gcp:zone", `${p.region}-b`);
      const v = state[k] ?? state[k.replace(/Id$/, "")];
      return typeof v === "string" && v !== UNKNOWN ? v : name;
    });
  }
  // AWS: an ARN, a URL, a prefixed hex id, the input the documentation names, or the name.
  if (example?.startsWith("arn:")) return awsArn(ctx, shape, name, p);
  if (example && /^https?:\/\//.test(example))
    return `https://sqs.${p.region}.amazonaws.com/${p.account}/${name}`;
  const prefixed = example ? /^([a-z0-9]+(?:-[a-z0-9]+)*)-[0-9a-f]{8,17}$/.exec(example) : null;
  if (prefixed) return `${prefixed[1]}-${hex(17, ctx.urn)}`;
  const from = shape?.idFrom ? state[camel(shape.idFrom)] : undefined;
  if (typeof from === "string" && from && from !== UNKNOWN) return from;
  if (shape?.n || shape?.idFrom === "name") return name;
  if (example && !/[/,|:]/.test(example) && !/^[a-z]+(-[a-z]+)*$/.test(example))
    return likeExample(example, ctx.urn);
  return `${name}-${hex(8, ctx.urn)}`;
}

/** `tagsAll`: the provider's default tags under the resource's own, as pulumi-aws computes it in Check. */
function tagsAll(ctx: OutputContext): Record<string, unknown> {
  const raw = ctx.providerInputs?.defaultTags ?? ctx.config["aws:defaultTags"];
  let defaults: Record<string, unknown> = {};
  try {
    const parsed =
      typeof raw === "string"
        ? (JSON.parse(raw) as Record<string, unknown>)
        : (raw as Record<string, unknown>);
    defaults = (parsed?.tags as Record<string, unknown> | undefined) ?? {};
  } catch {
    defaults = {};
  }
  const own = ctx.inputs.tags;
  return {
    ...defaults,
    ...(typeof own === "object" && own !== null && !Array.isArray(own)
      ? (own as Record<string, unknown>)
      : {}),
  };
}

/**
 * The state a provider returns for a new custom resource, and its id (empty in preview, as the engine
 * gives none). `extra` is what a more specific rule (engine/computed.ts) or a synth hook already decided.
 */
export function providerState(
  ctx: OutputContext,
  extra: (state: Record<string, unknown>, id: string) => Record<string, unknown> = () => ({}),
  hooked?: { id?: string; state?: Record<string, unknown> },
): { id: string; state: Record<string, unknown> } {
  const pkg = packageOf(ctx.type);
  const table = ["aws", "gcp", "azure-native", "kubernetes"].includes(pkg) ? shapeTable(pkg) : undefined;
  const shape = table?.resources[ctx.type];
  const state: Record<string, unknown> = { ...ctx.inputs, ...(hooked?.state ?? {}) };
  // What Check knows: the auto-name, Kubernetes' metadata.name, AWS's tagsAll and region.
  if (shape?.n && state[shape.n] === undefined) state[shape.n] = autoName(ctx, shape.n);
  nameResourceGroup(ctx, state);
  if (KUBERNETES_OBJECT.test(ctx.type)) {
    const meta = state.metadata;
    if (meta !== UNKNOWN && (typeof meta === "object" || meta === undefined)) {
      const m = (meta ?? {}) as Record<string, unknown>;
      if (m.name === undefined) state.metadata = { ...m, name: autoName(ctx, "name") };
    }
  }
  if (pkg === "aws" && shape?.o.tagsAll && state.tagsAll === undefined) state.tagsAll = tagsAll(ctx);
  if (shape?.r && state.region === undefined)
    state.region = setting(ctx, "region", "aws:region", "us-east-1");
  if (!table) return { id: hooked?.id ?? "", state };
  if (ctx.preview) {
    if (shape?.m) {
      const v: ValueContext = {
        ctx,
        pkg,
        name: ownName(ctx, shape, state),
        id: "",
        place: placeOf(ctx),
        table,
      };
      for (const [k, s] of Object.entries(shape.m))
        if (state[k] !== undefined) state[k] = mergeInto(state[k], s, k, k, v, 0);
    }
    return { id: "", state };
  }
  const place = placeOf(ctx);
  if (
    pkg === "kubernetes" &&
    state.metadata &&
    typeof state.metadata === "object" &&
    !CLUSTER_SCOPED.test(ctx.type)
  ) {
    const meta = state.metadata as Record<string, unknown>;
    if (meta.namespace === undefined) state.metadata = { ...meta, namespace: "default" };
  }
  const id = hooked?.id ?? idOf(ctx, shape, state, place);
  const name = ownName(ctx, shape, state);
  // EC2-style resources are named in their ARN by their id (`vpc/vpc-…`), others by their name.
  const arnName = /^[a-z]+-[0-9a-f]{17}$/.test(id) ? id : name;
  const arn =
    pkg === "aws" && shape?.o.arn !== undefined
      ? id.startsWith("arn:")
        ? id
        : awsArn(ctx, shape, arnName, place)
      : undefined;
  if (arn && state.arn === undefined) state.arn = arn;
  Object.assign(state, extra(state, id));
  const v: ValueContext = { ctx, pkg, name, id, arn, place, table };
  for (const [k, s] of Object.entries(shape?.o ?? {})) {
    if (state[k] !== undefined) continue;
    const value = valueOf(s, k, k, v, 0);
    if (value !== undefined) state[k] = value;
  }
  for (const [k, s] of Object.entries(shape?.m ?? {})) {
    if (state[k] !== undefined) state[k] = mergeInto(state[k], s, k, k, v, 0);
    else if (!s.startsWith("?")) {
      const value = valueOf(s, k, k, v, 0);
      if (value !== undefined) state[k] = value;
    }
  }
  for (const k of shape?.s ?? [])
    if (state[k] !== undefined && !isSecret(state[k])) state[k] = secret(state[k]);
  for (const k of Object.keys(shape?.o ?? {}))
    if (SECRET_NAME.test(k) && state[k] !== undefined && !isSecret(state[k])) state[k] = secret(state[k]);
  if (state.id === undefined) state.id = id;
  return { id, state };
}
