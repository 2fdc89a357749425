/**
 * Every email the portal sends. A service records a `Message` (what happened, to whom) in the
 * outbox with the change it announces; the deliverer words it here with the firm's branding as it
 * is when the email goes out (name, logo, colour, portal address), as HTML with a plain-text part
 * that says the same. Everything a user or admin typed is escaped in the HTML.
 */
import i18next, { type TFunction } from 'i18next';
import { en } from './email-text/en.ts';
import { fr } from './email-text/fr.ts';
import { emailLanguage, type Language } from './language.ts';
import type { MatterTerm } from './matters.ts';
import type { Email, Message } from './ports.ts';

/** The firm as its emails show it: the run-time branding, with the deploy-time addresses where it sets none. */
export interface EmailBranding {
  firmName: string;
  colour: string;
  logoUrl?: string;
  portalUrl: string;
  adminUrl: string;
  /** The firm's default language: emails to whoever chose none are written in it. */
  language?: Language;
  /** What the firm calls a matter (`matterTerm`): "on the order M-2026-0001". */
  matterTerm?: MatterTerm;
}

/** One piece of an email's body, rendered both as text and as HTML. */
type Block = { paragraph: string } | { list: string[] } | { link: { label: string; url: string } } | { fields: [string, string][] };

interface Content {
  to: string[];
  subject: string;
  blocks: Block[];
}

/**
 * An i18next instance for one email's language, made when the email is written (not at cold
 * start). Not kept between emails: building one from catalogues already in memory costs little
 * next to sending, and nothing outlives the email it wrote. No fallback language: every key is in
 * both catalogues (the type of `fr` and a unit test see to it).
 */
function writerFor(language: Language): TFunction {
  const instance = i18next.createInstance();
  // initAsync false: the catalogues are here already, so `t` works as soon as init returns.
  void instance.init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } }, initAsync: false, interpolation: AS_WRITTEN });
  return instance.t;
}

/** The HTML part escapes every block itself, and the text part must not be escaped: i18next inserts values as they are. */
const AS_WRITTEN = { escapeValue: false };

