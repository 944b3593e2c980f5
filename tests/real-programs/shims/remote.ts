// Stand-ins for the packages real programs import that this repository does not install. awsx, eks,
// aws-apigateway and synced-folder are multi-language components, built by their provider plugin's
// Construct, so the SDK registers each as a *remote* component: these register exactly that (the type
// token and the inputs the program gives), all the engine ever sees of them, and the gate must report
// each as incomplete, naming it. random, tls and docker-build are providers' custom resources: these
// register the same type token and inputs.
import * as pulumi from "@pulumi/pulumi";

/** A registered stand-in; `get(key)` is the output its SDK class declares under that name. */
export interface Shim extends pulumi.Resource {
  get(key: string): pulumi.Output<unknown>;
}

type ShimClass<O> = new (name: string, args?: object, opts?: O) => Shim;

const withOutputs = (outputs: readonly string[], args: object): pulumi.Inputs => ({
  ...Object.fromEntries(outputs.map((o) => [o, undefined])),
  ...args,
});

class RemoteShim extends pulumi.ComponentResource implements Shim {
  constructor(
    type: string,
    outputs: readonly string[],
    name: string,
    args: object,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(type, name, withOutputs(outputs, args), opts, true);
  }
  get(key: string): pulumi.Output<unknown> {
    return (this as unknown as Record<string, pulumi.Output<unknown>>)[key];
  }
}

class CustomShim extends pulumi.CustomResource implements Shim {
  constructor(
    type: string,
    outputs: readonly string[],
    name: string,
    args: object,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(type, name, withOutputs(outputs, args), opts);
  }
  get(key: string): pulumi.Output<unknown> {
    return (this as unknown as Record<string, pulumi.Output<unknown>>)[key];
  }
}

/** A remote component class for one type token, with the outputs its SDK class declares. */
export function remote(type: string, outputs: readonly string[]): ShimClass<pulumi.ComponentResourceOptions> {
  return class extends RemoteShim {
    constructor(name: string, args: object = {}, opts?: pulumi.ComponentResourceOptions) {
      super(type, outputs, name, args, opts);
    }
  };
}

/** A custom resource class of a provider this repository does not install. */
export function custom(type: string, outputs: readonly string[]): ShimClass<pulumi.CustomResourceOptions> {
  return class extends CustomShim {
    constructor(name: string, args: object = {}, opts?: pulumi.CustomResourceOptions) {
      super(type, outputs, name, args, opts);
    }
  };
}
