import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../domain/ids.ts';
import { matchesFilter, type ActivityFilter } from '../domain/activity.ts';
import { visiblePage } from '../domain/paging.ts';
import type { AuditEntry, AuditLog, Page, PendingWrite } from '../domain/ports.ts';
import { decodeCursor, documents, dynamoWrite, encodeCursor } from './dynamo.ts';

/** audit table: PK scope ("firm", a contact id, "item#<id>" or "matter#<id>"), SK "<at>#<id>"; each entry is written to every scope it concerns. */
export class DynamoAuditLog implements AuditLog {
  constructor(private readonly tableName: string) {}

  async record(entry: AuditEntry): Promise<void> {
    await documents.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: this.items(entry).map((Item) => ({ PutRequest: { Item } })) } }));
  }

  recordWrites(entry: AuditEntry): PendingWrite[] {
    return this.items(entry).map((Item) => dynamoWrite({ Put: { TableName: this.tableName, Item } }));
  }

  /** One item per scope the entry is listed in: the firm's trail, and the contact's. */
  private items(entry: AuditEntry): Record<string, unknown>[] {
    const entryKey = `${entry.at}#${newId()}`;
    const scopes = ['firm', ...(entry.contactId ? [entry.contactId] : []), ...(entry.itemId ? [`item#${entry.itemId}`] : []), ...(entry.matterId ? [`matter#${entry.matterId}`] : [])];
    return scopes.map((scope) => ({ scope, entryKey, ...entry }));
  }

  async list(scope: string, limit: number, cursor?: string, filter: ActivityFilter = {}): Promise<Page<AuditEntry>> {
    // Dates narrow the key range; who and what are filtered, and the page is filled past what they drop.
    const range = filter.from || filter.to;
    const source = {
      fetch: async (n: number, c?: string) => {
        const out = await documents.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: range ? '#scope = :s AND entryKey BETWEEN :from AND :to' : '#scope = :s',
            ExpressionAttributeNames: { '#scope': 'scope' },
            ExpressionAttributeValues: { ':s': scope, ...(range ? { ':from': filter.from ?? '0', ':to': `${filter.to ?? '9'}~` } : {}) },
            ScanIndexForward: false,
            Limit: n,
            ExclusiveStartKey: decodeCursor(c, ['scope', 'entryKey']),
          }),
        );
        return { items: (out.Items ?? []) as StoredEntry[], cursor: encodeCursor(out.LastEvaluatedKey) };
      },
      cursorAfter: (e: StoredEntry) => encodeCursor({ scope: e.scope, entryKey: e.entryKey })!,
    };
    const page = await visiblePage(source, (e) => matchesFilter(e, filter), limit, cursor);
    return { items: page.items.map(({ scope: _s, entryKey: _k, ...e }) => e as AuditEntry), cursor: page.cursor };
  }
}

type StoredEntry = AuditEntry & { scope: string; entryKey: string };
