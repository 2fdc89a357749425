/**
 * Every function's log and counts, through Powertools for AWS Lambda. The Logger writes one JSON
 * line per thing worth telling, with the cold-start flag and, for API requests, API Gateway's
 * request id as `correlation_id`: the same id the API's access log carries (lib/api.ts), so a
 * request is followed from the access log into its function's log. Counts are written as
 * CloudWatch embedded metric format (EMF) lines in that same log, which CloudWatch turns into
 * metrics in the `Portico` namespace without a PutMetricData call (no extra permission, no
 * network call on the request's path); each carries the request id too, as EMF metadata.
 *
 * The domain never imports this: use cases report what happened through their ports (e.g. the
 * outbox deliverer's `tally`), and the handlers and the route wrapper count.
 */
import type { Context } from 'aws-lambda';
import type { Count } from '../metrics.ts';

/**
 * Powertools is loaded when the first invocation starts, not at import. Evaluating its modules
 * and building the Logger and Metrics (each opens its own Console on stdout) cost every cold
 * start's module init about 10 % of the SDK's own init in the bench (issue 10's goal allows 20 %
 * in all); loaded on first use it costs the first invocation a few milliseconds instead, and
 * Lambda's runtime has stdout open already. Measured: README "Cost of Logger and Metrics".
 */
type Tools = typeof import('./powertools.ts');
let tools: Tools | undefined;
let loading: Promise<Tools> | undefined;
const load = () => (loading ??= import('./powertools.ts').then((m) => (tools = m)));
/** Runs `use` now if Powertools is loaded (always, inside `observed`), or once it is. */
const withTools = (use: (t: Tools) => void) => (tools ? use(tools) : void load().then(use));

/** A line's own fields, or the error it reports (logged with its name, message and stack). */
type Extra = Record<string, unknown> | Error | string;
// Powertools types its extra argument as a union of tuples; each of these is one of them.
const line = (level: 'info' | 'warn' | 'error') => (message: string, extra: Extra = {}) => withTools((t) => t.logger[level](message, extra as Error));
/** The Powertools Logger, as the handlers use it. */
export const logger = { info: line('info'), warn: line('warn'), error: line('error') };

export type { Count };

/** Adds to a count of this invocation; published when the invocation ends. */
export function count(name: Count, value = 1): void {
  if (value > 0) withTools((t) => t.metrics.addMetric(name, t.MetricUnit.Count, value));
}

/**
 * Wraps a handler so that its log lines carry the invocation's context and cold-start flag (and the
 * API request id as correlation id), an error it throws is logged with its stack before Lambda
 * retries or reports it, and its counts are published when it ends, thrown or not. (A route's
 * errors never reach here: the route wrapper answers them.)
 */
export function observed<E, R>(run: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    const { logger, metrics } = await load();
    logger.addContext(context);
    const requestId = (event as { requestContext?: { requestId?: string } } | undefined)?.requestContext?.requestId;
    if (requestId) {
      logger.setCorrelationId(requestId);
      metrics.addMetadata('requestId', requestId);
    }
    try {
      return await run(event, context);
    } catch (error) {
      logger.error('invocation failed', error instanceof Error ? error : String(error));
      throw error;
    } finally {
      // Publishing nothing would log Powertools' "no metrics" warning on every uncounted request.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      else metrics.clearMetadata();
      logger.resetKeys();
    }
  };
}
