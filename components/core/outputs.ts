// The Output properties a component declares, for `registerOutputs`: shared by every cloud's components
// (and kept out of core's public index: it is plumbing, not vocabulary).
import * as pulumi from "@pulumi/pulumi";

/**
 * The Output properties a component declares, for `registerOutputs`: what callers read is what is
 * recorded. The SDK's own (`urn`, `__…`) are left out.
 */
export function outputProperties(
  component: pulumi.ComponentResource,
): Record<string, pulumi.Output<unknown>> {
  return Object.fromEntries(
    Object.entries(component).filter(
      ([key, value]) => key !== "urn" && !key.startsWith("__") && pulumi.Output.isInstance(value),
    ),
  );
}
