/**
 * Every email the portal sends. A service records a `Message` (what happened, to whom) in the
 * outbox with the change it announces; the deliverer words it here with the firm's branding as it
 * is when the email goes out (name, logo, colour, portal address), as HTML with a plain-text part
 * that says the same. Everything a user or admin typed is escaped in the HTML.
 */
import type { Email, Message } from './ports.ts';

/** The firm as its emails show it: the run-time branding, with the deploy-time addresses where it sets none. */
export interface EmailBranding {
  firmName: string;
  colour: string;
  logoUrl?: string;
  portalUrl: string;
  adminUrl: string;
}

/** One piece of an email's body, rendered both as text and as HTML. */
type Block = { paragraph: string } | { list: string[] } | { link: { label: string; url: string } } | { fields: [string, string][] };

interface Content {
  to: string[];
  subject: string;
  blocks: Block[];
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);
const greeting = (name: string): Block => ({ paragraph: `Dear ${name},` });

/** What each message says, in blocks; `firm` is the branding at sending time. */
function contentOf(message: Message, firm: EmailBranding): Content {
  const f = firm.firmName;
  switch (message.kind) {
    case 'invitation':
      return {
        to: [message.to],
        subject: `${f} has opened a client portal for you`,
        blocks: [
          greeting(message.name),
          { paragraph: `${f} shares documents with you through a secure client portal.` },
          { fields: [['Portal', firm.portalUrl], ['Sign-in email', message.to], ['Temporary password', message.temporaryPassword]] },
          { paragraph: 'Sign in with the temporary password; you will then choose your own password.' },
          { paragraph: 'The temporary password expires in 7 days. If it has expired, ask us to send a new invitation.' },
        ],
      };
    case 'documentsShared':
      return {
        to: [message.to],
        subject: `${f} shared ${plural(message.itemNames.length, 'a document', 'documents')} with you`,
        blocks: [
          greeting(message.name),
          { paragraph: `${f} shared the following with you:` },
          { list: message.itemNames },
          { link: { label: 'Open your portal to see them', url: firm.portalUrl } },
        ],
      };
    case 'customerUpload':
      return {
        to: message.to,
        subject: `${message.contactName} uploaded ${plural(message.fileNames.length, 'a document', 'documents')}`,
        blocks: [
          { paragraph: `${message.contactName} uploaded to the ${f} portal:` },
          { list: message.fileNames },
          { link: { label: 'They are in the drive', url: `${firm.adminUrl}/drive/${encodeURIComponent(message.folderId)}` } },
        ],
      };
    case 'newSignUp':
      return {
        to: message.to,
        subject: `New portal sign-up: ${message.name}`,
        blocks: [{ paragraph: `${message.name} <${message.email}> signed up to the ${f} portal and now has access.` }, { link: { label: 'Contacts', url: `${firm.adminUrl}/contacts` } }],
      };
    case 'accessClosed':
      return {
        to: [message.to],
        subject: `Your access to the ${f} portal has been closed`,
        blocks: [
          greeting(message.name),
          { paragraph: `${f} has closed your access to its client portal. You can no longer sign in.` },
          { paragraph: 'If you think this is a mistake, or you need documents again, please contact us.' },
        ],
      };
    case 'accessReopened':
      return {
        to: [message.to],
        subject: `Your access to the ${f} portal is open again`,
        blocks: [
          greeting(message.name),
          { paragraph: `${f} has reopened your access to its client portal. You can sign in again with your email address and password.` },
          { link: { label: 'Portal', url: firm.portalUrl } },
        ],
      };
    case 'staffInvitation':
      return {
        to: [message.to],
        subject: message.reset ? `Your ${f} portal password was reset` : `You have been invited to the ${f} portal administration`,
        blocks: [
          { paragraph: message.reset ? 'An administrator reset your password.' : `You now have a staff account on the ${f} portal.` },
          { fields: [['Sign in', firm.adminUrl], ['Email', message.to], ['Temporary password', message.temporaryPassword]] },
          { paragraph: 'At sign-in you choose your own password and set up an authenticator app (required).' },
        ],
      };
  }
}

/** The email for a message, worded and branded as the firm is now. */
export function renderEmail(message: Message, firm: EmailBranding): Email {
  const { to, subject, blocks } = contentOf(message, firm);
  return { to, fromName: firm.firmName, subject, text: asText(blocks, firm), html: asHtml(subject, blocks, firm) };
}

function asText(blocks: Block[], firm: EmailBranding): string {
  const lines = blocks.map((b) => {
    if ('paragraph' in b) return b.paragraph;
    if ('list' in b) return b.list.map((item) => `  - ${item}`).join('\n');
    if ('link' in b) return `${b.link.label}: ${b.link.url}`;
    return b.fields.map(([label, value]) => `${label}: ${value}`).join('\n');
  });
  return [...lines, `— ${firm.firmName}`].join('\n\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and double-quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Only web addresses become links or images; anything else is shown as text. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function asHtml(subject: string, blocks: Block[], firm: EmailBranding): string {
  const colour = /^#[0-9a-fA-F]{6}$/.test(firm.colour) ? firm.colour : '#1f4e79';
  const body = blocks.map((b) => {
    if ('paragraph' in b) return `<p>${escapeHtml(b.paragraph)}</p>`;
    if ('list' in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    if ('link' in b) {
      const { label, url } = b.link;
      return isWebAddress(url)
        ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;background:${colour};color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>`
        : `<p>${escapeHtml(label)}: ${escapeHtml(url)}</p>`;
    }
    return `<table role="presentation">${b.fields.map(([label, value]) => `<tr><th align="left" style="padding-right:12px">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
  });
  const logo = firm.logoUrl && isWebAddress(firm.logoUrl) ? `<img src="${escapeHtml(firm.logoUrl)}" alt="" height="40" style="vertical-align:middle;margin-right:12px">` : '';
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b">',
    `<div style="background:${colour};color:#ffffff;padding:16px 24px;font-size:20px">${logo}<span>${escapeHtml(firm.firmName)}</span></div>`,
    `<div style="padding:24px;max-width:600px">${body.join('\n')}</div>`,
    '</body></html>',
  ].join('\n');
}
