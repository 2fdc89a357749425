/**
 * Asynchronous invocation as Lambda does it for S3 events: retried on error up to the function's
 * MaximumRetryAttempts, then handed to its on-failure destination, so no event is silently lost.
 * Locally the retries come after a short delay rather than Lambda's minutes.
 */
import { appendFileSync } from 'node:fs';
import type { FunctionHost } from './functions.ts';
import type { AsyncInvokeSpec } from './template.ts';

export interface FailedEvent {
  functionLogicalId: string;
  destination?: string;
  attempts: number;
  error: string;
  event: unknown;
  at: string;
}

export class AsyncInvoker {
  readonly failed: FailedEvent[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly functions: FunctionHost,
    private readonly configs: Map<string, AsyncInvokeSpec>,
    private readonly resolveDestination: (value: unknown) => string | undefined,
    private readonly failureLog: string,
    private readonly retryDelayMs: number,
  ) {}

  invoke(functionLogicalId: string, event: unknown): void {
    const run = this.run(functionLogicalId, event);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Resolves once every event handed over so far has succeeded or been parked. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private async run(functionLogicalId: string, event: unknown): Promise<void> {
    const config = this.configs.get(functionLogicalId);
    const attempts = 1 + (config?.maximumRetryAttempts ?? 2);
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.functions.invoke(functionLogicalId, event);
        return;
      } catch (error) {
        lastError = (error as Error).message;
        if (attempt < attempts) await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
      }
    }
    const failure: FailedEvent = {
      functionLogicalId,
      destination: config?.onFailure ? this.resolveDestination(config.onFailure) : undefined,
      attempts,
      error: lastError,
      event,
      at: new Date().toISOString(),
    };
    this.failed.push(failure);
    appendFileSync(this.failureLog, `${JSON.stringify(failure)}\n`);
  }
}
