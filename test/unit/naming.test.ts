import { describe, expect, it } from 'vitest';
import { contentDisposition, objectKeys } from '../../shared/adapters/file-store.ts';
import { cleanItemName, fromClientFolderName, requestFolderName, revisedName, sortKeyOf } from '../../shared/domain/naming.ts';

describe('item names', () => {
  it('keeps unicode and spaces, refuses separators, control characters and dot names', () => {
    expect(cleanItemName('  Bilanz – März 2025.pdf ')).toBe('Bilanz – März 2025.pdf');
    for (const bad of ['', '   ', '.', '..', 'a/b', 'a\\b', 'a\u0000b', 'x'.repeat(256)]) expect(cleanItemName(bad)).toBeUndefined();
  });

  it('refuses bidirectional controls that could disguise an extension (U+202E and its kin)', () => {
    for (const control of ['\u202e', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      expect(cleanItemName(`invoice${control}fdp.exe`)).toBeUndefined();
    }
    expect(cleanItemName('עברית ومرحبا.pdf')).toBe('עברית ومرحبا.pdf');
  });

  it('names a revised version after the original, the reviser and the day', () => {
    expect(revisedName('report.docx', 'Ann Customer', new Date('2026-11-22T10:00:00Z'), 'en')).toBe('report (revised by Ann Customer 2026-11-22).docx');
    expect(revisedName('README', 'Ann', new Date('2026-11-22T10:00:00Z'), 'en')).toBe('README (revised by Ann 2026-11-22)');
  });

  it('sorts folders before files, then by name regardless of case', () => {
    const keys = [sortKeyOf('file', 'b', '1'), sortKeyOf('file', 'A', '2'), sortKeyOf('folder', 'z', '3')].sort();
    expect(keys).toEqual([sortKeyOf('folder', 'z', '3'), sortKeyOf('file', 'A', '2'), sortKeyOf('file', 'b', '1')]);
  });
});

describe('downloads and keys', () => {
  it('encodes the original file name for every browser (RFC 6266)', () => {
    expect(contentDisposition('Jahresabschluss – März "final".pdf')).toBe(
      `attachment; filename="Jahresabschluss _ M_rz _final_.pdf"; filename*=UTF-8''Jahresabschluss%20%E2%80%93%20M%C3%A4rz%20%22final%22.pdf`,
    );
  });

  it('parses only well-formed customer upload keys', () => {
    const key = { contactId: 'c-1', batchId: 'b-1', batchSize: 3, itemId: 'i-1' };
    expect(objectKeys.parseCustomerUpload(objectKeys.customerUpload(key))).toEqual(key);
    for (const bad of ['drive/i-1', 'customer-uploads/c-1/b-1/i-1', 'customer-uploads/c-1/b-1/3/i-1/extra', 'customer-uploads/../b-1/3/i-1']) {
      expect(objectKeys.parseCustomerUpload(bad)).toBeUndefined();
    }
  });
});

describe("a matter's folder for its client's documents", () => {
  it('is named in the firm\'s language', () => {
    expect(fromClientFolderName('en')).toBe('From client');
    expect(fromClientFolderName('fr')).toBe('Déposés par le client');
    expect(requestFolderName('en', 'Supply contract', 'Ann Lee')).toBe('Request - Ann Lee - Supply contract');
    expect(requestFolderName('fr', 'Contrat', 'Ann Lee')).toBe('Demande - Ann Lee - Contrat');
  });
});
