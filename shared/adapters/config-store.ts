import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ConfigStore, PendingWrite } from '../domain/ports.ts';
import type { PortalSettings } from '../domain/settings.ts';
import type { UndeliverableMark } from '../domain/deliverability.ts';
import { conditionalWrite, documents, dynamoWrite } from './dynamo.ts';

/**
 * portalConfig table: PK configKey — "settings", "seats", "roles", "staff#<sub>" (disabled),
 * "staffrole#<sub>" (last demotion), "address#<email>" (undeliverable: bounced for good or complained).
 */
export class DynamoConfigStore implements ConfigStore {
  constructor(private readonly tableName: string) {}

  private async get(configKey: string) {
    return (await documents.send(new GetCommand({ TableName: this.tableName, Key: { configKey }, ConsistentRead: true }))).Item;
  }

  async settings(): Promise<PortalSettings | undefined> {
    return (await this.get('settings'))?.value as PortalSettings | undefined;
  }

  async saveSettings(settings: PortalSettings): Promise<void> {
    await documents.send(new PutCommand({ TableName: this.tableName, Item: { configKey: 'settings', value: settings } }));
  }

  async takeSeat(limit: number): Promise<boolean> {
    const taken = await conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { configKey: 'seats' },
          UpdateExpression: 'ADD used :one',
          // The condition and the increment are one atomic write: two racing sign-ups cannot both take the last seat.
          ConditionExpression: 'attribute_not_exists(used) OR used < :limit',
          ExpressionAttributeValues: { ':one': 1, ':limit': limit },
        }),
      ),
    );
    return taken && limit > 0;
  }

  async releaseSeat(): Promise<void> {
    // Never below zero: a seat released twice (or never taken) changes nothing.
    await conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { configKey: 'seats' },
          UpdateExpression: 'ADD used :minusOne',
          ConditionExpression: 'used > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      ),
    );
  }

  seatWrite(change: 1 | -1): PendingWrite {
    return dynamoWrite({ Update: { TableName: this.tableName, Key: { configKey: 'seats' }, UpdateExpression: 'ADD used :change', ExpressionAttributeValues: { ':change': change } } });
  }

  async seatsUsed(): Promise<number> {
    return Math.max(0, Number((await this.get('seats'))?.used ?? 0));
  }

  async roles(): Promise<string[] | undefined> {
    return (await this.get('roles'))?.roles as string[] | undefined;
  }

  async saveRoles(roles: string[]): Promise<void> {
    await documents.send(new PutCommand({ TableName: this.tableName, Item: { configKey: 'roles', roles } }));
  }

  async isStaffDisabled(sub: string): Promise<boolean> {
    return (await this.get(`staff#${sub}`))?.disabled === true;
  }

  async setStaffDisabled(sub: string, disabled: boolean): Promise<void> {
    await documents.send(new PutCommand({ TableName: this.tableName, Item: { configKey: `staff#${sub}`, disabled } }));
  }

  async adminClaimsValidAfter(sub: string): Promise<number | undefined> {
    const value = (await this.get(`staffrole#${sub}`))?.adminClaimsValidAfter;
    return value === undefined ? undefined : Number(value);
  }

  async setAdminClaimsValidAfter(sub: string, epochSeconds: number | undefined): Promise<void> {
    const Key = { configKey: `staffrole#${sub}` };
    if (epochSeconds === undefined) await documents.send(new DeleteCommand({ TableName: this.tableName, Key }));
    else await documents.send(new PutCommand({ TableName: this.tableName, Item: { ...Key, adminClaimsValidAfter: epochSeconds } }));
  }

  async markAddressUndeliverable(email: string, mark: UndeliverableMark): Promise<boolean> {
    // The first mark stays: a redelivered or later event for the same address changes nothing.
    return conditionalWrite(() =>
      documents.send(new PutCommand({ TableName: this.tableName, Item: { configKey: `address#${email}`, mark }, ConditionExpression: 'attribute_not_exists(configKey)' })),
    );
  }

  async addressMark(email: string): Promise<UndeliverableMark | undefined> {
    return (await this.get(`address#${email.toLowerCase()}`))?.mark as UndeliverableMark | undefined;
  }
}
