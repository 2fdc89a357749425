/** Which SES events make an address undeliverable (shared/domain/deliverability.ts). */
import { describe, expect, it } from 'vitest';
import { addressChanged, undeliverableAddresses } from '../../shared/domain/deliverability.ts';

const time = '2026-03-01T10:00:00Z';
const at = '2026-03-01T09:59:58.123Z';
const bounce = (bounceType: string, recipients: unknown = [{ emailAddress: 'Ann@Example.com' }], timestamp: unknown = at) => ({
  'detail-type': 'Email Bounced',
  time,
  detail: { eventType: 'Bounce', bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: recipients, timestamp }, mail: {} },
});
const complaint = (complaintFeedbackType?: string, recipients: unknown = [{ emailAddress: 'bob@example.com' }]) => ({
  'detail-type': 'Email Complaint Received',
  time,
  detail: { eventType: 'Complaint', complaint: { complaintFeedbackType, complainedRecipients: recipients, timestamp: at }, mail: {} },
});

describe('a permanent bounce makes each bounced address undeliverable', () => {
  it('names the address in lower case, with the bounce and the time SES saw it', () => {
    expect(undeliverableAddresses(bounce('Permanent'))).toEqual([{ email: 'ann@example.com', mark: { since: at, reason: 'bounce' } }]);
  });

  it('names every bounced recipient once, trimmed, and skips entries that are no address', () => {
    const recipients = [{ emailAddress: ' a@x.test ' }, { emailAddress: 'A@X.test' }, { emailAddress: 'b@x.test' }, { emailAddress: 'nobody' }, { emailAddress: 42 }, null, 'c@x.test'];
    expect(undeliverableAddresses(bounce('Permanent', recipients)).map((p) => p.email)).toEqual(['a@x.test', 'b@x.test']);
  });

  it('without a usable bounce time, takes the event time; without either, the epoch', () => {
    expect(undeliverableAddresses(bounce('Permanent', undefined, 'not a date'))[0].mark.since).toBe('2026-03-01T10:00:00.000Z');
    expect(undeliverableAddresses(bounce('Permanent', undefined, 12345))[0].mark.since).toBe('2026-03-01T10:00:00.000Z');
    expect(undeliverableAddresses({ ...bounce('Permanent', undefined, null), time: undefined })[0].mark.since).toBe('1970-01-01T00:00:00.000Z');
  });

  it('a bounce without recipients, or with recipients that are not a list, marks nothing', () => {
    expect(undeliverableAddresses(bounce('Permanent', undefined))).toHaveLength(1);
    expect(undeliverableAddresses(bounce('Permanent', []))).toEqual([]);
    expect(undeliverableAddresses(bounce('Permanent', { emailAddress: 'a@x.test' }))).toEqual([]);
  });
});

describe('what makes no address undeliverable', () => {
  it.each(['Transient', 'Undetermined', 'permanent', undefined])('a %s bounce (SES retries those itself, or says nothing sure)', (type) => {
    expect(undeliverableAddresses(bounce(type as string))).toEqual([]);
  });

  it('a reject, a delivery, or an event without detail', () => {
    expect(undeliverableAddresses({ detail: { eventType: 'Reject', reject: { reason: 'Bad content' } } })).toEqual([]);
    expect(undeliverableAddresses({ detail: { eventType: 'Delivery', delivery: { recipients: ['a@x.test'] } } })).toEqual([]);
    expect(undeliverableAddresses({})).toEqual([]);
    expect(undeliverableAddresses(undefined)).toEqual([]);
    expect(undeliverableAddresses('Bounce')).toEqual([]);
    expect(undeliverableAddresses({ detail: [] })).toEqual([]);
  });

  it('a bounce-shaped part under another event type, and a complaint-shaped one under a bounce', () => {
    const mixed = bounce('Permanent');
    expect(undeliverableAddresses({ ...mixed, detail: { ...mixed.detail, eventType: 'Complaint' } })).toEqual([]);
    const other = complaint('abuse');
    expect(undeliverableAddresses({ ...other, detail: { ...other.detail, eventType: 'Bounce' } })).toEqual([]);
  });

  it('a complaint whose feedback says "not spam"', () => {
    expect(undeliverableAddresses(complaint('not-spam'))).toEqual([]);
  });
});

describe('a complaint makes each complaining address undeliverable', () => {
  it.each(['abuse', 'fraud', undefined])('feedback %s', (type) => {
    expect(undeliverableAddresses(complaint(type))).toEqual([{ email: 'bob@example.com', mark: { since: at, reason: 'complaint' } }]);
  });

  it('a complaint without its complaint part marks nothing', () => {
    expect(undeliverableAddresses({ time, detail: { eventType: 'Complaint' } })).toEqual([]);
  });
});

describe('only a different address clears the mark', () => {
  it.each([
    ['ann@x.test', 'bob@x.test', true],
    ['ann@x.test', 'ANN@x.test ', false],
    [' Ann@X.test', 'ann@x.test', false],
    ['ann@x.test', 'ann@x.test', false],
    ['ann@x.test', undefined, false],
    [undefined, 'ann@x.test', true],
    [undefined, '', false],
  ])('%s → %s: %s', (current, next, changed) => {
    expect(addressChanged(current, next)).toBe(changed);
  });
});
