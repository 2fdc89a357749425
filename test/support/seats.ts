/** Reads the seat counter straight from the local DynamoDB, as an independent check of what the API did. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { localCredentials } from '../../local-cloud/provision.ts';
import { cloud } from './world.ts';

export async function seatsUsed(): Promise<number> {
  const c = cloud();
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: c.endpoints.dynamodb, region: 'us-east-1', credentials: localCredentials }));
  const table = c.tables.portalConfig;
  const out = await db.send(new GetCommand({ TableName: table, Key: { configKey: 'seats' } }));
  return Number(out.Item?.used ?? 0);
}
