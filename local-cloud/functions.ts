/**
 * Runs the bundled functions of the template as Lambda would: each function in its own child
 * processes (so module-scope state, environment and cold starts behave as in Lambda), with the
 * environment the template gives it, one invocation per process at a time, and its timeout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { localNodeFor, type LocalNode } from './lambda-node.ts';
import type { FunctionSpec } from './template.ts';

const workerFile = path.join(path.dirname(new URL(import.meta.url).pathname), 'function-worker.ts');
/** Enough parallel environments per function to exercise races (two deliveries at once) without a fleet. */
const MAX_INSTANCES = 4;

export class FunctionError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/** How long a new environment may take to start and import its bundle locally (Node and tsx start too, which Lambda has ready). */
const INIT_TIMEOUT_MS = 60_000;

interface Instance {
  child: ChildProcess;
  busy: boolean;
  /** Settles once the environment has imported its handler (or failed to): the invocation's timeout starts then, as in Lambda. */
  initialised: Promise<void>;
  /** Killed (timed out) or gone: never handed out again, even before its exit event arrives. */
  dead?: boolean;
}

class LocalFunction {
  private readonly instances: Instance[] = [];
  private readonly waiting: ((i: Instance) => void)[] = [];
  private readonly handlerFile: string;
  readonly node: LocalNode;
  private readonly exportName: string;

  constructor(
    readonly spec: FunctionSpec,
    private readonly env: Record<string, string>,
    private readonly logDir: string,
  ) {
    const [file, exportName] = spec.handler.split('.');
    const candidates = ['.mjs', '.js', '.cjs'].map((ext) => path.join(spec.assetDir, `${file}${ext}`));
    const found = candidates.find((c) => existsSync(c));
    if (!found) throw new Error(`${spec.logicalId}: no bundle ${file}.{mjs,js} in ${spec.assetDir}; run cdk synth`);
    this.handlerFile = found;
    this.exportName = exportName;
    this.node = localNodeFor(spec.runtime);
  }

  async invoke(event: unknown): Promise<unknown> {
    const instance = await this.acquire();
    const id = randomUUID();
    try {
      await instance.initialised.catch((error) => {
        instance.dead = true;
        throw error;
      });
      const deadline = Date.now() + this.spec.timeoutSeconds * 1000;
      return await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          // A timed-out environment is discarded, as Lambda does.
          instance.dead = true;
          instance.child.kill('SIGKILL');
          reject(new FunctionError('Sandbox.Timedout', `Task timed out after ${this.spec.timeoutSeconds} seconds`));
        }, this.spec.timeoutSeconds * 1000);
        const onMessage = (m: { type: string; id: string; ok: boolean; result?: unknown; error?: { errorType: string; errorMessage: string } }) => {
          if (m.type !== 'result' || m.id !== id) return;
          clearTimeout(timer);
          instance.child.off('message', onMessage);
          instance.child.off('exit', onExit);
          if (m.ok) resolve(m.result);
          else reject(new FunctionError(m.error!.errorType, m.error!.errorMessage));
        };
        const onExit = () => {
          clearTimeout(timer);
          instance.dead = true;
          reject(new FunctionError('Runtime.ExitError', `${this.spec.logicalId} exited during an invocation`));
        };
        instance.child.on('message', onMessage);
        instance.child.once('exit', onExit);
        // A process that died between two invocations fails this one as Lambda would, never the host.
        instance.child.send({ type: 'invoke', id, event, functionName: this.spec.logicalId, deadline }, (error) => {
          if (error) onExit();
        });
      });
    } finally {
      this.release(instance);
    }
  }

  private async acquire(): Promise<Instance> {
    this.prune();
    const idle = this.instances.find((i) => !i.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    if (this.instances.length < MAX_INSTANCES) {
      const child = this.spawn();
      const instance: Instance = { child, busy: true, initialised: initialisation(child) };
      // Handled where it is awaited; this only keeps an early failure from counting as unhandled.
      instance.initialised.catch(() => undefined);
      this.instances.push(instance);
      return instance;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(instance: Instance): void {
    instance.busy = false;
    this.prune();
    const next = this.waiting.shift();
    if (next) void this.acquire().then(next);
  }

  private prune(): void {
    for (let i = this.instances.length - 1; i >= 0; i--) {
      const { child, dead } = this.instances[i];
      if (dead || child.exitCode !== null || child.signalCode !== null) this.instances.splice(i, 1);
    }
  }

  private spawn(): ChildProcess {
    mkdirSync(this.logDir, { recursive: true });
    const child = fork(workerFile, [], {
      // The Node of the function's Lambda runtime (lambda-node.ts), not necessarily this process's.
      execPath: this.node.execPath,
      // As on Lambda, bundles start without source maps (`npm run trace` maps a stack trace).
      execArgv: ['--import', 'tsx'],
      env: { ...this.env, PORTICO_HANDLER_FILE: this.handlerFile, PORTICO_HANDLER_EXPORT: this.exportName },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // Errors of a dying process (EPIPE on its channel) surface as its exit, handled per invocation.
    child.on('error', () => undefined);
    const log = createWriteStream(path.join(this.logDir, `${this.spec.logicalId}.log`), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  }

  stop(): void {
    for (const i of this.instances) i.child.kill('SIGTERM');
    this.instances.length = 0;
  }
}

/** Resolves when the worker has imported its handler; rejects if it exits or takes too long. */
function initialisation(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new FunctionError('Runtime.InitTimeout', `Initialisation took longer than ${INIT_TIMEOUT_MS / 1000} s`)), INIT_TIMEOUT_MS);
    const done = (m: { type?: string }) => {
      if (m?.type !== 'initialised') return;
      clearTimeout(timer);
      child.off('message', done);
      resolve();
    };
    child.on('message', done);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new FunctionError('Runtime.ExitError', 'The environment exited while initialising'));
    });
  });
}

export class FunctionHost {
  private readonly functions = new Map<string, LocalFunction>();

  constructor(specs: Map<string, FunctionSpec>, envOf: (spec: FunctionSpec) => Record<string, string>, logDir: string) {
    for (const spec of specs.values()) this.functions.set(spec.logicalId, new LocalFunction(spec, envOf(spec), logDir));
  }

  /** What differs from Lambda's runtimes here (a Node of another major version), once per difference. */
  runtimeWarnings(): string[] {
    return [...new Set([...this.functions.values()].map((f) => f.node.warning).filter((w): w is string => !!w))];
  }

  has(logicalId: string): boolean {
    return this.functions.has(logicalId);
  }

  invoke(logicalId: string, event: unknown): Promise<unknown> {
    const fn = this.functions.get(logicalId);
    if (!fn) throw new Error(`No function ${logicalId} in the template`);
    return fn.invoke(event);
  }

  stop(): void {
    for (const fn of this.functions.values()) fn.stop();
  }
}
