/**
 * Functions start without source maps, yet their traces stay readable: the map written beside
 * every bundle turns a logged trace's positions in the bundle into our files and lines.
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { mapTrace } from '../../bin/trace.ts';
import { esbuildOptions } from '../../lib/bundling.ts';
import { synthesize } from './app-fixture.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

it('no function parses source maps at cold start', () => {
  const { template } = synthesize();
  const functions = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) => !/^(BucketNotificationsHandler|CustomCDKBucketDeployment)/.test(id));
  expect(functions.length).toBeGreaterThan(40);
  for (const [id, f] of functions) expect(String(f.Properties.Environment?.Variables?.NODE_OPTIONS ?? ''), id).not.toMatch(/source-maps/);
});

it('a trace from a bundle built like a function maps, with `npm run trace`, to our files and lines', async () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'portico-trace-'));
  // Made the way the functions are (lib/bundling.ts), from a stand-in handler that calls into shared code and fails there.
  const handler = "import { notFound } from './shared/errors.ts';\nexport function findTheContact() {\n  throw notFound('contact');\n}\n";
  await esbuild.build({
    stdin: { contents: handler, resolveDir: root, sourcefile: 'functions/stand-in.ts', loader: 'ts' },
    ...esbuildOptions,
    outfile: path.join(outdir, 'index.mjs'),
    logLevel: 'silent',
  });
  expect(readdirSync(outdir).sort()).toEqual(['index.mjs', 'index.mjs.map']);

  // In a fresh process, as Lambda starts it: vitest's own process maps traces itself.
  const script = `const { findTheContact } = await import(${JSON.stringify(pathToFileURL(path.join(outdir, 'index.mjs')).href)}); try { findTheContact(); } catch (e) { console.log(e.stack); }`;
  const trace = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH } }).stdout;
  expect(trace).toMatch(/at \S+ \(file:\/\/\S+index\.mjs:\d+:\d+\)/);

  const mapped = mapTrace(trace, path.join(outdir, 'index.mjs.map'), outdir);
  expect(mapped).toMatch(/ \(shared\/errors\.ts:\d+:\d+\)\n.* \(functions\/stand-in\.ts:3:\d+\)/);
  expect(mapped).not.toMatch(/index\.mjs/);
});
