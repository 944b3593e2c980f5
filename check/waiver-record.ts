// The record of a waiver Groundwork's pack annotated (policy/runtime/wrapper.ts), built one way whether the
// annotation came in-process or over the analyzer protocol, so both paths report the same waivers.
// Internal: not re-exported from the check entry.
import { Annotation } from "../policy/runtime/rule";
import { WaiverRecord } from "./report";

export function waiverRecord(
  pack: string,
  g: Extract<Annotation, { kind: "waiver" }>,
  urn: string | undefined,
): WaiverRecord {
  return {
    pack,
    policy: g.policy,
    pattern: g.pattern,
    // Only an applied waiver is tied to the resource it suppressed a finding on.
    urn: g.status === "applied" ? urn : undefined,
    reason: g.reason,
    owner: g.owner,
    expires: g.expires,
    status: g.status,
    message: g.finding,
  };
}
