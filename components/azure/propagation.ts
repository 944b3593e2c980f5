// Role assignments on Azure are written at once but honoured later: a service that uses a new grant in the
// same minute is refused (`KeyVaultAuthenticationFailure … successful if retried`, an AcrPull that 401s).
// So the value a service reads its key or image with is handed to it only once every grant it needs is old
// enough to be in force: measured from the assignment's own `createdOn`, so a first deploy waits and a
// later `up` (old grants) does not. docs/adr/0016-azure-first-deploy-ordering.md says why this way.
import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";

/**
 * How long a new role assignment is given before a service uses it: "role assignment changes can take up
 * to 10 minutes to take effect" (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting,
 * "Symptom - Role assignment changes are not being detected").
 */
export const ROLE_PROPAGATION_SECONDS = 600;

/**
 * Milliseconds still to wait at `now` (epoch ms) for an assignment created at `createdOn` (ISO 8601) to be
 * `seconds` old; 0 when it is old enough, or when the time is not a date (nothing to measure from).
 */
export function propagationDelayMs(
  createdOn: string | undefined,
  now: number,
  seconds: number = ROLE_PROPAGATION_SECONDS,
): number {
  const created = createdOn === undefined ? NaN : Date.parse(createdOn);
  if (Number.isNaN(created)) return 0;
  return Math.max(0, created + seconds * 1000 - now);
}

/** The clock and the timer the wait uses; tests replace them. */
export const propagationClock = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * `value`, once every grant in `grants` has been in place for {@link ROLE_PROPAGATION_SECONDS}. The
 * result depends on the grants (a resource given it waits for them, and its state records the
 * dependency), and is unknown during a preview until the grants exist.
 */
export function afterGrants(
  grants: readonly RoleAssignment[],
  value: pulumi.Input<string>,
): pulumi.Output<string> {
  const created: pulumi.Output<string>[] = grants.map((g) => g.createdOn);
  return pulumi.all([pulumi.output(value), pulumi.all(created)]).apply(async ([v, times]) => {
    const now = propagationClock.now();
    const wait = Math.max(0, ...times.map((c) => propagationDelayMs(c, now)));
    if (wait > 0) await propagationClock.sleep(wait);
    return v;
  });
}
