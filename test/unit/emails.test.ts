/** The wording and branding of every email (shared/domain/emails.ts). */
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail, type EmailBranding } from '../../shared/domain/emails.ts';
import { en } from '../../shared/domain/email-text/en.ts';
import { fr } from '../../shared/domain/email-text/fr.ts';
import type { Message } from '../../shared/domain/ports.ts';

const firm: EmailBranding = {
  firmName: 'Smith & Co',
  colour: '#12ab34',
  logoUrl: 'https://smith.test/logo.png',
  portalUrl: 'https://portal.smith.test',
  adminUrl: 'https://admin.smith.test',
};

const every: Message[] = [
  { kind: 'invitation', to: 'ann@x.test', name: 'Ann', temporaryPassword: 'Tmp-Pass-123!' },
  { kind: 'documentsShared', to: 'ann@x.test', name: 'Ann', itemNames: ['Tax return.pdf'] },
  { kind: 'customerUpload', to: ['sam@firm.test'], contactName: 'Ann', fileNames: ['scan.pdf'], folderId: 'inbox-c 1' },
  { kind: 'newSignUp', to: ['office@firm.test'], name: 'Ann', email: 'ann@x.test' },
  { kind: 'accessClosed', to: 'ann@x.test', name: 'Ann' },
  { kind: 'accessReopened', to: 'ann@x.test', name: 'Ann' },
  { kind: 'staffInvitation', to: 'sam@firm.test', temporaryPassword: 'Tmp-Pass-456!' },
  { kind: 'staffInvitation', to: 'sam@firm.test', temporaryPassword: 'Tmp-Pass-789!', reset: true },
  { kind: 'matterComment', audience: 'staff', to: ['sam@firm.test'], author: 'Ann', reference: 'M-2026-0001', title: 'Lease dispute', matterId: 'm 1' },
  { kind: 'matterComment', audience: 'customer', to: ['ann@x.test'], name: 'Ann', author: 'firm', reference: 'M-2026-0001', title: 'Lease dispute', matterId: 'm 1' },
  { kind: 'documentComment', audience: 'staff', to: ['sam@firm.test'], author: 'Ann', documentName: 'Lease <draft>.pdf', folderId: 'f 1' },
  { kind: 'documentComment', audience: 'customer', to: ['ann@x.test'], name: 'Ann', author: 'firm', documentName: 'Lease.pdf' },
  { kind: 'requestSubmitted', to: ['sam@firm.test'], customerName: 'Ann', requestKind: 'contract request', requestId: 'r 1' },
  { kind: 'requestAccepted', to: 'ann@x.test', name: 'Ann', title: 'Supply <contract>', reference: 'M-2026-0002', matterId: 'r 1' },
  { kind: 'requestDeclined', to: 'ann@x.test', name: 'Ann', title: 'Supply contract', reason: 'We do not handle <this> work.' },
];

/** The words a person reads in the HTML part: tags dropped, entities decoded. */
const readable = (html: string) =>
  html
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('every email', () => {
  const cases = (['en', 'fr'] as const).flatMap((language) => every.map((m) => [`${m.kind}${'reset' in m && m.reset ? ' (reset)' : ''}`, language, m] as const));
  it.each(cases)('%s in %s comes from the firm, by its run-time name, in HTML and plain text that say the same', (_, language, message) => {
    const email = renderEmail(message, { ...firm, language });
    expect(email.fromName).toBe('Smith & Co');
    expect(email.to).toEqual([message.to].flat());
    expect(`${email.subject}\n${email.text}`).toContain('Smith & Co');
    expect(email.html).toContain('<span>Smith &amp; Co</span>');
    expect(email.html).toContain('background:#12ab34');
    expect(email.html).toContain('<img src="https://smith.test/logo.png"');
    // Every line of the text part is in the HTML part, word for word (a link as its label and address).
    const words = (s: string) => s.replace(/:/g, '').replace(/\s+/g, ' ').trim();
    const html = words(readable(email.html));
    for (const raw of email.text.split('\n').filter(Boolean)) {
      const line = raw.replace(/^ {2}- /, '').replace(/^— /, '');
      const link = /^(.*?): (https?:\/\/\S+)$/.exec(line);
      if (link && email.html.includes(`href="${link[2]}"`)) expect(html).toContain(words(link[1]));
      else expect(html).toContain(words(line));
    }
  });
});

