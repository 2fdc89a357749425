/** The local cloud reuses a cloud assembly only when it was made from exactly the current inputs. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assemblyIsCurrent, forgetSynthesized, inputsDigest, recordSynthesized } from '../../local-cloud/assembly-cache.ts';

function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'portico-cache-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('lib/stack.ts', 'stack');
  write('functions/a.ts', 'a');
  write('shared/domain/b.ts', 'b');
  write('web/dist/admin/index.html', '<html>');
  write('cdk.json', '{}');
  write('package-lock.json', '{}');
  write('functions/node_modules/ignored.js', 'x');
  const assembly = path.join(root, 'cdk.out');
  write('cdk.out/Portico.template.json', '{}');
  return { root, write, assembly };
}

describe('the cloud assembly cache', () => {
  afterEach(() => {
    delete process.env.PORTICO_SYNTH;
  });

  it('is current after a recorded synth, and only then', () => {
    const { root, assembly } = project();
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(false);
    recordSynthesized(assembly, 'Portico', inputsDigest(root));
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(true);
    forgetSynthesized(assembly);
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(false);
  });

  it.each(['lib/stack.ts', 'functions/a.ts', 'shared/domain/b.ts', 'web/dist/admin/index.html', 'cdk.json', 'package-lock.json', 'bin/new.ts'])('a change to %s makes it stale', (file) => {
    const { root, write, assembly } = project();
    recordSynthesized(assembly, 'Portico', inputsDigest(root));
    write(file, 'changed');
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(false);
  });

  it('a moved file makes it stale even with the same contents; node_modules is not an input', () => {
    const { root, write, assembly } = project();
    recordSynthesized(assembly, 'Portico', inputsDigest(root));
    write('functions/node_modules/ignored.js', 'changed');
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(true);
    write('functions/c.ts', 'a');
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(false);
  });

  it('needs the template itself, and PORTICO_SYNTH=always ignores the cache', () => {
    const { root, write, assembly } = project();
    recordSynthesized(assembly, 'Portico', inputsDigest(root));
    expect(assemblyIsCurrent(root, assembly, 'Other')).toBe(false);
    // Another synth rewrote the template (say with other context) without recording it.
    write('cdk.out/Portico.template.json', '{"other":true}');
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(false);
    recordSynthesized(assembly, 'Portico', inputsDigest(root));
    process.env.PORTICO_SYNTH = 'always';
    expect(assemblyIsCurrent(root, assembly, 'Portico')).toBe(false);
  });
});
