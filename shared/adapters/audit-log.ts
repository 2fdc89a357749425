import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../domain/ids.ts';
import type { AuditEntry, AuditLog, Page, PendingWrite } from '../domain/ports.ts';
import { decodeCursor, documents, dynamoWrite, encodeCursor } from './dynamo.ts';

/** audit table: PK scope ("firm" or a contact id), SK "<at>#<id>"; each entry is written to both scopes. */
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
    return ['firm', ...(entry.contactId ? [entry.contactId] : [])].map((scope) => ({ scope, entryKey, ...entry }));
  }

  async list(scope: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#scope = :s',
        ExpressionAttributeNames: { '#scope': 'scope' },
        ExpressionAttributeValues: { ':s': scope },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['scope', 'entryKey']),
      }),
    );
    return {
      items: (out.Items ?? []).map(({ scope: _s, entryKey: _k, ...e }) => e as AuditEntry),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }
}
