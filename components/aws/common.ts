// Pieces every AWS component shares: the account context for policy documents, the key and network
// checks; the resolved-record helpers are core's (components/core/component.ts).
import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { Validator, checkedInput } from "../core";
import { perRun } from "../core/component";
import { VPC_ID } from "./arns";
import { AwsContext } from "./documents";
import { AWS_REGIONS } from "./locations";

/**
 * The account, partition and region the component's resources land in, looked up once per run. The
 * invokes go through the component (`parent`), so an explicit provider for another account or region
 * answers them.
 */
export function awsContext(parent: pulumi.Resource): pulumi.Output<AwsContext> {
  const provider = parent.getProvider("aws::getCallerIdentity");
  return perRun("aws:context", provider, () => {
    const opts = { parent };
    return pulumi
      .all([getCallerIdentityOutput({}, opts), getPartitionOutput({}, opts), getRegionOutput({}, opts)])
      .apply(([identity, partition, region]) => ({
        accountId: identity.accountId,
        partition: partition.partition,
        region: region.region ?? region.name,
      }));
  });
}

/**
 * The region the component's resources land in, refused once it resolves when AWS has no such region
 * (`eu-west-99`), naming the nearest. The provider would fail too, later and less clearly; a component
 * that builds region-specific names (endpoint services, log options) uses this value so the check runs
 * before any of them is created.
 */
export function checkedRegion(v: Validator, ctx: pulumi.Output<AwsContext>): pulumi.Output<string> {
  return ctx.apply((c) => {
    v.place("region", c.region, AWS_REGIONS);
    return c.region;
  });
}

/**
 * Refuses a given `EncryptionKey` whose policy does not let CloudWatch Logs use it, for components that
 * write log groups with the key: without the grant, log group creation fails at deploy time, far from
 * the cause. Key ARNs cannot be checked here; their policy is the caller's.
 */
export function requireLogsService(
  v: Validator,
  key: { readonly services: readonly string[] } | undefined,
): void {
  if (key !== undefined && !key.services.includes("logs")) {
    v.fail(
      "encryptionKey",
      `EncryptionKey with services [${key.services.join(", ")}]`,
      "does not let CloudWatch Logs use it, but encrypts this component's log groups",
      'an EncryptionKey with services including "logs"',
    );
  }
}

/**
 * The VPC and subnets a component is placed in: a VPC id, and a subnet list of 2 to 16 entries, checked
 * now when known and once known when Outputs. Returns the checked values: use them, so the check holds.
 * `subnetsExpected` says which tier the caller should pass.
 */
export function requireVpcAndSubnets(
  v: Validator,
  vpcId: pulumi.Input<string>,
  subnetIds: pulumi.Input<pulumi.Input<string>[]>,
  subnetsExpected: string,
): { vpcId: pulumi.Input<string>; subnetIds: pulumi.Input<pulumi.Input<string>[]> } {
  v.required("vpcId", vpcId, VPC_ID.expected);
  const vpc = v.shape("vpcId", vpcId, VPC_ID);
  v.required("subnetIds", subnetIds, subnetsExpected);
  const listed = v.stringList("subnetIds", subnetIds, `a list of ${subnetsExpected}`);
  const subnets = checkedInput(listed as pulumi.Input<unknown[]>, (known) =>
    v.listLength("subnetIds", known, 2, 16),
  ) as pulumi.Input<pulumi.Input<string>[]>;
  return { vpcId: vpc, subnetIds: subnets };
}

// Shared with every cloud; re-exported so the AWS modules keep one import site.
export { ResolvedCommon, outputProperties, resolvedCommon } from "../core/component";
