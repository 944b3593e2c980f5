// Shared helpers for the AWS component specs: synth in preview or update mode, bad-input checks that
// prove nothing registered, tag and provider assertions over a component's descendants.
import * as assert from "assert";
import { Provider } from "@pulumi/aws/provider";
import {
  GraphQuery,
  GraphResource,
  ResourceGraph,
  STACK_TYPE,
  SynthOptions,
  reveal,
  synth,
} from "../../testing";
import { GroundworkInputError } from "../../components/core";
import { PolicyDocument } from "../../components/aws/documents";

/** Synthesizes a program; update mode (outputs fabricated) unless told otherwise. */
export async function run(
  program: () => unknown,
  options: SynthOptions = {},
): Promise<{ graph: ResourceGraph; q: GraphQuery }> {
  const graph = await synth(program, {
    preview: false,
    // Auto-named resources get their physical name from the provider; give them the logical one.
    newResource: ({ type, name, inputs }) => ({
      state: {
        name: inputs.name ?? `${name}-physical`,
        ...(type === "aws:s3/bucket:Bucket" ? { bucket: inputs.bucket ?? `${name}-physical` } : {}),
        ...(type === "aws:kms/key:Key" ? { keyId: `${name}-key-id` } : {}),
      },
    }),
    ...options,
  });
  return { graph, q: new GraphQuery(graph) };
}

/** Inputs of one resource with secrets revealed. */
export function inputs(q: GraphQuery, type: string, name: string): Record<string, unknown> {
  return reveal(q.one(type, name).inputs);
}

/** A JSON-string input parsed. */
export function json<T = Record<string, unknown>>(
  q: GraphQuery,
  type: string,
  name: string,
  field: string,
): T {
  const value = inputs(q, type, name)[field];
  assert.strictEqual(
    typeof value,
    "string",
    `${name}.${field} should be a JSON string, got ${String(value)}`,
  );
  return JSON.parse(value as string) as T;
}

/** The component's URN by type and name. */
export function urnOf(q: GraphQuery, type: string, name: string): string {
  return q.one(type, name).urn;
}

/**
 * Asserts that constructing the component throws a GroundworkInputError naming component, field, value
 * and expectation, and that nothing but the stack registered (checked on a fresh synth that catches).
 */
export async function assertRejected(
  construct: () => unknown,
  expected: { component: string; field: string; value: string; accepted: RegExp | string },
): Promise<void> {
  const { caught, graph } = await synthCaught(construct);
  assert.ok(caught instanceof GroundworkInputError, `expected a GroundworkInputError, got ${String(caught)}`);
  const err = caught;
  assert.strictEqual(err.component, expected.component);
  assert.strictEqual(err.field, expected.field);
  assert.ok(err.message.startsWith(`${expected.component} `), err.message);
  assert.ok(err.message.includes(` ${expected.field} `), `message should name the field: ${err.message}`);
  assert.ok(
    err.message.includes(expected.value),
    `message should show the value ${expected.value}: ${err.message}`,
  );
  if (typeof expected.accepted === "string") {
    assert.ok(
      err.message.includes(`(expected ${expected.accepted}`),
      `message should say what is accepted: ${err.message}`,
    );
  } else {
    assert.match(err.message, expected.accepted);
  }
  assert.deepStrictEqual(
    graph.resources.map((r) => r.type),
    [STACK_TYPE],
    "no resource other than the stack may register before validation fails",
  );
  // And the unguarded program fails the synth with the same message.
  await assert.rejects(
    synth(() => {
      construct();
    }),
    (e: Error) => e.message.includes(err.message),
  );
}

/** What a function throws, or undefined. */
function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}

/** Synthesizes a program whose construction may throw: what it threw, and what registered before. */
export async function synthCaught(
  program: () => unknown,
): Promise<{ caught: unknown; graph: ResourceGraph }> {
  let caught: unknown;
  const graph = await synth(() => {
    caught = thrownBy(program);
  });
  return { caught, graph };
}

/** The error a program throws, caught inside the synth so the rest of the program still registers. */
export async function errorOf(program: () => void): Promise<GroundworkInputError> {
  const { caught } = await synthCaught(program);
  assert.ok(caught instanceof GroundworkInputError, `expected a GroundworkInputError, got ${String(caught)}`);
  return caught;
}

/** One bad-input case: the construction, then the error's field, shown value and expectation, and a label. */
export type Rejection = [
  construct: () => unknown,
  field: string,
  value: string,
  accepted: RegExp | string,
  label?: string,
];

/** The bad-input cases of one component, each checked by {@link assertRejected}; labelled by field. */
export function rejectsInputs(component: string, cases: Rejection[]): void {
  describe("rejects bad input before registering anything", () => {
    for (const [construct, field, value, accepted, label] of cases)
      it(label ?? field, () => assertRejected(construct, { component, field, value, accepted }));
  });
}

/** A ContainerService's required arguments, valid: the specs add what each one is about. */
export const SERVICE_ARGS = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-p1", "subnet-p2"],
  image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2",
  certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
};

/**
 * Synthesizes one component built under an explicit provider (`name`, `region`) and asserts that every
 * child and invoke of `root` goes through it; returns the graph for checks of the region's effect.
 */
