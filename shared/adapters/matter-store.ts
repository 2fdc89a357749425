import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AwaitingAnswer, MatterComment } from '../domain/comments.ts';
import { matchesMatterFilter, matterSummary, referenceKey, type Matter, type MatterFilter, type MatterLists, type MatterSummary } from '../domain/matters.ts';
import { visiblePage, type OrderedList } from '../domain/paging.ts';
import type { MatterStore, Page, PendingWrite } from '../domain/ports.ts';
import { conflict } from '../errors.ts';
import { batchGetKeys, decodeCursor, documents, dynamoWrite, encodeCursor, partitionList } from './dynamo.ts';

/** One line a matter is listed on: the list's partition and the matter's place in it. */
interface ListRow {
  pk: string;
  sk: string;
}

/**
 * matters table: PK pk, SK sk — one table for the capability, every read keyed (see lib/data.ts):
 *   matter#<id> / matter ............ the matter
 *   ref#<REFERENCE> / ref ........... the claim on a reference (upper-cased), held by its matter: uniqueness is a condition, not a search
 *   sequence#<year> / sequence ...... the last number of the year's sequence
 *   lists / lists ................... the admins' lists
 *   comments#<matterId> / <commentId> ... a matter's thread (F18): ids sort as written, so the thread is one query
 *   awaiting#<matterId> / awaiting ....... the matter's client awaits an answer, since which comment
 *   awaiting / <commentId>#<matterId> .... the list of those, the longest waiting first
 *   list#<live|archived>#<list> / <order>#<id>  a row per list the matter is on, carrying its summary:
 *     all, status#<s>, client#<id>, responsible#<email> (newest first: order = createdAt), deadline (order = earliest deadline)
 */
export class DynamoMatterStore implements MatterStore {
  constructor(private readonly tableName: string) {}