describe('what each email says', () => {
  const text = (m: Message) => renderEmail(m, firm).text;

  it('customers are sent to the run-time portal address', () => {
    expect(text(every[0])).toContain('Portal: https://portal.smith.test');
    expect(text(every[0])).toContain('Temporary password: Tmp-Pass-123!');
    expect(text(every[1])).toContain('Open your portal to see them: https://portal.smith.test');
    expect(text(every[5])).toContain('Portal: https://portal.smith.test');
    expect(renderEmail(every[1], firm).html).toContain('<a href="https://portal.smith.test"');
  });

  it('staff are sent to the admin UI: the folder the upload landed in, the contacts, the sign-in', () => {
    expect(text(every[2])).toContain('They are in the drive: https://admin.smith.test/drive/inbox-c%201');
    expect(text(every[3])).toContain('Contacts: https://admin.smith.test/contacts');
    expect(text(every[6])).toContain('Sign in: https://admin.smith.test');
    expect(renderEmail(every[7], firm).subject).toBe('Your Smith & Co portal password was reset');
    expect(renderEmail(every[6], firm).subject).toBe('You have been invited to the Smith & Co portal administration');
  });

  it('lists every file, one per line in the text and one per item in the HTML', () => {
    const email = renderEmail({ kind: 'documentsShared', to: 'a@x.test', name: 'A', itemNames: ['one.pdf', 'two.pdf'] }, firm);
    expect(email.text).toContain('  - one.pdf\n  - two.pdf');
    expect(email.html).toContain('<ul><li>one.pdf</li><li>two.pdf</li></ul>');
    expect(renderEmail(every[0], firm).html).toContain('</tr><tr>');
  });

  it('counts what was shared or uploaded in the subject', () => {
    expect(renderEmail(every[1], firm).subject).toBe('Smith & Co shared a document with you');
    expect(renderEmail({ kind: 'documentsShared', to: 'a@x.test', name: 'A', itemNames: ['a', 'b'] }, firm).subject).toBe('Smith & Co shared 2 documents with you');
    expect(renderEmail(every[2], firm).subject).toBe('Ann uploaded a document');
    expect(renderEmail({ ...(every[2] as any), fileNames: ['a', 'b', 'c'] }, firm).subject).toBe('Ann uploaded 3 documents');
  });

  it('a matter is called what the firm calls it, with its article in French', () => {
    const comment = every.find((m) => m.kind === 'matterComment' && m.audience === 'staff')!;
    const accepted = every.find((m) => m.kind === 'requestAccepted')!;
    expect(text(comment)).toContain('Ann wrote a comment on the matter M-2026-0001 Lease dispute.');
    const says = (term: EmailBranding['matterTerm'], language: 'en' | 'fr', m: Message) => renderEmail(m, { ...firm, matterTerm: term, language }).text;
    expect(says('matter', 'en', comment)).toContain('Ann wrote a comment on the matter M-2026-0001');
    expect(says('order', 'en', comment)).toContain('Ann wrote a comment on the order M-2026-0001');
    expect(says('contract', 'en', accepted)).toContain('Follow it in your portal as the contract M-2026-0002');
    expect(says('file', 'en', comment)).toContain('on the file M-2026-0001');
    expect(says('matter', 'fr', comment)).toContain('Ann a écrit un commentaire sur l’affaire M-2026-0001');
    expect(says('order', 'fr', comment)).toContain('sur la commande M-2026-0001');
    expect(says('contract', 'fr', accepted)).toContain('(le contrat M-2026-0002)');
    expect(says('file', 'fr', comment)).toContain('sur le dossier M-2026-0001');
  });

  it('closing and reopening say so, to the customer by name', () => {
    expect(renderEmail(every[4], firm).subject).toBe('Your access to the Smith & Co portal has been closed');
    expect(text(every[4])).toMatch(/^Dear Ann,/);
    expect(renderEmail(every[5], firm).subject).toBe('Your access to the Smith & Co portal is open again');
  });
});

