// The Kubernetes minors an EKS cluster may be created on and the add-on versions pinned for each, from
// facts/aws/eks.json (each entry with its source). Pure data: no provider SDK loads here.
import eksFacts from "../../../facts/aws/eks.json";

/** The add-ons every cluster gets, by their EKS add-on names. */
export const EKS_ADDONS = [
  "vpc-cni",
  "coredns",
  "kube-proxy",
  "aws-ebs-csi-driver",
  "eks-pod-identity-agent",
] as const;
export type EksAddon = (typeof EKS_ADDONS)[number];

/** One Kubernetes minor's EKS support window. */
export interface EksVersionFact {
  readonly released: string;
  /** The day EKS standard support ends; paid extended support (the default) follows. */
  readonly standardSupportEnds: string;
  /** The day extended support ends; EKS then upgrades the cluster itself. */
  readonly extendedSupportEnds: string;
  readonly source: string;
}

interface EksFacts {
  readonly kubernetes: { readonly source: string; readonly versions: Record<string, EksVersionFact> };
  readonly addons: {
    readonly source: string;
    readonly byVersion: Record<string, Record<EksAddon, string>>;
    readonly sources: Record<EksAddon, string>;
  };
}

const FACTS = eksFacts as unknown as EksFacts;

/** The Kubernetes minors the component accepts, oldest first: every one with a support window and add-ons. */
export const EKS_KUBERNETES_VERSIONS: readonly string[] = Object.keys(FACTS.kubernetes.versions)
  .filter((v) => FACTS.addons.byVersion[v] !== undefined)
  .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));

/** The newest listed minor: the default. */
export const EKS_DEFAULT_VERSION: string = EKS_KUBERNETES_VERSIONS[EKS_KUBERNETES_VERSIONS.length - 1];

/** Where the supported list comes from. */
export const EKS_VERSIONS_SOURCE: string = FACTS.kubernetes.source;

/** The support window of a listed minor. */
export function eksVersion(version: string): EksVersionFact | undefined {
  return FACTS.kubernetes.versions[version];
}

/** The pinned add-on versions for a listed minor. */
export function eksAddonVersions(version: string): Readonly<Record<EksAddon, string>> {
  const pinned = FACTS.addons.byVersion[version];
  if (pinned === undefined) throw new Error(`facts/aws/eks.json pins no add-ons for Kubernetes ${version}`);
  return pinned;
}
