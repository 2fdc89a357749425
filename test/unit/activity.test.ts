/** The audit trail in words: labels, filters, the details line and the CSV export. */
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, activityCsv, detailsLine, matchesFilter } from '../../shared/domain/activity.ts';
import type { AuditEntry } from '../../shared/domain/ports.ts';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({ at: '2026-05-12T10:30:00.000Z', actor: 'Ada Client', action: 'file.downloaded', ...over });

describe('labels', () => {
  it('names every action in words, and shows an unknown code as it is', () => {
    expect(actionLabel('file.downloaded')).toBe('Downloaded a file');
    expect(actionLabel('share.added')).toBe('Shared items');
    expect(actionLabel('something.new')).toBe('something.new');
    for (const [code, label] of Object.entries(ACTION_LABELS)) {
      expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(label).toMatch(/^[A-Z]/);
    }
  });
});

describe('matchesFilter', () => {
  it('keeps everything when nothing is asked', () => {
    expect(matchesFilter(entry(), {})).toBe(true);
  });

  it('matches the person exactly, in any case', () => {
    expect(matchesFilter(entry(), { actor: 'ada client' })).toBe(true);
    expect(matchesFilter(entry(), { actor: 'ADA CLIENT' })).toBe(true);
    expect(matchesFilter(entry(), { actor: 'Ada' })).toBe(false);
    expect(matchesFilter(entry({ actor: 'sam@firm.test' }), { actor: 'Sam@Firm.test' })).toBe(true);
  });

  it('matches the action exactly', () => {
    expect(matchesFilter(entry(), { action: 'file.downloaded' })).toBe(true);
    expect(matchesFilter(entry(), { action: 'file.uploaded' })).toBe(false);
  });

  it('takes both dates as whole days, inclusive', () => {
    expect(matchesFilter(entry(), { from: '2026-05-12' })).toBe(true);
    expect(matchesFilter(entry(), { from: '2026-05-13' })).toBe(false);
    expect(matchesFilter(entry(), { to: '2026-05-12' })).toBe(true);
    expect(matchesFilter(entry(), { to: '2026-05-11' })).toBe(false);
    expect(matchesFilter(entry({ at: '2026-05-12T23:59:59.999Z' }), { from: '2026-05-12', to: '2026-05-12' })).toBe(true);
    expect(matchesFilter(entry({ at: '2026-05-11T23:59:59.999Z' }), { from: '2026-05-12', to: '2026-05-12' })).toBe(false);
    expect(matchesFilter(entry({ at: '2026-05-13T00:00:00.000Z' }), { from: '2026-05-12', to: '2026-05-12' })).toBe(false);
  });

  it('needs every condition given', () => {
    expect(matchesFilter(entry(), { actor: 'Ada Client', action: 'file.uploaded' })).toBe(false);
    expect(matchesFilter(entry(), { actor: 'Bob', action: 'file.downloaded' })).toBe(false);
    expect(matchesFilter(entry(), { actor: 'Ada Client', action: 'file.downloaded', from: '2026-05-01', to: '2026-05-31' })).toBe(true);
  });
});

describe('detailsLine', () => {
  it('reads as words: lists joined, yes/no, nested values, and no raw ids', () => {
    expect(detailsLine(undefined)).toBe('');
    expect(detailsLine({})).toBe('');
    expect(detailsLine({ name: 'Budget.xlsx', customerTold: true })).toBe('name: Budget.xlsx · customerTold: yes');
    expect(detailsLine({ emailed: false })).toBe('emailed: no');
    expect(detailsLine({ items: ['a.pdf', 'b.pdf'] })).toBe('items: a.pdf, b.pdf');
    expect(detailsLine({ change: { from: 'x', to: 'y' } })).toBe('change: from x, to y');
    expect(detailsLine({ itemId: 'i-1', itemIds: ['i-2'], contactId: 'c-1', name: 'n' })).toBe('name: n');
    // Only a name that ends in Id or Ids is an id: others that merely contain "Id" are words.
    expect(detailsLine({ oldIdentity: 'Ada', Idea: 'x' })).toBe('oldIdentity: Ada · Idea: x');
    expect(detailsLine({ size: 2 })).toBe('size: 2');
  });
});

describe('activityCsv', () => {
  it('has a header and one row per entry, with readable actions and CRLF line ends', () => {
    const csv = activityCsv([entry({ details: { name: 'Tax return.pdf', version: 'of 2026-05-01 09:00 UTC' } })]);
    expect(csv).toBe('Time (UTC),Who,What,Details\r\n2026-05-12T10:30:00.000Z,Ada Client,Downloaded a file,name: Tax return.pdf · version: of 2026-05-01 09:00 UTC\r\n');
    expect(activityCsv([])).toBe('Time (UTC),Who,What,Details\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const csv = activityCsv([entry({ actor: 'Smith, "Ada"', details: { note: 'two\nlines' } })]);
    expect(csv).toContain('"Smith, ""Ada"""');
    expect(csv).toContain('"note: two\nlines"');
    expect(activityCsv([entry({ actor: 'a\rb' })])).toContain('"a\rb"');
  });

  it('keeps a value that starts like a spreadsheet formula as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const csv = activityCsv([entry({ actor: `${start}HYPERLINK("http://x")` })]);
      const row = csv.split('\r\n')[1];
      expect(row).not.toMatch(new RegExp(`(^|,)\\${start === '\t' ? 't' : start === '\r' ? 'r' : start}HYPERLINK`));
      expect(csv).toContain(`'${start}HYPERLINK`);
    }
    expect(activityCsv([entry({ actor: 'Ann = Bob' })]).split('\r\n')[1]).toContain(',Ann = Bob,');
  });
});
