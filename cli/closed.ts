// The gate's own process, closed (ADR 0014). Imported first by main.ts, so it runs before anything else of
// the gate: from here on SIGUSR1 (which makes Node open its inspector, where anyone on the machine could
// rewrite the verdict) has a listener, and the inspector stays closed. main.ts then makes every catchable
// signal end the check with exit 2.
process.on("SIGUSR1", () => undefined);

// Node options that are harmless in the gate: memory, warnings, certificates. Anything else (--require,
// --import, --loader, --inspect, --env-file, --eval …) would run code, or let code in, before the gate's
// first line runs.
const HARMLESS = [
  /^--max-old-space-size=\d+$/,
  /^--max-semi-space-size=\d+$/,
  /^--no-warnings$/,
  /^--no-deprecation$/,
  /^--trace-warnings$/,
  /^--enable-source-maps$/,
  /^--use-openssl-ca$/,
  /^--use-bundled-ca$/,
  /^--dns-result-order=(ipv4first|ipv6first|verbatim)$/,
];

/**
 * Why the gate must not run with these Node options, or undefined when it may. NODE_OPTIONS is split on
 * whitespace; a quote in it is refused outright (no harmless option needs one).
 */
export function nodeOptionsRefusal(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): string | undefined {
  const fromEnv = (env.NODE_OPTIONS ?? "").trim();
  const envTokens = fromEnv ? fromEnv.split(/\s+/) : [];
  const bad = (t: string): boolean => /["'\\]/.test(t) || !HARMLESS.some((re) => re.test(t));
  const offending = [
    ...(envTokens.some(bad) ? [`NODE_OPTIONS=${JSON.stringify(fromEnv)}`] : []),
    ...(execArgv.some(bad) ? [`node ${execArgv.join(" ")}`] : []),
  ];
  if (offending.length === 0) return undefined;
  return (
    `refusing to run with ${offending.join(", ")}: Node options like these load code into the gate (or ` +
    "open a debugger) before the check starts, and a project's .npmrc `node-options` sets NODE_OPTIONS " +
    "for `npx groundwork` run inside it. Run the gate from its own install, outside the project under " +
    "check, without them; or pass --allow-node-options if your environment needs them"
  );
}
