// ProjectApis: the Google Cloud APIs a project must have on, each enabled by a `gcp:projects/service:Service`
// that never disables it, so that the components handed it as `dependsOn` are created only once their
// APIs answer.
import * as pulumi from "@pulumi/pulumi";
import { Service } from "@pulumi/gcp/projects/service";
import { Validator, argKeys, checkedShape, childName, strictArgs } from "../../core";
import { outputProperties } from "../common";

/** An API's service name: `compute.googleapis.com`. */
const API_NAME = /^[a-z][a-z0-9-]*\.googleapis\.com$/;
const API_SHAPE = checkedShape(API_NAME, "an API name such as compute.googleapis.com", [
  [(a) => a.endsWith(".googleapis.com"), 'does not end in ".googleapis.com"'],
  [(a) => /^[a-z]/.test(a), "does not start with a lowercase letter"],
  [
    (a) => /^[a-z0-9-]*\.googleapis\.com$/.test(a),
    "has characters other than lowercase letters, digits and - before .googleapis.com",
  ],
]);

export interface ProjectApisArgs {
  /**
   * The APIs to enable (`compute.googleapis.com` …): the union of `GCP_APIS` for the components the
   * project runs. Each becomes the child `<name>-<api>` (`platform-apis-compute`); the prerequisites
   * (`GCP_PREREQUISITE_APIS`) must be on already, since enabling goes through them.
   */
  readonly apis: string[];
  /**
   * The project, when not the provider's (`gcp:project`).
   * @default - the provider's project
   */
  readonly project?: pulumi.Input<string>;
}

/** The keys of {@link ProjectApisArgs}, checked against it by the compiler; any other key is refused. */
export const PROJECT_APIS_ARG_KEYS = argKeys<ProjectApisArgs>()(["apis", "project"]);

/**
 * The APIs a project needs, enabled and never disabled: `disableOnDestroy: false`, because the same API
 * serves resources this stack does not own (another stack in the project, the console), and disabling
 * one with resources still in it fails or breaks them. Removing an API from the list only forgets it.
 * The deployer needs `serviceusage.services.enable` (roles/serviceusage.serviceUsageAdmin); teams whose
 * deployer may not enable APIs have the project's owner enable them and leave this component out.
 */
export class ProjectApis extends pulumi.ComponentResource {
  /** The enabled services by API name, to depend on one alone. */
  public readonly services: { readonly [api: string]: Service };
  /** The APIs enabled, sorted. */
  public readonly apis: string[];

  constructor(name: string, args: ProjectApisArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.ProjectApis", name);
    strictArgs(v, args, PROJECT_APIS_ARG_KEYS);
    const apis = v.required("apis", args?.apis, "a list of API names such as compute.googleapis.com");
    v.listLength("apis", apis, 1, 100);
    apis.forEach((api, i) => v.shape(`apis[${i}]`, api, API_SHAPE));
    v.stringInput("project", args.project, "a project id");
    super("groundwork:gcp:ProjectApis", name, {}, opts);
    const services: { [api: string]: Service } = {};
    for (const api of [...new Set(apis)].sort()) {
      services[api] = new Service(
        childName(name, api.slice(0, api.indexOf("."))),
        {
          service: api,
          ...(args.project !== undefined ? { project: args.project } : {}),
          disableOnDestroy: false,
          disableDependentServices: false,
        },
        { parent: this },
      );
    }
    this.services = services;
    this.apis = Object.keys(services);
    this.registerOutputs(outputProperties(this));
  }
}
