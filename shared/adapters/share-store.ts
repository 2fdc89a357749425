import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Share } from '../domain/model.ts';
import type { PendingWrite, ShareStore } from '../domain/ports.ts';
import { conflict } from '../errors.ts';
import { batchGetKeys, conditionalWrite, documents, dynamoWrite } from './dynamo.ts';

/** shares table: PK contactId, SK itemId; GSI byItem (itemId, contactId) for "shared with whom". */
export class DynamoShareStore implements ShareStore {
  constructor(private readonly tableName: string) {}

  async alreadyShared(contactId: string, itemIds: string[]): Promise<Set<string>> {
    const found = await batchGetKeys(this.tableName, [...new Set(itemIds)].map((itemId) => ({ contactId, itemId })));
    return new Set(found.map((s) => s.itemId as string));
  }

  addWrites(shares: Share[]): PendingWrite[] {
    return shares.map((share) =>
      dynamoWrite(
        { Put: { TableName: this.tableName, Item: share, ConditionExpression: 'attribute_not_exists(itemId)' } },
        conflict('shared_meanwhile', 'Someone shared some of these items at the same time; reload the contact and try again.'),
      ),
    );
  }

  async sharedWith(contactIds: string[]): Promise<Share[]> {
    const pages = await Promise.all(contactIds.map((id) => this.allOf(id)));
    return pages.flat();
  }

  private async allOf(contactId: string): Promise<Share[]> {
    const shares: Share[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'contactId = :c',
          ExpressionAttributeValues: { ':c': contactId },
          ExclusiveStartKey: start,
        }),
      );
      shares.push(...((out.Items ?? []) as Share[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return shares;
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
      shares.push(...((out.Items ?? []) as Share[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return shares;
  }

  async addNew(shares: Share[]): Promise<Share[]> {
    const isNew = await Promise.all(
      shares.map((share) =>
        conditionalWrite(() =>
          documents.send(new PutCommand({ TableName: this.tableName, Item: share, ConditionExpression: 'attribute_not_exists(itemId)' })),
        ),
      ),
    );
    return shares.filter((_, i) => isNew[i]);
  }
}
