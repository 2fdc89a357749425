/** Ids and temporary passwords (shared/domain/ids.ts). */
import { describe, expect, it } from 'vitest';
import { newId, temporaryPassword } from '../../shared/domain/ids.ts';

describe('ids', () => {
  it('are random UUIDs, a new one every time', () => {
    const ids = Array.from({ length: 100 }, newId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('temporary passwords', () => {
  // Made inside each test, so a password that cannot be made fails the test (not the file's loading).
  const passwords = () => Array.from({ length: 100 }, temporaryPassword);

  it('meet both pools\' password policy: at least 12 characters with upper and lower case, a digit and a symbol', () => {
    for (const p of passwords()) {
      expect(p.length).toBeGreaterThanOrEqual(12);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[^A-Za-z0-9]/);
    }
  });

  it('are typed from an email, so they use only letters, digits, "-" and "_"', () => {
    for (const p of passwords()) expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('are random: no two alike', () => {
    expect(new Set(passwords()).size).toBe(100);
  });
});