/** What each message says, in blocks, in `t`'s language; `firm` is the branding at sending time. */
function contentOf(message: Message, firm: EmailBranding, t: TFunction): Content {
  const f = firm.firmName;
  const greeting = (name: string): Block => ({ paragraph: t('greeting', { name }) });
  const theTerm = t('term.the', { context: firm.matterTerm });
  switch (message.kind) {
    case 'invitation':
      return {
        to: [message.to],
        subject: t('invitation.subject', { firm: f }),
        blocks: [
          greeting(message.name),
          { paragraph: t('invitation.intro', { firm: f }) },
          {
            fields: [
              [t('invitation.portal'), firm.portalUrl],
              [t('invitation.signInEmail'), message.to],
              [t('invitation.temporaryPassword'), message.temporaryPassword],
            ],
          },
          { paragraph: t('invitation.firstSignIn') },
          { paragraph: t('invitation.expiry') },
        ],
      };
    case 'documentsShared':
      return {
        to: [message.to],
        subject: t('documentsShared.subject', { firm: f, count: message.itemNames.length }),
        blocks: [
          greeting(message.name),
          { paragraph: t('documentsShared.intro', { firm: f }) },
          { list: message.itemNames },
          { link: { label: t('documentsShared.open'), url: firm.portalUrl } },
        ],
      };
    case 'customerUpload':
      return {
        to: message.to,
        subject: t('customerUpload.subject', { contact: message.contactName, count: message.fileNames.length }),
        blocks: [
          { paragraph: t('customerUpload.intro', { contact: message.contactName, firm: f }) },
          { list: message.fileNames },
          { link: { label: t('customerUpload.open'), url: `${firm.adminUrl}/drive/${encodeURIComponent(message.folderId)}` } },
        ],
      };
    case 'newSignUp':
      return {
        to: message.to,
        subject: t('newSignUp.subject', { name: message.name }),
        blocks: [
          { paragraph: t('newSignUp.body', { name: message.name, email: message.email, firm: f }) },
          { link: { label: t('newSignUp.contacts'), url: `${firm.adminUrl}/contacts` } },
        ],
      };
    case 'accessClosed':
      return {
        to: [message.to],
        subject: t('accessClosed.subject', { firm: f }),
        blocks: [greeting(message.name), { paragraph: t('accessClosed.body', { firm: f }) }, { paragraph: t('accessClosed.help') }],
      };
    case 'accessReopened':
      return {
        to: [message.to],
        subject: t('accessReopened.subject', { firm: f }),
        blocks: [greeting(message.name), { paragraph: t('accessReopened.body', { firm: f }) }, { link: { label: t('accessReopened.portal'), url: firm.portalUrl } }],
      };
    case 'matterComment':
      return message.audience === 'staff'
        ? {
            to: message.to,
            subject: t('matterComment.staffSubject', { author: message.author, reference: message.reference }),
            blocks: [
              { paragraph: t('matterComment.staffBody', { author: message.author, theTerm, reference: message.reference, title: message.title }) },
              { link: { label: t('matterComment.staffOpen'), url: `${firm.adminUrl}/matters/${encodeURIComponent(message.matterId)}` } },
            ],
          }
        : {
            to: message.to,
            subject: t('matterComment.customerSubject', { firm: f, reference: message.reference }),
            blocks: [
              greeting(message.name),
              { paragraph: t('matterComment.customerBody', { firm: f, theTerm, reference: message.reference, title: message.title }) },
              { link: { label: t('matterComment.customerOpen'), url: `${firm.portalUrl}/matters/${encodeURIComponent(message.matterId)}` } },
            ],
          };
    case 'documentComment':
      return message.audience === 'staff'
        ? {
            to: message.to,
            subject: t('documentComment.staffSubject', { author: message.author, document: message.documentName }),
            blocks: [
              { paragraph: t('documentComment.staffBody', { author: message.author, document: message.documentName }) },
              { link: { label: t('documentComment.staffOpen'), url: `${firm.adminUrl}/drive/${encodeURIComponent(message.folderId)}` } },
            ],
          }
        : {
            to: message.to,
            subject: t('documentComment.customerSubject', { firm: f, document: message.documentName }),
            blocks: [greeting(message.name), { paragraph: t('documentComment.customerBody', { firm: f, document: message.documentName }) }, { link: { label: t('documentComment.customerOpen'), url: firm.portalUrl } }],
          };
    case 'requestSubmitted':
      return {
        to: message.to,
        subject: t('request.submittedSubject', { customer: message.customerName, kind: message.requestKind }),
        blocks: [
          { paragraph: t('request.submittedBody', { customer: message.customerName, kind: message.requestKind }) },
          { link: { label: t('request.submittedOpen'), url: `${firm.adminUrl}/requests/${encodeURIComponent(message.requestId)}` } },
        ],
      };
    case 'requestAccepted':
      return {
        to: [message.to],
        subject: t('request.acceptedSubject', { firm: f, reference: message.reference }),
        blocks: [
          greeting(message.name),
          { paragraph: t('request.acceptedBody', { firm: f, title: message.title, theTerm, reference: message.reference }) },
          { link: { label: t('request.acceptedOpen'), url: `${firm.portalUrl}/matters/${encodeURIComponent(message.matterId)}` } },
        ],
      };
    case 'requestDeclined':
      return {
        to: [message.to],
        subject: t('request.declinedSubject', { firm: f }),
        blocks: [greeting(message.name), { paragraph: t('request.declinedBody', { firm: f, title: message.title }) }, { paragraph: message.reason }, { paragraph: t('request.declinedHelp') }],
      };
    case 'staffInvitation':
      return {
        to: [message.to],
        subject: t(message.reset ? 'staffInvitation.resetSubject' : 'staffInvitation.subject', { firm: f }),
        blocks: [
          { paragraph: t(message.reset ? 'staffInvitation.resetBody' : 'staffInvitation.body', { firm: f }) },
          {
            fields: [
              [t('staffInvitation.signIn'), firm.adminUrl],
              [t('staffInvitation.email'), message.to],
              [t('staffInvitation.temporaryPassword'), message.temporaryPassword],
            ],
          },
          { paragraph: t('staffInvitation.firstSignIn') },
        ],
      };
  }
}

/** The email for a message, worded and branded as the firm is now. */
export function renderEmail(message: Message, firm: EmailBranding): Email {
  const language = emailLanguage('language' in message ? message.language : undefined, firm.language);
  const t = writerFor(language);
  const { to, subject, blocks } = contentOf(message, firm, t);
  return { to, fromName: firm.firmName, subject, text: asText(blocks, firm, t), html: asHtml(subject, blocks, firm, language) };
}

