import { conflict, notFound } from '../errors.ts';
import { temporaryPassword } from '../domain/ids.ts';
import type { StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, ConfigStore, Outbox, Page, StaffDirectory, StaffUser, Transactions } from '../domain/ports.ts';

export interface StaffUserDeps {
  directory: StaffDirectory;
  config: ConfigStore;
  audit: AuditLog;
  outbox: Outbox;
  transactions: Transactions;
}

/** Invites a staff user: our email carries the temporary password; TOTP is set up at first sign-in. */
export async function inviteStaff(deps: StaffUserDeps, admin: StaffPrincipal, input: { email: string; name: string; admin: boolean }, now = new Date()): Promise<StaffUser> {
  const email = input.email.toLowerCase();
  if (await deps.directory.get(email)) throw conflict('staff_exists', `email: ${email} already has a staff account.`);
  const password = temporaryPassword();
  const user = await deps.directory.invite({ ...input, email, temporaryPassword: password });
  // The invitation email and its audit entry are stored together, and the email is delivered from the outbox.
  await deps.transactions.commit([
    deps.outbox.enqueueWrite({ kind: 'staffInvitation', to: email, temporaryPassword: password }),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: admin.email, action: 'staff.invited', details: { email, admin: input.admin } }),
  ]);
  return user;
}

export async function listStaff(deps: StaffUserDeps, limit: number, cursor?: string): Promise<Page<StaffUser>> {
  const page = await deps.directory.list(limit, cursor);
  // cognito-local (unlike AWS) lets a disabled user sign in, so our own record is what the API enforces and reports.
  const items = await Promise.all(
    page.items.map(async (u) => {
      const [disabled, undeliverable] = await Promise.all([deps.config.isStaffDisabled(u.sub), u.email ? deps.config.addressMark(u.email) : undefined]);
      return { ...u, enabled: u.enabled && !disabled, ...(undeliverable ? { undeliverable } : {}) };
    }),
  );
  return { ...page, items };
}

async function existing(deps: StaffUserDeps, username: string): Promise<StaffUser> {
  const user = await deps.directory.get(username);
  if (!user) throw notFound('staff user');
  return user;
}

/** The admins who can act: in the admins group, enabled in Cognito and not disabled by our own record. */
async function enabledAdmins(deps: StaffUserDeps): Promise<StaffUser[]> {
  const admins = await deps.directory.admins();
  const disabled = await Promise.all(admins.map((a) => (a.enabled ? deps.config.isStaffDisabled(a.sub) : true)));
  return admins.filter((_, i) => !disabled[i]);
}

const LAST_ADMIN = 'This is the last enabled administrator; make someone else an administrator first.';

/** Disables or re-enables a staff user; the last enabled admin cannot be disabled. */
export async function setStaffEnabled(deps: StaffUserDeps, admin: StaffPrincipal, username: string, enabled: boolean, now = new Date()): Promise<StaffUser> {
  const user = await existing(deps, username);
  if (!enabled && user.admin) {
    const active = await enabledAdmins(deps);
    if (active.length <= 1 && active.some((a) => a.username === user.username)) throw conflict('last_admin', LAST_ADMIN);
  }
  // Our record first: every staff request checks it, so the change applies to tokens already issued.
  await deps.config.setStaffDisabled(user.sub, !enabled);
  // Cognito's own state follows; a failing step is recorded, not allowed to hide the change already made.
  const steps = await Promise.allSettled([deps.directory.setEnabled(user.username, enabled), ...(enabled ? [] : [deps.directory.signOutEverywhere(user.username)])]);
  const failed = steps.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error)?.message)] : []));
  await deps.audit.record({
    at: now.toISOString(),
    actor: admin.email,
    action: enabled ? 'staff.enabled' : 'staff.disabled',
    details: { email: user.email, ...(failed.length ? { cognitoStepsFailed: failed } : {}) },
  });
  return { ...user, enabled };
}

export async function resetStaffPassword(deps: StaffUserDeps, admin: StaffPrincipal, username: string, now = new Date()): Promise<{ reset: true }> {
  const user = await existing(deps, username);
  const password = temporaryPassword();
  await deps.directory.setTemporaryPassword(user.username, password);
  await deps.transactions.commit([
    deps.outbox.enqueueWrite({ kind: 'staffInvitation', to: user.email, temporaryPassword: password, reset: true }),
    ...deps.audit.recordWrites({ at: now.toISOString(), actor: admin.email, action: 'staff.password_reset', details: { email: user.email } }),
  ]);
  return { reset: true };
}

/**
 * Makes a staff user an administrator or a regular staff member. At least one enabled
 * administrator always remains (so an admin may demote themselves only when another is left).
 * A demotion applies to tokens already issued: their admin claim stops counting on the next
 * request (see `currentRole` in the access policy), and the user is signed out everywhere so their
 * sessions pick up the new role. A promotion applies from the user's next sign-in, when their
 * token claims the group.
 */
export async function setStaffRole(deps: StaffUserDeps, admin: StaffPrincipal, username: string, makeAdmin: boolean, now = new Date()): Promise<StaffUser> {
  const user = await existing(deps, username);
  if (makeAdmin) {
    if (user.admin) return user;
    await deps.directory.setAdmin(user.username, true);
    // An admin again: a token from before an earlier demotion tells the truth once more.
    await deps.config.setAdminClaimsValidAfter(user.sub, undefined);
    await deps.audit.record({ at: now.toISOString(), actor: admin.email, action: 'staff.made_admin', details: { email: user.email } });
    return { ...user, admin: true };
  }
  if (user.admin) {
    const others = (await enabledAdmins(deps)).filter((a) => a.username !== user.username);
    if (others.length === 0) throw conflict('last_admin', LAST_ADMIN);
    await deps.directory.setAdmin(user.username, false);
    // Two admins demoting each other at once both pass the check above; whoever finds no enabled
    // admin left afterwards puts their change back, so the firm is never left without one.
    if ((await enabledAdmins(deps)).length === 0) {
      await deps.directory.setAdmin(user.username, true);
      throw conflict('last_admin', LAST_ADMIN);
    }
  }
  // Also on a repeated demotion: a first attempt may have left the group change without this record.
  await deps.config.setAdminClaimsValidAfter(user.sub, Math.ceil(Date.now() / 1000));
  if (!user.admin) return user;
  const failed = await deps.directory.signOutEverywhere(user.username).then(
    () => [],
    (error: unknown) => [String((error as Error)?.message)],
  );
  await deps.audit.record({
    at: now.toISOString(),
    actor: admin.email,
    action: 'staff.made_staff',
    details: { email: user.email, ...(failed.length ? { cognitoStepsFailed: failed } : {}) },
  });
  return { ...user, admin: false };
}
