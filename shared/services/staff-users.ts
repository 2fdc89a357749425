import { conflict, notFound } from '../errors.ts';
import { staffInvitationEmail } from '../domain/emails.ts';
import { temporaryPassword } from '../domain/ids.ts';
import type { StaffPrincipal } from '../domain/model.ts';
import type { AuditLog, ConfigStore, Mailer, Page, StaffDirectory, StaffUser } from '../domain/ports.ts';

export interface StaffUserDeps {
  directory: StaffDirectory;
  config: ConfigStore;
  audit: AuditLog;
  mailer: Mailer;
  firmName: string;
  adminUrl: string;
}

/** Invites a staff user: our email carries the temporary password; TOTP is set up at first sign-in. */
export async function inviteStaff(deps: StaffUserDeps, admin: StaffPrincipal, input: { email: string; name: string; admin: boolean }, now = new Date()): Promise<StaffUser> {
  const email = input.email.toLowerCase();
  if (await deps.directory.get(email)) throw conflict('staff_exists', `email: ${email} already has a staff account.`);
  const password = temporaryPassword();
  const user = await deps.directory.invite({ ...input, email, temporaryPassword: password });
  await deps.mailer.send(staffInvitationEmail({ firmName: deps.firmName, adminUrl: deps.adminUrl, to: email, temporaryPassword: password }));
  await deps.audit.record({ at: now.toISOString(), actor: admin.email, action: 'staff.invited', details: { email, admin: input.admin } });
  return user;
}

export async function listStaff(deps: StaffUserDeps, limit: number, cursor?: string): Promise<Page<StaffUser>> {
  const page = await deps.directory.list(limit, cursor);
  // cognito-local (unlike AWS) lets a disabled user sign in, so our own record is what the API enforces and reports.
  const items = await Promise.all(page.items.map(async (u) => ({ ...u, enabled: u.enabled && !(await deps.config.isStaffDisabled(u.sub)) })));
  return { ...page, items };
}

async function existing(deps: StaffUserDeps, username: string): Promise<StaffUser> {
  const user = await deps.directory.get(username);
  if (!user) throw notFound('staff user');
  return user;
}

/** Disables or re-enables a staff user; the last enabled admin cannot be disabled. */
export async function setStaffEnabled(deps: StaffUserDeps, admin: StaffPrincipal, username: string, enabled: boolean, now = new Date()): Promise<StaffUser> {
  const user = await existing(deps, username);
  if (!enabled && user.admin) {
    const admins = await deps.directory.admins();
    const enabledAdmins = [];
    for (const a of admins) if (a.enabled && !(await deps.config.isStaffDisabled(a.sub))) enabledAdmins.push(a);
    if (enabledAdmins.length <= 1 && enabledAdmins.some((a) => a.username === user.username)) {
      throw conflict('last_admin', 'This is the last enabled administrator; make someone else an administrator first.');
    }
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
  await deps.mailer.send(staffInvitationEmail({ firmName: deps.firmName, adminUrl: deps.adminUrl, to: user.email, temporaryPassword: password, reset: true }));
  await deps.audit.record({ at: now.toISOString(), actor: admin.email, action: 'staff.password_reset', details: { email: user.email } });
  return { reset: true };
}
