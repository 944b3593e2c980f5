// Container image references: the one rule for "pinned" that every component (ECS, Kubernetes, Cloud Run,
// Container Apps), the reference stacks' config and the policy pack share, so they can never disagree.

// registry[:port]/ path components / name, then an optional tag and an optional sha256 digest.
const IMAGE_REF =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** What a pinned image looks like, in the words every error message uses. */
export const PINNED_IMAGE_EXPECTED =
  "an image pinned to a tag other than latest or to a digest (repo:1.2.3 or repo@sha256:…)";

/**
 * What is wrong with an image reference, or undefined when it is pinned: a tag other than `latest`, or a
 * digest (a digest pins even beside `latest`). Pure, for components, config schemas and policies alike.
 */
export function imageReferenceProblem(image: unknown): string | undefined {
  if (typeof image !== "string") return "is not a string";
  if (image.trim() === "") return "is empty";
  const m = IMAGE_REF.exec(image);
  if (!m) {
    return image.includes("@")
      ? "is not a valid image reference (malformed digest)"
      : "is not a valid image reference";
  }
  const [, tag, digest] = m;
  if (digest !== undefined) return undefined;
  if (tag === undefined) return "is not pinned (no tag or digest)";
  if (tag === "latest") return "uses the mutable tag latest";
  return undefined;
}

/** The tag of an image reference, or the first 12 hex digits of its digest; undefined when it has neither. */
export function imageTag(image: string): string | undefined {
  const m = IMAGE_REF.exec(image);
  return m?.[1] ?? (m?.[2] ? m[2].slice(7, 19) : undefined);
}