  private async item(pk: string, sk: string) {
    return (await documents.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }))).Item;
  }

  async get(matterId: string): Promise<Matter | undefined> {
    return (await this.item(`matter#${matterId}`, 'matter'))?.matter as Matter | undefined;
  }

  async getMany(matterIds: string[]): Promise<Matter[]> {
    const items = await batchGetKeys(this.tableName, [...new Set(matterIds)].map((id) => ({ pk: `matter#${id}`, sk: 'matter' })));
    return items.map((item) => item.matter as Matter);
  }

  clientMatters(clientId: string): OrderedList<MatterSummary> {
    return partitionList<MatterSummary>(this.tableName, `list#live#client#${clientId}`, 'summary', (s) => `${s.createdAt}#${s.matterId}`, true);
  }

  comments(matterId: string): OrderedList<MatterComment> {
    return partitionList<MatterComment>(this.tableName, `comments#${matterId}`, 'comment', (c) => c.commentId, false);
  }

  async comment(matterId: string, commentId: string): Promise<MatterComment | undefined> {
    return (await this.item(`comments#${matterId}`, commentId))?.comment as MatterComment | undefined;
  }

  addCommentWrite(comment: MatterComment): PendingWrite {
    return dynamoWrite(
      { Put: { TableName: this.tableName, Item: { pk: `comments#${comment.matterId}`, sk: comment.commentId, comment }, ConditionExpression: 'attribute_not_exists(pk)' } },
      conflict('comment_exists', 'This comment exists already.'),
    );
  }

  async awaitingAnswer(matterId: string): Promise<AwaitingAnswer | undefined> {
    return (await this.item(`awaiting#${matterId}`, 'awaiting'))?.awaiting as AwaitingAnswer | undefined;
  }

  private awaitingRow = (a: AwaitingAnswer) => ({ pk: 'awaiting', sk: `${a.commentId}#${a.matterId}` });

  startAwaitingWrites(awaiting: AwaitingAnswer): PendingWrite[] {
    return [
      dynamoWrite(
        { Put: { TableName: this.tableName, Item: { pk: `awaiting#${awaiting.matterId}`, sk: 'awaiting', awaiting }, ConditionExpression: 'attribute_not_exists(pk)' } },
        conflict('already_awaiting', 'Another comment put this matter on the list at the same time.'),
      ),
      dynamoWrite({ Put: { TableName: this.tableName, Item: { ...this.awaitingRow(awaiting), awaiting } } }),
    ];
  }

  answeredWrites(awaiting: AwaitingAnswer): PendingWrite[] {
    return [
      dynamoWrite({ Delete: { TableName: this.tableName, Key: { pk: `awaiting#${awaiting.matterId}`, sk: 'awaiting' } } }),
      dynamoWrite({ Delete: { TableName: this.tableName, Key: this.awaitingRow(awaiting) } }),
    ];
  }

  awaitingAnswers(): OrderedList<AwaitingAnswer> {
    return partitionList<AwaitingAnswer>(this.tableName, 'awaiting', 'awaiting', (a) => this.awaitingRow(a).sk, false);
  }

  hideCommentWrite(hidden: MatterComment): PendingWrite {
    return dynamoWrite(
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: `comments#${hidden.matterId}`, sk: hidden.commentId, comment: hidden },
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#c.#h)',
          ExpressionAttributeNames: { '#c': 'comment', '#h': 'hidden' },
        },
      },
      conflict('already_hidden', 'This comment was hidden at the same time.'),
    );
  }

  async lists(): Promise<MatterLists | undefined> {
    return (await this.item('lists', 'lists'))?.lists as MatterLists | undefined;
  }

  saveListsWrite(lists: MatterLists): PendingWrite {
    return dynamoWrite({ Put: { TableName: this.tableName, Item: { pk: 'lists', sk: 'lists', lists } } });
  }

  async lastSequenceNumber(year: number): Promise<number> {
    return Number((await this.item(`sequence#${year}`, 'sequence'))?.last ?? 0);
  }

  takeSequenceWrite(year: number, last: number, number: number): PendingWrite {
    return dynamoWrite(
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: `sequence#${year}`, sk: 'sequence' },
          UpdateExpression: 'SET #last = :number',
          // Exactly one of two matters created at once takes a number; the other tries the next.
          ConditionExpression: last === 0 ? 'attribute_not_exists(#last)' : '#last = :last',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: { ':number': number, ...(last === 0 ? {} : { ':last': last }) },
        },
      },
      conflict('sequence_moved', 'Another matter took this number at the same time; try again.'),
    );
  }

  private claimWrite(matter: Matter): PendingWrite {
    return dynamoWrite(
      { Put: { TableName: this.tableName, Item: { pk: `ref#${referenceKey(matter.reference)}`, sk: 'ref', matterId: matter.matterId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      conflict('reference_taken', `reference: "${matter.reference}" is another matter's reference; choose another.`),
    );
  }

  private rows(matter: Matter): ListRow[] {
    const list = `list#${matter.archived ? 'archived' : 'live'}#`;
    const newest = `${matter.createdAt}#${matter.matterId}`;
    const rows = [
      { pk: `${list}all`, sk: newest },
      { pk: `${list}status#${matter.status}`, sk: newest },
      { pk: `${list}client#${matter.clientId}`, sk: newest },
      ...matter.responsibleStaff.map((email) => ({ pk: `${list}responsible#${email}`, sk: newest })),
    ];
    const deadline = matterSummary(matter).nextDeadline;
    return deadline ? [...rows, { pk: `${list}deadline`, sk: `${deadline}#${matter.matterId}` }] : rows;
  }

  private rowPuts(matter: Matter): PendingWrite[] {
    const summary = matterSummary(matter);
    return this.rows(matter).map((row) => dynamoWrite({ Put: { TableName: this.tableName, Item: { ...row, summary } } }));
  }

  createWrites(matter: Matter): PendingWrite[] {
    return [
      dynamoWrite(
        { Put: { TableName: this.tableName, Item: { pk: `matter#${matter.matterId}`, sk: 'matter', matter }, ConditionExpression: 'attribute_not_exists(pk)' } },
        conflict('matter_exists', 'This matter exists already.'),
      ),
      this.claimWrite(matter),
      ...this.rowPuts(matter),
    ];
  }

  updateWrites(current: Matter, next: Matter): PendingWrite[] {
    const kept = new Set(this.rows(next).map((r) => `${r.pk}\n${r.sk}`));
    const gone = this.rows(current).filter((r) => !kept.has(`${r.pk}\n${r.sk}`));
    const newReference = referenceKey(current.reference) !== referenceKey(next.reference);
    return [
      dynamoWrite(
        {
          Put: {
            TableName: this.tableName,
            Item: { pk: `matter#${next.matterId}`, sk: 'matter', matter: next },
            // The matter as it was read: a change made meanwhile is not overwritten.
            ConditionExpression: 'attribute_exists(pk) AND #m.updatedAt = :read',
            ExpressionAttributeNames: { '#m': 'matter' },
            ExpressionAttributeValues: { ':read': current.updatedAt },
          },
        },
        conflict('changed_meanwhile', 'This matter was changed at the same time; reload it and try again.'),
      ),
      ...(newReference ? [this.claimWrite(next), dynamoWrite({ Delete: { TableName: this.tableName, Key: { pk: `ref#${referenceKey(current.reference)}`, sk: 'ref' } } })] : []),
      ...gone.map((Key) => dynamoWrite({ Delete: { TableName: this.tableName, Key } })),
      ...this.rowPuts(next),
    ];
  }

  async list(filter: MatterFilter, limit: number, cursor?: string): Promise<Page<MatterSummary>> {
    const list = `list#${filter.archived ? 'archived' : 'live'}#`;
    // The narrowest line is read; any other filter is applied to its rows, and pages stay full.
    const byDeadline = filter.deadlineBefore !== undefined;
    const pk = byDeadline
      ? `${list}deadline`
      : filter.clientId !== undefined
        ? `${list}client#${filter.clientId}`
        : filter.responsible !== undefined
          ? `${list}responsible#${filter.responsible.toLowerCase()}`
          : filter.status !== undefined
            ? `${list}status#${filter.status}`
            : `${list}all`;
    type Row = ListRow & { summary: MatterSummary };
    const source = {
      fetch: async (n: number, c?: string) => {
        const out = await documents.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: byDeadline ? 'pk = :pk AND sk < :before' : 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk, ...(byDeadline ? { ':before': filter.deadlineBefore } : {}) },
            ScanIndexForward: byDeadline,
            ConsistentRead: true,
            Limit: n,
            ExclusiveStartKey: decodeCursor(c, ['pk', 'sk']),
          }),
        );
        return { items: (out.Items ?? []) as Row[], cursor: encodeCursor(out.LastEvaluatedKey) };
      },
      cursorAfter: (row: Row) => encodeCursor({ pk: row.pk, sk: row.sk })!,
    };
    const page = await visiblePage(source, (row) => matchesMatterFilter(row.summary, filter), limit, cursor);
    return { items: page.items.map((row) => row.summary), cursor: page.cursor };
  }
}
