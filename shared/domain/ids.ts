import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A temporary password that meets the pools' policy (upper, lower, digit, symbol, ≥ 12). */
export function temporaryPassword(): string {
  const base = randomBytes(12).toString('base64url');
  return `Tp-${base}9a`;
}
