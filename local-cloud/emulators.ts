/** Starts the four emulators on free loopback ports and stops them again. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A preferred port if it is free (so bookmarks survive restarts), otherwise any free port. */
export async function portOrFree(preferred?: number): Promise<number> {
  if (!preferred) return freePort();
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}

async function waitForHttp(url: string, what: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}; see its log in the state folder`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export interface Emulator {
  name: string;
  url: string;
  process: ChildProcess;
}

function launch(name: string, command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; logDir: string; ipc?: boolean }): ChildProcess {
  mkdirSync(opts.logDir, { recursive: true });
  const log = createWriteStream(path.join(opts.logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Fails before anything starts, with the one line that installs Java, when there is no Java 17 or newer. */
function requireJava(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const major = Number(/version "(\d+)/.exec(`${out.stderr ?? ''}${out.stdout ?? ''}`)?.[1]);
  if (out.error || !(major >= 17)) {
    throw new Error(
      `DynamoDB Local needs Java 17 or newer (${out.error ? 'no java on the PATH' : `found Java ${major || 'of an unknown version'}`}). On Debian or Ubuntu: sudo apt-get install -y openjdk-17-jre-headless`,
    );
  }
}

/** DynamoDB Local, from the jar shipped in the amplify-dynamodb-simulator package; needs Java 17+. */
export async function startDynamoDb(opts: { dataDir?: string; logDir: string }): Promise<Emulator> {
  requireJava();
  const port = await freePort();
  const jarDir = path.join(path.dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
  const storage = opts.dataDir ? ['-dbPath', opts.dataDir] : ['-inMemory'];
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const child = launch(
    'dynamodb',
    'java',
    ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', ...storage, '-sharedDb', '-disableTelemetry', '-port', String(port)],
    { cwd: jarDir, logDir: opts.logDir },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 'DynamoDB Local (is Java 17+ installed?)', child);
  return { name: 'dynamodb', url, process: child };
}

/** s3rver in a child process of its own (it needs the legacy OpenSSL provider); object events come back over IPC. */
export async function startS3(opts: { dataDir: string; logDir: string; buckets: { name: string; corsXml?: string }[] }): Promise<Emulator> {
  const port = await freePort();
  mkdirSync(opts.dataDir, { recursive: true });
  const child = launch(
    's3',
    process.execPath,
    ['--openssl-legacy-provider', '--import', 'tsx', path.join(here, 's3-server.ts')],
    { cwd: process.cwd(), logDir: opts.logDir, ipc: true, env: { S3_PORT: String(port), S3_DIR: opts.dataDir, S3_BUCKETS: JSON.stringify(opts.buckets) } },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 's3rver', child);
  return { name: 's3', url, process: child };
}

/** cognito-local keeps its state in `<dir>/.cognito`; its triggers call our Lambda endpoint. */
export async function startCognito(opts: { dir: string; logDir: string; lambdaEndpoint: string; triggers: string[] }): Promise<Emulator> {
  const port = await freePort();
  mkdirSync(path.join(opts.dir, '.cognito', 'db'), { recursive: true });
  writeFileSync(
    path.join(opts.dir, '.cognito', 'config.json'),
    JSON.stringify(
      {
        LambdaClient: { endpoint: opts.lambdaEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
        // cognito-local's triggers are global; the Lambda endpoint routes each call by the event's pool.
        TriggerFunctions: Object.fromEntries(opts.triggers.map((t) => [t, `trigger-${t}`])),
      },
      null,
      2,
    ),
  );
  const bin = path.join(path.dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
  const child = launch('cognito', process.execPath, [bin], { cwd: opts.dir, logDir: opts.logDir, env: { HOST: '127.0.0.1', PORT: String(port) } });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 'cognito-local', child);
  return { name: 'cognito', url, process: child };
}

/** aws-ses-v2-local: every sent email can be read back at `/store`. */
export async function startSes(opts: { logDir: string }): Promise<Emulator> {
  const port = await freePort();
  const bin = path.join(path.dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist', 'cli.js');
  const child = launch('ses', process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port)], { cwd: process.cwd(), logDir: opts.logDir });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/store`, 'aws-ses-v2-local', child);
  return { name: 'ses', url, process: child };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
