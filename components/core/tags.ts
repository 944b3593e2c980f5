// Tags: every taggable child carries `environment`, `managed-by=groundwork`, `component` and the caller's
// own. This is the cloud-neutral part; each cloud's folder conforms the set to what that cloud accepts
// (`aws/tags.ts`, `azure/tags.ts`, `gcp/labels.ts`, `kubernetes/labels.ts`).
import { Environment } from "./profiles";
import { Validator } from "./validate";

/** A plain map of tag (or label) keys to values. */
export type Tags = { readonly [key: string]: string };

/** The value of the `managed-by` tag Groundwork sets, and that the policy pack looks for. */
export const MANAGED_BY = "groundwork";

/** Tag keys Groundwork owns; a caller may not set them to something else. */
export const RESERVED_TAG_KEYS: readonly string[] = ["environment", "managed-by", "component"];

/** Inputs for {@link standardTags}. */
export interface TagContext {
  readonly environment: Environment;
  /** The component type, e.g. `aws.Bucket`. */
  readonly component: string;
  /** The caller's tags; validated for the target cloud. */
  readonly tags?: Tags;
  /**
   * The argument the caller's tags came in, which errors name: `labels` on Google Cloud.
   * @default "tags"
   */
  readonly field?: string;
}

/**
 * The tag set for every taggable child of a component: the caller's tags plus the three Groundwork
 * keys. A caller tag that tries to change a Groundwork key is refused (a mislabelled environment would
 * mislead cost reports and the policy pack alike).
 */
export function standardTags(v: Validator, ctx: TagContext): Tags {
  const ours: Tags = { environment: ctx.environment, "managed-by": MANAGED_BY, component: ctx.component };
  // `null` counts as absent here, as it always has for tags.
  const field = ctx.field ?? "tags";
  const theirs = v.stringMap(field, ctx.tags ?? {});
  for (const [key, value] of Object.entries(theirs)) {
    if (RESERVED_TAG_KEYS.includes(key) && value !== ours[key]) {
      v.fail(
        `${field}.${key}`,
        value,
        "would overwrite a tag Groundwork sets",
        `no "${key}" tag, or the value ${JSON.stringify(ours[key])}`,
      );
    }
  }
  return { ...theirs, ...ours };
}

/**
 * How many tags (labels) Groundwork adds to a caller's on every child: the three keys above and the
 * `groundwork-weakened` record. The record is counted even when nothing is weakened, so weakening a
 * default later cannot push a deployed resource over its cloud's limit.
 */
export const GROUNDWORK_TAG_COUNT = RESERVED_TAG_KEYS.length + 1;

/**
 * Refuses more caller tags than a cloud's per-resource `limit` leaves room for once Groundwork's own are
 * added. `noun` is the cloud's word (`tags`, `labels`), `cloud` its name, both for the message.
 */
export function checkTagCount(
  v: Validator,
  field: string,
  callerTags: Tags | undefined,
  o: { readonly limit: number; readonly noun: string; readonly cloud: string },
): void {
  const theirs = Object.keys(callerTags ?? {}).filter((k) => !RESERVED_TAG_KEYS.includes(k)).length;
  const room = o.limit - GROUNDWORK_TAG_COUNT;
  if (theirs <= room) return;
  v.fail(
    field,
    `${theirs} ${o.noun}`,
    `is too many: with the ${GROUNDWORK_TAG_COUNT} Groundwork adds (${RESERVED_TAG_KEYS.join(", ")} and the ` +
      `weakened record) each resource would carry ${theirs + GROUNDWORK_TAG_COUNT}, more than the ${o.limit} ` +
      `${o.cloud} allows`,
    `at most ${room} ${o.noun} of your own`,
  );
}
