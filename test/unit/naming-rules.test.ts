/** Names people see and the order they see them in (shared/domain/naming.ts). */
import { describe, expect, it } from 'vitest';
import { cleanItemName, firstFreeName, inboxFolderName, namePrefix, revisedName, sortKeyOf } from '../../shared/domain/naming.ts';

const on = new Date('2026-11-22T10:00:00Z');

describe('item names', () => {
  it('a name of exactly 255 characters is accepted; 256 is too long', () => {
    expect(cleanItemName('x'.repeat(255))).toBe('x'.repeat(255));
    expect(cleanItemName('x'.repeat(256))).toBeUndefined();
  });

  it('names that only start with dots are ordinary names', () => {
    expect(cleanItemName('.env')).toBe('.env');
    expect(cleanItemName('...')).toBe('...');
  });
});

describe('the order of a folder listing', () => {
  /** Sorts as the drive table does: by the stored sort key, byte by byte. */
  const listed = (items: [kind: 'folder' | 'file', name: string, id: string][]) =>
    items
      .map(([kind, name, id]) => ({ name, key: sortKeyOf(kind, name, id) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((i) => i.name);

  it('folders come before files, whatever their names', () => {
    expect(listed([['file', 'A.pdf', 'i-1'], ['folder', 'zz', 'i-2'], ['file', '0.pdf', 'i-3'], ['folder', 'Aa', 'i-4']])).toEqual(['Aa', 'zz', '0.pdf', 'A.pdf']);
  });

  it('names sort regardless of case, with punctuation where a lower-case listing puts it', () => {
    expect(listed([['file', 'reports.pdf', 'i-1'], ['file', 'Report_final.pdf', 'i-2'], ['file', 'REPORT.pdf', 'i-3']])).toEqual(['REPORT.pdf', 'Report_final.pdf', 'reports.pdf']);
  });

  it('equal names stay apart by id', () => {
    expect(sortKeyOf('file', 'a', 'i-1')).not.toBe(sortKeyOf('file', 'A', 'i-2'));
  });

  it('the key format is stored in the drive table, so it never changes: kind digit, lower-cased name, id', () => {
    // Keys written by earlier versions must keep sorting with new ones.
    expect(sortKeyOf('folder', 'Tax Returns', 'i-1')).toBe('0#tax returns#i-1');
    expect(sortKeyOf('file', 'Bilanz MÄRZ.pdf', 'i-2')).toBe('1#bilanz märz.pdf#i-2');
  });
});

describe('revised versions', () => {
  it("says who revised it and when in the firm's language, before the extension", () => {
    expect(revisedName('rapport.docx', 'Anne Client', on, 'fr')).toBe('rapport (révisé par Anne Client 2026-11-22).docx');
    expect(revisedName('rapport.docx', 'Ann', on, 'en')).toBe('rapport (revised by Ann 2026-11-22).docx');
    const long = revisedName(`${'x'.repeat(250)}.pdf`, 'Anne', on, 'fr');
    expect(long).toHaveLength(255);
    expect(long.endsWith(' (révisé par Anne 2026-11-22).pdf')).toBe(true);
  });

  it('a name that starts with a dot is the stem, not an extension', () => {
    expect(revisedName('.env', 'Ann', on, 'en')).toBe('.env (revised by Ann 2026-11-22)');
  });

  it('only the last dot starts the extension', () => {
    expect(revisedName('accounts.2025.xlsx', 'Ann', on, 'en')).toBe('accounts.2025 (revised by Ann 2026-11-22).xlsx');
  });

  it('a revised name stays within the limit even when the reviser\'s name is very long', () => {
    expect(revisedName('a.pdf', 'B'.repeat(300), on, 'en')).toHaveLength(255);
  });

  it('the revised name of a long name is cut to the longest name the drive accepts', () => {
    const name = revisedName(`${'x'.repeat(250)}.pdf`, 'Ann', on, 'en');
    expect(name).toHaveLength(255);
    expect(cleanItemName(name)).toBe(name);
  });
});

describe('one name per item in a folder', () => {
  it('a free name is kept as asked', () => {
    expect(firstFreeName('report.pdf', 'file', ['report (2).pdf', 'other.pdf'])).toBe('report.pdf');
    expect(firstFreeName('report.pdf', 'file', [])).toBe('report.pdf');
  });

  it('a taken name, in any case, becomes the first free "(n)" before the extension', () => {
    expect(firstFreeName('report.pdf', 'file', ['Report.PDF'])).toBe('report (2).pdf');
    expect(firstFreeName('report.pdf', 'file', ['report.pdf', 'REPORT (2).pdf', 'report (4).pdf'])).toBe('report (3).pdf');
  });

  it('a folder has no extension: the number goes at the end', () => {
    expect(firstFreeName('Tax 2025.v2', 'folder', ['tax 2025.v2'])).toBe('Tax 2025.v2 (2)');
    expect(firstFreeName('.config', 'file', ['.config'])).toBe('.config (2)');
  });

  it('a numbered long name stays within the limit, keeping its extension', () => {
    const long = `${'x'.repeat(251)}.pdf`;
    const next = firstFreeName(long, 'file', [long]);
    expect(next).toBe(`${'x'.repeat(247)} (2).pdf`);
    expect(cleanItemName(next)).toBe(next);
  });

  it('the prefix that finds the candidates is the lower-cased stem, short enough to match any numbered form', () => {
    expect(namePrefix('Report.PDF', 'file')).toBe('report');
    expect(namePrefix('Tax 2025.v2', 'folder')).toBe('tax 2025.v2');
    const long = `${'X'.repeat(251)}.pdf`;
    const prefix = namePrefix(long, 'file');
    expect(prefix).toBe('x'.repeat(239));
    expect(firstFreeName(long, 'file', [long]).toLowerCase().startsWith(prefix)).toBe(true);
  });
});

describe('inbox folders', () => {
  it('a contact\'s uploads land in "From <name>", named in the firm\'s language', () => {
    expect(inboxFolderName('Ann Example', 'en')).toBe('From Ann Example');
    expect(inboxFolderName('Anne Exemple', 'fr')).toBe('Déposés par Anne Exemple');
    // No elision to get wrong before a vowel, as "De"/"D'" would need.
    expect(inboxFolderName('Éric Martin', 'fr')).toBe('Déposés par Éric Martin');
  });

  it('the inbox name of a very long contact name is cut to the longest name the drive accepts, in either language', () => {
    const name = inboxFolderName('y'.repeat(300), 'en');
    expect(name).toBe(`From ${'y'.repeat(250)}`);
    expect(cleanItemName(name)).toBe(name);
    const french = inboxFolderName('y'.repeat(300), 'fr');
    expect(french).toBe(`Déposés par ${'y'.repeat(243)}`);
    expect(cleanItemName(french)).toBe(french);
  });
});
