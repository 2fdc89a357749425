/**
 * Reuses the cloud assembly when nothing it is made from has changed, so a warm `npm start` (or
 * test run) skips the minute `cdk synth` takes. The inputs are every file the app, its bundled
 * functions and its web UIs are built from, the built UIs, the CDK context and the locked
 * dependency versions; their digest is stored beside the assembly after a successful synth. Any
 * change (or a missing or partial assembly) synthesizes again. `PORTICO_SYNTH=always` forces it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** What synth reads: the CDK app, the function sources, the built UIs and what pins versions and context. */
const INPUT_DIRS = ['bin', 'lib', 'functions', 'shared', 'web/dist'];
const INPUT_FILES = ['cdk.json', 'cdk.context.json', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIPPED = new Set(['node_modules', '.git']);
const DIGEST_FILE = 'portico-inputs.sha256';

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !SKIPPED.has(e.name))
    .flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** One digest over the paths and contents of every input, in a fixed order. */
export function inputsDigest(root: string): string {
  const files = [...INPUT_DIRS.flatMap((d) => filesBelow(path.join(root, d))), ...INPUT_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f) && statSync(f).isFile())];
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const templateFile = (assemblyDir: string, stackName: string) => path.join(assemblyDir, `${stackName}.template.json`);

/**
 * What a completed synth recorded: the inputs' digest and the template's own, so an assembly
 * rewritten since by another synth (e.g. `cdk synth -c …` with other context) is not taken for it.
 */
function recorded(assemblyDir: string, stackName: string): string {
  const digestFile = path.join(assemblyDir, DIGEST_FILE);
  const template = templateFile(assemblyDir, stackName);
  if (!existsSync(digestFile) || !existsSync(template)) return '';
  return readFileSync(digestFile, 'utf8');
}

const record = (digest: string, template: Buffer) => `inputs ${digest}\ntemplate ${sha256(template)}\n`;

/** True when the assembly in `assemblyDir` was synthesized from exactly the current inputs, and not rewritten since. */
export function assemblyIsCurrent(root: string, assemblyDir: string, stackName: string, digest = inputsDigest(root)): boolean {
  if (process.env.PORTICO_SYNTH === 'always') return false;
  const stored = recorded(assemblyDir, stackName);
  return stored !== '' && stored === record(digest, readFileSync(templateFile(assemblyDir, stackName)));
}

/** Before a synth: a synth that fails halfway must not leave an assembly that looks current. */
export function forgetSynthesized(assemblyDir: string): void {
  rmSync(path.join(assemblyDir, DIGEST_FILE), { force: true });
}

/** Marks the assembly as made from `digest`; written only after synth succeeded. */
export function recordSynthesized(assemblyDir: string, stackName: string, digest: string): void {
  writeFileSync(path.join(assemblyDir, DIGEST_FILE), record(digest, readFileSync(templateFile(assemblyDir, stackName))));
}
