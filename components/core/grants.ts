// Grants, cloud-neutral: a grantee is a stable name plus a cloud-specific principal, a grant gives it one
// access level, and the grant's child is named from both, never from a counter or the call order.
import { Validator } from "./validate";

/** The access levels a component can grant; each cloud maps a level onto its own permissions. */
export const ACCESS_LEVELS = ["read", "write", "readWrite", "decrypt", "encryptDecrypt"] as const;

/** One access level. */
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * Something that can be given access. `granteeName` names the grant's children, so it must stay the same
 * between deployments (a Groundwork component uses its own name); `grantPrincipal` is what the cloud
 * grants to: an IAM role on AWS, an IAM member on Google Cloud, a principal id on Azure.
 */
export interface Grantee<Principal> {
  readonly granteeName: string;
  readonly grantPrincipal: Principal;
}

/** The default grant id: `<granteeName>-<level>`, the level in kebab case (`api-read`, `api-encrypt-decrypt`). */
export function defaultGrantId(granteeName: string, level: AccessLevel): string {
  return `${granteeName}-${level.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A grant id or grantee name: letters, digits, `.`, `_` and `-`, as child names allow. */
const GRANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The grants one component has made, so the same grant twice is a clear error instead of a duplicate
 * URN at deployment time. Owned by the component; `claim` returns the id the child is named with.
 */
export class GrantLedger {
  private readonly made = new Map<string, string>();

  constructor(private readonly validator: () => Validator) {}

  /**
   * Records one grant and returns its id: `id` when given, else {@link defaultGrantId}. Throws a
   * `GroundworkInputError` when the grantee name or id is unusable, or when the id was granted before.
   */
  claim(granteeName: string, level: AccessLevel, id?: string): string {
    const v = this.validator();
    if (typeof granteeName !== "string" || !GRANT_ID.test(granteeName)) {
      v.fail("grantee", granteeName, "has no usable granteeName", "1-128 of [A-Za-z0-9._-]");
    }
    const grantId = id ?? defaultGrantId(granteeName, level);
    if (typeof grantId !== "string" || !GRANT_ID.test(grantId)) {
      v.fail("grant id", grantId, "is not a valid grant id", "1-128 of [A-Za-z0-9._-]");
    }
    const earlier = this.made.get(grantId);
    if (earlier !== undefined) {
      v.fail(
        "grant id",
        grantId,
        `is already used on this component by the ${earlier}`,
        "each grantee and access level granted once, or a distinct id",
      );
    }
    this.made.set(grantId, `${level} grant to ${JSON.stringify(granteeName)}`);
    return grantId;
  }
}
