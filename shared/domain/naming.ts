/** Rules for names shown to people. File names are data, never paths. */
import type { Language } from './language.ts';

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

/** "report.docx" → ["report", ".docx"]; a folder's name, or a file's without a dot after its first character, has no extension. */
function stemAndExtension(name: string, kind: 'folder' | 'file'): [string, string] {
  const dot = kind === 'file' ? name.lastIndexOf('.') : -1;
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** Puts `suffix` before the extension, shortening the stem (never the extension) to stay within the length limit. */
function withSuffix(name: string, kind: 'folder' | 'file', suffix: string): string {
  const [stem, ext] = stemAndExtension(name, kind);
  return `${stem.slice(0, Math.max(1, MAX_NAME - suffix.length - ext.length))}${suffix}${ext}`;
}

/** How a revised version's name says who revised it and when, in the firm's language ("révisé" agrees with "document"). */
const REVISED_BY: Record<Language, (by: string, day: string) => string> = {
  en: (by, day) => ` (revised by ${by} ${day})`,
  fr: (by, day) => ` (révisé par ${by} ${day})`,
};

/** "report.docx" revised by Ann on 2026-11-22 → "report (revised by Ann 2026-11-22).docx" ("report (révisé par Ann 2026-11-22).docx" in French). */
export function revisedName(original: string, by: string, on: Date, language: Language): string {
  return withSuffix(original, 'file', REVISED_BY[language](by, on.toISOString().slice(0, 10))).slice(0, MAX_NAME);
}

const sameName = (name: string) => name.toLocaleLowerCase('en');

/**
 * The one rule for names in a folder, wherever an item arrives (created, uploaded, renamed, moved,
 * restored): no two live items in a folder share a name, ignoring case. The name asked for is kept
 * when it is free; otherwise the item takes the first free "name (2)", "name (3)"… (before a file's
 * extension), so nothing is refused and nothing is overwritten.
 */
export function firstFreeName(wanted: string, kind: 'folder' | 'file', taken: Iterable<string>): string {
  const used = new Set([...taken].map(sameName));
  if (!used.has(sameName(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const candidate = withSuffix(wanted, kind, ` (${n})`);
    if (!used.has(sameName(candidate))) return candidate;
  }
}

/**
 * What every name `firstFreeName` might compare `wanted` with starts with, lower-cased as listing
 * keys are: the stem, cut as short as a suffix could make it.
 */
export function namePrefix(wanted: string, kind: 'folder' | 'file'): string {
  const [stem, ext] = stemAndExtension(wanted, kind);
  return sameName(stem.slice(0, Math.max(1, MAX_NAME - 12 - ext.length)));
}

/**
 * The folder a customer's uploads land in, named once, when it is made, in the firm's language.
 * French says "Déposés par <name>" (the documents the customer uploaded: "déposer" is the verb the
 * emails use for an upload), not "De <name>", which French writes "D'<name>" before a vowel.
 */
const INBOX_NAMES: Record<Language, (contactName: string) => string> = {
  en: (name) => `From ${name}`,
  fr: (name) => `Déposés par ${name}`,
};
export const inboxFolderName = (contactName: string, language: Language) => INBOX_NAMES[language](contactName).slice(0, MAX_NAME);

/** A matter's folder for its client's documents, named when it is made, in the firm's language (as the inbox is). */
const FROM_CLIENT_NAMES: Record<Language, string> = { en: 'From client', fr: 'Déposés par le client' };
export const fromClientFolderName = (language: Language) => FROM_CLIENT_NAMES[language];

/**
 * The drive folder for the files a customer sends with a request (F21), at the top of the drive
 * until the request is decided; an accepted request's folder moves into its matter's folder.
 */
const REQUEST_FOLDER_NAMES: Record<Language, (title: string, customer: string) => string> = {
  en: (title, customer) => `Request - ${customer} - ${title}`,
  fr: (title, customer) => `Demande - ${customer} - ${title}`,
};
export const requestFolderName = (language: Language, title: string, customer: string) => REQUEST_FOLDER_NAMES[language](title, customer);
