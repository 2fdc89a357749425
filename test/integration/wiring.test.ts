/**
 * A function deployed without one of its bindings fails at its cold start, so the integration
 * tests — which call every route — fail on broken wiring here rather than only in AWS.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FunctionHost } from '../../local-cloud/functions.ts';
import { runtimeMajor } from '../../local-cloud/lambda-node.ts';
import { cloudModel, readTemplate } from '../../local-cloud/template.ts';
import { cloud } from '../support/world.ts';

describe('broken wiring', () => {
  it('a customer route without its shares table answers with an error naming the missing variable', async () => {
    const assembly = path.resolve('cdk.out');
    const model = cloudModel(readTemplate(assembly, 'Portico'), assembly);
    const spec = [...model.functions.values()].find((f) => f.logicalId.startsWith('CustomerListShared'))!;
    const env = { ...cloud().sdkEnv, CONTACTS_TABLE: 'x', DRIVE_TABLE: 'x', PORTAL_URL: 'x', PATH: process.env.PATH ?? '' };
    const host = new FunctionHost(new Map([[spec.logicalId, spec]]), () => env, path.join(assembly, '..', 'test-results', 'logs'));
    try {
      await expect(host.invoke(spec.logicalId, {})).rejects.toThrow(/SHARES_TABLE is not set/);
    } finally {
      host.stop();
    }
  });

  it('a function runs locally on the Node of its Lambda runtime in the template, not on the machine\'s (Linux x64, where the package exists)', async () => {
    // The host starts each environment with the Node lambda-node.ts picks for the runtime. (Under npm
    // scripts the packaged Node is also node_modules/.bin/node, so the tools run on it too.)
    const assembly = path.resolve('cdk.out');
    const model = cloudModel(readTemplate(assembly, 'Portico'), assembly);
    const spec = [...model.functions.values()].find((f) => f.logicalId.startsWith('CustomerListShared'))!;
    expect(runtimeMajor(spec.runtime)).toBe(24);
    const logs = path.join(assembly, '..', 'test-results', 'logs-runtime');
    const host = new FunctionHost(new Map([[spec.logicalId, spec]]), () => ({ ...cloud().sdkEnv, PATH: process.env.PATH ?? '' }), logs);
    try {
      await host.invoke(spec.logicalId, {}).catch(() => undefined);
    } finally {
      host.stop();
    }
    const started = readFileSync(path.join(logs, `${spec.logicalId}.log`), 'utf8').match(/INIT_START Runtime Version: nodejs:(\d+)\./g) ?? [];
    expect(started.length).toBeGreaterThan(0);
    if (process.platform === 'linux' && process.arch === 'x64') for (const line of started) expect(line).toContain(`nodejs:${runtimeMajor(spec.runtime)}.`);
  });
});
