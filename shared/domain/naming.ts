/** Rules for names shown to people. File names are data, never paths. */

const MAX_NAME = 255;

/** A user-given item name, trimmed; refuses what no drive would accept as a name. */
export function cleanItemName(raw: string): string | undefined {
  const name = raw.normalize('NFC').trim();
  if (!name || name.length > MAX_NAME || name === '.' || name === '..') return undefined;
  if (/[\u0000-\u001f\u007f/\\]/.test(name)) return undefined;
  // Bidirectional controls (e.g. U+202E) can make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) return undefined;
  return name;
}

/** Folders first, then names in a case-insensitive order; the id keeps equal names apart. */
export function sortKeyOf(kind: 'folder' | 'file', name: string, itemId: string): string {
  return `${kind === 'folder' ? '0' : '1'}#${name.toLocaleLowerCase('en')}#${itemId}`;
}

/** "report.docx" revised by Ann on 2026-11-22 → "report (revised by Ann 2026-11-22).docx". */
export function revisedName(original: string, by: string, on: Date): string {
  const dot = original.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [original.slice(0, dot), original.slice(dot)] : [original, ''];
  return `${stem} (revised by ${by} ${on.toISOString().slice(0, 10)})${ext}`.slice(0, MAX_NAME);
}

export const inboxFolderName = (contactName: string) => `From ${contactName}`.slice(0, MAX_NAME);
