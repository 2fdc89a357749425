/**
 * The control endpoint: Lambda's Invoke API (cognito-local calls the user-pool triggers through
 * it), Secrets Manager for the functions, and the local-only views and levers tests use
 * (`/_local/...`: failed events, settle, run the schedules, SES faults, re-deliver an S3 event,
 * put an event on the default bus, read a queue).
 */
import { createServer, type Server } from 'node:http';
import type { AsyncInvoker } from './async-invoke.ts';
import type { LocalQueues } from './queues.ts';
import type { FunctionHost } from './functions.ts';
import type { LocalSecrets } from './secrets.ts';
import type { SesFaults } from './ses-proxy.ts';
import type { StreamPoller } from './streams.ts';

export interface ControlDeps {
  secrets: LocalSecrets;
  functions: FunctionHost;
  /** The function a pool's trigger runs, if the template gives the pool that trigger. */
  triggerFunction: (trigger: string, userPoolId: string) => string | undefined;
  asyncInvoker: AsyncInvoker;
  streamPoller: StreamPoller;
  queues: LocalQueues;
  runSchedules: (time?: string) => Promise<Record<string, unknown>>;
  faults: SesFaults;
  deliverS3: (record: unknown) => void;
}

export function createControlServer(deps: ControlDeps): Server {
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const reply = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const target = req.headers['x-amz-target'];
    if (req.method === 'POST' && typeof target === 'string' && target.startsWith('secretsmanager.')) {
      const answer = deps.secrets.handle(target, body);
      return reply(answer.status, answer.value, { 'content-type': 'application/x-amz-json-1.1' });
    }
    const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
    if (req.method === 'POST' && invoke) return invokeFunction(deps, decodeURIComponent(invoke[1]), JSON.parse(body || '{}'), reply);
    if (req.method === 'GET' && req.url === '/_local/failed-events') return reply(200, deps.asyncInvoker.failed);
    if (req.method === 'GET' && req.url === '/_local/failed-stream-batches') return reply(200, deps.streamPoller.failed);
    if (req.method === 'POST' && req.url === '/_local/settle') {
      // Waits until every S3 event and stream record handed over so far has been delivered or parked.
      await deps.asyncInvoker.settled();
      await deps.streamPoller.settled();
      await deps.queues.settled();
      return reply(200, { settled: true });
    }
    if (req.method === 'POST' && req.url === '/_local/schedules') {
      // Runs every scheduled rule's targets now, with the schedule's clock at `time` if given.
      return reply(200, await deps.runSchedules(JSON.parse(body || '{}').time));
    }
    if (req.method === 'POST' && req.url === '/_local/faults') {
      const wanted = JSON.parse(body || '{}');
      deps.faults.sesFailures = Math.max(0, Number(wanted.sesFailures ?? 0));
      return reply(200, deps.faults);
    }
    if (req.method === 'POST' && req.url === '/_local/s3-events') {
      // Re-delivers an S3 event record, as S3's at-least-once delivery may.
      for (const record of JSON.parse(body).Records ?? []) deps.deliverS3(record);
      return reply(202, { accepted: true });
    }
    if (req.method === 'POST' && req.url === '/_local/events') {
      // EventBridge's PutEvents on the default bus: `{source, detailType, detail}`; answers how many rules matched.
      const entry = JSON.parse(body || '{}');
      return reply(200, { matchedRules: deps.queues.putEvent(entry) });
    }
    const queue = /^\/_local\/queues\/([\w-]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && queue) return reply(200, deps.queues.contents(queue[1]));
    // SQS SendMessage: the body as it is, for tests of what a consumer does with a message it cannot handle.
    if (req.method === 'POST' && queue) return (deps.queues.send(queue[1], body), reply(202, { accepted: true }));
    reply(404, { message: 'Not Found' });
  });
}

/** Lambda's Invoke: a trigger name ("trigger-PreSignUp") is mapped to the pool's function, as Cognito would call it. */
async function invokeFunction(deps: ControlDeps, name: string, event: any, reply: (status: number, value: unknown, headers?: Record<string, string>) => void) {
  const target = name.startsWith('trigger-') ? deps.triggerFunction(name.slice('trigger-'.length), event.userPoolId) : name;
  // A pool without this trigger in the template behaves as if it had none.
  if (!target) return reply(200, event);
  try {
    return reply(200, await deps.functions.invoke(target, event));
  } catch (error) {
    return reply(200, { errorType: (error as any).errorType ?? 'Error', errorMessage: (error as Error).message }, { 'x-amz-function-error': 'Unhandled' });
  }
}
