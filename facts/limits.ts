// Service limits each cloud holds a deployment to (quotas, sizes), and the support windows of the engines
// it runs, as data with their sources: facts/<cloud>/limits.json and facts/<cloud>/lifecycle.json. Components check what they can count before anything registers; the stack
// tests add up what the reference stacks need per account and region. Loaded by components, so this module
// reads only the small limit files, never the resource facts.

/** One limit: its value, what it counts, where it applies, whether it can be raised, and its source. */
export interface LimitFact {
  readonly value: number;
  /** What the value counts (`Elastic IP addresses`, `characters`). */
  readonly unit: string;
  /** Where the limit applies (`per account and region`, `per role, all inline policies together`). */
  readonly scope: string;
  /** True when a quota increase can raise it; the highest value it can be raised to, when known. */
  readonly adjustable: boolean;
  readonly maximum?: number;
  /** The Service Quotas code, when the limit has one. */
  readonly quotaCode?: string;
  readonly source: string;
  readonly note?: string;
}

/** A file `facts/<cloud>/limits.json`: limits by a stable key (`ec2.elasticIpsPerRegion`). */
export type LimitsFile = Readonly<Record<string, LimitFact>>;

/** One engine major version's support window. */
export interface EngineMajorFact {
  /** The day standard support ends (ISO date); paid extended support, or a forced upgrade, follows. */
  readonly standardSupportEnds: string;
  readonly source: string;
}

/** A file `facts/<cloud>/lifecycle.json`: per engine, its major versions' support windows. */
export type LifecycleFile = Readonly<
  Record<
    string,
    {
      readonly kind: string;
      readonly source: string;
      readonly majors: Readonly<Record<string, EngineMajorFact>>;
    }
  >
>;

/** One limit by its key in a cloud's limits file; `file` names it in the error when the key is missing. */
export function limitIn(limits: LimitsFile, file: string, key: string): LimitFact {
  const limit = limits[key];
  if (limit === undefined) throw new Error(`${file} has no limit ${key}`);
  return limit;
}
