// Answers to the data-source calls (invokes) that programs and components make, so an offline synth
// sees the values a real account would return. Region and project follow the stack config, or the
// explicit provider's inputs when the invoke goes through one. One row per token: the row's `answer`
// is what docs/offline-answers.md says, and that page is generated from these rows.
import { parseAllDocuments } from "yaml";
import { helmOnPath, helmTemplate } from "./helm";
import { InvokeContext, InvokeHandler, NoAnswer } from "./invoke-context";
import { AWS_ANSWERS } from "./invokes-aws";
import { AZURE_ANSWERS } from "./invokes-azure";
import { GCP_ANSWERS } from "./invokes-gcp";

export {
  FAKE_AWS_ACCOUNT,
  FAKE_AZURE_SUBSCRIPTION,
  FAKE_AZURE_TENANT,
  FAKE_GCP_PROJECT,
  InvokeContext,
  InvokeHandler,
  NoAnswer,
  awsPartition,
  awsRegion,
  fakeAmiId,
} from "./invoke-context";

/** Every document of a (multi-document) YAML text, as the Kubernetes provider's decode returns them. */
export function decodeYaml(text: string): unknown[] {
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0].message}`);
    const value: unknown = doc.toJS();
    // Empty documents (`---` at the end, comments only) are skipped, as the provider skips them.
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function helmChart(ctx: InvokeContext): Record<string, unknown> {
  const helm = helmOnPath();
  const empty = { result: [] };
  if (!helm) throw new NoAnswer("no `helm` binary on PATH to render the chart", "helm-template", empty);
  try {
    return { result: decodeYaml(helmTemplate(helm, String(ctx.args.jsonOpts ?? "{}"), process.cwd())) };
  } catch (err) {
    const e = err as Error & { stderr?: string };
    const detail = (e.stderr || e.message).trim().split("\n").slice(-3).join(" ");
    throw new NoAnswer(`helm template failed: ${detail}`, "helm-template", empty);
  }
}

/**
 * How close an answer is to the provider's: `computed` is what the provider itself computes without a cloud
 * (the same result); `public data` comes from a table the cloud publishes (zones, service accounts);
 * `config` is what the provider answers from its configuration; `shaped` stands in for what only an account
 * knows, with the provider's shape and invented, stable values (keys and tokens as secrets).
 */
export type Fidelity = "computed" | "public data" | "config" | "shaped";

/** One built-in answer: the token, what it answers and how faithfully (for the documentation), the handler. */
export interface OfflineAnswer {
  readonly token: string;
  readonly fidelity: Fidelity;
  readonly answer: string;
  readonly handler: InvokeHandler;
}

const KUBERNETES_ANSWERS: readonly OfflineAnswer[] = [
  {
    token: "kubernetes:yaml:decode",
    fidelity: "computed",
    answer: "the text parsed offline, every document (`yaml.ConfigFile` v1, `ConfigGroup`)",
    handler: (ctx) => ({ result: decodeYaml(String(ctx.args.text ?? "")) }),
  },
  {
    token: "kubernetes:helm:template",
    fidelity: "computed",
    answer: "the chart rendered by `helm template` when `helm` is on PATH; **incomplete** otherwise",
    handler: helmChart,
  },
];

/** The built-in answers, one row per token, cloud by cloud. */
export const OFFLINE_ANSWERS: readonly OfflineAnswer[] = [
  ...AWS_ANSWERS,
  ...GCP_ANSWERS,
  ...AZURE_ANSWERS,
  ...KUBERNETES_ANSWERS,
];

/** The built-in answers, by invoke token. */
export const DEFAULT_INVOKES: Readonly<Record<string, InvokeHandler>> = Object.fromEntries(
  OFFLINE_ANSWERS.map((a) => [a.token, a.handler]),
);
