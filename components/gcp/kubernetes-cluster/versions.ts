// GKE facts the cluster is built from (facts/gcp/kubernetes.json, each with its source): the minor
// versions each release channel offers, and the roles a least-privilege node service account holds. Pure
// data: no SDK.
import facts from "../../../facts/gcp/kubernetes.json";

/** The release channels a Groundwork cluster may follow: both take only versions Google has qualified. */
export const GKE_RELEASE_CHANNELS = ["REGULAR", "STABLE"] as const;

/** A release channel: `REGULAR` (dev, staging) or `STABLE` (prod, the default there). */
export type GkeReleaseChannel = (typeof GKE_RELEASE_CHANNELS)[number];

/** The Kubernetes minors each release channel offers, as read from Google's release notes (see source). */
export const GKE_VERSIONS: { readonly [C in GkeReleaseChannel]: readonly string[] } = facts.versions.channels;

/** The roles the node service account gets on the project, and nothing more. */
export const GKE_NODE_ROLES: readonly string[] = facts.nodeServiceAccountRoles.roles;

const compare = (a: string, b: string): number => Number(a.split(".")[1]) - Number(b.split(".")[1]);

/**
 * The default version floor: the newest minor every channel offers, so a dev cluster (REGULAR) and a prod
 * cluster (STABLE) start from the same floor and a profile change never asks for a version a channel
 * lacks.
 */
export const GKE_DEFAULT_VERSION: string = GKE_VERSIONS.STABLE.filter((v) => GKE_VERSIONS.REGULAR.includes(v))
  .sort(compare)
  .at(-1)!;
