/**
 * Staff users' usernames and roles (issue 9) through the staff API: only the pool's usernames
 * reach Cognito, and admins promote and demote staff, never leaving the firm without an enabled
 * administrator; a demotion applies to the tokens the demoted user already holds.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../local-cloud/identities.ts';
import { client, cloud, expectStatus, staffSession } from '../support/world.ts';

type Session = Awaited<ReturnType<typeof staffSession>>;

const listed = async (admin: Session, email: string) => expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items.find((u: any) => u.email === email);
const allUsers = async (admin: Session) => expectStatus(await admin.api.get('/staff-users?limit=60'), 200).items as any[];
/** A fresh sign-in: a new ID token with the groups the user has now. */
const signInAgain = async (s: Session) => client(cloud().staffApiUrl, (await signIn(cloud().endpoints.cognito, cloud().staffPool, s.credentials)).IdToken!);
const auditFor = async (admin: Session, action: string, email: string) =>
  expectStatus(await admin.api.get('/audit?limit=50'), 200).items.filter((e: any) => e.action === action && e.details?.email === email);
const setRole = (s: Session, username: string, admin: boolean) => s.api.raw('PUT', `/staff-users/${username}/role`, { admin });

let admin: Session;
beforeAll(async () => {
  admin = await staffSession({ admin: true, name: 'Roles Admin' });
});

