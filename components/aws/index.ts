// AWS components (`@groundwork/infra/aws`). Each imports provider sub-modules only, never `@pulumi/aws`.
export * from "./documents";
export { WEAKENED_TAG } from "./common";
export * from "./kms";
export * from "./bucket";
export * from "./network";
export * from "./database";
export * from "./service";
