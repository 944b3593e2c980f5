// The physical names a ContainerService derives from its component name, each with the rule AWS holds
// it to: the load balancer's 32 characters are the tightest, so names are at most 20 characters.
import { DerivedName } from "../../core";
import {
  ECS_NAME,
  ELB_NAME,
  IAM_ROLE_NAME_RULE,
  LOG_GROUP_NAME,
  S3_BUCKET_NAME,
  SECURITY_GROUP_NAME,
  autoNamed,
  keyAliasNamed,
} from "../naming";

/**
 * Every name made from the component's; `createsKey` when the service makes its own `<name>-key`; `shared`
 * when it is on a ContainerPlatform (no load balancer, cluster or access log bucket of its own).
 */
export function serviceNames(createsKey: boolean, shared = false): DerivedName[] {
  const own = new Set([
    "the load balancer",
    "the cluster",
    "the load balancer security group",
    "the access log bucket",
  ]);
  const names: DerivedName[] = [
    autoNamed("the load balancer", ELB_NAME, "alb"),
    autoNamed("the target group", ELB_NAME, "tg"),
    // The task definition family is the component name itself.
    { what: "the task definition family", rule: ECS_NAME, prefix: (n) => n, random: 0 },
    autoNamed("the cluster", ECS_NAME, "cluster"),
    autoNamed("the service", ECS_NAME, "service"),
    autoNamed("the execution role", IAM_ROLE_NAME_RULE, "execution-role"),
    autoNamed("the task role", IAM_ROLE_NAME_RULE, "task-role"),
    autoNamed("the load balancer security group", SECURITY_GROUP_NAME, "alb-sg"),
    autoNamed("the task security group", SECURITY_GROUP_NAME, "task-sg"),
    autoNamed("the log group", LOG_GROUP_NAME, "logs"),
    autoNamed("the access log bucket", S3_BUCKET_NAME, "alb-logs-bucket", true),
    ...(createsKey ? [keyAliasNamed("key")] : []),
  ];
  return names.filter((n) => !shared || !own.has(n.what));
}
