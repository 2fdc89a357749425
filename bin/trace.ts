/**
 * `npm run trace -- <function | index.mjs.map | asset folder> [file]`: maps a stack trace from a
 * function's log (read from `file`, else stdin) back to our sources. Functions start without
 * `--enable-source-maps` (it cost every cold start ~17 ms), so their traces name positions in the
 * minified bundle, `at Ao.get (file:///var/task/index.mjs:1:48213)`. Each bundle's map ships
 * beside it in the deployed asset and in `cdk.out`; this reads it with Node's own source-map
 * support (node:module's SourceMap) and rewrites every `index.mjs:line:column` it finds.
 *
 *   npm run trace -- staff-create-contact < trace.txt     the function's asset in cdk.out (synthesize the deployed commit)
 *   npm run trace -- ./downloaded/index.mjs.map trace.txt a map from the deployed package (aws lambda get-function … Code.Location)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cloudModel, functionEntry, readTemplate } from '../local-cloud/template.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The map file a function name, a map or an asset folder stands for. */
export function mapFileFor(what: string, assemblyDir = path.join(root, 'cdk.out')): string {
  if (existsSync(what)) return statSync(what).isDirectory() ? path.join(what, 'index.mjs.map') : what;
  const model = cloudModel(readTemplate(assemblyDir, 'Portico'), assemblyDir);
  const spec = [...model.functions.values()].find((f) => functionEntry(f.logicalId) === what);
  if (!spec) throw new Error(`${what}: neither a file nor a function of the synthesized stack (functions/<name>.ts without .ts)`);
  return path.join(spec.assetDir, 'index.mjs.map');
}

/**
 * `trace` with every position in the bundle replaced by the source file, line and column it came
 * from. The map names sources relative to the folder the bundle was built in, `cdk.out/asset.…`
 * wherever the map is read from now.
 */
export function mapTrace(trace: string, mapFile: string, builtIn = path.join(root, 'cdk.out', 'asset')): string {
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  return trace.replace(/(?:file:\/\/)?[^\s()]*index\.mjs:(\d+):(\d+)/g, (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!entry.originalSource) return whole;
    const source = path.relative(root, path.resolve(builtIn, entry.originalSource.replace(/^file:\/\//, '')));
    return `${source}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}`;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [what, file] = process.argv.slice(2);
  if (!what) {
    console.error('usage: npm run trace -- <function name | index.mjs.map | asset folder> [file with the trace, else stdin]');
    process.exit(2);
  }
  process.stdout.write(mapTrace(readFileSync(file ?? 0, 'utf8'), mapFileFor(what)));
}
