import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DriveItem } from '../domain/model.ts';
import { sortKeyOf } from '../domain/naming.ts';
import type { DriveChange, DriveStore, Page, PendingWrite, StoredObject } from '../domain/ports.ts';
import { conflict } from '../errors.ts';
import { batchGet, conditionalWrite, decodeCursor, documents, dynamoWrite, encodeCursor } from './dynamo.ts';

/**
 * drive table: PK itemId; GSI byParent (listedUnder, sortKey) lists a folder, folders first, by
 * name. `listedUnder` is the parent id, or "#trash" for trashed items (sorted by trashing time).
 * GSI byFolder (parentId, itemId, keys only) finds every child whatever its state.
 * GSI byPending (pendingKey, createdAt) is sparse: only a file whose upload is pending is in it.
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
          Item: storedItem(item),
          ConditionExpression: 'attribute_not_exists(itemId)',
        }),
      ),
    );
  }

  createWrite(item: DriveItem): PendingWrite {
    return dynamoWrite({ Put: { TableName: this.tableName, Item: storedItem(item), ConditionExpression: 'attribute_not_exists(itemId)' } }, conflict('item_exists', 'This item exists already.'));
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

  async namesStartingWith(parentId: string, prefix: string): Promise<{ itemId: string; name: string }[]> {
    // The listing key is "<0 folder | 1 file>#<lower-cased name>#<id>": one range per kind, read side by side.
    const ranges = await Promise.all(['0', '1'].map((kindKey) => this.namesInRange(parentId, `${kindKey}#${prefix}`)));
    return ranges.flat();
  }

  private async namesInRange(parentId: string, keyPrefix: string): Promise<{ itemId: string; name: string }[]> {
    const found: { itemId: string; name: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documents.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byParent',
          KeyConditionExpression: 'listedUnder = :p AND begins_with(sortKey, :k)',
          ExpressionAttributeValues: { ':p': parentId, ':k': keyPrefix },
          ProjectionExpression: 'itemId, #n',
          ExpressionAttributeNames: { '#n': 'name' },
          ExclusiveStartKey: start,
        }),
      );
      found.push(...((out.Items ?? []) as { itemId: string; name: string }[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return found;
  }

  cursorAfter(item: DriveItem): string {
    return encodeCursor({ itemId: item.itemId, ...listingKeys(item) })!;
  }

  async childIds(parentId: string, limit: number, cursor?: string): Promise<Page<string>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byFolder',
        KeyConditionExpression: 'parentId = :p',
        ExpressionAttributeValues: { ':p': parentId },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['itemId', 'parentId']),
      }),
    );
    return { items: (out.Items ?? []).map((i) => i.itemId as string), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async update(itemId: string, change: DriveChange): Promise<boolean> {
    const current = await this.get(itemId);
    if (!current) return false;
    await documents.send(new UpdateCommand(this.updateInput(current, change)));
    return true;
  }

  updateWrite(current: DriveItem, change: DriveChange): PendingWrite {
    const input = this.updateInput(current, change);
    // Only if nobody trashed, restored or moved the item since the caller decided on it.
    return dynamoWrite(
      {
        Update: {
          ...input,
          ConditionExpression: '#st = :expectedStatus AND #pa = :expectedParent',
          ExpressionAttributeNames: { ...input.ExpressionAttributeNames, '#st': 'status', '#pa': 'parentId' },
          ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':expectedStatus': current.status, ':expectedParent': current.parentId },
        },
      },
      conflict('item_changed', 'This item was changed at the same time (moved, renamed or deleted); reload the folder and try again.'),
    );
  }

  /** The update of `change` on `current`, with the listing keys it implies. */
  private updateInput(current: DriveItem, change: DriveChange) {
    const { itemId } = current;
    const fields: [string, unknown][] = Object.entries(change);
    const keys = listingKeys({ ...current, ...change });
    fields.push(['listedUnder', keys.listedUnder], ['sortKey', keys.sortKey]);
    const removals = Object.entries(change).filter(([, v]) => v === undefined).map(([k]) => k);
    // The pending index follows the status: a restore can make a file pending again.
    if (change.status === 'pending') fields.push(['pendingKey', PENDING_KEY]);
    else if (change.status) removals.push('pendingKey');
    const sets = fields.filter(([, v]) => v !== undefined);
    return {
      TableName: this.tableName,
      Key: { itemId },
      UpdateExpression: `SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}${removals.length ? ` REMOVE ${removals.map((_, i) => `#r${i}`).join(', ')}` : ''}`,
      ExpressionAttributeNames: {
        ...Object.fromEntries(sets.map(([k], i) => [`#s${i}`, k])),
        ...Object.fromEntries(removals.map((k, i) => [`#r${i}`, k])),
      } as Record<string, string>,
      ExpressionAttributeValues: Object.fromEntries(sets.map(([, v], i) => [`:s${i}`, v])) as Record<string, unknown>,
    };
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

  async pendingBefore(before: Date, limit: number, cursor?: string): Promise<Page<DriveItem>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byPending',
        KeyConditionExpression: 'pendingKey = :p AND createdAt < :before',
        ExpressionAttributeValues: { ':p': PENDING_KEY, ':before': before.toISOString() },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['itemId', 'pendingKey', 'createdAt']),
      }),
    );
    return { items: (out.Items ?? []).map(toItem), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async removePending(itemId: string): Promise<boolean> {
    return conditionalWrite(() =>
      documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { itemId },
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      ),
    );
  }

  async remove(itemId: string): Promise<void> {
    await documents.send(new DeleteCommand({ TableName: this.tableName, Key: { itemId } }));
  }

  async markReady(itemId: string, filed: StoredObject): Promise<boolean> {
    const values = { ':ready': 'ready', ':pending': 'pending', ':size': filed.size, ...(filed.etag ? { ':etag': filed.etag } : {}), ...(filed.versionId ? { ':version': filed.versionId } : {}) };
    return conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { itemId },
          UpdateExpression: `SET #status = :ready, #size = :size${filed.etag ? ', etag = :etag' : ''}${filed.versionId ? ', versionId = :version' : ''} REMOVE pendingKey`,
          ConditionExpression: 'attribute_exists(itemId) AND #status = :pending',
          ExpressionAttributeNames: { '#status': 'status', '#size': 'size' },
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

}

/** The index partition that lists the trash. */
const TRASH_PARENT = '#trash';
/** The one partition of the sparse pending-uploads index (a few items at any time, so one partition serves). */
const PENDING_KEY = 'pending';

/** An item as stored: with the keys of the folder listing, and of the pending-uploads index while pending. */
export const storedItem = (item: DriveItem) => ({ ...item, ...listingKeys(item), ...(item.status === 'pending' ? { pendingKey: PENDING_KEY } : {}) });

/** Where an item is listed: in its folder by kind and name, or in the trash by when it was trashed. */
function listingKeys(item: DriveItem): { listedUnder: string; sortKey: string } {
  return item.status === 'trashed'
    ? { listedUnder: TRASH_PARENT, sortKey: `${item.trashedAt}#${item.itemId}` }
    : { listedUnder: item.parentId, sortKey: sortKeyOf(item.kind, item.name, item.itemId) };
}

function toItem(item: Record<string, unknown>): DriveItem {
  const { sortKey: _s, listedUnder: _l, pendingKey: _p, ...rest } = item;
  return rest as unknown as DriveItem;
}
