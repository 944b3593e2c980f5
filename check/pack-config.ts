// Every pack first-class: what a `--policy-pack-config` says applies to a user's pack as it does to the
// built-in one. Where the pack cannot apply it, the gate does (waivers under a policy that does not read
// them; a level the user configured that the pack's finding does not carry), and a setting that would
// change nothing (a property the policy does not declare) is refused, never dropped in silence.
import { WAIVER_POLICY, WAIVER_SEVERITY, defaultLevel } from "../policy/runtime/rule";
import { checkWaivers, refusedWaiverMessage } from "../policy/runtime/waivers";
import { DescribedPolicy, PolicyPackConfig, levelFiledUnder, parsePolicyPackConfig } from "./policy-config";
import { EnforcementLevel, PolicyReport, Violation, WaiverRecord } from "./report";
import { closestName } from "./suggest";

/** The config as the pack is given it, and what the gate applies itself. */
export interface GateConfig {
  /** The user's config less what the gate applies (waivers of policies that do not read them). */
  readonly forPack: PolicyPackConfig;
  /** Waivers, per policy, that the gate applies because the policy does not. */
  readonly waivers: Readonly<Record<string, unknown>>;
  /** The levels the user configured (`all`, then per policy): a finding of that policy carries it. */
  readonly levels: Readonly<Record<string, EnforcementLevel>>;
}

const declared = (p: DescribedPolicy | undefined): readonly string[] =>
  Object.keys(p?.schema?.properties ?? {});

/** Refuses a property a policy does not declare: the pack would be given it and change nothing. */
function checkProperties(pack: string, p: DescribedPolicy, props: Readonly<Record<string, unknown>>): void {
  const known = declared(p);
  for (const key of Object.keys(props)) {
    if (known.includes(key) || key === "waivers") continue;
    const near = closestName(key, known);
    throw new Error(
      `policy pack '${pack}': config for policy "${p.name}" sets "${key}", which the policy does not read` +
        (known.length
          ? ` (it reads ${known.map((k) => `"${k}"`).join(", ")}${near ? `; did you mean "${near}"?` : ""})`
          : " (it declares no config)") +
        "; the setting would change nothing",
    );
  }
}

/**
 * Splits a pack's config into what the pack is sent and what the gate applies, refusing what would be
 * silently ignored. Unknown policy names are left to `reconcilePolicyConfig`, which names them.
 */
export function gateConfig(
  pack: string,
  policies: readonly DescribedPolicy[],
  given: PolicyPackConfig,
): GateConfig {
  const parsed = parsePolicyPackConfig(given);
  const byName = new Map(policies.map((p) => [p.name, p]));
  const forPack: Record<string, unknown> = { ...given };
  const waivers: Record<string, unknown> = {};
  const levels: Record<string, EnforcementLevel> = {};
  const all = parsed.all?.enforcementLevel;
  // `all` covers every policy, and the findings the gate files on refused waivers.
  if (all) for (const name of [...policies.map((p) => p.name), WAIVER_POLICY]) levels[name] = all;
  for (const [name, entry] of Object.entries(parsed)) {
    const p = byName.get(name);
    if (name === "all" || !p) continue;
    if (entry.enforcementLevel) levels[name] = entry.enforcementLevel;
    const props = entry.properties ?? {};
    checkProperties(pack, p, props);
    // A policy that declares `waivers` (Groundwork's own) applies them; for any other, the gate does.
    if ("waivers" in props && !declared(p).includes("waivers")) {
      waivers[name] = props.waivers;
      const { waivers: _taken, ...rest } = given[name] as Record<string, unknown>;
      forPack[name] = rest;
    }
  }
  return { forPack, waivers, levels };
}

/** A finding's level under the user's config; undefined when the policy is disabled (drop it). */
function configuredLevel(v: Violation, gate: GateConfig): EnforcementLevel | undefined {
  const level = v.policy === WAIVER_POLICY ? undefined : gate.levels[v.policy];
  if (level === undefined) return v.enforcementLevel;
  if (level === "disabled") return undefined;
  return level === "remediate" ? "mandatory" : level;
}

/**
 * The pack's findings with the config applied where the pack did not apply it: the user's levels, and the
 * waivers of policies that do not read waivers (applied ones suppress their finding and are recorded; a
 * refused one is recorded and is itself a finding, as Groundwork's pack files it).
 */
export function applyGateConfig(
  report: PolicyReport,
  pack: string,
  gate: GateConfig,
  now: Date,
  stackUrn?: string,
): PolicyReport {
  let violations = report.violations.flatMap((v) => {
    const level = v.pack === pack ? configuredLevel(v, gate) : v.enforcementLevel;
    return level === undefined ? [] : [{ ...v, enforcementLevel: level }];
  });
  const waivers: WaiverRecord[] = [...report.waivers];
  const refusedLevel = levelFiledUnder(defaultLevel(WAIVER_SEVERITY), gate.levels[WAIVER_POLICY]);
  for (const [policy, raw] of Object.entries(gate.waivers)) {
    for (const w of checkWaivers(raw, now)) {
      const base = { pack, policy, pattern: w.pattern, reason: w.reason, owner: w.owner, expires: w.expires };
      if (w.status !== "valid") {
        waivers.push({ ...base, status: w.status });
        if (refusedLevel)
          violations.push({
            pack,
            policy: WAIVER_POLICY,
            enforcementLevel: refusedLevel,
            severity: WAIVER_SEVERITY,
            urn: stackUrn,
            message: refusedWaiverMessage(policy, w),
          });
        continue;
      }
      const waived = (v: Violation): boolean =>
        v.pack === pack && v.policy === policy && v.urn !== undefined && w.matches(v.urn);
      for (const v of violations.filter(waived))
        waivers.push({ ...base, urn: v.urn, status: "applied", message: v.message });
      violations = violations.filter((v) => !waived(v));
    }
  }
  return { ...report, violations, waivers };
}
