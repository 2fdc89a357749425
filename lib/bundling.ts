/**
 * How every function is bundled, in one place: `PorticoFunction` hands it to CDK, and the bench
 * rebuilds bundles with exactly these options to see what is in them.
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
