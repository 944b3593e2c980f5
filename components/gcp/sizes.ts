// Google Cloud default sizes per environment: Cloud SQL machine tier and disk, Cloud Run CPU and memory,
// GKE node machine type, boot disk and nodes per zone.
// Keyed by core's environments, so a new environment fails to compile here until Google Cloud sizes it.
// Instance counts come from the profile's replica bounds, not from here. Pure data.
import { Environment } from "../core/profiles";

/** The sizes Google Cloud components default to; each component offers an override argument for each. */
export interface GcpSizes {
  /** Cloud SQL machine tier (Enterprise edition custom tiers: vCPUs and MiB). */
  readonly databaseTier: string;
  /** Initial Cloud SQL disk (GB). */
  readonly databaseDiskGb: number;
  /** Disk autoresize ceiling (GB). */
  readonly databaseMaxDiskGb: number;
  /** Cloud Run CPU limit per instance, as Cloud Run writes it. */
  readonly serviceCpu: string;
  /** Cloud Run memory limit per instance, as Cloud Run writes it. */
  readonly serviceMemory: string;
  /** GKE node machine type. */
  readonly nodeMachineType: string;
  /** GKE node boot disk (GB). */
  readonly nodeDiskGb: number;
  /** GKE nodes per zone the autoscaler keeps between (each zone of the node pool). */
  readonly nodesPerZone: { readonly min: number; readonly max: number };
}

/** Google Cloud sizes by environment. */
export const GCP_SIZES: { readonly [E in Environment]: GcpSizes } = {
  dev: {
    databaseTier: "db-custom-1-3840",
    databaseDiskGb: 20,
    databaseMaxDiskGb: 50,
    serviceCpu: "1",
    serviceMemory: "512Mi",
    nodeMachineType: "e2-standard-2",
    nodeDiskGb: 50,
    nodesPerZone: { min: 1, max: 2 },
  },
  staging: {
    databaseTier: "db-custom-2-7680",
    databaseDiskGb: 50,
    databaseMaxDiskGb: 200,
    serviceCpu: "1",
    serviceMemory: "1Gi",
    nodeMachineType: "e2-standard-4",
    nodeDiskGb: 100,
    nodesPerZone: { min: 1, max: 3 },
  },
  prod: {
    databaseTier: "db-custom-4-16384",
    databaseDiskGb: 100,
    databaseMaxDiskGb: 1000,
    serviceCpu: "2",
    serviceMemory: "2Gi",
    nodeMachineType: "e2-standard-4",
    nodeDiskGb: 100,
    nodesPerZone: { min: 1, max: 5 },
  },
};
