/**
 * EventBridge's default bus and SQS, as far as the template uses them: an event put on the bus goes
 * to the queues of every rule whose pattern it matches; a queue named by an event source mapping
 * hands its messages to the function in batches of the mapping's size. A message the function
 * fails (the whole batch, or its entry in `batchItemFailures` when the mapping reports item
 * failures) comes back after a short "visibility timeout" and, once received as often as the
 * queue's redrive policy allows, moves to its dead-letter queue. Everything is in memory: a queue
 * without a consumer (a failure queue) only keeps what reaches it, for the tests to read.
 * Not emulated: the batching window, message attributes, FIFO queues.
 */
import { randomUUID } from 'node:crypto';
import type { FunctionHost } from './functions.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './provision.ts';
import type { CloudModel } from './template.ts';

type Json = any; // EventBridge events and patterns are untyped JSON.

export interface QueuedMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
}

/**
 * Whether an event matches an EventBridge pattern, for the pattern forms the template uses: nested
 * objects, and arrays of literal values (one must equal the event's value, or be in it when the
 * event's value is an array).
 */
export function matchesPattern(pattern: Json, event: Json): boolean {
  return Object.entries(pattern ?? {}).every(([key, wanted]) => {
    const value = event?.[key];
    if (Array.isArray(wanted)) {
      const values = Array.isArray(value) ? value : [value];
      return wanted.some((w) => values.some((v) => v === w));
    }
    if (wanted && typeof wanted === 'object') return value !== null && typeof value === 'object' && matchesPattern(wanted, value);
    return false;
  });
}

export class LocalQueues {
  private readonly messages = new Map<string, QueuedMessage[]>();
  private readonly inFlight = new Map<string, number>();
  private readonly pollers = new Map<string, NodeJS.Timeout>();
  private readonly returning = new Set<NodeJS.Timeout>();
  private readonly patterns: { queueLogicalIds: string[]; pattern: Json }[];
  private stopped = false;

  constructor(
    private readonly model: CloudModel,
    private readonly functions: FunctionHost,
    /** Resolves the Refs in rule patterns (e.g. a configuration set's name) to their local values. */
    resolve: (value: unknown) => unknown,
    private readonly visibilityMs: number,
  ) {
    for (const q of model.queues) this.messages.set(q.logicalId, []);
    this.patterns = model.eventRules.map((r) => ({ queueLogicalIds: r.queueLogicalIds, pattern: resolve(r.pattern) }));
  }

  /** EventBridge's PutEvents on the default bus: the event goes to every matching rule's queues. Returns how many rules matched. */
  putEvent(entry: { source: string; detailType: string; detail: Json; time?: string }): number {
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.detailType,
      source: entry.source,
      account: LOCAL_ACCOUNT,
      time: entry.time ?? new Date().toISOString(),
      region: LOCAL_REGION,
      resources: [],
      detail: entry.detail,
    };
    const matching = this.patterns.filter((r) => matchesPattern(r.pattern, event));
    for (const rule of matching) for (const queue of rule.queueLogicalIds) this.send(queue, JSON.stringify(event));
    return matching.length;
  }

  send(queueLogicalId: string, body: string, receiveCount = 0): void {
    const queue = this.messages.get(queueLogicalId);
    if (!queue) throw new Error(`No queue ${queueLogicalId} in the template`);
    queue.push({ messageId: randomUUID(), body, receiveCount, sentAt: Date.now() });
  }

  /** What a queue holds now (e.g. the dead-letter queue's messages). */
  contents(queueLogicalId: string): QueuedMessage[] {
    return [...(this.messages.get(queueLogicalId) ?? [])];
  }

  /** Starts polling every queue an event source mapping names. */
  start(pollMs = 100): void {
    for (const source of this.model.queueSources) {
      const poll = async () => {
        if (this.stopped) return;
        await this.deliver(source).catch((error: Error) => console.error('local queue poller', source.functionLogicalId, error.message));
        if (!this.stopped) this.pollers.set(source.functionLogicalId, setTimeout(poll, pollMs).unref());
      };
      void poll();
    }
  }

  /** Resolves once every consumed queue is empty and no batch is being handled. */
  async settled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const busy = () => this.model.queueSources.some((s) => (this.messages.get(s.queueLogicalId)?.length ?? 0) > 0 || (this.inFlight.get(s.queueLogicalId) ?? 0) > 0);
    while (busy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  stop(): void {
    this.stopped = true;
    for (const t of [...this.pollers.values(), ...this.returning]) clearTimeout(t);
  }

  private async deliver(source: CloudModel['queueSources'][number]): Promise<void> {
    const queue = this.messages.get(source.queueLogicalId)!;
    if (!queue.length) return;
    const batch = queue.splice(0, source.batchSize).map((m) => ({ ...m, receiveCount: m.receiveCount + 1 }));
    this.inFlight.set(source.queueLogicalId, (this.inFlight.get(source.queueLogicalId) ?? 0) + 1);
    try {
      const event = {
        Records: batch.map((m) => ({
          messageId: m.messageId,
          receiptHandle: randomUUID(),
          body: m.body,
          attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt), ApproximateFirstReceiveTimestamp: String(Date.now()) },
          messageAttributes: {},
          eventSource: 'aws:sqs',
          eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${source.queueLogicalId}`,
          awsRegion: LOCAL_REGION,
        })),
      };
      let failed: Set<string>;
      try {
        const answer = (await this.functions.invoke(source.functionLogicalId, event)) as { batchItemFailures?: { itemIdentifier: string }[] } | null;
        // Without ReportBatchItemFailures, Lambda ignores the answer: a returned batch is a processed batch.
        failed = new Set(source.reportBatchItemFailures ? (answer?.batchItemFailures ?? []).map((f) => f.itemIdentifier) : []);
      } catch {
        failed = new Set(batch.map((m) => m.messageId));
      }
      for (const message of batch.filter((m) => failed.has(m.messageId))) this.returnOrDeadLetter(source.queueLogicalId, message);
    } finally {
      this.inFlight.set(source.queueLogicalId, this.inFlight.get(source.queueLogicalId)! - 1);
    }
  }

  /** A failed message becomes visible again after the visibility timeout, or goes to the dead-letter queue after its last receive. */
  private returnOrDeadLetter(queueLogicalId: string, message: QueuedMessage): void {
    const deadLetter = this.model.queues.find((q) => q.logicalId === queueLogicalId)?.deadLetter;
    if (deadLetter && message.receiveCount >= deadLetter.maxReceiveCount) {
      this.messages.get(deadLetter.queueLogicalId)?.push({ ...message, receiveCount: 0 });
      return;
    }
    // Counted as in flight until it is visible again, so settling waits for its retries.
    this.inFlight.set(queueLogicalId, (this.inFlight.get(queueLogicalId) ?? 0) + 1);
    const timer = setTimeout(() => {
      this.returning.delete(timer);
      this.messages.get(queueLogicalId)!.push(message);
      this.inFlight.set(queueLogicalId, this.inFlight.get(queueLogicalId)! - 1);
    }, this.visibilityMs).unref();
    this.returning.add(timer);
  }
}
