import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { acknowledge, arnToken } from './nag.ts';
import type { PorticoFunction } from './portico-function.ts';

export type TableAccess = 'read' | 'readwrite';
export type TableName = 'contacts' | 'shares' | 'drive' | 'uploadBatches' | 'portalConfig' | 'audit' | 'outbox';

/**
 * The portal's records. Every screen is served by a key read or a query; nothing scans.
 *
 * contacts   PK contactId
 *   - contact page, access check on every customer call ........ GetItem(contactId)
 *   - contact list sorted by name, search by name prefix ......... Query byName (listKey = "contact", begins_with sortName)
 *   - search by email address ..................................... Query byEmail (email)
 * shares     PK contactId, SK itemId
 *   - is this item or a folder above it shared with this customer
 *     or their organisations (every portal access decision) ..... BatchGetItem(grantee × item and its ancestors)
 *   - what is shared with a contact, newest first, paged (portal
 *     roots, contact page) ........................................ Query bySharedAt (contactId, sharedOrder = "<sharedAt>#<itemId>")
 *   - who an item is shared with ("share with…" dialog) .......... Query byItem (itemId)
 * drive      PK itemId
 *   - one item (download, browse, authorisation of an item) ...... GetItem(itemId)
 *   - a folder's children, folders first then by name, paged ..... Query byParent (listedUnder = parentId, sortKey)
 *   - the trash, newest first, paged ............................. Query byParent (listedUnder = "#trash")
 *   - every child of a folder whatever its state (moves, restores
 *     and trash emptying keep the whole subtree's ancestry true) .. Query byFolder (parentId)
 *   - uploads started long ago and never filed, oldest first ..... Query byPending (pendingKey = "pending", createdAt <), sparse
 * uploadBatches  PK batchId, TTL expiresAt
 *   - the upload notifier's exactly-once ledger per batch ........ UpdateItem with conditions
 *   - batches not yet announced, oldest first (hourly flush) ..... Query byOpen (openKey = "open", openSince <), sparse
 * portalConfig  PK configKey
 *   - settings (every customer call: portal open?) ............... GetItem("settings")
 *   - seat counter, taken atomically by sign-ups ................. UpdateItem("seats") with condition
 *   - disabled staff users (every staff call) .................... GetItem("staff#<sub>")
 *   - roles for links between contacts ........................... GetItem("roles")
 * audit      PK scope ("firm" or a contact id), SK entryKey ("<ISO time>#<id>")
 *   - activity of the firm / of one contact, newest first ........ Query(scope, descending)
 * outbox     PK emailId, stream (new images), TTL expiresAt
 *   - an email written with the change it announces ............. Put in that change's transaction
 *   - delivery of a new email ..................................... the table's stream → the deliverer
 *   - emails still unsent, oldest first (the sweep) .............. Query byUnsent (unsentKey = "unsent", createdAt <), sparse
 * matters    PK pk, SK sk — its own construct and nested stack (lib/matters.ts): a capability of its
 *            own, one table for all of it, and no index, so every list is a strongly consistent query
 *   - a matter's page, each change, approval ...................... GetItem("matter#<id>", "matter")
 *   - a reference is unique, whatever its case (two creates race:
 *     exactly one wins) ........................................... Put("ref#<REFERENCE>", "ref") if absent, in the matter's transaction
 *   - the firm's sequence, M-<year>-<n> ........................... GetItem("sequence#<year>"), then Update if still that number, in the transaction
 *   - the admins' lists (statuses, party types, flags, doc types) . GetItem("lists", "lists")
 *   - the matter list: all / by status / by client / by responsible,
 *     newest first, paged .......................................... Query("list#<live|archived>#<list>", descending): one row per list the
 *                                                                      matter is on, carrying its summary, rewritten in each change's transaction
 *   - matters whose earliest deadline is before a date, soonest
 *     first, paged ................................................. Query("list#live#deadline", sk < date)
 *   A second filter is applied to the rows of the first (the narrowest that was given), pages stay full (`visiblePage`).
 *   - a matter's thread, oldest first, paged ...................... Query("comments#<matterId>"): comment ids sort as written
 * requests   PK pk, SK sk — customer requests (F21), their own construct (lib/requests.ts) in the matters' nested stack, no index
 *   - a request's page, its accept or decline ..................... GetItem("request#<id>", "request"); the decision is a Put if still open
 *   - staff's queue of one state, paged ........................... Query("queue#<open|accepted|declined>"), open ascending, others descending
 *   - a customer's own requests, newest first, paged .............. Query("requester#<contactId>", descending)
 *     Both list rows carry the summary and are written in the request's transaction; a page reads one row ahead for its cursor.
 */
