import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentComment, DocumentThread } from '../domain/comments.ts';
import { visiblePage, type OrderedList } from '../domain/paging.ts';
import type { DocumentCommentStore, Page, PendingWrite } from '../domain/ports.ts';
import { conflict } from '../errors.ts';
import { documents, dynamoWrite, partitionList } from './dynamo.ts';

/**
 * Comments on documents, in the matters table beside the matters' threads (the comments
 * capability's table; see lib/data.ts):
 *   doccomments#<itemId>#<contactId> / <commentId> ... one customer's thread on a document: ids sort as written
 *   docthreads#<itemId> / <contactId> ................ the document's threads, one row each, for staff
 */
export class DynamoDocumentCommentStore implements DocumentCommentStore {
  constructor(private readonly tableName: string) {}

  private async item(pk: string, sk: string) {
    return (await documents.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }))).Item;
  }

  thread(itemId: string, contactId: string): OrderedList<DocumentComment> {
    return partitionList<DocumentComment>(this.tableName, `doccomments#${itemId}#${contactId}`, 'comment', (c) => c.commentId);
  }

  async comment(itemId: string, contactId: string, commentId: string): Promise<DocumentComment | undefined> {
    return (await this.item(`doccomments#${itemId}#${contactId}`, commentId))?.comment as DocumentComment | undefined;
  }

  async threadOf(itemId: string, contactId: string): Promise<DocumentThread | undefined> {
    return (await this.item(`docthreads#${itemId}`, contactId))?.thread as DocumentThread | undefined;
  }

  async threads(itemId: string, limit: number, cursor?: string): Promise<Page<DocumentThread>> {
    // Read one ahead, so no cursor leads to an empty page.
    return visiblePage(partitionList<DocumentThread>(this.tableName, `docthreads#${itemId}`, 'thread', (t) => t.contactId), () => true, limit, cursor);
  }

  addWrites(comment: DocumentComment, thread: DocumentThread): PendingWrite[] {
    return [
      dynamoWrite(
        { Put: { TableName: this.tableName, Item: { pk: `doccomments#${comment.itemId}#${comment.contactId}`, sk: comment.commentId, comment }, ConditionExpression: 'attribute_not_exists(pk)' } },
        conflict('comment_exists', 'This comment exists already.'),
      ),
      dynamoWrite({ Put: { TableName: this.tableName, Item: { pk: `docthreads#${thread.itemId}`, sk: thread.contactId, thread } } }),
    ];
  }

  hideWrite(hidden: DocumentComment): PendingWrite {
    return dynamoWrite(
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: `doccomments#${hidden.itemId}#${hidden.contactId}`, sk: hidden.commentId, comment: hidden },
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#c.#h)',
          ExpressionAttributeNames: { '#c': 'comment', '#h': 'hidden' },
        },
      },
      conflict('already_hidden', 'This comment was hidden at the same time.'),
    );
  }
}

