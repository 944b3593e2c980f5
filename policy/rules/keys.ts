// One decision for customer-managed keys, on every data store of every cloud (docs/adr/0015-one-decision-per-control-in-the-pack.md): each store's
// encryption rule refuses plaintext, and asks for a key the team controls unless its `customerManagedKey`
// knob is false (or the resource is outside the `environments` it lists). Same knobs, same words,
// everywhere.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { stackOf } from "./common";
import { isSet, knownField } from "../runtime/unknowns";

/** The knobs every encryption-at-rest rule takes. */
export const CUSTOMER_MANAGED_KEY_KNOBS: PolicyConfigSchema["properties"] = {
  customerManagedKey: {
    type: "boolean",
    default: true,
    description:
      "Ask for a customer-managed key. false accepts the key the service encrypts with by default " +
      "(AWS-owned or AWS-managed, Google-managed, Microsoft-managed); unencrypted data is refused either way.",
  },
  environments: {
    type: "array",
    items: { type: "string" },
    default: [],
    description:
      "Environments (stack name or `environment` tag/label) whose resources need a customer-managed key; empty means all.",
  },
};

/** The knob values, as a rule's `getConfig` returns them. */
export interface CustomerManagedKeyConfig {
  readonly customerManagedKey?: boolean;
  readonly environments?: readonly string[];
}

/**
 * True when the rule asks this resource for a customer-managed key: the knob is on, and the resource's
 * stack or environment tag is among `environments` (or that list is empty).
 */
export function wantsCustomerManagedKey(
  config: CustomerManagedKeyConfig,
  urn: string,
  environmentTag: unknown,
): boolean {
  if (config.customerManagedKey === false) return false;
  const only = config.environments ?? [];
  if (only.length === 0) return true;
  return [stackOf(urn), environmentTag].some((e) => e !== undefined && only.includes(String(e)));
}

/** The sentence a finding ends with when only the key is wrong, so a team that accepts it knows the knob. */
export const CMK_KNOB_HINT = "set customerManagedKey: false to accept it";

/**
 * True when an AWS key reference names an AWS-managed key (`alias/aws/sns`, or its ARN form): encrypted,
 * but under a key the account can neither rotate on its own terms nor revoke.
 */
export function isAwsManagedKey(value: unknown): boolean {
  return typeof value === "string" && /(^|:)alias\/aws\//.test(value);
}

/**
 * Whether a resource rule asks this resource for a customer-managed key: its knobs (read from `args`) and the
 * resource's environment tag or label.
 */
export function asksForKey(
  args: { getConfig<T extends object>(): T; readonly urn: string },
  environmentTag: unknown,
): boolean {
  return wantsCustomerManagedKey(args.getConfig<CustomerManagedKeyConfig>(), args.urn, environmentTag);
}

/**
 * True when `props[field]` names a key the customer manages: set (a key created in the same program is unknown
 * in preview, and set all the same) and not an AWS-managed `alias/aws/…` key.
 */
export function namesCustomerKey(props: Record<string, unknown>, field: string): boolean {
  return isSet(props, field) && !isAwsManagedKey(knownField(props, field));
}
