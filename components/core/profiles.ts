// Environment profiles: the one table from which every component derives its environment-dependent
// defaults. A profile changes size, availability and retention; it never changes a security control.
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
  /** Default sizes; components may offer an override argument for each. */
  readonly sizes: {
    /** Fargate task CPU units. */
    readonly taskCpu: number;
    /** Fargate task memory (MiB). */
    readonly taskMemoryMiB: number;
    /** RDS instance class. */
    readonly databaseInstanceClass: string;
    /** Initial database storage (GiB). */
    readonly databaseStorageGiB: number;
    /** Storage autoscaling ceiling (GiB). */
    readonly databaseMaxStorageGiB: number;
    /** Kubernetes container requests and limits. */
    readonly container: {
      readonly cpuRequest: string;
      readonly cpuLimit: string;
      readonly memoryRequest: string;
      readonly memoryLimit: string;
      readonly ephemeralStorageRequest: string;
      readonly ephemeralStorageLimit: string;
    };
    /** Kubernetes namespace quota. */
    readonly namespaceQuota: {
      readonly requestsCpu: string;
      readonly requestsMemory: string;
      readonly limitsCpu: string;
      readonly limitsMemory: string;
      readonly pods: string;
      readonly persistentVolumeClaims: string;
    };
  };
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
    sizes: {
      taskCpu: 256,
      taskMemoryMiB: 512,
      databaseInstanceClass: "db.t4g.micro",
      databaseStorageGiB: 20,
      databaseMaxStorageGiB: 50,
      container: {
        cpuRequest: "100m",
        cpuLimit: "500m",
        memoryRequest: "128Mi",
        memoryLimit: "256Mi",
        ephemeralStorageRequest: "64Mi",
        ephemeralStorageLimit: "256Mi",
      },
      namespaceQuota: {
        requestsCpu: "2",
        requestsMemory: "4Gi",
        limitsCpu: "4",
        limitsMemory: "8Gi",
        pods: "20",
        persistentVolumeClaims: "5",
      },
    },
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
    sizes: {
      taskCpu: 512,
      taskMemoryMiB: 1024,
      databaseInstanceClass: "db.t4g.medium",
      databaseStorageGiB: 50,
      databaseMaxStorageGiB: 200,
      container: {
        cpuRequest: "250m",
        cpuLimit: "1",
        memoryRequest: "256Mi",
        memoryLimit: "512Mi",
        ephemeralStorageRequest: "128Mi",
        ephemeralStorageLimit: "512Mi",
      },
      namespaceQuota: {
        requestsCpu: "8",
        requestsMemory: "16Gi",
        limitsCpu: "16",
        limitsMemory: "32Gi",
        pods: "50",
        persistentVolumeClaims: "10",
      },
    },
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
    sizes: {
      taskCpu: 1024,
      taskMemoryMiB: 2048,
      databaseInstanceClass: "db.r6g.large",
      databaseStorageGiB: 100,
      databaseMaxStorageGiB: 1000,
      container: {
        cpuRequest: "500m",
        cpuLimit: "2",
        memoryRequest: "512Mi",
        memoryLimit: "1Gi",
        ephemeralStorageRequest: "256Mi",
        ephemeralStorageLimit: "1Gi",
      },
      namespaceQuota: {
        requestsCpu: "32",
        requestsMemory: "64Gi",
        limitsCpu: "64",
        limitsMemory: "128Gi",
        pods: "200",
        persistentVolumeClaims: "20",
      },
    },
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
