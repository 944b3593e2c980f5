// A ContainerService on a shared ContainerPlatform: the platform checked, the load balancer's own arguments
// refused (they are the platform's), and the service's listener rule priority claimed once per platform.
import { Validator } from "../../core";
import { PlatformParts, platformParts } from "../container-platform";
import { Route, RouteArgs, resolveRoute } from "./access";

/** The arguments of a load balancer of the service's own, which a shared platform decides instead. */
const FRONT_FIELDS = [
  "certificateArn",
  "internetFacing",
  "allowedCidrBlocks",
  "loadBalancerSubnetIds",
  "loadBalancerDeletionProtection",
] as const;

/** The platform's parts; undefined without `platform`. Refuses anything else, and the front's own fields. */
export function sharedPlatform(
  v: Validator,
  args: { readonly platform?: unknown } & { readonly [K in (typeof FRONT_FIELDS)[number]]?: unknown },
): PlatformParts | undefined {
  if (args.platform === undefined) return undefined;
  const parts = platformParts(args.platform);
  if (parts === undefined) {
    const shown =
      typeof args.platform === "object" ? "(an object that is not a ContainerPlatform)" : args.platform;
    v.fail("platform", shown, "is not a ContainerPlatform", "a ContainerPlatform made in this program");
  }
  for (const field of FRONT_FIELDS) {
    if (args[field] !== undefined) {
      v.fail(
        field,
        args[field],
        `is the platform's: the service shares the load balancer of ContainerPlatform "${parts.name}"`,
        `no ${field} here (set it on the ContainerPlatform)`,
      );
    }
  }
  return parts;
}

/**
 * The service's listener rule on the platform, checked; a priority another service holds is refused. The
 * priority is taken only by `claim`, once every other argument has passed, so a service refused for another
 * reason leaves it free.
 */
export function checkRoute(
  v: Validator,
  args: RouteArgs,
  platform: PlatformParts,
): { route: Route; claim: () => void } {
  const route = resolveRoute(v, args);
  const holder = platform.priorities.get(route.priority);
  if (holder !== undefined) {
    v.fail(
      "listenerPriority",
      route.priority,
      `is already the priority of service "${holder}" on ContainerPlatform "${platform.name}"`,
      "a priority no other service on the platform uses",
    );
  }
  return { route, claim: () => void platform.priorities.set(route.priority, v.resourceName) };
}
