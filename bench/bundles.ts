/**
 * Section 1 of `npm run bench`: every function's bundle and module init against a bundle of only
 * the AWS SDK clients and commands that function's code uses, the floor any function using the
 * SDK pays. Runs alone on the last synth:
 *   npm run synth && npx tsx bench/bundles.ts [--runs 7] [--top 5] [function name filter…]
 *
 * Which SDK code a function uses is read from its own bundle, not listed by hand: the bench
 * rebuilds the function with the options CDK used (lib/bundling.ts) to get esbuild's metafile,
 * takes the `@aws-sdk/*` imports of our source files that are in the bundle, keeps those whose SDK
 * module is in the bundle too, and builds an entry that re-exports exactly them. A client our
 * code constructs at module load (or in an adapter's fields, which handlers build at module load)
 * is constructed in that entry too, so both inits pay for it.
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { esbuildOptions } from '../lib/bundling.ts';
import { cloudModel, functionEntry, readTemplate, type CloudModel } from '../local-cloud/template.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Issue 10 §1: what a lean function costs beyond the SDK code it cannot do without. */
export const goals = { bundleFactor: 1.15, bundleAllowanceKiB: 40, initFactor: 1.2 };

export interface BundleRow {
  entry: string;
  bundleKiB: number;
  sdkKiB: number;
  /** What the SDK-only bundle imports, e.g. `client-s3: S3Client*, GetObjectCommand` (* = built at init). */
  sdkUses: string;
  initMs: { min: number; median: number };
  sdkInitMs: { min: number; median: number };
  /** The median of the ratios of interleaved pairs (the function, then its SDK-only bundle), so a busy moment on the machine weighs on one pair only. */
  initRatio: number;
  bundleMet: boolean;
  initMet: boolean;
  /** The largest packages (or our own folders) in the bundle, KiB. */
  largest: [string, number][];
}

const buildOptions: esbuild.BuildOptions = { ...esbuildOptions, absWorkingDir: root, logLevel: 'warning' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (bytes: number) => bytes / 1024;

type Inputs = Record<string, { bytesInOutput: number }>;

/** `@aws-sdk/*` package → the names our bundled code imports from it, and which of them it constructs at init. */
function sdkUse(inputs: Inputs): Map<string, { names: Set<string>; atInit: Set<string> }> {
  const use = new Map<string, { names: Set<string>; atInit: Set<string> }>();
  const sdkFiles = Object.keys(inputs).filter((f) => f.includes('node_modules/@aws-sdk/'));
  const inBundle = (pkg: string, name: string) => {
    const files = sdkFiles.filter((f) => f.includes(`node_modules/${pkg}/`) && inputs[f].bytesInOutput > 0);
    const defining = files.filter((f) => path.basename(f) === `${name}.js`);
    // A name not defined in a file of its own (a re-export, a helper) counts as used if its package is in the bundle.
    return defining.length > 0 || (files.length > 0 && !sdkFiles.some((f) => f.includes(`node_modules/${pkg}/`) && path.basename(f) === `${name}.js`));
  };
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    if (file.includes('node_modules') || !/\.ts$/.test(file) || bytesInOutput === 0) continue;
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const imported = new Map<string, string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      const pkg = (statement.moduleSpecifier as ts.StringLiteral).text;
      const named = statement.importClause?.namedBindings;
      if (!pkg.startsWith('@aws-sdk/') || !named || !ts.isNamedImports(named)) continue;
      for (const el of named.elements) if (!el.isTypeOnly && inBundle(pkg, el.name.text)) imported.set(el.name.text, pkg);
    }
    for (const [name, pkg] of imported) {
      if (!use.has(pkg)) use.set(pkg, { names: new Set(), atInit: new Set() });
      use.get(pkg)!.names.add(name);
    }
    const visit = (node: ts.Node, inFunction: boolean): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && imported.has(node.expression.text) && !inFunction) {
        use.get(imported.get(node.expression.text)!)!.atInit.add(node.expression.text);
      }
      // Constructors and field initialisers run when an adapter is built, which handlers do at module load.
      const deferred = ts.isFunctionLike(node) && !ts.isConstructorDeclaration(node);
      ts.forEachChild(node, (child) => visit(child, inFunction || deferred));
    };
    visit(source, false);
  }
  return use;
}

function sdkOnlyEntry(use: ReturnType<typeof sdkUse>): string {
  const lines: string[] = [];
  for (const [pkg, { names, atInit }] of [...use].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...names].sort().join(', ');
    lines.push(`import { ${list} } from '${pkg}';`, `export { ${list} };`);
    for (const client of [...atInit].sort()) lines.push(`new ${client}({});`);
  }
  return lines.join('\n');
}

function largestInputs(inputs: Inputs, top: number): [string, number][] {
  const sizes = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? file.split('/').slice(0, 2).join('/');
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, kib(v)]);
}

