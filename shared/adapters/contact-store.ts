import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessState, Contact, PortalAccess } from '../domain/model.ts';
import type { ContactStore, Page } from '../domain/ports.ts';
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

  async listByName(limit: number, cursor?: string): Promise<Page<Contact>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byName',
        KeyConditionExpression: 'listKey = :k',
        ExpressionAttributeValues: { ':k': LIST_KEY },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['contactId', 'listKey', 'sortName']),
      }),
    );
    return { items: (out.Items ?? []).map(toContact), cursor: encodeCursor(out.LastEvaluatedKey) };
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