/**
 * What a Cognito code email is for: confirming the address at sign-up (and its resent code),
 * resetting a forgotten password, verifying a changed address, or an invitation with a temporary
 * password (Portico sends its own invitations, so Cognito's is a fallback that never goes out today).
 */
export type CodeEmailPurpose = 'confirmSignUp' | 'resetPassword' | 'verifyEmail' | 'invitation';

/** Whose pool the email comes from: customers are sent to the portal, staff to the administration. */
export type PoolAudience = 'customer' | 'staff';

/**
 * One of Cognito's own emails, in `language`, with the firm's branding, as the HTML Cognito sends.
 * `code` and `username` are Cognito's placeholders (`{####}`, `{username}`), which it replaces
 * after the trigger answers; they are written as they are (the HTML escapes nothing in them).
 */
export function renderCodeEmail(
  purpose: CodeEmailPurpose,
  audience: PoolAudience,
  firm: EmailBranding,
  language: Language,
  placeholders: { code: string; username: string },
): { subject: string; html: string } {
  const t = writerFor(language);
  const { subject, blocks } = codeContentOf(purpose, audience, firm, t, placeholders);
  return { subject, html: asHtml(subject, blocks, firm, language) };
}

function codeContentOf(purpose: CodeEmailPurpose, audience: PoolAudience, firm: EmailBranding, t: TFunction, { code, username }: { code: string; username: string }): Omit<Content, 'to'> {
  const f = firm.firmName;
  const codeField: Block = { fields: [[t('codes.code'), code]] };
  switch (purpose) {
    case 'confirmSignUp':
      return {
        subject: t('codes.signUpSubject', { firm: f }),
        blocks: [{ paragraph: t('codes.signUpBody', { firm: f }) }, codeField, { paragraph: t('codes.signUpExpiry') }, { paragraph: t('codes.notYou') }],
      };
    case 'resetPassword':
      return {
        subject: t(audience === 'staff' ? 'codes.staffResetSubject' : 'codes.resetSubject', { firm: f }),
        blocks: [{ paragraph: t('codes.resetBody', { firm: f }) }, codeField, { paragraph: t('codes.resetExpiry') }, { paragraph: t('codes.notYou') }],
      };
    case 'verifyEmail':
      return {
        subject: t('codes.verifySubject', { firm: f }),
        blocks: [{ paragraph: t('codes.verifyBody', { firm: f }) }, codeField, { paragraph: t('codes.notYou') }],
      };
    case 'invitation':
      return audience === 'staff'
        ? {
            subject: t('staffInvitation.subject', { firm: f }),
            blocks: [
              { paragraph: t('staffInvitation.body', { firm: f }) },
              {
                fields: [
                  [t('staffInvitation.signIn'), firm.adminUrl],
                  [t('staffInvitation.email'), username],
                  [t('staffInvitation.temporaryPassword'), code],
                ],
              },
              { paragraph: t('staffInvitation.firstSignIn') },
            ],
          }
        : {
            subject: t('invitation.subject', { firm: f }),
            blocks: [
              { paragraph: t('invitation.intro', { firm: f }) },
              {
                fields: [
                  [t('invitation.portal'), firm.portalUrl],
                  [t('invitation.signInEmail'), username],
                  [t('invitation.temporaryPassword'), code],
                ],
              },
              { paragraph: t('invitation.firstSignIn') },
              { paragraph: t('invitation.expiry') },
            ],
          };
  }
}

function asText(blocks: Block[], firm: EmailBranding, t: TFunction): string {
  const lines = blocks.map((b) => {
    if ('paragraph' in b) return b.paragraph;
    if ('list' in b) return b.list.map((item) => `  - ${item}`).join('\n');
    if ('link' in b) return t('labelled', { label: b.link.label, value: b.link.url });
    return b.fields.map(([label, value]) => t('labelled', { label, value })).join('\n');
  });
  return [...lines, t('signature', { firm: firm.firmName })].join('\n\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and double-quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Only web addresses become links or images; anything else is shown as text. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function asHtml(subject: string, blocks: Block[], firm: EmailBranding, language: Language): string {
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
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b">',
    `<div style="background:${colour};color:#ffffff;padding:16px 24px;font-size:20px">${logo}<span>${escapeHtml(firm.firmName)}</span></div>`,
    `<div style="padding:24px;max-width:600px">${body.join('\n')}</div>`,
    '</body></html>',
  ].join('\n');
}