export async function synthViaProvider(
  root: readonly [type: string, name: string],
  provider: readonly [name: string, region: string],
  build: (opts: { provider: Provider }) => unknown,
  options: SynthOptions = {},
): Promise<GraphQuery> {
  const { q } = await run(() => {
    build({ provider: new Provider(provider[0], { region: provider[1] }) });
  }, options);
  assertProvider(q, urnOf(q, root[0], root[1]), provider[0]);
  return q;
}

/** A grant's managed policy (`<component>-grant-<id>`). */
export const GRANT_POLICY = "aws:iam/policy:Policy";
/** A grant's attachment to the grantee's role (`<component>-grant-<id>-attachment`). */
export const GRANT_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

/** The two children of one grant: the managed policy and its attachment to the grantee's role. */
export function grantOf(q: GraphQuery, name: string): { policy: GraphResource; attachment: GraphResource } {
  const policy = q.one(GRANT_POLICY, name);
  const attachment = q.one(GRANT_ATTACHMENT, `${name}-attachment`);
  assert.deepStrictEqual(
    attachment.propertyDependencies.policyArn,
    [policy.urn],
    `${name} attaches its policy`,
  );
  return { policy, attachment };
}

/** Types whose AWS resources take no tags. */
export const UNTAGGABLE = new Set([
  "aws:kms/alias:Alias",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:ec2/route:Route",
  "aws:ec2/routeTableAssociation:RouteTableAssociation",
  "aws:appautoscaling/policy:Policy",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketLogging:BucketLogging",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:s3/bucketPolicy:BucketPolicy",
]);

/**
 * Asserts the Groundwork tags (and `extra`) on every custom descendant of `root` whose type is not in
 * `untaggable`: the environment, `managed-by`, a `component` tag of the cloud (`aws.`, `azure.` …) and,
 * when `component` is given, that exact value on the root's direct children. Every cloud's specs use it.
 */
export function assertGroundworkTags(
  q: GraphQuery,
  root: string,
  untaggable: ReadonlySet<string>,
  expected: { environment: string; cloud: string; component?: string; extra?: Record<string, string> },
): GraphResource[] {
  const taggable = q.descendants(root).filter((r) => r.custom && !untaggable.has(r.type));
  assert.ok(taggable.length > 0);
  for (const r of taggable) {
    const tags = reveal<Record<string, string>>(r.inputs.tags);
    assert.ok(tags, `${r.type} ${r.name} has no tags`);
    assert.strictEqual(tags.environment, expected.environment, `${r.name} environment tag`);
    assert.strictEqual(tags["managed-by"], "groundwork", `${r.name} managed-by tag`);
    assert.ok(tags.component?.startsWith(`${expected.cloud}.`), `${r.name} component tag`);
    if (expected.component !== undefined && r.parent === root) {
      assert.strictEqual(tags.component, expected.component, `${r.name} component tag`);
    }
    for (const [k, v] of Object.entries(expected.extra ?? {})) {
      assert.strictEqual(tags[k], v, `${r.name} tag ${k}`);
    }
  }
  return taggable;
}

/** Asserts the Groundwork tags (and `extra`) on every taggable custom descendant of `root`. */
export function assertTagged(
  q: GraphQuery,
  root: string,
  environment: string,
  component: string,
  extra: Record<string, string> = {},
): GraphResource[] {
  return assertGroundworkTags(q, root, UNTAGGABLE, { environment, cloud: "aws", component, extra });
}

/** Names of the custom descendants of `root` that Pulumi protects. */
export function protectedNames(q: GraphQuery, root: string): string[] {
  return q
    .descendants(root)
    .filter((r) => r.protect)
    .map((r) => r.name)
    .sort();
}

/** Asserts every custom descendant of `root` goes through the provider named `providerName`. */
export function assertProvider(q: GraphQuery, root: string, providerName: string): void {
  const provider = q.ofType("pulumi:providers:aws").find((p) => p.name === providerName);
  assert.ok(provider, `provider ${providerName} registered`);
  const custom = q.descendants(root).filter((r) => r.custom);
  assert.ok(custom.length > 0);
  for (const r of custom) {
    assert.ok(
      r.provider?.startsWith(`${provider.urn}::`),
      `${r.type} ${r.name} should use provider ${providerName}, got ${String(r.provider)}`,
    );
  }
  const invokes = q.graph.invokes.filter((i) => i.token.startsWith("aws:"));
  for (const i of invokes)
    assert.ok(i.provider?.startsWith(`${provider.urn}::`), `invoke ${i.token} provider`);
}

/** Every principal a document names (`AWS`, `Service` …), flattened. */
export function principalsOf(doc: PolicyDocument): string[] {
  const out: string[] = [];
  for (const s of doc.Statement) {
    for (const v of Object.values(s.Principal ?? {})) out.push(...(typeof v === "string" ? [v] : v));
  }
  return out;
}

/** True when an Allow statement pairs a wildcard action with a wildcard resource. */
export function hasWildcardAllow(doc: PolicyDocument): boolean {
  return doc.Statement.some((s) => {
    if (s.Effect !== "Allow") return false;
    const actions = typeof s.Action === "string" ? [s.Action] : s.Action;
    const resources =
      s.Resource === undefined ? [] : typeof s.Resource === "string" ? [s.Resource] : s.Resource;
    return actions.some((a) => a === "*" || a.endsWith(":*")) && resources.includes("*");
  });
}
