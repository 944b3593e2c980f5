// The physical names a ContainerService derives from its component name, each with the rule AWS holds
// it to. The load balancer's 32 characters are the tightest: past 20 characters of component name, the
// load balancer and target group take shortened, hashed names (core's `fittedName`), as does any other
// name that would pass its limit.
import { DerivedName, fittedNameArg } from "../../core";
import {
  ECS_NAME,
  ELB_NAME,
  IAM_POLICY_NAME,
  IAM_ROLE_NAME_RULE,
  LOG_GROUP_NAME,
  S3_BUCKET_NAME,
  SECURITY_GROUP_NAME,
  autoNamed,
  keyAliasNamed,
} from "../naming";

/** Each name made from the component's, by child. */
export const SERVICE_NAMES = {
  alb: autoNamed("the load balancer", ELB_NAME, "alb"),
  tg: autoNamed("the target group", ELB_NAME, "tg"),
  // The task definition family is the component name itself.
  family: { what: "the task definition family", rule: ECS_NAME, prefix: (n: string) => n, random: 0 },
  cluster: autoNamed("the cluster", ECS_NAME, "cluster"),
  service: autoNamed("the service", ECS_NAME, "service"),
  executionRole: autoNamed("the execution role", IAM_ROLE_NAME_RULE, "execution-role"),
  taskRole: autoNamed("the task role", IAM_ROLE_NAME_RULE, "task-role"),
  executionPolicy: autoNamed("the execution policy", IAM_POLICY_NAME, "execution-policy"),
  albSg: autoNamed("the load balancer security group", SECURITY_GROUP_NAME, "alb-sg"),
  taskSg: autoNamed("the task security group", SECURITY_GROUP_NAME, "task-sg"),
  logs: autoNamed("the log group", LOG_GROUP_NAME, "logs"),
  albLogsBucket: autoNamed("the access log bucket", S3_BUCKET_NAME, "alb-logs-bucket", true),
} satisfies Record<string, DerivedName>;

/** The children a service on a ContainerPlatform does not make: the platform's load balancer and cluster. */
const PLATFORM_OWNED: readonly (keyof typeof SERVICE_NAMES)[] = ["alb", "cluster", "albSg", "albLogsBucket"];

/** The names a ContainerPlatform makes from its own: the children its services share. */
export function platformNames(): DerivedName[] {
  return PLATFORM_OWNED.map((k) => SERVICE_NAMES[k]);
}

/**
 * Every name made from the component's; `createsKey` when the service makes its own `<name>-key`; `shared`
 * when it is on a ContainerPlatform (no load balancer, cluster or access log bucket of its own).
 */
export function serviceNames(createsKey: boolean, shared = false): DerivedName[] {
  const own = (Object.keys(SERVICE_NAMES) as (keyof typeof SERVICE_NAMES)[]).filter(
    (k) => !shared || !PLATFORM_OWNED.includes(k),
  );
  return [...own.map((k) => SERVICE_NAMES[k]), ...(createsKey ? [keyAliasNamed("key")] : [])];
}

/** `{ name }` for a child whose auto-name would pass its limit, `{}` otherwise (the provider names it). */
export function fittedArg(child: keyof typeof SERVICE_NAMES, componentName: string): { name?: string } {
  return fittedNameArg("name", SERVICE_NAMES[child], componentName);
}
