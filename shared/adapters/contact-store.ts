import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { UndeliverableMark } from '../domain/deliverability.ts';
import type { AccessState, Contact, PortalAccess } from '../domain/model.ts';
import type { ContactDetails, ContactStore, Page, PendingWrite } from '../domain/ports.ts';
import { conflict } from '../errors.ts';
import { batchGet, conditionalWrite, decodeCursor, documents, dynamoWrite, encodeCursor, type DynamoWrite } from './dynamo.ts';

const LIST_KEY = 'contact';

const sortNameOf = (name: string, contactId: string) => `${name.toLocaleLowerCase('en')}#${contactId}`;

/**
 * contacts table: PK contactId; GSI byName (listKey, sortName) for the name-sorted list; GSI
 * byEmail. Each membership of a person in an organisation is one more item (contactId
 * "member#<org>#<person>", listKey "member#<org>"), so the same byName index lists an
 * organisation's members by name.
 */
export class DynamoContactStore implements ContactStore {
  constructor(private readonly tableName: string) {}

  private membership(orgId: string, person: { contactId: string; name: string }) {
    return { contactId: `member#${orgId}#${person.contactId}`, listKey: `member#${orgId}`, sortName: sortNameOf(person.name, person.contactId), memberId: person.contactId };
  }

  async get(contactId: string): Promise<Contact | undefined> {
    const { Item } = await documents.send(new GetCommand({ TableName: this.tableName, Key: { contactId }, ConsistentRead: true }));
    return Item ? toContact(Item) : undefined;
  }

  async getMany(contactIds: string[]): Promise<Contact[]> {
    // Membership items share the table; only real contacts are asked for, and only they come back.
    return (await batchGet(this.tableName, 'contactId', contactIds)).map(toContact);
  }

  async create(contact: Contact): Promise<void> {
    await documents.send(new TransactWriteCommand({ TransactItems: this.createWrites(contact).map((w) => (w as DynamoWrite).item) }));
  }

  createWrites(contact: Contact): PendingWrite[] {
    return [
      dynamoWrite(
        {
          Put: {
            TableName: this.tableName,
            Item: { ...contact, listKey: LIST_KEY, sortName: sortNameOf(contact.name, contact.contactId) },
            ConditionExpression: 'attribute_not_exists(contactId)',
          },
        },
        conflict('contact_exists', 'This contact exists already.'),
      ),
      ...contact.organisationIds.map((orgId) => dynamoWrite({ Put: { TableName: this.tableName, Item: this.membership(orgId, contact) } })),
    ];
  }

  async membersOf(organisationId: string, limit: number, cursor?: string): Promise<Page<Contact>> {
    const out = await documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byName',
        KeyConditionExpression: 'listKey = :k',
        ExpressionAttributeValues: { ':k': `member#${organisationId}` },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['contactId', 'listKey', 'sortName']),
      }),
    );
    const ids = (out.Items ?? []).map((m) => m.memberId as string);
    const byId = new Map((await this.getMany(ids)).map((c) => [c.contactId, c]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), cursor: encodeCursor(out.LastEvaluatedKey) };
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
    const current = await this.get(contactId);
    if (!current) return false;
    const cleared = Object.entries(details).filter(([, v]) => v === null).map(([k]) => k);
    const fields = Object.entries(details).filter(([, v]) => v !== undefined && v !== null);
    if (details.name) fields.push(['sortName', sortNameOf(details.name, contactId)]);
    if (!fields.length && !cleared.length) return true;
    // Membership items follow the person's organisations and name in the same transaction.
    const next = { ...current, ...Object.fromEntries(fields) } as Contact;
    const membershipChanged = details.organisationIds !== undefined || details.name !== undefined;
    const removed = membershipChanged ? current.organisationIds.filter((id) => !next.organisationIds.includes(id)) : [];
    const kept = membershipChanged ? next.organisationIds : [];
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { contactId },
                UpdateExpression: [
                  fields.length ? `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}` : '',
                  cleared.length ? `REMOVE ${cleared.map((_, i) => `#r${i}`).join(', ')}` : '',
                ].join(' ').trim(),
                ConditionExpression: 'attribute_exists(contactId)',
                ExpressionAttributeNames: {
                  ...Object.fromEntries(fields.map(([k], i) => [`#f${i}`, k])),
                  ...Object.fromEntries(cleared.map((k, i) => [`#r${i}`, k])),
                },
                ...(fields.length ? { ExpressionAttributeValues: Object.fromEntries(fields.map(([, v], i) => [`:v${i}`, v])) } : {}),
              },
            },
            ...removed.map((orgId) => ({ Delete: { TableName: this.tableName, Key: { contactId: `member#${orgId}#${contactId}` } } })),
            ...kept.map((orgId) => ({ Put: { TableName: this.tableName, Item: this.membership(orgId, next) } })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'TransactionCanceledException') return false;
      throw error;
    }
  }

  async markUndeliverable(contactId: string, email: string, mark: UndeliverableMark): Promise<boolean> {
    return conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { contactId },
          UpdateExpression: 'SET undeliverable = :mark',
          // The address may have been changed since the email went out: a new address has not bounced.
          ConditionExpression: 'attribute_exists(contactId) AND email = :email AND attribute_not_exists(undeliverable)',
          ExpressionAttributeValues: { ':mark': mark, ':email': email },
        }),
      ),
    );
  }

  setAccessWrite(contactId: string, access: PortalAccess, expected: AccessState[]): PendingWrite {
    return dynamoWrite({ Update: this.setAccessInput(contactId, access, expected) }, conflict('access_changed', 'Portal access was changed at the same time; reload the contact and try again.'));
  }

  private setAccessInput(contactId: string, access: PortalAccess, expected: AccessState[]) {
    const names = expected.map((_, i) => `:s${i}`);
    return {
      TableName: this.tableName,
      Key: { contactId },
      UpdateExpression: 'SET #access = :access',
      ConditionExpression: `attribute_exists(contactId) AND #access.#state IN (${names.join(', ')})`,
      ExpressionAttributeNames: { '#access': 'access', '#state': 'state' },
      ExpressionAttributeValues: { ':access': access, ...Object.fromEntries(expected.map((s, i) => [names[i], s])) } as Record<string, unknown>,
    };
  }

  async setAccess(contactId: string, access: PortalAccess, expected: AccessState[]): Promise<boolean> {
    const names = expected.map((_, i) => `:s${i}`);
    return conditionalWrite(() =>
      documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { contactId },
          UpdateExpression: 'SET #access = :access',
          ConditionExpression: `attribute_exists(contactId) AND #access.#state IN (${names.join(', ')})`,
          ExpressionAttributeNames: { '#access': 'access', '#state': 'state' },
          ExpressionAttributeValues: { ':access': access, ...Object.fromEntries(expected.map((s, i) => [names[i], s])) },
        }),
      ),
    );
  }
}

function toContact(item: Record<string, unknown>): Contact {
  const { listKey: _l, sortName: _s, ...contact } = item;
  return contact as unknown as Contact;
}
