// Waivers: exceptions to a policy for resources matched by URN pattern, declared in the pack config
// under the waived policy, each with a reason, an owner and an expiry. Pure logic, no CrossGuard types.

/** One waiver as written in the pack config (`"<policy>": { "waivers": [ ... ] }`). */
export interface WaiverSpec {
  /** URN glob: `*` matches any run of characters, `?` one character. */
  readonly urn: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date (`2026-12-31`): the waiver applies up to and including that day (UTC). */
  readonly expires: string;
}

/** A waiver after checking: usable, or refused with why. */
export interface CheckedWaiver {
  readonly index: number;
  readonly pattern: string;
  readonly reason?: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly status: "valid" | "expired" | "missing-reason" | "invalid";
  /** Why it was refused, for the violation message. */
  readonly problem?: string;
  readonly matches: (urn: string) => boolean;
}

/** JSON schema of the `waivers` property every Groundwork policy accepts in its config. */
export const WAIVERS_SCHEMA = {
  type: "array",
  description: "Exceptions to this policy for resources whose URN matches `urn` (a glob).",
  items: {
    type: "object",
    properties: {
      urn: { type: "string", description: "URN glob; `*` matches any characters." },
      reason: { type: "string", description: "Why the exception is acceptable." },
      owner: { type: "string", description: "Who answers for the exception." },
      expires: { type: "string", description: "Last day the waiver applies (YYYY-MM-DD, UTC)." },
    },
    required: ["urn"],
  },
} as const;

// `*` and `?` never match a line terminator: the glob used to be compiled to a RegExp (`.` per character),
// and a waiver must keep matching exactly what it matched before.
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * A glob matcher in O(pattern × name) time whatever the input: the set of pattern positions reachable so
 * far is stepped once per character of the name. (A RegExp built from `*a*a*a…` backtracks
 * exponentially on a long name that does not match, which let a config hang the gate.)
 */
function globMatcher(glob: string): (name: string) => boolean {
  // UTF-16 code units, as the RegExp (no `u` flag) counted them: `?` is one unit.
  const p = glob.split("");
  const m = p.length;
  // Adds `i` and every position reachable from it by letting a `*` match nothing.
  const close = (set: Uint8Array, i: number): void => {
    while (i <= m && !set[i]) {
      set[i] = 1;
      if (p[i] !== "*") return;
      i++;
    }
  };
  return (name: string): boolean => {
    let cur = new Uint8Array(m + 1);
    let next = new Uint8Array(m + 1);
    close(cur, 0);
    for (let k = 0; k < name.length; k++) {
      const c = name[k];
      next.fill(0);
      const wild = !LINE_TERMINATOR.test(c);
      let any = false;
      for (let i = 0; i < m; i++) {
        if (!cur[i]) continue;
        if (p[i] === "*" ? wild : (p[i] === "?" && wild) || p[i] === c) {
          close(next, p[i] === "*" ? i : i + 1);
          any = true;
        }
      }
      if (!any) return false;
      [cur, next] = [next, cur];
    }
    return cur[m] === 1;
  };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** End of the expiry day (UTC), or undefined when `expires` is not a YYYY-MM-DD date. */
export function expiryInstant(expires: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expires);
  if (!m) return undefined;
  const end = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999));
  // Date.UTC rolls 2026-02-30 over to March; refuse it rather than guess.
  if (end.getUTCMonth() !== Number(m[2]) - 1 || end.getUTCDate() !== Number(m[3])) return undefined;
  return end;
}

/**
 * Checks the waivers of one policy. A waiver without a reason, owner or readable expiry, or one whose
 * expiry has passed, never suppresses anything and is reported as a violation itself.
 */
export function checkWaivers(raw: unknown, now: Date): CheckedWaiver[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((entry, index): CheckedWaiver => {
    const w = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
    const pattern = text(w.urn) ?? "";
    const reason = text(w.reason);
    const owner = text(w.owner);
    const expires = text(w.expires);
    const base = { index, pattern, reason, owner, expires };
    const refused = (status: CheckedWaiver["status"], problem: string): CheckedWaiver => ({
      ...base,
      status,
      problem,
      matches: () => false,
    });
    if (pattern === "") return refused("invalid", "has no `urn` pattern");
    if (reason === undefined) return refused("missing-reason", "has no reason");
    if (owner === undefined) return refused("invalid", "has no owner");
    if (expires === undefined) return refused("invalid", "has no expiry date");
    const end = expiryInstant(expires);
    if (end === undefined)
      return refused("invalid", `has an unreadable expiry ${JSON.stringify(expires)} (expected YYYY-MM-DD)`);
    if (end.getTime() < now.getTime()) return refused("expired", `expired on ${expires}`);
    return { ...base, status: "valid", matches: globMatcher(pattern) };
  });
}

/**
 * What the finding on a refused waiver says: one wording whether Groundwork's pack refused it or the gate
 * did (for a pack whose policies do not read waivers themselves).
 */
export function refusedWaiverMessage(
  policy: string,
  w: Pick<CheckedWaiver, "index" | "pattern" | "problem">,
): string {
  return (
    `waiver #${w.index + 1} for policy "${policy}" (urn ${JSON.stringify(w.pattern)}) ${w.problem}; ` +
    "it suppresses nothing: renew it with a reason, owner and future expiry, or remove it"
  );
}