describe('what people typed cannot change the HTML', () => {
  const hostile = '<img src=x onerror=alert(1)> "quoted" & \'single\'';

  it('names of files, people and the firm are escaped', () => {
    const email = renderEmail(
      { kind: 'documentsShared', to: 'a@x.test', name: hostile, itemNames: [hostile] },
      { ...firm, firmName: hostile },
    );
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
    expect(email.text).toContain(hostile);
  });

  it('without a logo, the header holds the firm\'s name alone', () => {
    const { logoUrl: _none, ...plain } = firm;
    expect(renderEmail(every[1], plain).html).toContain('font-size:20px"><span>Smith &amp; Co</span></div>');
  });

  it('only web addresses become images and links; a broken colour falls back to the default', () => {
    const email = renderEmail(every[1], { ...firm, logoUrl: 'javascript:alert(1)', colour: 'red;x:y', portalUrl: 'javascript:alert(2)' });
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('href=');
    expect(email.html).toContain('Open your portal to see them: javascript:alert(2)');
    expect(email.html).toContain('background:#1f4e79');
    expect(renderEmail(every[1], { ...firm, logoUrl: undefined }).html).not.toContain('<img');
    // A colour is exactly "#" and six hex digits, so nothing can be appended to the style.
    for (const colour of ['#123456;background:url(https://evil.test)', 'x#123456', '#12345']) expect(renderEmail(every[1], { ...firm, colour }).html).not.toContain(colour);
    // An address counts as a web address only if it starts as one.
    const sneaky = 'javascript:alert(1)//https://x.test';
    expect(renderEmail(every[1], { ...firm, logoUrl: sneaky, portalUrl: sneaky }).html).not.toMatch(/<img|href=/);
    expect(renderEmail(every[1], { ...firm, logoUrl: 'http://smith.test/l.png', portalUrl: 'HTTP://portal' }).html).toContain('<img src="http://smith.test/l.png"');
  });
});

describe('the words, as approved', () => {
  // The wording is part of the product: a change to any sentence shows here and is reviewed.
  it.each(every.map((m, i) => [i, m.kind] as const))('#%s %s', (i) => {
    const { subject, text } = renderEmail(every[i], firm);
    expect(`${subject}\n\n${text}`).toMatchSnapshot();
  });

  it('the HTML of a share email', () => {
    expect(renderEmail(every[1], firm).html).toMatchSnapshot();
  });
});

describe('in French', () => {
  const french = (m: Message) => renderEmail({ ...m, language: 'fr' } as Message, firm);
  const frenchFirm: EmailBranding = { ...firm, language: 'fr' };

  it('a customer who chose French gets French, whatever the firm speaks', () => {
    const email = french(every[1]);
    expect(email.subject).toBe('Smith & Co a partagé un document avec vous');
    expect(email.text).toContain('Bonjour Ann,');
    expect(email.html).toContain('<html lang="fr">');
  });

  it('a customer who chose English gets English from a French firm; one who chose nothing gets the firm\'s language', () => {
    expect(renderEmail({ ...every[1], language: 'en' } as Message, frenchFirm).subject).toBe('Smith & Co shared a document with you');
    expect(renderEmail(every[1], frenchFirm).subject).toBe('Smith & Co a partagé un document avec vous');
    expect(renderEmail(every[1], firm).subject).toBe('Smith & Co shared a document with you');
  });

  it('staff emails follow the firm\'s language', () => {
    expect(renderEmail(every[2], frenchFirm).subject).toBe('Ann a déposé un document');
    expect(renderEmail(every[6], frenchFirm).text).toContain('Mot de passe provisoire : Tmp-Pass-456!');
  });

  it('counts in French: two or more documents are plural, one is singular', () => {
    const shared = (n: number) => renderEmail({ ...every[1], itemNames: Array.from({ length: n }, (_, i) => `f${i}.pdf`) } as Message, frenchFirm).subject;
    expect(shared(1)).toBe('Smith & Co a partagé un document avec vous');
    expect(shared(2)).toBe('Smith & Co a partagé 2 documents avec vous');
    expect(shared(1_000_000)).toBe('Smith & Co a partagé 1000000 documents avec vous');
  });

  it.each(every.map((m, i) => [i, m.kind] as const))('#%s %s, as approved', (i) => {
    const { subject, text } = renderEmail(every[i], frenchFirm);
    expect(`${subject}\n\n${text}`).toMatchSnapshot();
  });
});

describe('the catalogues', () => {
  const leaves = (o: object, prefix = ''): [string, string][] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('French has every English key and no other, none empty, with the same placeholders', () => {
    const english = new Map(leaves(en));
    const frenchLeaves = new Map(leaves(fr));
    expect([...frenchLeaves.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of frenchLeaves) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
    }
  });
});
