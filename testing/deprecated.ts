// Names `@groundwork/infra/testing` exported in 0.1 that belong elsewhere since 0.2.0: the gate's parts
// moved to `@groundwork/infra/check`, and a few engine internals leave the public entry. Kept one minor
// version so users' imports keep working; each says where to go.
import * as analyzer from "../check/analyzer/host";
import * as policyConfig from "../check/policy-config";
import * as project from "../check/project";
import type * as report from "../check/report";
import * as reporters from "../check/reporters";
import * as monitor from "../engine/monitor";
import * as program from "../engine/program";

/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const runPolicyPack = analyzer.runPolicyPack;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const AnalyzerError = analyzer.AnalyzerError;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type AnalyzerError = analyzer.AnalyzerError;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type AnalyzerHostOptions = analyzer.AnalyzerHostOptions;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type AnalyzerLog = analyzer.AnalyzerLog;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type AnalyzerRun = analyzer.AnalyzerRun;

/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const ProjectError = project.ProjectError;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type ProjectError = project.ProjectError;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const UnknownStackError = project.UnknownStackError;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type UnknownStackError = project.UnknownStackError;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type PulumiProject = project.PulumiProject;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type StackConfig = project.StackConfig;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const loadProject = project.loadProject;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const listStacks = project.listStacks;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const loadStackConfig = project.loadStackConfig;

/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type PolicyPackConfig = policyConfig.PolicyPackConfig;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type PolicyConfigEntry = policyConfig.PolicyConfigEntry;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type DescribedPolicy = policyConfig.DescribedPolicy;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const loadPolicyConfigFile = policyConfig.loadPolicyConfigFile;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const parsePolicyPackConfig = policyConfig.parsePolicyPackConfig;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const reconcilePolicyConfig = policyConfig.reconcilePolicyConfig;

/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type EnforcementLevel = report.EnforcementLevel;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type Severity = report.Severity;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type PolicyInfo = report.PolicyInfo;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type Violation = report.Violation;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type WaiverRecord = report.WaiverRecord;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type Remediation = report.Remediation;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type Undecided = report.Undecided;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type PolicyReport = report.PolicyReport;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type CheckReport = report.CheckReport;

/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const toTable = reporters.toTable;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type TableOptions = reporters.TableOptions;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const toJson = reporters.toJson;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const toSarif = reporters.toSarif;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type SarifOptions = reporters.SarifOptions;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const toJunit = reporters.toJunit;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const redact = reporters.redact;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export type ReportFormat = reporters.ReportFormat;
/** @deprecated import from "@groundwork/infra/check" (moved in 0.2.0) */
export const REPORT_FORMATS = reporters.REPORT_FORMATS;

/** @deprecated engine internal, leaves the public entry in 0.3.0: pass options to `synth` instead */
export const GroundworkMonitor = monitor.GroundworkMonitor;
/** @deprecated engine internal, leaves the public entry in 0.3.0: pass options to `synth` instead */
export type GroundworkMonitor = monitor.GroundworkMonitor;
/** @deprecated engine internal, leaves the public entry in 0.3.0: read URNs from the synthesized graph */
export const makeUrn = monitor.makeUrn;
/** @deprecated engine internal, leaves the public entry in 0.3.0: `SynthError.location` carries it */
export const programLocation = program.programLocation;
/** @deprecated engine internal, leaves the public entry in 0.3.0: `synth` namespaces config itself */
export const normalizeConfig = program.normalizeConfig;
