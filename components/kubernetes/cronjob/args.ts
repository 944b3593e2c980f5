// CronJob arguments and their pure resolution: a scheduled batch job with the same pod hardening as every
// workload, and bounded runs: one at a time, a deadline, limited retries, history and a time to live set
// by the environment profile, and an explicit time zone.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { EnvironmentProfile } from "../../core/profiles";
import { argKeys } from "../../core/strict";
import { Validator } from "../../core/validate";
import { InitContainerArgs } from "../pod";
import { KUBERNETES_SIZES } from "../sizes";
import {
  ResolvedWorkload,
  WORKLOAD_ARG_KEYS,
  WorkloadArgs,
  resolveWorkload,
  withWeakened,
} from "../workload/base";

/** Arguments of {@link CronJob}. Any other key is refused (naming the closest valid one). */
export interface CronJobArgs extends WorkloadArgs {
  /**
   * The job's containers, run to completion (no ports, no probes). The first is the main container.
   */
  readonly containers: readonly InitContainerArgs[];
  /**
   * When to run, in cron syntax (`"30 2 * * *"`: minute, hour, day of month, month, day of week) or a
   * macro (`@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`). The time zone is `timeZone`'s; a
   * `TZ=` or `CRON_TZ=` prefix is refused (Kubernetes refuses it too).
   */
  readonly schedule: string;
  /**
   * The IANA time zone the schedule is read in (`Europe/Paris`); explicit, so a run never moves with the
   * control plane's clock.
   * @default "Etc/UTC"
   */
  readonly timeZone?: string;
  /**
   * What happens when a run is due while the last one still runs: `Forbid` skips the new run, `Replace`
   * stops the old one. `Allow` (runs pile up without bound) is a weakened default, recorded in the
   * `groundwork.dev/weakened` annotation and the `weakened` output.
   * @default "Forbid"
   */
  readonly concurrencyPolicy?: "Forbid" | "Replace" | "Allow";
  /** A run is stopped after this many seconds. @default the profile's (3600) */
  readonly activeDeadlineSeconds?: number;
  /** Retries of a failed pod before the run fails. @default the profile's (dev 1, staging and prod 3) */
  readonly backoffLimit?: number;
  /** A start missed by more than this many seconds is skipped. @default the profile's (dev and staging 300, prod 600) */
  readonly startingDeadlineSeconds?: number;
  /** How a failed container is retried: a new pod (`Never`) or in place (`OnFailure`). @default "Never" */
  readonly restartPolicy?: "Never" | "OnFailure";
  /** Create the CronJob suspended (no run is started until it is resumed). @default false */
  readonly suspend?: boolean;
}

/** The keys of {@link CronJobArgs}, checked against it by the compiler; any other key is refused. */
export const CRON_JOB_ARG_KEYS = argKeys<CronJobArgs>()([
  ...WORKLOAD_ARG_KEYS,
  ...(["containers", "schedule", "timeZone", "concurrencyPolicy", "activeDeadlineSeconds"] as const),
  ...(["backoffLimit", "startingDeadlineSeconds", "restartPolicy", "suspend"] as const),
]);

/** Everything the CronJob constructor wires, decided. */
export interface ResolvedCronJob extends ResolvedWorkload {
  readonly schedule: string;
  readonly timeZone: string;
  readonly concurrencyPolicy: "Forbid" | "Replace" | "Allow";
  readonly activeDeadlineSeconds: number;
  readonly backoffLimit: number;
  readonly startingDeadlineSeconds: number;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  readonly ttlSecondsAfterFinished: number;
  readonly restartPolicy: "Never" | "OnFailure";
  readonly suspend: boolean;
}

const MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
/** Each field's bounds and the names it takes (1-based months, 0-based days), as the controller's parser. */
const FIELDS: readonly {
  readonly lo: number;
  readonly hi: number;
  readonly names?: readonly string[];
  readonly base?: number;
}[] = [
  { lo: 0, hi: 59 },
  { lo: 0, hi: 23 },
  { lo: 1, hi: 31 },
  { lo: 1, hi: 12, names: MONTHS, base: 1 },
  { lo: 0, hi: 7, names: DAYS, base: 0 },
];
const SCHEDULE =
  'five cron fields (minute hour day-of-month month day-of-week, e.g. "30 2 * * *") or @hourly, @daily, @weekly, @monthly, @yearly';

