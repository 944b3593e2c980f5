// Every AWS rule (BASELINE.md, AWS section), written against raw @pulumi/aws resources so they hold for
// any program, in the order the pack lists them. Adding a service area: a file here and a line below.
import { GroundworkPolicy, resourcePolicy } from "../../runtime";
import { bucketStackPolicies, s3Rules } from "./s3";
import { kmsRules } from "./kms";
import { ec2Rules, networkStackPolicies } from "./ec2";
import { logsRules } from "./logs";
import { lbRules } from "./lb";
import { ecsRules, serviceStackPolicies } from "./ecs";
import { databaseStackPolicies, rdsRules } from "./rds";
import { iamRules } from "./iam";
import { tagRules } from "./tags";
import { instanceRules, snapshotStackPolicies } from "./ec2-instances";
import { subnetStackPolicies } from "./subnets";
import { messagingRules } from "./messaging";
import { dynamodbRules } from "./dynamodb";
import { lambdaRules } from "./lambda";
import { secretStackPolicies, secretsManagerRules } from "./secretsmanager";
import { cloudfrontRules, cloudfrontStackPolicies } from "./cloudfront";
import { apigatewayRules } from "./apigateway";
import { storageServiceRules } from "./storage-services";
import { ssmRules } from "./ssm";
import { ecrRules } from "./ecr";
import { eksRules } from "./eks";
import { eksNodeRules, eksNodeStackPolicies } from "./eks-nodes";
import { cloudtrailRules } from "./cloudtrail";
import { loadBalancerStackPolicies } from "./lb-security-groups";
import { sharingRules } from "./sharing";

/** Every AWS policy. */
export const awsPolicies: GroundworkPolicy[] = [
  ...[...s3Rules, ...kmsRules, ...ec2Rules, ...logsRules, ...lbRules, ...ecsRules, ...rdsRules, ...iamRules]
    .concat(instanceRules, messagingRules, dynamodbRules, lambdaRules, ecrRules, eksRules, cloudtrailRules)
    .concat(secretsManagerRules, ssmRules, cloudfrontRules, apigatewayRules, storageServiceRules)
    .concat(eksNodeRules, sharingRules, tagRules)
    .map(resourcePolicy),
  ...bucketStackPolicies,
  ...networkStackPolicies,
  ...databaseStackPolicies,
  ...subnetStackPolicies,
  ...snapshotStackPolicies,
  ...secretStackPolicies,
  ...loadBalancerStackPolicies,
  ...serviceStackPolicies,
  ...cloudfrontStackPolicies,
  ...eksNodeStackPolicies,
];
