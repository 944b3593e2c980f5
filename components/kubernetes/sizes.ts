// Kubernetes default sizes per environment: container requests and limits, and the namespace quota.
// Keyed by core's environments, so a new environment fails to compile here until Kubernetes sizes it.
import { Environment } from "../core/profiles";

/** Requests and limits every container gets unless the caller sets its own (also the LimitRange defaults). */
export interface ContainerSizes {
  readonly cpuRequest: string;
  readonly cpuLimit: string;
  readonly memoryRequest: string;
  readonly memoryLimit: string;
  readonly ephemeralStorageRequest: string;
  readonly ephemeralStorageLimit: string;
}

/** A namespace's ResourceQuota. */
export interface NamespaceQuotaSizes {
  readonly requestsCpu: string;
  readonly requestsMemory: string;
  readonly limitsCpu: string;
  readonly limitsMemory: string;
  readonly pods: string;
  readonly persistentVolumeClaims: string;
}

/**
 * How a scheduled job runs by environment: how long a run may take, how often it is retried, how late a
 * missed start may still run, and how long finished runs are kept for inspection.
 */
export interface JobSizes {
  /** A run is stopped after this long (Job `activeDeadlineSeconds`). */
  readonly activeDeadlineSeconds: number;
  /** Retries of a failed pod before the run fails (Job `backoffLimit`). */
  readonly backoffLimit: number;
  /** A start missed by more than this is skipped, not run late (CronJob `startingDeadlineSeconds`). */
  readonly startingDeadlineSeconds: number;
  /** Finished runs kept: successful and failed (CronJob history limits). */
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  /** A finished Job (and its pods' logs) is deleted this long after it ends (`ttlSecondsAfterFinished`). */
  readonly ttlSecondsAfterFinished: number;
}

/** The sizes Kubernetes components default to. */
export interface KubernetesSizes {
  readonly container: ContainerSizes;
  readonly namespaceQuota: NamespaceQuotaSizes;
  readonly job: JobSizes;
}

/** Kubernetes sizes by environment. */
export const KUBERNETES_SIZES: { readonly [E in Environment]: KubernetesSizes } = {
  dev: {
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
    job: {
      activeDeadlineSeconds: 3600,
      backoffLimit: 1,
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 1,
      ttlSecondsAfterFinished: 3600,
    },
  },
  staging: {
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
    job: {
      activeDeadlineSeconds: 3600,
      backoffLimit: 3,
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      ttlSecondsAfterFinished: 86400,
    },
  },
  prod: {
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
    job: {
      activeDeadlineSeconds: 3600,
      backoffLimit: 3,
      startingDeadlineSeconds: 600,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 5,
      ttlSecondsAfterFinished: 604800,
    },
  },
};
