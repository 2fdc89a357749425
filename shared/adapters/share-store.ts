import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Share } from '../domain/model.ts';
import type { ShareStore } from '../domain/ports.ts';
import { conditionalWrite, documents } from './dynamo.ts';

/** shares table: PK contactId, SK itemId; GSI byItem (itemId, contactId) for "shared with whom". */
export class DynamoShareStore implements ShareStore {
  constructor(private readonly tableName: string) {}

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

  async remove(contactId: string, itemId: string): Promise<boolean> {
    const out = await documents.send(new DeleteCommand({ TableName: this.tableName, Key: { contactId, itemId }, ReturnValues: 'ALL_OLD' }));
    return out.Attributes !== undefined;
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
