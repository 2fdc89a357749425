/**
 * The notifier's exactly-once logic against in-memory stores that honour the same conditions as
 * the DynamoDB ledger; the integration tests run the real one.
 */
import { describe, expect, it } from 'vitest';
import type { Contact, DriveItem } from '../../shared/domain/model.ts';
import type { Message, UploadLedger } from '../../shared/domain/ports.ts';
import { objectKeys } from '../../shared/adapters/file-store.ts';
import { flushStaleBatches, handleCustomerUpload } from '../../shared/services/upload-notifications.ts';

class MemoryLedger implements UploadLedger {
  batches = new Map<string, { arrived: Set<string>; contactId: string; openSince: Date; open: boolean; claimedAt?: number; notifiedAt?: string }>();
  async recordArrival(batchId: string, itemId: string, contactId: string, now: Date) {
    const b = this.batches.get(batchId) ?? { arrived: new Set<string>(), contactId, openSince: now, open: true };
    b.arrived.add(itemId);
    b.open = true;
    this.batches.set(batchId, b);
    return [...b.arrived];
  }
  async openBefore(before: Date) {
    return [...this.batches.entries()].filter(([, b]) => b.open && b.openSince < before).map(([batchId, b]) => ({ batchId, contactId: b.contactId, arrived: [...b.arrived] }));
  }
  async close(batchId: string) {
    this.batches.get(batchId)!.open = false;
  }
  async claimNotification(batchId: string, now: Date) {
    const b = this.batches.get(batchId)!;
    if (b.notifiedAt || (b.claimedAt !== undefined && b.claimedAt >= now.getTime() - 60_000)) return false;
    b.claimedAt = now.getTime();
    return true;
  }
  async markNotified(batchId: string, now: Date) {
    this.batches.get(batchId)!.notifiedAt = now.toISOString();
    this.batches.get(batchId)!.open = false;
  }
  async releaseClaim(batchId: string) {
    delete this.batches.get(batchId)!.claimedAt;
  }
}

function world(files: number, failFirstSends = 0, parentId = 'inbox-c-ann') {
  const items = new Map<string, DriveItem>();
  const keys: string[] = [];
  for (let i = 0; i < files; i++) {
    const itemId = `i-${i}`;
    keys.push(objectKeys.customerUpload({ contactId: 'c-ann', batchId: 'b-1', batchSize: files, itemId }));
    items.set(itemId, { itemId, kind: 'file', name: `file ${i}.pdf`, parentId, ancestorIds: [], status: 'pending', createdAt: '', createdBy: { kind: 'customer', id: 'c-ann', name: 'Ann' }, uploadBatchId: 'b-1' });
  }
  const sent: Extract<Message, { kind: 'customerUpload' }>[] = [];
  const enqueued = new Set<string>();
  let failures = failFirstSends;
  const contact = { contactId: 'c-ann', name: 'Ann', responsibleStaff: ['sam@firm.test'] } as Contact;
  const deps = {
    contacts: { get: async () => contact } as any,
    drive: {
      get: async (id: string) => items.get(id),
      getMany: async (ids: string[]) => ids.map((id) => items.get(id)!).filter(Boolean),
      markReady: async (id: string) => ((items.get(id)!.status = 'ready'), true),
    } as any,
    ledger: new MemoryLedger(),
    audit: { record: async () => undefined } as any,
    // The outbox keeps one email per key, as the DynamoDB outbox's conditional put does.
    outbox: {
      enqueue: async (e: Extract<Message, { kind: 'customerUpload' }>, key: string) => {
        if (failures-- > 0) throw new Error('DynamoDB throttled');
        if (enqueued.has(key)) return false;
        enqueued.add(key);
        sent.push(e);
        return true;
      },
    } as any,
    keys: objectKeys,
    // One matter, with its own responsible staff; another with none.
    matters: { get: async (id: string) => ({ 'm-1': { matterId: 'm-1', responsibleStaff: ['kim@firm.test'] }, 'm-2': { matterId: 'm-2', responsibleStaff: [] } } as any)[id] },
  };
  return { deps, keys, sent, items };
}

