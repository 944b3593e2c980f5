// The AWS instances of the rules every cloud shares: required tags on taggable resources, and `protect`
// on stateful resources in prod.
import { ResourceRule } from "../../runtime";
import { record } from "../../runtime/props";
import { FLAT_TAGS, requiredTagsRule, statefulProtectionRule } from "../common";
import { T } from "./resource-types";

/** AWS resource types that take `tags` (the ones platform programs commonly create). */
export const AWS_TAGGABLE: readonly string[] = [
  ...T.bucket,
  ...T.key,
  ...T.vpc,
  ...T.flowLog,
  ...T.securityGroup,
  ...T.defaultSecurityGroup,
  ...T.logGroup,
  ...T.loadBalancer,
  ...T.listener,
  ...T.ecsService,
  ...T.taskDefinition,
  ...T.dbInstance,
  ...T.dbCluster,
  ...T.dbClusterInstance,
  ...T.dbSnapshot,
  ...T.dbParameterGroup,
  "aws:iam/policy:Policy",
  "aws:iam/role:Role",
  "aws:ec2/subnet:Subnet",
  "aws:ec2/internetGateway:InternetGateway",
  "aws:ec2/natGateway:NatGateway",
  "aws:ec2/eip:Eip",
  "aws:ec2/routeTable:RouteTable",
  "aws:ec2/vpcEndpoint:VpcEndpoint",
  "aws:ec2/instance:Instance",
  "aws:ec2/launchTemplate:LaunchTemplate",
  "aws:ec2/networkAcl:NetworkAcl",
  "aws:lb/targetGroup:TargetGroup",
  "aws:alb/targetGroup:TargetGroup",
  "aws:ecs/cluster:Cluster",
  "aws:rds/subnetGroup:SubnetGroup",
  "aws:secretsmanager/secret:Secret",
  "aws:ecr/repository:Repository",
  "aws:lambda/function:Function",
  "aws:sns/topic:Topic",
  "aws:sqs/queue:Queue",
  "aws:dynamodb/table:Table",
  "aws:efs/fileSystem:FileSystem",
  "aws:acm/certificate:Certificate",
];

export const tagRules: ResourceRule[] = [
  requiredTagsRule({
    ...FLAT_TAGS,
    name: "aws-required-tags",
    area: "aws",
    types: AWS_TAGGABLE,
    references: ["Groundwork BASELINE tags", "AWS Tagging Best Practices"],
  }),
  statefulProtectionRule({
    name: "aws-stateful-protect-prod",
    area: "aws",
    types: [
      ...T.bucket,
      ...T.key,
      ...T.dbInstance,
      ...T.logGroup,
      ...T.dbCluster,
      "aws:dynamodb/table:Table",
      "aws:efs/fileSystem:FileSystem",
    ],
    environment: (props) => record(props.tags)["environment"],
  }),
];
