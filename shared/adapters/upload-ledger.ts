import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { UploadLedger } from '../domain/ports.ts';
import { conditionalWrite, documents } from './dynamo.ts';

/** A claim older than this is taken to be from a crashed delivery and may be taken over. */
const STALE_CLAIM_MS = 60_000;
/** Ledger entries outlive any S3 redelivery by far, then expire by TTL. */
const KEEP_SECONDS = 14 * 24 * 3600;
const OPEN = 'open';

/**
 * uploadBatches table: PK batchId; arrived (string set), contactId, claimedAt, notifiedAt,
 * expiresAt (TTL). A batch not yet emailed carries openKey = "open" and openSince, which the
 * sparse index byOpen lists for the hourly flush of batches whose last files never came.
 */
export class DynamoUploadLedger implements UploadLedger {
  constructor(private readonly tableName: string) {}

  async recordArrival(batchId: string, itemId: string, contactId: string, now: Date): Promise<string[]> {
    const out = await documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { batchId },
        UpdateExpression:
          'ADD arrived :item SET expiresAt = if_not_exists(expiresAt, :expires), contactId = :contact, openKey = :open, openSince = if_not_exists(openSince, :now)',
        ExpressionAttributeValues: {
          ':item': new Set([itemId]),
          ':expires': Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
          ':contact': contactId,
          ':open': OPEN,
          ':now': now.toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return [...((out.Attributes?.arrived as Set<string> | undefined) ?? [])];
  }

  async openBefore(before: Date, limit: number) {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byOpen',
        KeyConditionExpression: 'openKey = :open AND openSince < :before',
        ExpressionAttributeValues: { ':open': OPEN, ':before': before.toISOString() },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((b) => ({ batchId: b.batchId as string, contactId: b.contactId as string, arrived: [...((b.arrived as Set<string> | undefined) ?? [])] }));
  }

  async close(batchId: string): Promise<void> {
    await documents.send(new UpdateCommand({ TableName: this.tableName, Key: { batchId }, UpdateExpression: 'REMOVE openKey' }));
  }

  async claimNotification(batchId: string, now: Date): Promise<boolean> {
    return conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { batchId },
          UpdateExpression: 'SET claimedAt = :now',
          ConditionExpression: 'attribute_not_exists(notifiedAt) AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
          ExpressionAttributeValues: { ':now': now.getTime(), ':stale': now.getTime() - STALE_CLAIM_MS },
        }),
      ),
    );
  }

  async markNotified(batchId: string, now: Date): Promise<void> {
    await documents.send(
      new UpdateCommand({ TableName: this.tableName, Key: { batchId }, UpdateExpression: 'SET notifiedAt = :now REMOVE openKey', ExpressionAttributeValues: { ':now': now.toISOString() } }),
    );
  }

  async releaseClaim(batchId: string): Promise<void> {
    await documents.send(new UpdateCommand({ TableName: this.tableName, Key: { batchId }, UpdateExpression: 'REMOVE claimedAt' }));
  }
}