export class Data extends Construct {
  readonly contacts: dynamodb.TableV2;
  readonly shares: dynamodb.TableV2;
  readonly drive: dynamodb.TableV2;
  readonly uploadBatches: dynamodb.TableV2;
  readonly portalConfig: dynamodb.TableV2;
  readonly audit: dynamodb.TableV2;
  readonly outbox: dynamodb.TableV2;
  private readonly indexed = new Set<dynamodb.TableV2>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.contacts = this.table('Contacts', 'contactId', undefined, [
      { indexName: 'byName', partitionKey: str('listKey'), sortKey: str('sortName') },
      { indexName: 'byEmail', partitionKey: str('email') },
    ]);
    this.shares = this.table('Shares', 'contactId', 'itemId', [
      { indexName: 'byItem', partitionKey: str('itemId'), sortKey: str('contactId') },
      { indexName: 'bySharedAt', partitionKey: str('contactId'), sortKey: str('sharedOrder') },
    ]);
    this.drive = this.table('Drive', 'itemId', undefined, [
      { indexName: 'byParent', partitionKey: str('listedUnder'), sortKey: str('sortKey') },
      { indexName: 'byFolder', partitionKey: str('parentId'), sortKey: str('itemId'), projectionType: dynamodb.ProjectionType.KEYS_ONLY },
      // Sparse: only an item whose upload is still pending carries pendingKey.
      { indexName: 'byPending', partitionKey: str('pendingKey'), sortKey: str('createdAt') },
    ]);
    this.uploadBatches = this.table('UploadBatches', 'batchId', undefined, [{ indexName: 'byOpen', partitionKey: str('openKey'), sortKey: str('openSince') }], 'expiresAt');
    this.portalConfig = this.table('PortalConfig', 'configKey', undefined, []);
    this.audit = this.table('Audit', 'scope', 'entryKey', []);
    this.outbox = this.table('Outbox', 'emailId', undefined, [{ indexName: 'byUnsent', partitionKey: str('unsentKey'), sortKey: str('createdAt') }], 'expiresAt', dynamodb.StreamViewType.KEYS_ONLY);
  }

  /**
   * Grants a function access to one of the tables and sets the environment variable its adapter
   * reads (e.g. `contacts` → CONTACTS_TABLE): the name and the permission always come together.
   */
  grant(fn: PorticoFunction, table: TableName, access: TableAccess): void {
    const envName = `${table.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_TABLE`;
    this.bind(fn, this[table], envName, access);
  }

  private bind(fn: PorticoFunction, table: dynamodb.TableV2, envName: string, access: TableAccess): void {
    if (access === 'read') table.grantReadData(fn);
    else table.grantReadWriteData(fn);
    fn.bindEnv(envName, table.tableName);
    if (this.indexed.has(table)) {
      acknowledge(fn.role!, [`AwsSolutions-IAM5[Resource::${arnToken(table, fn)}/index/*]`], 'Queries use this table\'s own global secondary indexes; the grant names the table and reaches only its indexes.');
    }
  }

  private table(
    id: string,
    partitionKey: string,
    sortKey: string | undefined,
    globalSecondaryIndexes: dynamodb.GlobalSecondaryIndexPropsV2[],
    timeToLiveAttribute?: string,
    dynamoStream?: dynamodb.StreamViewType,
  ): dynamodb.TableV2 {
    const table = recordsTable(this, id, partitionKey, sortKey, globalSecondaryIndexes, timeToLiveAttribute, dynamoStream);
    if (globalSecondaryIndexes.length) this.indexed.add(table);
    return table;
  }
}

/** A table of the portal's records, as every one is kept: on demand, encrypted, recoverable, protected and retained. */
export function recordsTable(
  scope: Construct,
  id: string,
  partitionKey: string,
  sortKey: string | undefined,
  globalSecondaryIndexes: dynamodb.GlobalSecondaryIndexPropsV2[] = [],
  timeToLiveAttribute?: string,
  dynamoStream?: dynamodb.StreamViewType,
): dynamodb.TableV2 {
  return new dynamodb.TableV2(scope, id, {
    partitionKey: str(partitionKey),
    sortKey: sortKey ? str(sortKey) : undefined,
    billing: dynamodb.Billing.onDemand(),
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // Client documents' metadata and shares must survive a mistaken `cdk destroy`.
    removalPolicy: RemovalPolicy.RETAIN,
    globalSecondaryIndexes,
    timeToLiveAttribute,
    dynamoStream,
  });
}

function str(name: string): dynamodb.Attribute {
  return { name, type: dynamodb.AttributeType.STRING };
}
