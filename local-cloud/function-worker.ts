/**
 * One Lambda execution environment: a child process that imports one bundled handler once (its
 * cold start) and then runs invocations sent by the parent, one at a time, as Lambda does.
 */
import { pathToFileURL } from 'node:url';

interface Invoke {
  type: 'invoke';
  id: string;
  event: unknown;
  functionName: string;
  deadline: number;
}

const entry = process.env.PORTICO_HANDLER_FILE!;
const exportName = process.env.PORTICO_HANDLER_EXPORT ?? 'handler';
let handlerPromise: Promise<(event: unknown, context: unknown) => Promise<unknown>> | undefined;

function loadHandler() {
  handlerPromise ??= import(pathToFileURL(entry).href).then((m) => {
    const fn = m[exportName];
    if (typeof fn !== 'function') throw new Error(`${entry} exports no function "${exportName}"`);
    return fn;
  });
  return handlerPromise;
}

process.on('message', async (message: Invoke) => {
  if (message.type !== 'invoke') return;
  const context = {
    functionName: message.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${message.functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: message.id,
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
  };
  try {
    const handler = await loadHandler();
    const result = await handler(message.event, context);
    process.send?.({ type: 'result', id: message.id, ok: true, result: result === undefined ? null : result });
  } catch (error) {
    const e = error as Error;
    console.error(e?.stack ?? e);
    process.send?.({ type: 'result', id: message.id, ok: false, error: { errorType: e?.name ?? 'Error', errorMessage: e?.message ?? String(e) } });
  }
});
process.on('disconnect', () => process.exit(0));
// Lambda's own first log line of an environment names its runtime version; ours names the Node it runs on.
console.log(`INIT_START Runtime Version: nodejs:${process.versions.node}`);
process.send?.({ type: 'ready' });
// The cold start happens now, as Lambda initialises an environment before its first invocation;
// an error here is reported by that invocation, which the host starts timing only afterwards.
loadHandler().then(
  () => process.send?.({ type: 'initialised' }),
  () => process.send?.({ type: 'initialised' }),
);
