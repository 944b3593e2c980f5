// Each cloud's provider SDK is an optional peer dependency. A cloud entry point checks for its SDK first,
// so a missing one is a sentence naming the package to install, not a bare "Cannot find module".

/**
 * Throws a clear error when `pkg` cannot be resolved from this package. `entry` is the import the caller
 * used (`@groundwork/infra/kubernetes`). Resolution only: nothing of the SDK is loaded here.
 */
export function requirePeerSdk(
  entry: string,
  pkg: string,
  resolve: (id: string) => string = require.resolve,
): void {
  try {
    resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(
      `${entry} needs the provider SDK ${pkg}, an optional peer dependency that is not installed: ` +
        `run \`npm install ${pkg}\` in your project`,
    );
  }
}
