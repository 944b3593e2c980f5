// Network wiring: VPC flow logs (all traffic) to a KMS-encrypted log group, delivered by a role that may
// write to that one group.
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as iam from "@pulumi/aws/iam";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { childName, fittedNameArg } from "../../core";
import { awsContext } from "../common";
import { assumeRolePolicy, flowLogWritePolicy } from "../documents";
import { KeyChoice, wireKey } from "../encryption";
import { FLOW_LOG_NAMES, ResolvedNetworkArgs } from "./args";
import { NetworkScope } from "./routing";

/** The flow log group and the key encrypting it. */
export interface FlowLogParts {
  readonly groupName: pulumi.Output<string>;
  readonly keyArn: pulumi.Output<string>;
}

/** Flow logs of the VPC: the key (when created), the log group, the delivery role and the flow log. */
export function flowLogs(
  s: NetworkScope,
  r: ResolvedNetworkArgs,
  key: KeyChoice,
  vpcId: pulumi.Output<string>,
): FlowLogParts {
  const parent = { parent: s.component };
  const tags = r.tags;
  const keyArn = wireKey(s.component, s.name, key, {
    environment: r.profile.environment,
    tags: r.callerTags,
    protect: r.protect,
  }).arn;
  const group = new cloudwatch.LogGroup(
    childName(s.name, "flow-logs"),
    {
      ...fittedNameArg("name", FLOW_LOG_NAMES.group, s.name),
      retentionInDays: r.logRetentionDays,
      kmsKeyId: keyArn,
      tags,
    },
    { parent: s.component, protect: r.protect },
  );
  const role = new iam.Role(
    childName(s.name, "flow-logs-role"),
    {
      ...fittedNameArg("name", FLOW_LOG_NAMES.role, s.name),
      assumeRolePolicy: awsContext(s.component).apply((c) =>
        JSON.stringify(assumeRolePolicy("vpc-flow-logs.amazonaws.com", c)),
      ),
      description: `Delivers VPC flow logs of ${s.name}`,
      tags,
    },
    parent,
  );
  const policy = new iam.RolePolicy(
    childName(s.name, "flow-logs-policy"),
    {
      ...fittedNameArg("name", FLOW_LOG_NAMES.policy, s.name),
      role: role.name,
      policy: group.arn.apply((arn) => JSON.stringify(flowLogWritePolicy(arn))),
    },
    parent,
  );
  new ec2.FlowLog(
    childName(s.name, "flow-log"),
    {
      vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags,
    },
    // The delivery role is useless until its policy exists: without the wait, the first flow logs fail to
    // deliver (and the flow log reports an access error) until IAM has the policy.
    { parent: s.component, dependsOn: [policy] },
  );
  return { groupName: group.name, keyArn };
}
