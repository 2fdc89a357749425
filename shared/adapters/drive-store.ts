import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DriveItem } from '../domain/model.ts';
import { sortKeyOf } from '../domain/naming.ts';
import type { DriveStore, Page } from '../domain/ports.ts';
import { batchGet, conditionalWrite, decodeCursor, documents, encodeCursor } from './dynamo.ts';

/**
 * drive table: PK itemId; GSI byParent (listedUnder, sortKey) lists a folder, folders first, by
 * name. `listedUnder` is the parent id, or "#trash" for trashed items (sorted by trashing time).
 */
export class DynamoDriveStore implements DriveStore {
  constructor(private readonly tableName: string) {}

  async get(itemId: string): Promise<DriveItem | undefined> {
    const { Item } = await documents.send(new GetCommand({ TableName: this.tableName, Key: { itemId }, ConsistentRead: true }));
    return Item ? toItem(Item) : undefined;
  }

  async getMany(itemIds: string[]): Promise<DriveItem[]> {
    return (await batchGet(this.tableName, 'itemId', itemIds)).map(toItem);
  }

  async createIfAbsent(item: DriveItem): Promise<boolean> {
    return conditionalWrite(() =>
      documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, listedUnder: item.parentId, sortKey: sortKeyOf(item.kind, item.name, item.itemId) },
          ConditionExpression: 'attribute_not_exists(itemId)',
        }),
      ),
    );
  }

  async children(parentId: string, limit: number, cursor?: string): Promise<Page<DriveItem>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byParent',
        KeyConditionExpression: 'listedUnder = :p',
        ExpressionAttributeValues: { ':p': parentId },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['itemId', 'listedUnder', 'sortKey']),
      }),
    );
    return { items: (out.Items ?? []).map(toItem), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async update(itemId: string, change: Parameters<DriveStore['update']>[1]): Promise<boolean> {
    const current = await this.get(itemId);
    if (!current) return false;
    const next = { ...current, ...change };
    const fields: [string, unknown][] = Object.entries(change);
    // Trashed items leave their folder's listing and appear in the trash listing, by the same index.
    const listedUnder = next.status === 'trashed' ? TRASH_PARENT : next.parentId;
    fields.push(['listedUnder', listedUnder], ['sortKey', next.status === 'trashed' ? `${next.trashedAt}#${itemId}` : sortKeyOf(next.kind, next.name, itemId)]);
    const removals = Object.entries(change).filter(([, v]) => v === undefined).map(([k]) => k);
    const sets = fields.filter(([, v]) => v !== undefined);
    await documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { itemId },
        UpdateExpression: `SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}${removals.length ? ` REMOVE ${removals.map((_, i) => `#r${i}`).join(', ')}` : ''}`,
        ExpressionAttributeNames: {
          ...Object.fromEntries(sets.map(([k], i) => [`#s${i}`, k])),
          ...Object.fromEntries(removals.map((k, i) => [`#r${i}`, k])),
        },
        ExpressionAttributeValues: Object.fromEntries(sets.map(([, v], i) => [`:s${i}`, v])),
      }),
    );
    return true;
  }

  async trash(limit: number, cursor?: string): Promise<Page<DriveItem>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byParent',
        KeyConditionExpression: 'listedUnder = :t',
        ExpressionAttributeValues: { ':t': TRASH_PARENT },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['itemId', 'listedUnder', 'sortKey']),
      }),
    );
    return { items: (out.Items ?? []).map(toItem), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async trashedBefore(before: Date, limit: number): Promise<DriveItem[]> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byParent',
        KeyConditionExpression: 'listedUnder = :t AND sortKey < :before',
        ExpressionAttributeValues: { ':t': TRASH_PARENT, ':before': before.toISOString() },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(toItem);
  }

  async remove(itemId: string): Promise<void> {
    await documents.send(new DeleteCommand({ TableName: this.tableName, Key: { itemId } }));
  }

  async markReady(itemId: string, size: number): Promise<boolean> {
    return conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { itemId },
          UpdateExpression: 'SET #status = :ready, #size = :size',
          ConditionExpression: 'attribute_exists(itemId)',
          ExpressionAttributeNames: { '#status': 'status', '#size': 'size' },
          ExpressionAttributeValues: { ':ready': 'ready', ':size': size },
        }),
      ),
    );
  }
}

/** The index partition that lists the trash. */
const TRASH_PARENT = '#trash';

function toItem(item: Record<string, unknown>): DriveItem {
  const { sortKey: _s, listedUnder: _l, ...rest } = item;
  return rest as unknown as DriveItem;
}