/** Milliseconds to import `file` in a fresh Node process. */
function importMs(file: string, env: Record<string, string>): number {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});console.log(performance.now()-t)`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`importing ${file} failed: ${out.stderr}`);
  return Number(out.stdout.trim());
}

export interface BenchBundlesOptions {
  model: CloudModel;
  /** Fresh processes per bundle (≥ 5). */
  runs?: number;
  /** Extra environment for the imports, e.g. the local cloud's SDK endpoints. */
  env?: Record<string, string>;
  /** Only functions whose entry name contains one of these. */
  only?: string[];
  top?: number;
  log?: (line: string) => void;
}

export async function benchBundles({ model, runs = 7, env = {}, only = [], top = 4, log = () => undefined }: BenchBundlesOptions): Promise<BundleRow[]> {
  const rows: BundleRow[] = [];
  const scratch = path.join(tmpdir(), `portico-bench-sdk-${process.pid}`);
  try {
    for (const spec of [...model.functions.values()].sort((a, b) => functionEntry(a.logicalId).localeCompare(functionEntry(b.logicalId)))) {
      const entry = functionEntry(spec.logicalId);
      if (only.length && !only.some((o) => entry.includes(o))) continue;
      log(`bundles: ${entry}`);
      const asset = path.join(spec.assetDir, 'index.mjs');
      const rebuilt = await esbuild.build({ ...buildOptions, entryPoints: [path.join(root, 'functions', `${entry}.ts`)], outfile: path.join(scratch, entry, 'index.mjs'), write: false, metafile: true });
      const output = rebuilt.metafile.outputs[Object.keys(rebuilt.metafile.outputs).find((o) => o.endsWith('index.mjs'))!];
      if (output.bytes !== statSync(asset).size) throw new Error(`${entry}: cdk.out holds another build of this function than the code does; run \`npm run synth\` first`);

      const use = sdkUse(output.inputs);
      const sdkFile = path.join(scratch, entry, 'sdk-only.mjs');
      mkdirSync(path.dirname(sdkFile), { recursive: true });
      await esbuild.build({ ...buildOptions, stdin: { contents: sdkOnlyEntry(use), resolveDir: root, sourcefile: 'sdk-only.mjs', loader: 'js' }, outfile: sdkFile, write: true });

      // As Lambda starts it: the function's own environment (NODE_OPTIONS included), stand-in values for its bindings.
      const fnEnv: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', ...env };
      for (const [k, v] of Object.entries(spec.environment)) fnEnv[k] = typeof v === 'string' ? v : 'bench';
      const sdkEnv = { ...fnEnv };
      delete sdkEnv.NODE_OPTIONS;
      const own: number[] = [];
      const sdk: number[] = [];
      // Interleaved, so a busy moment on the machine weighs on both sides alike.
      for (let i = 0; i < Math.max(5, runs); i++) {
        own.push(importMs(asset, fnEnv));
        sdk.push(importMs(sdkFile, sdkEnv));
      }
      const bundleKiB = kib(output.bytes);
      const sdkKiB = kib(statSync(sdkFile).size);
      const initMs = { min: Math.min(...own), median: median(own) };
      const sdkInitMs = { min: Math.min(...sdk), median: median(sdk) };
      const initRatio = median(own.map((ms, i) => ms / sdk[i]));
      rows.push({
        entry,
        bundleKiB,
        sdkKiB,
        sdkUses: [...use].map(([pkg, u]) => `${pkg.replace('@aws-sdk/', '')}: ${[...u.names].sort().map((n) => (u.atInit.has(n) ? `${n}*` : n)).join(', ')}`).join('; '),
        initMs,
        sdkInitMs,
        initRatio,
        bundleMet: bundleKiB <= goals.bundleFactor * sdkKiB + goals.bundleAllowanceKiB,
        initMet: initRatio <= goals.initFactor,
        largest: largestInputs(output.inputs, top),
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

/** The rows as Markdown tables, as `npm run bench` prints them and the README quotes them. */
export function bundleReport(rows: BundleRow[], runs: number, withLargest = false): string {
  const f0 = (x: number) => x.toFixed(0);
  const f1 = (x: number) => x.toFixed(1);
  const yes = (met: boolean) => (met ? 'yes' : '**no**');
  const out = [
    `## Functions: bundle and module init against the SDK code they use (init: min / median of ${runs} fresh processes)`,
    '',
    `Goals: bundle ≤ ${goals.bundleFactor} × SDK-only + ${goals.bundleAllowanceKiB} KiB; init ≤ ${goals.initFactor} × SDK-only init. Init ratio: the median of the ratios of interleaved pairs (function, then SDK-only), so a busy moment weighs on one pair only.`,
    '',
    '| function | bundle KiB | SDK-only KiB | ratio | bundle goal | init ms | SDK-only init ms | ratio | init goal |',
    '|---|---:|---:|---:|:---:|---:|---:|---:|:---:|',
    ...rows.map((r) =>
      [
        r.entry,
        f0(r.bundleKiB),
        f0(r.sdkKiB),
        `${(r.bundleKiB / r.sdkKiB).toFixed(2)}×`,
        yes(r.bundleMet),
        `${f1(r.initMs.min)} / ${f1(r.initMs.median)}`,
        `${f1(r.sdkInitMs.min)} / ${f1(r.sdkInitMs.median)}`,
        `${r.initRatio.toFixed(2)}×`,
        yes(r.initMet),
      ].join(' | ').replace(/^/, '| ').concat(' |'),
    ),
    '',
    `${rows.filter((r) => r.bundleMet).length} of ${rows.length} functions meet the bundle goal, ${rows.filter((r) => r.initMet).length} the init goal.`,
  ];
  if (withLargest) {
    out.push('', '| function | SDK code it uses (* built at init) | largest parts (KiB) |', '|---|---|---|');
    for (const r of rows) out.push(`| ${r.entry} | ${r.sdkUses} | ${r.largest.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} |`);
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i < 0 ? fallback : Number(args.splice(i, 2)[1]);
  };
  const runs = option('--runs', 7);
  const top = option('--top', 4);
  const assemblyDir = path.join(root, 'cdk.out');
  const model = cloudModel(readTemplate(assemblyDir, 'Portico'), assemblyDir);
  const rows = await benchBundles({ model, runs, top, only: args, log: (l) => console.error(l) });
  console.log(bundleReport(rows, runs, true));
}
