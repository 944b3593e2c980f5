// Environment profiles: the one cloud-neutral table from which every component derives its
// environment-dependent defaults (availability, retention, protection, replica bounds). Sizes are
// cloud-specific and live in each cloud's folder (`aws/sizes.ts`, `kubernetes/sizes.ts`), keyed by the
// same environments. A profile never changes a security control.
import { Validator } from "./validate";

/** Every environment Groundwork knows, in promotion order: the one list components, config and the pack share. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;

/** The environments Groundwork knows. Every component takes `environment?: Environment` (default `dev`). */
export type Environment = (typeof ENVIRONMENTS)[number];

/** What an environment means for the resources a component creates. */
export interface EnvironmentProfile {
  readonly environment: Environment;
  /** Zones a network spans (and a regional service is spread over). */
  readonly zoneCount: number;
  /** NAT layout for private subnets: one shared gateway, or one per zone. */
  readonly natGateways: "single" | "perAz";
  /** Replicas and multi-AZ deployments for stateful services. */
  readonly highAvailability: boolean;
  /** Retention for every log the components create (flow, access, audit, application). */
  readonly logRetentionDays: number;
  /** Automated backup retention for databases. */
  readonly backupRetentionDays: number;
  /** Cloud-side deletion protection on databases, load balancers and other stateful children. */
  readonly deletionProtection: boolean;
  /** Pulumi `protect: true` on stateful children (keys, buckets, databases, log groups, volumes). */
  readonly protect: boolean;
  /** Lower and upper bounds for horizontally scaled workloads. */
  readonly replicas: { readonly min: number; readonly max: number };
}

/** The profiles. Security controls are deliberately absent: they are identical everywhere. */
export const PROFILES: { readonly [E in Environment]: EnvironmentProfile } = {
  dev: {
    environment: "dev",
    zoneCount: 2,
    natGateways: "single",
    highAvailability: false,
    logRetentionDays: 30,
    backupRetentionDays: 7,
    deletionProtection: false,
    protect: false,
    replicas: { min: 1, max: 2 },
  },
  staging: {
    environment: "staging",
    zoneCount: 2,
    natGateways: "perAz",
    highAvailability: true,
    logRetentionDays: 90,
    backupRetentionDays: 14,
    deletionProtection: true,
    protect: false,
    replicas: { min: 2, max: 4 },
  },
  prod: {
    environment: "prod",
    zoneCount: 3,
    natGateways: "perAz",
    highAvailability: true,
    logRetentionDays: 365,
    backupRetentionDays: 30,
    deletionProtection: true,
    protect: true,
    replicas: { min: 3, max: 10 },
  },
};

/**
 * Resolves the `environment` argument of a component to its profile.
 * @param v the component's validator, so a bad value is reported against the component.
 * @param environment the caller's value; `dev` when absent.
 */
export function resolveProfile(v: Validator, environment: Environment | undefined): EnvironmentProfile {
  return PROFILES[v.oneOf("environment", environment, ENVIRONMENTS, "dev")];
}

/**
 * The Pulumi `protect` option for a stateful child: the caller's explicit choice when given, else the
 * profile's. An explicit `protect: true` on the component itself always wins.
 */
export function protectStateful(
  profile: EnvironmentProfile,
  explicit: boolean | undefined,
  inherited?: boolean,
): boolean {
  if (inherited === true) return true;
  return explicit ?? profile.protect;
}
