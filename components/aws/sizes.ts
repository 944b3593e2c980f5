// AWS default sizes per environment: Fargate task CPU and memory, RDS instance class and storage, EKS nodes. Keyed
// by core's environments, so a new environment fails to compile here until AWS sizes it. Pure data.
import { Environment } from "../core/profiles";

/** The sizes AWS components default to; each component offers an override argument for each. */
export interface AwsSizes {
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
  /** EKS managed node group instance type. */
  readonly nodeInstanceType: string;
  /** Fewest and most EKS nodes. */
  readonly nodeMin: number;
  readonly nodeMax: number;
  /** EKS node root volume (GiB). */
  readonly nodeDiskGiB: number;
}

/** AWS sizes by environment. */
export const AWS_SIZES: { readonly [E in Environment]: AwsSizes } = {
  dev: {
    taskCpu: 256,
    taskMemoryMiB: 512,
    databaseInstanceClass: "db.t4g.micro",
    databaseStorageGiB: 20,
    databaseMaxStorageGiB: 50,
    nodeInstanceType: "t3.medium",
    nodeMin: 2,
    nodeMax: 3,
    nodeDiskGiB: 50,
  },
  staging: {
    taskCpu: 512,
    taskMemoryMiB: 1024,
    databaseInstanceClass: "db.t4g.medium",
    databaseStorageGiB: 50,
    databaseMaxStorageGiB: 200,
    nodeInstanceType: "m6i.large",
    nodeMin: 2,
    nodeMax: 6,
    nodeDiskGiB: 50,
  },
  prod: {
    taskCpu: 1024,
    taskMemoryMiB: 2048,
    databaseInstanceClass: "db.r6g.large",
    databaseStorageGiB: 100,
    databaseMaxStorageGiB: 1000,
    nodeInstanceType: "m6i.large",
    nodeMin: 3,
    nodeMax: 12,
    nodeDiskGiB: 100,
  },
};
