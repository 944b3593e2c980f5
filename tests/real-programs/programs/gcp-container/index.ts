// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/container-gcp-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { dockerBuild, random } from "../../shims/packages";

const config = new pulumi.Config();
const gcpConfig = new pulumi.Config("gcp");
const location = gcpConfig.require("region");
const project = gcpConfig.require("project");

// An Artifact Registry repository, an image pushed to it, and a public Cloud Run (v1) service running it.
const suffix = new random.RandomString("unique-string", {
  length: 4,
  lower: true,
  upper: false,
  numeric: true,
  special: false,
});
const repository = new gcp.artifactregistry.Repository("repository", {
  description: "Repository for container image",
  format: "DOCKER",
  location,
  repositoryId: (suffix.get("result") as pulumi.Output<string>).apply((r) => `repo-${r}`),
});
const repoUrl = pulumi.concat(location, "-docker.pkg.dev/", project, "/", repository.repositoryId);
const image = new dockerBuild.Image("image", {
  tags: [pulumi.concat(repoUrl, "/", config.get("imageName") ?? "my-app")],
  context: { location: "./app" },
  platforms: ["linux/amd64"],
  push: true,
});
const service = new gcp.cloudrun.Service("service", {
  location,
  template: {
    spec: {
      containers: [
        {
          image: image.get("ref") as pulumi.Output<string>,
          resources: { limits: { memory: "1Gi", cpu: "1" } },
          ports: [{ containerPort: 8080 }],
        },
      ],
      containerConcurrency: 80,
    },
  },
});
new gcp.cloudrun.IamMember("invoker", {
  location,
  service: service.name,
  role: "roles/run.invoker",
  member: "allUsers",
});
export const url = service.statuses.apply((s) => s[0]?.url);