describe('customer upload notifications', () => {
  it('one email per batch, sent when the last file arrives, listing every file', async () => {
    const { deps, keys, sent } = world(3);
    expect(await handleCustomerUpload(deps, keys[0], { size: 10 })).toBe('waiting');
    expect(await handleCustomerUpload(deps, keys[2], { size: 10 })).toBe('waiting');
    expect(await handleCustomerUpload(deps, keys[1], { size: 10 })).toBe('emailed');
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual(['sam@firm.test']);
    expect(sent[0].fileNames).toEqual(['file 0.pdf', 'file 1.pdf', 'file 2.pdf']);
  });

  it("files sent into a matter go to the matter's responsible staff; a matter without any, or none, to the contact's", async () => {
    const to = async (parentId: string) => {
      const { deps, keys, sent } = world(1, 0, parentId);
      await handleCustomerUpload(deps, keys[0], { size: 1 });
      return sent.map((m) => m.to);
    };
    expect(await to('fromclient-m-1')).toEqual([['kim@firm.test']]);
    expect(await to('fromclient-m-2')).toEqual([['sam@firm.test']]);
    expect(await to('fromclient-gone')).toEqual([['sam@firm.test']]);
    expect(await to('inbox-c-ann')).toEqual([['sam@firm.test']]);
  });

  it('a duplicated event and two concurrent deliveries still send one email', async () => {
    const { deps, keys, sent } = world(1);
    const outcomes = await Promise.all([handleCustomerUpload(deps, keys[0], { size: 10 }), handleCustomerUpload(deps, keys[0], { size: 10 })]);
    expect(outcomes.sort()).toEqual(['already-emailed', 'emailed']);
    expect(await handleCustomerUpload(deps, keys[0], { size: 10 })).toBe('already-emailed');
    expect(sent).toHaveLength(1);
  });

  it('a failed enqueue releases the claim and throws, so the retried event records the email', async () => {
    const { deps, keys, sent } = world(1, 1);
    await expect(handleCustomerUpload(deps, keys[0], { size: 10 })).rejects.toThrow('DynamoDB throttled');
    expect(await handleCustomerUpload(deps, keys[0], { size: 10 })).toBe('emailed');
    expect(sent).toHaveLength(1);
  });

  it('a batch whose last file never comes is announced by the hourly flush, once', async () => {
    const { deps, keys, sent } = world(3);
    const start = new Date('2026-11-23T10:00:00Z');
    expect(await handleCustomerUpload(deps, keys[0], { size: 10 }, start)).toBe('waiting');
    expect(await handleCustomerUpload(deps, keys[1], { size: 10 }, start)).toBe('waiting');
    expect(await flushStaleBatches(deps, new Date('2026-11-23T10:30:00Z'))).toBe(0);
    expect(await flushStaleBatches(deps, new Date('2026-11-23T11:01:00Z'))).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].fileNames).toContain('file 0.pdf');
    expect(sent[0].fileNames).not.toContain('file 2.pdf');
    expect(await flushStaleBatches(deps, new Date('2026-11-23T12:01:00Z'))).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('ignores keys it did not make and objects without their item', async () => {
    const { deps, sent } = world(1);
    expect(await handleCustomerUpload(deps, 'drive/i-0', { size: 1 })).toBe('ignored');
    expect(await handleCustomerUpload(deps, objectKeys.customerUpload({ contactId: 'c-bob', batchId: 'b-1', batchSize: 1, itemId: 'i-0' }), { size: 1 })).toBe('ignored');
    expect(await handleCustomerUpload(deps, objectKeys.customerUpload({ contactId: 'c-ann', batchId: 'b-1', batchSize: 1, itemId: 'nope' }), { size: 1 })).toBe('ignored');
    expect(sent).toHaveLength(0);
  });
});
