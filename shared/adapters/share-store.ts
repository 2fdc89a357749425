import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Share } from '../domain/model.ts';
import type { Page, PendingWrite, ShareStore } from '../domain/ports.ts';
import { conflict } from '../errors.ts';
import { batchGetKeys, conditionalWrite, decodeCursor, documents, dynamoWrite, encodeCursor } from './dynamo.ts';

/**
 * shares table: PK contactId, SK itemId; GSI byItem (itemId, contactId) for "shared with whom";
 * GSI bySharedAt (contactId, sharedOrder = "<sharedAt>#<itemId>") for "what is shared with a
 * contact, newest first", paged. The order key ends with the item id so that no two shares of a
 * contact tie, and a page resumes exactly where the last one stopped.
 */
export class DynamoShareStore implements ShareStore {
  constructor(private readonly tableName: string) {}

  async find(contactIds: string[], itemIds: string[]): Promise<Share[]> {
    const items = [...new Set(itemIds)];
    const keys = [...new Set(contactIds)].flatMap((contactId) => items.map((itemId) => ({ contactId, itemId })));
    return (await batchGetKeys(this.tableName, keys)).map(toShare);
  }

  addWrites(shares: Share[]): PendingWrite[] {
    return shares.map((share) =>
      dynamoWrite(
        { Put: { TableName: this.tableName, Item: stored(share), ConditionExpression: 'attribute_not_exists(itemId)' } },
        conflict('shared_meanwhile', 'Someone shared some of these items at the same time; reload the contact and try again.'),
      ),
    );
  }

  async newestFirst(contactId: string, limit: number, cursor?: string): Promise<Page<Share>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'bySharedAt',
        KeyConditionExpression: 'contactId = :c',
        ExpressionAttributeValues: { ':c': contactId },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['contactId', 'itemId', 'sharedOrder']),
      }),
    );
    return { items: (out.Items ?? []).map(toShare), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  cursorAfter(share: Share): string {
    return encodeCursor({ contactId: share.contactId, itemId: share.itemId, sharedOrder: sharedOrder(share) })!;
  }

  removeWrite(contactId: string, itemId: string): PendingWrite {
    return dynamoWrite(
      { Delete: { TableName: this.tableName, Key: { contactId, itemId }, ConditionExpression: 'attribute_exists(itemId)' } },
      conflict('unshared_meanwhile', 'Someone removed this share at the same time; reload the contact.'),
    );
  }

  async sharedItemWith(itemId: string): Promise<Share[]> {
    const shares: Share[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documents.send(
        new QueryCommand({ TableName: this.tableName, IndexName: 'byItem', KeyConditionExpression: 'itemId = :i', ExpressionAttributeValues: { ':i': itemId }, ExclusiveStartKey: start }),
      );
      shares.push(...(out.Items ?? []).map(toShare));
      start = out.LastEvaluatedKey;
    } while (start);
    return shares;
  }

  async addNew(shares: Share[]): Promise<Share[]> {
    const isNew = await Promise.all(
      shares.map((share) =>
        conditionalWrite(() =>
          documents.send(new PutCommand({ TableName: this.tableName, Item: stored(share), ConditionExpression: 'attribute_not_exists(itemId)' })),
        ),
      ),
    );
    return shares.filter((_, i) => isNew[i]);
  }
}

const sharedOrder = (share: Share) => `${share.sharedAt}#${share.itemId}`;

/** A share as stored: with the key of the newest-first index. */
export const stored = (share: Share) => ({ ...share, sharedOrder: sharedOrder(share) });

function toShare(row: Record<string, unknown>): Share {
  const { sharedOrder: _order, ...share } = row;
  return share as unknown as Share;
}
