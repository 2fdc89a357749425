/**
 * A function deployed without one of its bindings fails at its cold start, so the integration
 * tests — which call every route — fail on broken wiring here rather than only in AWS.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FunctionHost } from '../../local-cloud/functions.ts';
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
});
