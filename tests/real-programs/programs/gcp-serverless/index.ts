// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/serverless-gcp-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { syncedFolder } from "../../shims/packages";

// A public site bucket, and a Cloud Function (v2) anyone may invoke, its URL written into the site's config.
const site = new gcp.storage.Bucket("site-bucket", {
  location: "US",
  website: { mainPageSuffix: "index.html", notFoundPage: "error.html" },
});
new gcp.storage.BucketIAMBinding("site-bucket-iam-binding", {
  bucket: site.name,
  role: "roles/storage.objectViewer",
  members: ["allUsers"],
});
new syncedFolder.GoogleCloudFolder("synced-folder", { path: "www", bucketName: site.name });
const code = new gcp.storage.Bucket("app-bucket", { location: "US" });
const archive = new gcp.storage.BucketObject("app-archive", {
  bucket: code.name,
  source: new pulumi.asset.AssetArchive({}),
});
const fn = new gcp.cloudfunctionsv2.Function("data-function", {
  location: gcp.config.region ?? "us-central1",
  buildConfig: {
    runtime: "nodejs22",
    entryPoint: "date",
    source: { storageSource: { bucket: code.name, object: archive.name } },
  },
  serviceConfig: { availableMemory: "256M", timeoutSeconds: 60 },
});
new gcp.cloudrun.IamMember("data-function-invoker", {
  location: fn.location,
  service: fn.name,
  role: "roles/run.invoker",
  member: "allUsers",
});
new gcp.storage.BucketObject("site-config", {
  name: "config.json",
  source: fn.url.apply((url) => new pulumi.asset.StringAsset(JSON.stringify({ api: url }))),
  contentType: "application/json",
  bucket: site.name,
});
export const apiURL = fn.url;
