import type { BuildOptions } from 'esbuild';

/**
 * How every function is bundled, in one place: `PorticoFunction` hands it to CDK, and the bench
 * rebuilds bundles with exactly these options to see what is in them.
 *
 * Stack traces: functions start without `--enable-source-maps`, which parsed the bundle's map on
 * every cold start (a median ~17 ms) to serve the rare trace. The map is still written beside the
 * bundle, in `cdk.out` and in the deployed package, where `npm run trace` reads it to turn a
 * logged trace's `index.mjs:1:48213` into our file and line. Names are minified too: `keepNames`
 * would make traces readable as logged, but it costs every cold start again (+27 KiB and ~6 % of
 * staff-update-settings' import, measured; zod's own import +60 %) for what the map already gives.
 */
export const functionBundling = {
  format: 'esm',
  target: 'node24',
  minify: true,
  keepNames: false,
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
