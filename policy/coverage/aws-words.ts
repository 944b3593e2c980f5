// Words the AWS coverage files share, so a control reads the same in every service.
/** Controls a resource policy with a `*` principal should not bypass. */
export const PUBLIC = "No `*` principal without a condition naming the caller";
/** The one customer-managed-key control (docs/adr/0015-one-decision-per-control-in-the-pack.md). */
export const CMK = "Encrypted at rest, under a customer-managed key (knob: customerManagedKey)";
export const ACCOUNT_LEVEL =
  "an account-level setting, made once per account by the landing zone, not in each program; a per-program rule would fire on every program";
