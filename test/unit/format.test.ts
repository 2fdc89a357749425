/** Sizes as the UIs show them: a person reads "1 byte", never "1 bytes". */
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../web/common/format.ts';

describe('file sizes', () => {
  it('one byte is singular, any other count of bytes plural', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(2)).toBe('2 bytes');
  });

  it('larger sizes take the largest unit below them', () => {
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(101 * 1024 * 1024)).toBe('101 MB');
  });

  it('an unknown size shows nothing', () => {
    expect(formatBytes(undefined)).toBe('');
  });
});
