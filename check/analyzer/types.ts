// The analyzer host's contract: its options, what it returns, and the one error it throws.
import { PolicyReport } from "../report";
import { PolicyPackConfig } from "../policy-config";

/** The pack could not be started, crashed, hung, or answered with an error. */
export class AnalyzerError extends Error {
  constructor(
    message: string,
    readonly packDir: string,
  ) {
    super(message);
    this.name = "AnalyzerError";
  }
}

export interface AnalyzerHostOptions {
  readonly project: string;
  readonly stack: string;
  /** Preview (`PULUMI_NODEJS_DRY_RUN=true`). @default true */
  readonly preview?: boolean;
  /** The stack config the pack sees through `pulumi.Config` (`PULUMI_CONFIG`), namespaced keys. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly secretKeys?: readonly string[];
  /** The pack's policy config, as in a `--policy-pack-config` file. @default {} */
  readonly policyConfig?: PolicyPackConfig;
  /** Where the policy config came from, for error messages. */
  readonly policyConfigFile?: string;
  /** How long the pack may take to print its port. @default 60000 */
  readonly startTimeoutMs?: number;
  /** How long one RPC may take. @default 60000 */
  readonly rpcTimeoutMs?: number;
  /** The clock waivers the gate applies are judged against. @default the current time */
  readonly now?: Date;
  /** Analyze calls in flight at once. @default 64 */
  readonly concurrency?: number;
}

/** A message the pack logged through the engine's Log RPC. */
export interface AnalyzerLog {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn?: string;
}

export interface AnalyzerRun extends PolicyReport {
  readonly packName: string;
  readonly packVersion: string;
  readonly logs: readonly AnalyzerLog[];
}

export const DEFAULT_TIMEOUT_MS = 60_000;
