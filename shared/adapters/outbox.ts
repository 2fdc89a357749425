import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../domain/ids.ts';
import type { Message, Outbox, PendingWrite } from '../domain/ports.ts';
import { conditionalWrite, documents, dynamoWrite } from './dynamo.ts';

/** A claim older than this is taken to belong to a delivery that died; the email may be claimed again. */
const CLAIM_SECONDS = 120;
/** Sent emails' records (without their text) stay this long, for support questions; then TTL removes them. */
const KEEP_SENT_DAYS = 30;

/**
 * outbox table: PK emailId; stream of new items → the deliverer; sparse GSI byUnsent (unsentKey =
 * "unsent", createdAt) → the sweep. `status` is unsent → sending (claimed) → sent.
 */
export class DynamoOutbox implements Outbox {
  constructor(private readonly tableName: string) {}

  private item(message: Message, key: string | undefined, now: Date) {
    return { emailId: key ?? newId(), status: 'unsent', unsentKey: 'unsent', createdAt: now.toISOString(), attempts: 0, message };
  }

  enqueueWrite(message: Message, key?: string): PendingWrite {
    return dynamoWrite({ Put: { TableName: this.tableName, Item: this.item(message, key, new Date()), ConditionExpression: 'attribute_not_exists(emailId)' } });
  }

  enqueue(message: Message, key: string, now: Date): Promise<boolean> {
    return conditionalWrite(() =>
      documents.send(new PutCommand({ TableName: this.tableName, Item: this.item(message, key, now), ConditionExpression: 'attribute_not_exists(emailId)' })),
    );
  }

  async claim(emailId: string, now: Date): Promise<Message | undefined> {
    const claimed = await conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { emailId },
          UpdateExpression: 'SET #status = :sending, claimedAt = :now ADD attempts :one',
          ConditionExpression: '#status = :unsent OR (#status = :sending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':unsent': 'unsent', ':now': now.toISOString(), ':stale': new Date(now.getTime() - CLAIM_SECONDS * 1000).toISOString(), ':one': 1 },
        }),
      ),
    );
    if (!claimed) return undefined;
    const { Item } = await documents.send(new GetCommand({ TableName: this.tableName, Key: { emailId }, ConsistentRead: true }));
    return Item?.message as Message | undefined;
  }

  async markSent(emailId: string, now: Date): Promise<void> {
    await documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { emailId },
        UpdateExpression: 'SET #status = :sent, sentAt = :now, expiresAt = :expires, recipients = :count REMOVE message, unsentKey, claimedAt, lastFailure',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':expires': Math.floor(now.getTime() / 1000) + KEEP_SENT_DAYS * 86400, ':count': 1 },
      }),
    );
  }

  async release(emailId: string, failure: string): Promise<void> {
    await documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { emailId },
        UpdateExpression: 'SET #status = :unsent, lastFailure = :failure REMOVE claimedAt',
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':unsent': 'unsent', ':sending': 'sending', ':failure': failure.slice(0, 500) },
      }),
    ).catch(() => undefined);
  }

  async unsentBefore(before: Date, limit: number): Promise<string[]> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byUnsent',
        KeyConditionExpression: 'unsentKey = :u AND createdAt < :before',
        ExpressionAttributeValues: { ':u': 'unsent', ':before': before.toISOString() },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => i.emailId as string);
  }
}