/** True when one comma-separated part of a field (`*`, `5`, `1-5`, `MON-FRI`, a step such as every 15) is valid. */
function validPart(part: string, field: (typeof FIELDS)[number]): boolean {
  const m = /^(\*|\?|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
  if (!m) return false;
  if (m[2] !== undefined && Number(m[2]) === 0) return false;
  if (m[1] === "*" || m[1] === "?") return true;
  const value = (token: string): number | undefined => {
    if (/^\d+$/.test(token)) return Number(token);
    const at = field.names?.indexOf(token.toUpperCase()) ?? -1;
    return at < 0 ? undefined : at + (field.base ?? 0);
  };
  const bounds = m[1].split("-").map(value);
  return (
    bounds.every((b) => b !== undefined && b >= field.lo && b <= field.hi) &&
    (bounds.length === 1 || bounds[0]! <= bounds[1]!)
  );
}

/** Checks a schedule as the CronJob controller parses it (robfig/cron's standard parser). */
function checkSchedule(v: Validator, schedule: string): string {
  v.required("schedule", schedule, SCHEDULE);
  if (typeof schedule !== "string") v.fail("schedule", schedule, "is not a string", SCHEDULE);
  const s = schedule.trim();
  if (/^(CRON_)?TZ=/.test(s))
    v.fail(
      "schedule",
      schedule,
      "sets its time zone inline",
      "the schedule alone, with the zone in timeZone",
    );
  if (MACROS.includes(s)) return s;
  const fields = s.split(/\s+/);
  if (fields.length !== 5) v.fail("schedule", schedule, `has ${fields.length} fields`, SCHEDULE);
  fields.forEach((f, i) => {
    if (!f.split(",").every((part) => validPart(part, FIELDS[i])))
      v.fail("schedule", schedule, `has an invalid field ${JSON.stringify(f)}`, SCHEDULE);
  });
  return fields.join(" ");
}

/** Checks an IANA time zone name against the runtime's zone database. */
function checkTimeZone(v: Validator, zone: string | undefined): string {
  const tz = zone ?? "Etc/UTC";
  const expected = 'an IANA time zone such as "Europe/Paris" or "Etc/UTC"';
  if (typeof tz !== "string") v.fail("timeZone", tz, "is not a string", expected);
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    v.fail("timeZone", tz, "is not a time zone", expected);
  }
  // Offsets (`+01:00`) resolve in newer Intl versions but are not names in the controller's tz database.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(tz))
    v.fail("timeZone", tz, "is not an IANA zone name", expected);
  return tz;
}

/** Resolves a CronJob's arguments; throws a GroundworkInputError on the first bad value. */
export function resolveCronJobArgs(
  v: Validator,
  args: CronJobArgs,
  profile: EnvironmentProfile,
): ResolvedCronJob {
  const base = resolveWorkload(v, args, profile, {
    component: "kubernetes.CronJob",
    pod: "job",
    keys: CRON_JOB_ARG_KEYS,
    nameRule: "a CronJob name, at most 52 characters",
  });
  // The controller names each run `<cronjob>-<minutes since epoch>` (11 more characters), within 63.
  if (base.name.length > 52)
    v.fail(
      "name",
      base.name,
      "is longer than 52 characters",
      "a name of at most 52 characters (each run adds 11)",
    );
  const sizes = KUBERNETES_SIZES[profile.environment].job;
  const concurrencyPolicy = v.oneOf(
    "concurrencyPolicy",
    args.concurrencyPolicy,
    ["Forbid", "Replace", "Allow"] as const,
    "Forbid",
  );
  const r: ResolvedCronJob = {
    ...withWeakened(base, concurrencyPolicy === "Allow" ? ["concurrencyPolicy"] : []),
    schedule: checkSchedule(v, args.schedule),
    timeZone: checkTimeZone(v, args.timeZone),
    concurrencyPolicy,
    activeDeadlineSeconds: v.integer(
      "activeDeadlineSeconds",
      args.activeDeadlineSeconds,
      1,
      7 * 86400,
      sizes.activeDeadlineSeconds,
    ),
    backoffLimit: v.integer("backoffLimit", args.backoffLimit, 0, 20, sizes.backoffLimit),
    startingDeadlineSeconds: v.integer(
      "startingDeadlineSeconds",
      args.startingDeadlineSeconds,
      10,
      86400,
      sizes.startingDeadlineSeconds,
    ),
    successfulJobsHistoryLimit: sizes.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: sizes.failedJobsHistoryLimit,
    ttlSecondsAfterFinished: sizes.ttlSecondsAfterFinished,
    restartPolicy: v.oneOf("restartPolicy", args.restartPolicy, ["Never", "OnFailure"] as const, "Never"),
    suspend: v.boolean("suspend", args.suspend, false),
  };
  return r;
}

/** The CronJob spec: one job template of the hardened pod, bounded in time, retries and history. */
export function cronJobSpec(
  r: ResolvedCronJob,
  serviceAccountName: k8s.core.v1.PodSpec["serviceAccountName"],
): k8s.batch.v1.CronJobSpec {
  return {
    schedule: r.schedule,
    timeZone: r.timeZone,
    concurrencyPolicy: r.concurrencyPolicy,
    startingDeadlineSeconds: r.startingDeadlineSeconds,
    successfulJobsHistoryLimit: r.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: r.failedJobsHistoryLimit,
    suspend: r.suspend,
    jobTemplate: {
      metadata: { labels: r.labels },
      spec: {
        activeDeadlineSeconds: r.activeDeadlineSeconds,
        backoffLimit: r.backoffLimit,
        ttlSecondsAfterFinished: r.ttlSecondsAfterFinished,
        parallelism: 1,
        completions: 1,
        template: {
          metadata: {
            labels: r.labels,
            ...(Object.keys(r.podAnnotations).length > 0 ? { annotations: r.podAnnotations } : {}),
          },
          spec: { ...r.podSpec, serviceAccountName, restartPolicy: r.restartPolicy },
        },
      },
    },
  };
}