describe('staff usernames', () => {
  const routes = (username: string): [string, string, unknown][] => [
    ['POST', `/staff-users/${username}/password-reset`, {}],
    ['PUT', `/staff-users/${username}/enabled`, { enabled: true }],
    ['PUT', `/staff-users/${username}/role`, { admin: false }],
  ];

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'nobody%40nowhere.test', '..%2F..', 'x'.repeat(300)])(
    '%s is refused with 400 on every staff-users route, before it reaches Cognito',
    async (username) => {
      for (const [method, path, body] of routes(username)) {
        const res = await admin.api.raw(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'invalid_request' });
        expect(res.body.error.message).toContain('username');
      }
    },
  );

  it('a well-formed username of nobody is 404 on every route, as any missing user', async () => {
    for (const [method, path, body] of routes(randomUUID())) {
      const res = await admin.api.raw(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('the username as the list returns it, in capitals too, reaches the user', async () => {
    const colleague = await staffSession({ name: 'Casey Case' });
    const user = await listed(admin, colleague.email);
    expect(expectStatus(await admin.api.raw('PUT', `/staff-users/${user.username.toUpperCase()}/enabled`, { enabled: true }), 200)).toMatchObject({ email: colleague.email, enabled: true });
  });
});

describe('staff roles', () => {
  it('an admin makes a staff member an administrator: from their next sign-in, recorded with both emails', async () => {
    const colleague = await staffSession({ name: 'Paula Promoted' });
    const user = await listed(admin, colleague.email);
    expect(user.admin).toBe(false);
    expect(expectStatus(await setRole(admin, user.username, true), 200)).toMatchObject({ email: colleague.email, admin: true });
    expect((await listed(admin, colleague.email)).admin).toBe(true);
    // The token issued before does not claim the group; a fresh sign-in does.
    expect((await colleague.api.get('/audit')).status).toBe(403);
    expect((await (await signInAgain(colleague)).get('/audit')).status).toBe(200);
    const [entry] = await auditFor(admin, 'staff.made_admin', colleague.email);
    expect(entry).toMatchObject({ actor: admin.email, details: { email: colleague.email } });
    // Asking again changes nothing and records nothing.
    expectStatus(await setRole(admin, user.username, true), 200);
    expect(await auditFor(admin, 'staff.made_admin', colleague.email)).toHaveLength(1);
  });

  it('a demoted admin is refused the admin routes at once, also with the token issued before; the rest still works', async () => {
    const other = await staffSession({ admin: true, name: 'Dennis Demoted' });
    expect((await other.api.get('/audit')).status).toBe(200);
    const user = await listed(admin, other.email);
    expect(expectStatus(await setRole(admin, user.username, false), 200)).toMatchObject({ email: other.email, admin: false });
    expect((await listed(admin, other.email)).admin).toBe(false);
    // The old token still claims the admins group; the API no longer believes it.
    const refused = await other.api.get('/audit');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('admin_only');
    expect((await other.api.raw('PUT', `/staff-users/${user.username}/role`, { admin: true })).status).toBe(403);
    expect((await other.api.get('/contacts')).status).toBe(200);
    expect((await (await signInAgain(other)).get('/audit')).status).toBe(403);
    const [entry] = await auditFor(admin, 'staff.made_staff', other.email);
    expect(entry).toMatchObject({ actor: admin.email, details: { email: other.email } });
    // Made an administrator again, the user's tokens count again.
    expectStatus(await setRole(admin, user.username, true), 200);
    expect((await (await signInAgain(other)).get('/audit')).status).toBe(200);
  });

  it('an admin may demote themselves while another enabled admin remains', async () => {
    const admin = await staffSession({ admin: true, name: 'Self Demoter' });
    const me = await listed(admin, admin.email);
    expect(expectStatus(await setRole(admin, me.username, false), 200)).toMatchObject({ admin: false });
    expect((await admin.api.get('/audit')).status).toBe(403);
  });

  it.each([
    [{}, 'admin'],
    [{ admin: 'yes' }, 'admin'],
    [{ admin: true, extra: 1 }, 'extra'],
  ])('refuses the body %j with a message naming %s, and changes nothing', async (body, field) => {
    const colleague = await staffSession({ name: 'Bo Body' });
    const user = await listed(admin, colleague.email);
    const res = await admin.api.raw('PUT', `/staff-users/${user.username}/role`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect((await listed(admin, colleague.email)).admin).toBe(false);
  });

  describe('with one enabled admin left', () => {
    /** Disables every other enabled admin for the test, so it does not depend on who else exists. */
    const alone = async (admin: Session, keep: string[], test: () => Promise<void>) => {
      const others = (await allUsers(admin)).filter((u) => u.admin && u.enabled && !keep.includes(u.email));
      for (const o of others) expectStatus(await admin.api.raw('PUT', `/staff-users/${o.username}/enabled`, { enabled: false }), 200);
      try {
        await test();
      } finally {
        for (const o of others) await admin.api.raw('PUT', `/staff-users/${o.username}/enabled`, { enabled: true });
      }
    };

    it('the last enabled admin cannot demote themselves: 409 with a clear message, nothing changed, nothing recorded', async () => {
      const admin = await staffSession({ admin: true, name: 'Last Admin' });
      const me = await listed(admin, admin.email);
      await alone(admin, [admin.email], async () => {
        const res = await setRole(admin, me.username, false);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'last_admin', message: expect.stringContaining('last enabled administrator') });
        expect((await admin.api.get('/audit')).status).toBe(200);
        expect((await listed(admin, admin.email)).admin).toBe(true);
        expect(await auditFor(admin, 'staff.made_staff', admin.email)).toEqual([]);
      });
    });

    it('a disabled admin does not count: demoting the only enabled one is refused', async () => {
      const admin = await staffSession({ admin: true, name: 'Only Enabled' });
      const sleeper = await staffSession({ admin: true, name: 'Sleeping Admin' });
      const me = await listed(admin, admin.email);
      const other = await listed(admin, sleeper.email);
      await alone(admin, [admin.email], async () => {
        expect((await listed(admin, sleeper.email)).enabled).toBe(false);
        expect((await setRole(admin, me.username, false)).status).toBe(409);
        // Demoting the disabled admin is fine: the enabled one remains.
        expect(expectStatus(await setRole(admin, other.username, false), 200).admin).toBe(false);
      });
    });

    it('two admins demoting each other at once never leave the firm without an enabled admin', async () => {
      const a = await staffSession({ admin: true, name: 'Racing Admin A' });
      const b = await staffSession({ admin: true, name: 'Racing Admin B' });
      const ua = await listed(a, a.email);
      const ub = await listed(a, b.email);
      await alone(a, [a.email, b.email], async () => {
        const results = await Promise.all([setRole(a, ub.username, false), setRole(b, ua.username, false)]);
        // One may win; the other is refused as the last admin, or (when it runs second) as no longer an admin.
        expect(results.map((r) => r.status)).not.toEqual([200, 200]);
        for (const r of results) expect([200, 403, 409]).toContain(r.status);
        const enabledAdmins = (await allUsers(a)).filter((u) => u.admin && u.enabled);
        expect(enabledAdmins.length).toBeGreaterThanOrEqual(1);
      });
    });
  });
});
