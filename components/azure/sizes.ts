// Azure default sizes per environment: the PostgreSQL flexible server SKU and storage, and a Container
// App's CPU and memory. Keyed by core's environments, so a new environment fails to compile here until
// Azure sizes it. Pure data.
import { Environment } from "../core/profiles";

/** The sizes Azure components default to; each component offers an override argument for each. */
export interface AzureSizes {
  /** PostgreSQL flexible server SKU name (`Standard_B1ms`, `Standard_D2ds_v5` …). */
  readonly databaseSku: string;
  /** The SKU's tier; zone-redundant high availability needs GeneralPurpose or MemoryOptimized. */
  readonly databaseTier: "Burstable" | "GeneralPurpose" | "MemoryOptimized";
  /** Database storage (GiB); Azure grows it, never shrinks it. */
  readonly databaseStorageGiB: number;
  /** Container App CPU cores per replica. */
  readonly appCpu: number;
  /** Container App memory per replica, in the `<n>Gi` form Azure pairs with the CPU. */
  readonly appMemory: string;
  /** Storage account replication: zone- and then geo-redundant as the environment matters more. */
  readonly storageSku: "Standard_LRS" | "Standard_ZRS" | "Standard_GZRS";
}

/** Azure sizes by environment. */
export const AZURE_SIZES: { readonly [E in Environment]: AzureSizes } = {
  dev: {
    databaseSku: "Standard_B1ms",
    databaseTier: "Burstable",
    databaseStorageGiB: 32,
    appCpu: 0.25,
    appMemory: "0.5Gi",
    storageSku: "Standard_LRS",
  },
  staging: {
    databaseSku: "Standard_D2ds_v5",
    databaseTier: "GeneralPurpose",
    databaseStorageGiB: 64,
    appCpu: 0.5,
    appMemory: "1Gi",
    storageSku: "Standard_ZRS",
  },
  prod: {
    databaseSku: "Standard_D4ds_v5",
    databaseTier: "GeneralPurpose",
    databaseStorageGiB: 128,
    appCpu: 1,
    appMemory: "2Gi",
    storageSku: "Standard_GZRS",
  },
};
