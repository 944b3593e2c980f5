// The coverage matrix's shape: per cloud, the services programs deploy, and for each service the controls a
// reviewer expects, each covered by rules of the pack, deliberately not covered (with the reason), or a gap.
import type { Area } from "../runtime/rule";

/** Where a control stands. */
export type Status =
  | { readonly kind: "covered"; readonly rules: readonly string[] }
  | { readonly kind: "not-covered"; readonly reason: string }
  | { readonly kind: "gap"; readonly note: string };

/** Covered by these rules (their names in the pack). */
export const covered = (...rules: string[]): Status => ({ kind: "covered", rules });
/** Deliberately not covered, and why. */
export const notCovered = (reason: string): Status => ({ kind: "not-covered", reason });
/** Not covered yet: what a rule would need. */
export const gap = (note: string): Status => ({ kind: "gap", note });

/** One control a reviewer expects of a service. */
export interface Control {
  readonly control: string;
  /** Checkov check ids and CIS benchmark sections (`CKV_AWS_20`, `CIS AWS 2.1.4`, `CIS EKS 5.4.1`). */
  readonly refs: readonly string[];
  readonly status: Status;
}

export function control(text: string, refs: readonly string[], status: Status): Control {
  return { control: text, refs, status };
}

/** One service: the resource types that make it, and its controls. */
export interface Service {
  readonly service: string;
  /** Pulumi type tokens of the resources a program declares for it. */
  readonly types: readonly string[];
  /** The Terraform resource types Checkov's checks for it target (its catalogue is keyed by them). */
  readonly checkov: readonly string[];
  readonly controls: readonly Control[];
}

/** A cloud's matrix. */
export interface CloudCoverage {
  readonly cloud: string;
  readonly area: Area;
  /** The benchmarks the CIS references cite, with their version. */
  readonly benchmarks: readonly string[];
  readonly services: readonly Service[];
}
