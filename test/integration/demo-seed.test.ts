/**
 * `npm start` seeds a demo firm on a fresh local cloud through the same APIs a person uses. The
 * seed must work with emails delivered asynchronously from the outbox (it once read the mailbox
 * before the invitation had left, so `npm start` failed on a fresh machine), and a second start
 * reuses what the first one recorded.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { seedDemoFirm } from '../../local-cloud/seed.ts';
import { client, cloud, expectStatus } from '../support/world.ts';

describe('the demo firm of npm start', () => {
  it('is seeded once: its customer signs in and sees the shared folder, and a second start reuses the credentials', async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'portico-seed-')), 'demo.json');
    const demo = await seedDemoFirm(cloud(), stateFile);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual(demo);

    const tokens = await signIn(cloud().endpoints.cognito, cloud().customerPool, demo.customer);
    const shared = expectStatus(await client(cloud().customerApiUrl, tokens.IdToken!).get('/shared'), 200);
    expect(shared.items.map((i: any) => i.name)).toContain('Annual accounts 2025');

    const staffTokens = await signIn(cloud().endpoints.cognito, cloud().staffPool, demo.staff);
    expect(staffTokens.IdToken).toBeTruthy();
    expect(await seedDemoFirm(cloud(), stateFile)).toEqual(demo);
  });
});
