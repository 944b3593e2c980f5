// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/aws-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as aws from "@pulumi/aws";

// One bucket, its name exported.
const bucket = new aws.s3.Bucket("my-bucket");
export const bucketName = bucket.id;
