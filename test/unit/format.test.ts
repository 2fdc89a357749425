/** Sizes and dates as the UIs show them, in English and in French. */
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDay } from '../../web/common/format.ts';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('file sizes', () => {
  it('one byte is singular, any other count of bytes plural', () => {
    expect(nbsp(formatBytes(1))).toBe('1 byte');
    expect(nbsp(formatBytes(0))).toBe('0 bytes');
    expect(nbsp(formatBytes(2))).toBe('2 bytes');
  });

  it('in French, zero and one octet are singular', () => {
    expect(nbsp(formatBytes(0, 'fr'))).toBe('0 octet');
    expect(nbsp(formatBytes(1, 'fr'))).toBe('1 octet');
    expect(nbsp(formatBytes(2, 'fr'))).toBe('2 octets');
  });

  it('larger sizes take the largest unit below them', () => {
    expect(nbsp(formatBytes(1023))).toBe('1,023 bytes');
    expect(nbsp(formatBytes(1024))).toBe('1.0 KB');
    expect(nbsp(formatBytes(101 * 1024 * 1024))).toBe('101 MB');
  });

  it('French sizes use a decimal comma and octet units', () => {
    expect(nbsp(formatBytes(1.5 * 1024 * 1024, 'fr'))).toBe('1,5 Mo');
    expect(nbsp(formatBytes(1.5 * 1024 * 1024, 'fr-FR'))).toBe('1,5 Mo');
    expect(nbsp(formatBytes(1.5 * 1024 * 1024, 'en-GB'))).toBe('1.5 MB');
  });

  it('an unknown size shows nothing', () => {
    expect(formatBytes(undefined)).toBe('');
  });
});

describe('dates', () => {
  it('name the month in the reader\'s language', () => {
    expect(formatDate('2026-03-12T12:00:00Z', 'fr')).toMatch(/^12 mars 2026/);
    expect(formatDate('2026-03-12T12:00:00Z', 'en')).toMatch(/^Mar 12, 2026/);
  });

  it('an unknown date shows nothing', () => {
    expect(formatDate(undefined, 'fr')).toBe('');
  });
});

describe('calendar days (deadlines)', () => {
  it('show the same day in every time zone, in the reader\'s language', () => {
    expect(formatDay('2026-03-12', 'en')).toBe('Mar 12, 2026');
    expect(formatDay('2026-03-12', 'fr')).toBe('12 mars 2026');
  });
});
