// The Groundwork reference platform: one program, one stack per cloud and environment (Pulumi.<stack>.yaml
// beside this file; `groundwork-platform:cloud` says which cloud, AWS when absent). Prod differs from dev by
// profile — size, availability, retention, protection — never by weaker security.
//
// Each cloud's half is loaded only when its stack asks for it, so an AWS stack never loads (nor needs
// installed) the Google Cloud or Azure SDK, and the reverse.
import * as pulumi from "@pulumi/pulumi";
import { loadPlatformConfig } from "./config";
import type { PlatformResult } from "./result";

export = async (): Promise<Record<string, unknown>> => {
  const config = loadPlatformConfig();
  const { environment } = config;
  const tags = { ...config.tags, "platform-stack": pulumi.getStack() };

  let platform: PlatformResult;
  switch (config.cloud) {
    case "gcp":
      platform = (await import("./gcp")).gcpPlatform(config, tags);
      break;
    case "azure":
      platform = (await import("./azure")).azurePlatform(config, tags);
      break;
    default:
      platform = (await import("./aws")).awsPlatform(config, tags);
  }
  const outputs = { ...platform.outputs };
  if (config.kubernetes !== undefined) {
    const { kubernetesPlatform } = await import("./kubernetes");
    Object.assign(
      outputs,
      kubernetesPlatform(environment, config.kubernetes, platform.database, platform.cluster),
    );
  }
  return { environment, cloud: config.cloud, ...outputs };
};
