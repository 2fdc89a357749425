import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { visiblePage } from '../domain/paging.ts';
import type { Page, PendingWrite, RequestStore } from '../domain/ports.ts';
import { requestSummary, type MatterRequest, type RequestState, type RequestSummary } from '../domain/requests.ts';
import { conflict } from '../errors.ts';
import { documents, dynamoWrite, partitionList } from './dynamo.ts';

/**
 * requests table: PK pk, SK sk — every read keyed (see lib/data.ts):
 *   request#<id> / request .................. the request
 *   queue#<state> / <createdAt>#<id> ........ staff's queue of one state, carrying the summary
 *   requester#<contactId> / <createdAt>#<id>  a customer's own requests, carrying the summary
 * The list rows are written in the transaction that writes the request, so a list read right after
 * a change shows it.
 */
export class DynamoRequestStore implements RequestStore {
  constructor(private readonly tableName: string) {}

  async get(requestId: string): Promise<MatterRequest | undefined> {
    const out = await documents.send(new GetCommand({ TableName: this.tableName, Key: { pk: `request#${requestId}`, sk: 'request' }, ConsistentRead: true }));
    return out.Item?.request as MatterRequest | undefined;
  }

  private rowPuts(request: MatterRequest): PendingWrite[] {
    const summary = requestSummary(request);
    const sk = `${request.createdAt}#${request.requestId}`;
    return [
      dynamoWrite({ Put: { TableName: this.tableName, Item: { pk: `queue#${request.state}`, sk, summary } } }),
      dynamoWrite({ Put: { TableName: this.tableName, Item: { pk: `requester#${request.requesterId}`, sk, summary } } }),
    ];
  }

  createWrites(request: MatterRequest): PendingWrite[] {
    return [
      dynamoWrite(
        { Put: { TableName: this.tableName, Item: { pk: `request#${request.requestId}`, sk: 'request', request }, ConditionExpression: 'attribute_not_exists(pk)' } },
        conflict('request_exists', 'This request exists already.'),
      ),
      ...this.rowPuts(request),
    ];
  }

  decideWrites(current: MatterRequest, next: MatterRequest): PendingWrite[] {
    return [
      dynamoWrite(
        {
          Put: {
            TableName: this.tableName,
            Item: { pk: `request#${next.requestId}`, sk: 'request', request: next },
            // Decided once: of two staff deciding at the same moment, one wins and the other is told.
            ConditionExpression: '#r.#s = :open',
            ExpressionAttributeNames: { '#r': 'request', '#s': 'state' },
            ExpressionAttributeValues: { ':open': 'open' },
          },
        },
        conflict('request_decided', 'Someone decided this request at the same time; reload it.'),
      ),
      dynamoWrite({ Delete: { TableName: this.tableName, Key: { pk: `queue#${current.state}`, sk: `${current.createdAt}#${current.requestId}` } } }),
      ...this.rowPuts(next),
    ];
  }

  /** One list a page at a time; `visiblePage` reads one row ahead, so a cursor never leads to an empty page. */
  private page(pk: string, oldestFirst: boolean, limit: number, cursor?: string): Promise<Page<RequestSummary>> {
    return visiblePage(partitionList<RequestSummary>(this.tableName, pk, 'summary', (r) => `${r.createdAt}#${r.requestId}`, !oldestFirst), () => true, limit, cursor);
  }

  /** Open requests oldest first, as a queue is worked; decided ones newest first. */
  queue(state: RequestState, limit: number, cursor?: string): Promise<Page<RequestSummary>> {
    return this.page(`queue#${state}`, state === 'open', limit, cursor);
  }

  requesterRequests(contactId: string, limit: number, cursor?: string): Promise<Page<RequestSummary>> {
    return this.page(`requester#${contactId}`, false, limit, cursor);
  }
}
