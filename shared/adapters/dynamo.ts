import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { badRequest } from '../errors.ts';

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
