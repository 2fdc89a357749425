/** The local cloud's EventBridge patterns and SES mailbox simulator (local-cloud/queues.ts, ses-proxy.ts). */
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../local-cloud/queues.ts';
import { simulatorEvents } from '../../local-cloud/ses-proxy.ts';

describe('EventBridge patterns, as the template writes them', () => {
  const pattern = { source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complaint Received'], detail: { mail: { tags: { 'ses:configuration-set': ['Set1'] } } } };
  const event = (overrides: Record<string, unknown> = {}, set: unknown = ['Set1']) => ({ source: 'aws.ses', 'detail-type': 'Email Bounced', detail: { mail: { tags: { 'ses:configuration-set': set } } }, ...overrides });

  it('matches when every field has one of the listed values, an array value matching by any element', () => {
    expect(matchesPattern(pattern, event())).toBe(true);
    expect(matchesPattern(pattern, event({}, ['Other', 'Set1']))).toBe(true);
    expect(matchesPattern(pattern, event({}, 'Set1'))).toBe(true);
  });

  it('does not match another value, a missing field, or a value where an object is expected', () => {
    expect(matchesPattern(pattern, event({ source: 'aws.s3' }))).toBe(false);
    expect(matchesPattern(pattern, event({ 'detail-type': 'Email Delivered' }))).toBe(false);
    expect(matchesPattern(pattern, event({}, ['Other']))).toBe(false);
    expect(matchesPattern(pattern, event({ detail: 'x' }))).toBe(false);
    expect(matchesPattern(pattern, event({ detail: null }))).toBe(false);
    expect(matchesPattern({ a: 'literal' }, { a: 'literal' }), 'a bare value is no pattern').toBe(false);
  });
});

describe('the SES mailbox simulator', () => {
  const destinations = [{ configurationSetLogicalId: 'Set1', eventTypes: ['bounce', 'complaint', 'reject'] }];
  const send = (to: string[], set = 'Set1') => {
    const form = new URLSearchParams({ Action: 'SendEmail', Source: 'firm@example.com', ConfigurationSetName: set });
    to.forEach((a, i) => form.set(`Destination.ToAddresses.member.${i + 1}`, a));
    return form;
  };

  it('bounce@ (with or without a label) bounces for good and complaint@ complains, with the configuration set as tag', () => {
    const events = simulatorEvents(send(['bounce+x1@simulator.amazonses.com', 'complaint@simulator.amazonses.com', 'ann@example.com']), destinations);
    expect(events.map((e) => e.detailType)).toEqual(['Email Bounced', 'Email Complaint Received']);
    expect(events[0].detail).toMatchObject({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'bounce+x1@simulator.amazonses.com' }] }, mail: { tags: { 'ses:configuration-set': ['Set1'] } } });
    expect(events[1].detail).toMatchObject({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'complaint@simulator.amazonses.com' }] } });
  });

  it('no event without a configuration set whose EventBridge destination takes that event type', () => {
    expect(simulatorEvents(send(['bounce@simulator.amazonses.com'], 'Unknown'), destinations)).toEqual([]);
    expect(simulatorEvents(send(['complaint@simulator.amazonses.com']), [{ configurationSetLogicalId: 'Set1', eventTypes: ['bounce'] }])).toEqual([]);
    expect(simulatorEvents(send(['success@simulator.amazonses.com']), destinations)).toEqual([]);
  });
});
