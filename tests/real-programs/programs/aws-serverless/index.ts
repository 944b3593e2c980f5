// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/serverless-aws-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as aws from "@pulumi/aws";
import { apigateway } from "../../shims/packages";

// A function whose code is this callback, served by a REST API component with a static folder.
const fn = new aws.lambda.CallbackFunction("fn", {
  callback: async () => ({ statusCode: 200, body: new Date().toISOString() }),
});
const api = new apigateway.RestAPI("api", {
  routes: [
    { path: "/", localPath: "www" },
    { path: "/date", method: "GET", eventHandler: fn },
  ],
});
export const url = api.get("url");
