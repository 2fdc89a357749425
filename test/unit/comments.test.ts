/** A matter's thread (F18): what a comment may say, how its id orders the thread, hiding once; and what a customer sees of it. */
import { describe, expect, it } from 'vitest';
import { customerSeesComment, customerViewOfComment, requireCustomerComments } from '../../shared/domain/access-policy.ts';
import { commentIdAt, commentText, hiddenComment, MAX_COMMENT_LENGTH, type MatterComment } from '../../shared/domain/comments.ts';
import type { CustomerPrincipal } from '../../shared/domain/model.ts';

const comment = (over: Partial<MatterComment> = {}): MatterComment => ({
  commentId: 'c-1',
  matterId: 'm-1',
  at: '2026-12-06T10:00:00.000Z',
  author: { kind: 'customer', id: 'c-ann', name: 'Ann' },
  text: 'When is the hearing?',
  internal: false,
  ...over,
});
const ann: CustomerPrincipal = { kind: 'customer', sub: 's', email: 'ann@x.test', contactId: 'c-ann', name: 'Ann', granteeIds: ['c-ann'] };

describe('what a comment may say', () => {
  it('is kept trimmed', () => expect(commentText('  Hello \n')).toBe('Hello'));
  it('empty or blank is refused', () => {
    for (const blank of ['', '   ', '\n\t']) expect(() => commentText(blank)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_request', message: 'text: write something before sending.' }));
  });
  it(`up to ${MAX_COMMENT_LENGTH} characters, not one more`, () => {
    expect(commentText('x'.repeat(MAX_COMMENT_LENGTH))).toHaveLength(MAX_COMMENT_LENGTH);
    expect(() => commentText('x'.repeat(MAX_COMMENT_LENGTH + 1))).toThrow(expect.objectContaining({ status: 400, code: 'invalid_request', message: `text: keep a comment to ${MAX_COMMENT_LENGTH} characters.` }));
  });
});

describe("a comment's id", () => {
  it('sorts as the comments were written, whatever the random part', () => {
    const times = [0, 1, 35, 36, 1_000_000, Date.parse('2026-12-06T10:00:00Z'), Date.parse('2099-01-01T00:00:00Z')];
    const ids = times.map((ms, i) => commentIdAt(new Date(ms), i % 2 ? 'zzzz' : '0000'));
    expect([...ids].sort()).toEqual(ids);
    expect(commentIdAt(new Date(36), 'abc')).toBe('0000000010-abc');
  });
});

describe('hiding a comment', () => {
  it('records who hid it and when', () => {
    expect(hiddenComment(comment(), 'sam@firm.test', new Date('2026-12-06T11:00:00Z')).hidden).toEqual({ by: 'sam@firm.test', at: '2026-12-06T11:00:00.000Z' });
  });
  it('twice is a conflict naming who hid it', () => {
    const once = hiddenComment(comment(), 'sam@firm.test', new Date());
    expect(() => hiddenComment(once, 'kim@firm.test', new Date())).toThrow(expect.objectContaining({ status: 409, code: 'already_hidden', message: 'This comment was hidden by sam@firm.test already.' }));
  });
});

describe('what a customer sees of a thread: every state of a comment', () => {
  const rows: [string, Partial<MatterComment>, boolean][] = [
    ['a comment', {}, true],
    ['a staff answer', { author: { kind: 'staff', id: 'sub-sam', name: 'sam@firm.test' } }, true],
    ['an internal note', { internal: true, author: { kind: 'staff', id: 'sub-sam', name: 'sam@firm.test' } }, false],
    ['a hidden comment', { hidden: { by: 'sam@firm.test', at: '2026-12-06T11:00:00.000Z' } }, false],
    ['a hidden internal note', { internal: true, hidden: { by: 'sam@firm.test', at: '2026-12-06T11:00:00.000Z' } }, false],
  ];
  it.each(rows)('%s → %s', (_what, over, seen) => expect(customerSeesComment(comment(over))).toBe(seen));

  it('their own comment says so; a staff answer is the firm\'s, never a staff email or id', () => {
    expect(customerViewOfComment(ann, comment())).toEqual({ commentId: 'c-1', at: '2026-12-06T10:00:00.000Z', text: 'When is the hearing?', author: 'Ann', byYou: true, byFirm: false });
    const answer = customerViewOfComment(ann, comment({ author: { kind: 'staff', id: 'c-ann', name: 'sam@firm.test' } }));
    expect(answer).toMatchObject({ author: 'firm', byYou: false, byFirm: true });
    expect(JSON.stringify(answer)).not.toContain('sam@firm.test');
    expect(customerViewOfComment(ann, comment({ author: { kind: 'customer', id: 'c-ben', name: 'Ben' } }))).toMatchObject({ author: 'Ben', byYou: false, byFirm: false });
  });

  it('customers comment only while the firm lets them', () => {
    expect(() => requireCustomerComments(true)).not.toThrow();
    expect(() => requireCustomerComments(false)).toThrow(
      expect.objectContaining({ status: 403, code: 'comments_off', message: 'The firm does not take comments through the portal at the moment. You can still read what was written here.' }),
    );
  });
});
