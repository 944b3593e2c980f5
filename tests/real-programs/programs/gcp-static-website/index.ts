// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/static-website-gcp-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { syncedFolder } from "../../shims/packages";

const config = new pulumi.Config();
// A public website bucket (allUsers may read objects) behind a CDN-enabled load balancer.
const bucket = new gcp.storage.Bucket("bucket", {
  location: "US",
  website: {
    mainPageSuffix: config.get("indexDocument") ?? "index.html",
    notFoundPage: config.get("errorDocument") ?? "error.html",
  },
});
new gcp.storage.BucketIAMBinding("bucket-iam-binding", {
  bucket: bucket.name,
  role: "roles/storage.objectViewer",
  members: ["allUsers"],
});
new syncedFolder.GoogleCloudFolder("synced-folder", {
  path: config.get("path") ?? "./www",
  bucketName: bucket.name,
});
const backend = new gcp.compute.BackendBucket("backend-bucket", { bucketName: bucket.name, enableCdn: true });
const ip = new gcp.compute.GlobalAddress("ip", {});
const urlMap = new gcp.compute.URLMap("url-map", { defaultService: backend.selfLink });
const proxy = new gcp.compute.TargetHttpProxy("http-proxy", { urlMap: urlMap.selfLink });
new gcp.compute.GlobalForwardingRule("http-forwarding-rule", {
  ipAddress: ip.address,
  ipProtocol: "TCP",
  portRange: "80",
  target: proxy.selfLink,
});
export const originURL = pulumi.interpolate`https://storage.googleapis.com/${bucket.name}/index.html`;
export const cdnURL = pulumi.interpolate`http://${ip.address}`;
