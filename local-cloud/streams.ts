/**
 * DynamoDB streams → functions, as Lambda's event source mappings do it: each table stream named by
 * a mapping in the template is polled (DynamoDB Local keeps streams), its new records are handed to
 * the function in batches of the mapping's size, in order per shard; a failing batch is retried up
 * to the mapping's MaximumRetryAttempts, then recorded as its on-failure destination would record
 * it, and the shard moves on. Not emulated: batch bisection and the batching window.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { FunctionHost } from './functions.ts';
import { localCredentials, localTableName, LOCAL_REGION } from './provision.ts';
import type { StreamSourceSpec } from './template.ts';

export interface StreamFailure {
  functionLogicalId: string;
  destination?: string;
  attempts: number;
  error: string;
  records: number;
  at: string;
}

const POLL_MS = 150;

export class StreamPoller {
  readonly failed: StreamFailure[] = [];
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly streams: DynamoDBStreamsClient;
  /** Rounds completed by each stream's loop in which no shard had a record left to deliver. */
  private readonly quietRounds = new Map<string, number>();
  /** Rounds completed by each stream's loop, quiet or not. */
  private readonly rounds = new Map<string, number>();
  private readonly dynamo: DynamoDBClient;

  constructor(
    endpoint: string,
    private readonly functions: FunctionHost,
    private readonly resolveDestination: (value: unknown) => string | undefined,
    private readonly retryDelayMs: number,
  ) {
    const config = { endpoint, region: LOCAL_REGION, credentials: localCredentials };
    this.streams = new DynamoDBStreamsClient(config);
    this.dynamo = new DynamoDBClient(config);
  }

  async start(sources: StreamSourceSpec[]): Promise<void> {
    for (const source of sources) {
      const { Table } = await this.dynamo.send(new DescribeTableCommand({ TableName: localTableName(source.tableLogicalId) }));
      if (!Table?.LatestStreamArn) throw new Error(`${source.tableLogicalId} has no stream, yet ${source.functionLogicalId} reads it`);
      this.loops.push(this.follow(source, Table.LatestStreamArn));
    }
  }

  /**
   * Resolves once every stream has been read to its end and everything in it delivered (or parked):
   * two quiet rounds in a row after the call, so a write made before the call has been seen.
   */
  async settled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const start = new Map(this.rounds);
    // Two rounds completed since the call means at least one whole round began after it (the first
    // may have read the stream just before the write being waited for); and the last two were quiet.
    const quiet = () =>
      [...this.quietRounds.keys()].every((k) => (this.quietRounds.get(k) ?? 0) >= 2 && (this.rounds.get(k) ?? 0) >= (start.get(k) ?? 0) + 2);
    while (!quiet() && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
  }

  stop(): void {
    this.stopped = true;
    this.streams.destroy();
    this.dynamo.destroy();
  }

  private async follow(source: StreamSourceSpec, streamArn: string): Promise<void> {
    const iterators = new Map<string, string | undefined>();
    while (!this.stopped) {
      let delivered = false;
      try {
        const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
        for (const shard of StreamDescription?.Shards ?? []) {
          if (iterators.has(shard.ShardId!)) continue;
          const { ShardIterator } = await this.streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
          iterators.set(shard.ShardId!, ShardIterator);
        }
        for (const [shardId, iterator] of iterators) {
          if (!iterator) continue;
          const out = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: source.batchSize })).catch((error: Error) => {
            // DynamoDB Local refuses a TRIM_HORIZON iterator while its shard has no record yet: ask again next time.
            if (error.name === 'TrimmedDataAccessException' || error.name === 'ExpiredIteratorException') return undefined;
            throw error;
          });
          if (!out) {
            iterators.delete(shardId);
            continue;
          }
          iterators.set(shardId, out.NextShardIterator);
          if (out.Records?.length) {
            delivered = true;
            await this.deliver(source, streamArn, out.Records);
          }
        }
      } catch (error) {
        if (this.stopped) return;
        delivered = true;
        console.error('local stream poller', source.functionLogicalId, (error as Error).message);
      }
      this.quietRounds.set(source.functionLogicalId, delivered ? 0 : (this.quietRounds.get(source.functionLogicalId) ?? 0) + 1);
      this.rounds.set(source.functionLogicalId, (this.rounds.get(source.functionLogicalId) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private async deliver(source: StreamSourceSpec, streamArn: string, records: _Record[]): Promise<void> {
    const event = { Records: records.map((r) => ({ ...r, eventSource: 'aws:dynamodb', awsRegion: LOCAL_REGION, eventSourceARN: streamArn })) };
    const attempts = 1 + source.maximumRetryAttempts;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts && !this.stopped; attempt++) {
      try {
        await this.functions.invoke(source.functionLogicalId, event);
        return;
      } catch (error) {
        lastError = (error as Error).message;
        await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
      }
    }
    if (this.stopped) return;
    this.failed.push({
      functionLogicalId: source.functionLogicalId,
      destination: source.onFailure ? this.resolveDestination(source.onFailure) : undefined,
      attempts,
      error: lastError,
      records: records.length,
      at: new Date().toISOString(),
    });
  }
}
