import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessState, Contact, PortalAccess } from '../domain/model.ts';
import type { ContactDetails, ContactStore, Page } from '../domain/ports.ts';
import { decodeCursor, documents, encodeCursor, isConditionFailure } from './dynamo.ts';

const LIST_KEY = 'contact';

/** contacts table: PK contactId; GSI byName (listKey, sortName) for the name-sorted list. */
export class DynamoContactStore implements ContactStore {
  constructor(private readonly tableName: string) {}

  async get(contactId: string): Promise<Contact | undefined> {
    const { Item } = await documents.send(new GetCommand({ TableName: this.tableName, Key: { contactId }, ConsistentRead: true }));
    return Item ? toContact(Item) : undefined;
  }

  async create(contact: Contact): Promise<void> {
    await documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...contact, listKey: LIST_KEY, sortName: `${contact.name.toLocaleLowerCase('en')}#${contact.contactId}` },
        ConditionExpression: 'attribute_not_exists(contactId)',
      }),
    );
  }

  listByName(limit: number, cursor?: string): Promise<Page<Contact>> {
    return this.searchByName('', limit, cursor);
  }

  async searchByName(prefix: string, limit: number, cursor?: string): Promise<Page<Contact>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byName',
        KeyConditionExpression: prefix ? 'listKey = :k AND begins_with(sortName, :p)' : 'listKey = :k',
        ExpressionAttributeValues: { ':k': LIST_KEY, ...(prefix ? { ':p': prefix.toLocaleLowerCase('en') } : {}) },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['contactId', 'listKey', 'sortName']),
      }),
    );
    return { items: (out.Items ?? []).map(toContact), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async findByEmail(email: string): Promise<Contact[]> {
    const out = await documents.send(
      new QueryCommand({ TableName: this.tableName, IndexName: 'byEmail', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': email.toLowerCase() } }),
    );
    return (out.Items ?? []).map(toContact);
  }

  async updateDetails(contactId: string, details: ContactDetails): Promise<boolean> {
    const fields = Object.entries(details).filter(([, v]) => v !== undefined);
    if (details.name) fields.push(['sortName', `${details.name.toLocaleLowerCase('en')}#${contactId}`]);
    if (!fields.length) return (await this.get(contactId)) !== undefined;
    try {
      await documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { contactId },
          UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(contactId)',
          ExpressionAttributeNames: Object.fromEntries(fields.map(([k], i) => [`#f${i}`, k])),
          ExpressionAttributeValues: Object.fromEntries(fields.map(([, v], i) => [`:v${i}`, v])),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async setAccess(contactId: string, access: PortalAccess, expected: AccessState[]): Promise<boolean> {
    const names = expected.map((_, i) => `:s${i}`);
    try {
      await documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { contactId },
          UpdateExpression: 'SET #access = :access',
          ConditionExpression: `attribute_exists(contactId) AND #access.#state IN (${names.join(', ')})`,
          ExpressionAttributeNames: { '#access': 'access', '#state': 'state' },
          ExpressionAttributeValues: { ':access': access, ...Object.fromEntries(expected.map((s, i) => [names[i], s])) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function toContact(item: Record<string, unknown>): Contact {
  const { listKey: _l, sortName: _s, ...contact } = item;
  return contact as unknown as Contact;
}
