/** Creates in the emulators what the template declares: tables, user pools, app clients and groups. */
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolClientCommand,
  type SchemaAttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { CloudModel } from './template.ts';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';
export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Table names are the logical ids: stable across restarts, and obviously local. */
export const localTableName = (logicalId: string) => logicalId;
/** Bucket names must be lowercase DNS labels. */
export const localBucketName = (logicalId: string) => logicalId.toLowerCase();

export async function createTables(endpoint: string, model: CloudModel): Promise<void> {
  const dynamo = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: localCredentials });
  const existing = new Set((await dynamo.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const table of model.tables) {
    const name = localTableName(table.logicalId);
    if (existing.has(name)) continue;
    await dynamo.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: table.keySchema,
        AttributeDefinitions: table.attributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: table.globalSecondaryIndexes.length
          ? table.globalSecondaryIndexes.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection ?? { ProjectionType: 'ALL' } }))
          : undefined,
        StreamSpecification: table.streamViewType ? { StreamEnabled: true, StreamViewType: table.streamViewType as 'KEYS_ONLY' } : undefined,
      }),
    );
    if (table.timeToLiveAttribute) {
      await dynamo.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute } }));
    }
  }
  dynamo.destroy();
}

export interface CognitoIds {
  pools: Record<string, string>;
  clients: Record<string, string>;
}

/** Creates pools, clients and groups that do not exist yet; `known` are the ids from an earlier start. */
export async function createIdentity(endpoint: string, model: CloudModel, known: CognitoIds): Promise<CognitoIds> {
  const cognito = new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: localCredentials });
  const ids: CognitoIds = { pools: {}, clients: {} };
  for (const pool of model.userPools) {
    const previous = known.pools[pool.logicalId];
    if (previous && (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: previous })).then(() => true, () => false))) {
      ids.pools[pool.logicalId] = previous;
      continue;
    }
    const p = pool.properties;
    const created = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: pool.logicalId,
        Policies: p.Policies,
        MfaConfiguration: p.MfaConfiguration,
        UsernameAttributes: p.UsernameAttributes,
        AutoVerifiedAttributes: p.AutoVerifiedAttributes,
        AdminCreateUserConfig: p.AdminCreateUserConfig,
        Schema: p.Schema as SchemaAttributeType[],
      }),
    );
    ids.pools[pool.logicalId] = created.UserPool!.Id!;
    for (const group of model.groups.filter((g) => g.poolLogicalId === pool.logicalId)) {
      await cognito.send(new CreateGroupCommand({ UserPoolId: created.UserPool!.Id!, GroupName: group.name, Description: group.description }));
    }
  }
  for (const client of model.clients) {
    const previous = known.clients[client.logicalId];
    const poolId = ids.pools[client.poolLogicalId];
    const c = client.properties;
    if (previous && known.pools[client.poolLogicalId] === poolId) {
      // The UIs' local ports may differ from the last start; the client must name today's.
      await cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: previous, ClientName: client.logicalId, ExplicitAuthFlows: c.ExplicitAuthFlows, AllowedOAuthFlows: c.AllowedOAuthFlows, AllowedOAuthScopes: c.AllowedOAuthScopes, AllowedOAuthFlowsUserPoolClient: c.AllowedOAuthFlowsUserPoolClient, CallbackURLs: c.CallbackURLs, LogoutURLs: c.LogoutURLs, ReadAttributes: c.ReadAttributes, WriteAttributes: c.WriteAttributes }));
      ids.clients[client.logicalId] = previous;
      continue;
    }
    const created = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: client.logicalId,
        GenerateSecret: false,
        ExplicitAuthFlows: c.ExplicitAuthFlows,
        AllowedOAuthFlows: c.AllowedOAuthFlows,
        AllowedOAuthScopes: c.AllowedOAuthScopes,
        AllowedOAuthFlowsUserPoolClient: c.AllowedOAuthFlowsUserPoolClient,
        CallbackURLs: c.CallbackURLs,
        LogoutURLs: c.LogoutURLs,
        ReadAttributes: c.ReadAttributes,
        WriteAttributes: c.WriteAttributes,
        SupportedIdentityProviders: c.SupportedIdentityProviders,
      }),
    );
    ids.clients[client.logicalId] = created.UserPoolClient!.ClientId!;
  }
  cognito.destroy();
  return ids;
}

/** The CORS XML s3rver reads at start, from the bucket's CorsConfiguration in the template. */
export function corsXml(cors: { CorsRules?: { AllowedOrigins?: string[]; AllowedMethods?: string[]; AllowedHeaders?: string[]; ExposedHeaders?: string[]; MaxAge?: number }[] } | undefined): string | undefined {
  if (!cors?.CorsRules?.length) return undefined;
  const tags = (name: string, values: string[] = []) => values.map((v) => `<${name}>${v}</${name}>`).join('');
  const rules = cors.CorsRules.map(
    (r) =>
      `<CORSRule>${tags('AllowedOrigin', r.AllowedOrigins)}${tags('AllowedMethod', r.AllowedMethods)}${tags('AllowedHeader', r.AllowedHeaders)}${tags('ExposeHeader', r.ExposedHeaders)}${r.MaxAge ? `<MaxAgeSeconds>${r.MaxAge}</MaxAgeSeconds>` : ''}</CORSRule>`,
  ).join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}
