import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandOutput, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { OrderedList } from '../domain/paging.ts';
import type { PendingWrite, Transactions } from '../domain/ports.ts';
import { type AppError, badRequest, conflict } from '../errors.ts';

export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
});

/** Page cursors are the store's last key, made opaque; a tampered cursor is a 400, never a 500. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, keyNames: string[]): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const names = Object.keys(key).sort();
    if (names.join() !== [...keyNames].sort().join() || names.some((n) => typeof key[n] !== 'string')) throw new Error('shape');
    return key;
  } catch {
    throw badRequest('invalid_cursor', 'cursor: use the cursor value a previous page returned.');
  }
}

/**
 * One partition of a `pk`/`sk` table read in key order, a page at a time, strongly consistent:
 * each row's `field` is the item, and its sort key is `sortKeyOf` it (so a cursor can be placed
 * after any item). Paged through `visiblePage`, which reads one ahead.
 */
export function partitionList<T>(tableName: string, pk: string, field: string, sortKeyOf: (item: T) => string, newestFirst = false): OrderedList<T> {
  return {
    fetch: async (limit, cursor) => {
      const out = await documents.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: !newestFirst,
          ConsistentRead: true,
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk']),
        }),
      );
      return { items: (out.Items ?? []).map((row) => row[field] as T), cursor: encodeCursor(out.LastEvaluatedKey) };
    },
    cursorAfter: (item) => encodeCursor({ pk, sk: sortKeyOf(item) })!,
  };
}

/** Runs a write that has a condition; false (not an error) when the condition did not hold. */
export async function conditionalWrite(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/**
 * Reads items by key with strong consistency: batches of 100 sent in parallel, each retried until
 * DynamoDB has returned every key (it may hand some back as unprocessed). Order is not kept.
 */
export async function batchGet(tableName: string, keyName: string, ids: readonly string[]): Promise<Record<string, unknown>[]> {
  return batchGetKeys(tableName, [...new Set(ids)].map((id) => ({ [keyName]: id })));
}

/** `batchGet` for any keys (e.g. a partition and sort key); the keys must be distinct. */
export async function batchGetKeys(tableName: string, allKeys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < allKeys.length; i += 100) batches.push(allKeys.slice(i, i + 100));
  const results = await Promise.all(
    batches.map(async (batch) => {
      const found: Record<string, unknown>[] = [];
      let keys: Record<string, unknown>[] | undefined = batch;
      while (keys?.length) {
        const out: BatchGetCommandOutput = await documents.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
        found.push(...(out.Responses?.[tableName] ?? []));
        keys = out.UnprocessedKeys?.[tableName]?.Keys;
      }
      return found;
    }),
  );
  return results.flat();
}

/** A write of a DynamoDB transaction, with the error to answer if its condition fails. */
export interface DynamoWrite extends PendingWrite {
  item: NonNullable<TransactWriteCommandInput['TransactItems']>[number];
  onConditionFailed?: AppError;
}

export const dynamoWrite = (item: DynamoWrite['item'], onConditionFailed?: AppError): DynamoWrite => ({ pending: true, item, onConditionFailed });

const concurrentChange = () => conflict('changed_meanwhile', 'Something changed at the same time; reload and try again.');

/** Commits writes as one DynamoDB transaction (all or nothing, up to 100 writes). */
export class DynamoTransactions implements Transactions {
  async commit(writes: PendingWrite[]): Promise<void> {
    if (!writes.length) return;
    const items = writes as DynamoWrite[];
    try {
      await documents.send(new TransactWriteCommand({ TransactItems: items.map((w) => w.item) }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      throw (failed >= 0 ? items[failed].onConditionFailed : undefined) ?? concurrentChange();
    }
  }
}
