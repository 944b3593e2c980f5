// AWS components (`@groundwork/infra/aws`). Each imports provider sub-modules only, never `@pulumi/aws`.
export * from "./documents";
export { WEAKENED_TAG } from "../core";
export { awsTags } from "./tags";
export { AWS_SIZES, AwsSizes } from "./sizes";
export { S3_BUCKET_NAME } from "./naming";
export * from "./kms";
export * from "./bucket";
export * from "./network";
export * from "./database";
export * from "./service";

import { imageReferenceProblem } from "../core";
/** @deprecated since 0.2.0: use `imageReferenceProblem` from `@groundwork/infra/core`, the rule every cloud shares. */
export const imagePinProblem: (image: string) => string | undefined = imageReferenceProblem;
