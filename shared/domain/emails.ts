/** The text of every email the portal sends. Plain text: it reads the same in every mail client. */
import type { Email } from './ports.ts';

export function invitationEmail(p: { firmName: string; portalUrl: string; to: string; name: string; temporaryPassword: string }): Email {
  return {
    to: [p.to],
    subject: `${p.firmName} has opened a client portal for you`,
    text: [
      `Dear ${p.name},`,
      '',
      `${p.firmName} shares documents with you through a secure client portal.`,
      '',
      `Portal: ${p.portalUrl}`,
      `Sign-in email: ${p.to}`,
      `Temporary password: ${p.temporaryPassword}`,
      '',
      'Sign in with the temporary password; you will then choose your own password.',
      'The temporary password expires in 7 days. If it has expired, ask us to send a new invitation.',
    ].join('\n'),
  };
}

export function documentsSharedEmail(p: { firmName: string; portalUrl: string; to: string; name: string; itemNames: string[] }): Email {
  return {
    to: [p.to],
    subject: `${p.firmName} shared ${p.itemNames.length === 1 ? 'a document' : `${p.itemNames.length} documents`} with you`,
    text: [
      `Dear ${p.name},`,
      '',
      `${p.firmName} shared the following with you:`,
      ...p.itemNames.map((n) => `  - ${n}`),
      '',
      `Open your portal to see them: ${p.portalUrl}`,
    ].join('\n'),
  };
}

export function customerUploadEmail(p: { firmName: string; driveUrl: string; to: string[]; contactName: string; fileNames: string[] }): Email {
  return {
    to: p.to,
    subject: `${p.contactName} uploaded ${p.fileNames.length === 1 ? 'a document' : `${p.fileNames.length} documents`}`,
    text: [
      `${p.contactName} uploaded to the ${p.firmName} portal:`,
      ...p.fileNames.map((n) => `  - ${n}`),
      '',
      `They are in the drive: ${p.driveUrl}`,
    ].join('\n'),
  };
}

export function newSignUpEmail(p: { firmName: string; to: string[]; name: string; email: string }): Email {
  return {
    to: p.to,
    subject: `New portal sign-up: ${p.name}`,
    text: `${p.name} <${p.email}> signed up to the ${p.firmName} portal and now has access.`,
  };
}

export function accessClosedEmail(p: { firmName: string; to: string; name: string }): Email {
  return {
    to: [p.to],
    subject: `Your access to the ${p.firmName} portal has been closed`,
    text: [
      `Dear ${p.name},`,
      '',
      `${p.firmName} has closed your access to its client portal. You can no longer sign in.`,
      'If you think this is a mistake, or you need documents again, please contact us.',
    ].join('\n'),
  };
}

export function accessReopenedEmail(p: { firmName: string; portalUrl: string; to: string; name: string }): Email {
  return {
    to: [p.to],
    subject: `Your access to the ${p.firmName} portal is open again`,
    text: [
      `Dear ${p.name},`,
      '',
      `${p.firmName} has reopened your access to its client portal. You can sign in again with your email address and password.`,
      '',
      `Portal: ${p.portalUrl}`,
    ].join('\n'),
  };
}

export function staffInvitationEmail(p: { firmName: string; adminUrl: string; to: string; temporaryPassword: string; reset?: boolean }): Email {
  return {
    to: [p.to],
    subject: p.reset ? `Your ${p.firmName} portal password was reset` : `You have been invited to the ${p.firmName} portal administration`,
    text: [
      p.reset ? 'An administrator reset your password.' : `You now have a staff account on the ${p.firmName} portal.`,
      '',
      `Sign in: ${p.adminUrl}`,
      `Email: ${p.to}`,
      `Temporary password: ${p.temporaryPassword}`,
      '',
      'At sign-in you choose your own password and set up an authenticator app (required).',
    ].join('\n'),
  };
}
