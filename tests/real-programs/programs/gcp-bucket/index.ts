// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/gcp-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as gcp from "@pulumi/gcp";

// One bucket in the US multi-region, its gs:// URL exported.
const bucket = new gcp.storage.Bucket("my-bucket", { location: "US" });
export const bucketName = bucket.url;
