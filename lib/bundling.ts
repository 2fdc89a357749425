import type { BuildOptions } from 'esbuild';

/**
 * How every function is bundled, in one place: `PorticoFunction` hands it to CDK, and the bench
 * rebuilds bundles with exactly these options to see what is in them.
 *
 * Stack traces: functions start without `--enable-source-maps`, which parsed the bundle's map on
 * every cold start (a median ~17 ms) to serve the rare trace. Names stay readable instead
 * (`keepNames`: `at DynamoDriveStore.get (file:///var/task/index.mjs:1:48213)`), and the map is
 * still written beside the bundle, in `cdk.out` and in the deployed package, where
 * `npm run trace` reads it to turn those positions into our files and lines.
 */
export const functionBundling = {
  format: 'esm',
  target: 'node24',
  minify: true,
  keepNames: true,
  sourceMap: true,
  // ESM bundles need a require() for the few CommonJS dependencies that call it.
  banner: "import { createRequire as __portico_cr } from 'module';const require = __portico_cr(import.meta.url);",
  mainFields: ['module', 'main'],
} as const;

/** The same, as esbuild's own API takes it: for the bench and the tests that rebuild a function. */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: functionBundling.format,
  target: functionBundling.target,
  minify: functionBundling.minify,
  keepNames: functionBundling.keepNames,
  sourcemap: functionBundling.sourceMap,
  banner: { js: functionBundling.banner },
  mainFields: [...functionBundling.mainFields],
} satisfies BuildOptions;
