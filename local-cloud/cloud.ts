/**
 * The local cloud: the synthesized Portico stack running on this machine against emulators.
 * Everything it runs is read from the template in the cloud assembly (see template.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assemblyIsCurrent, forgetSynthesized, inputsDigest, recordSynthesized } from './assembly-cache.ts';
import { AsyncInvoker } from './async-invoke.ts';
import { createControlServer } from './control.ts';
import { freePort, portOrFree, startCognito, startDynamoDb, startS3, startSes, stopProcess, type Emulator } from './emulators.ts';
import { scheduleRunner, scheduleTimers, s3EventRouter } from './events.ts';
import { FunctionHost } from './functions.ts';
import { LocalGateway } from './gateway.ts';
import { responseCheck, type ResponseCheck } from './response-contracts.ts';
import { HostedLogin, type LoginClient } from './hosted-login.ts';
import { mailConfirmationCode, selfSignUpSwitchedOn, type PoolMail, type PoolTrigger } from './login-support.ts';
import { createS3Proxy } from './s3-proxy.ts';
import { LocalSecrets } from './secrets.ts';
import { LocalQueues } from './queues.ts';
import { createSesProxy, simulatorEvents, type SesFaults } from './ses-proxy.ts';
import { StreamPoller } from './streams.ts';
import { serveSite, siteFiles } from './web-sites.ts';
import { corsXml, createIdentity, createTables, localBucketName, localCredentials, localTableName, LOCAL_ACCOUNT, LOCAL_REGION, type CognitoIds } from './provision.ts';
import { cloudModel, readTemplate, Resolver, type CloudModel, type FunctionSpec, type Template } from './template.ts';

export const STACK_NAME = 'Portico';

export interface LocalCloudOptions {
  /** Keep state here across restarts; without it everything lives in a temporary folder and in memory. */
  stateDir?: string;
  /** Run `cdk synth` first (with cdk-nag, without the Control Tower checks). Default true. */
  synth?: boolean;
  assemblyDir?: string;
  /** Delay before the first retry of a failed asynchronous invocation. Default 200 ms. */
  retryDelayMs?: number;
  log?: (line: string) => void;
  /** Where emulator and function logs go. Default: `<stateDir>/logs`. */
  logDir?: string;
  /** Ports to serve the web UIs on, in the template's order of distributions, when free; otherwise any free port. */
  webPorts?: number[];
  /** Check every success answer against its route's declared response (shared/contracts); a broken contract answers 500. Default false. */
  checkResponses?: boolean;
}

export interface LocalCloud {
  model: CloudModel;
  /** The stack's outputs, resolved to their local values. */
  outputs: Record<string, string>;
  staffApiUrl: string;
  customerApiUrl: string;
  staffPool: { userPoolId: string; clientId: string };
  customerPool: { userPoolId: string; clientId: string };
  bucketName: string;
  endpoints: { dynamodb: string; s3: string; cognito: string; ses: string; control: string; login: string };
  /** The web UIs (CloudFront distributions in AWS), by output name: adminUrl, portalUrl. */
  web: { adminUrl: string; portalUrl: string };
  /** Environment that points any AWS SDK v3 client at the emulators. */
  sdkEnv: Record<string, string>;
  asyncInvoker: AsyncInvoker;
  stop(): Promise<void>;
}

export function synthesize(assemblyDir: string): void {
  // `--build true`: cdk.json's build step (the web UIs) already ran in `npm start`, before the cache looked at web/dist.
  // Without the Control Tower checks (cfn-guard): they change nothing in the template and would add
  // ~20 s to every synth after an edit; `cdk synth`/`deploy` run them, and so does test/infra/control-tower.test.ts.
  // With the pools sending through SES (`portico:poolMailThroughSes`, the second deploy): locally every email goes through
  // the SES emulator, and Cognito takes the CustomMessage triggers' words (each customer's language) only from such a pool.
  const args = ['cdk', 'synth', '--quiet', '--build', 'true', '--output', assemblyDir, '-c', 'portico:controlTowerChecks=false', '-c', 'portico:poolMailThroughSes=true'];
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env } });
  if (result.status !== 0) throw new Error(`cdk synth failed (exit ${result.status}); fix the findings above`);
}

/** Synthesizes the stack, or reuses the assembly when none of its inputs changed (see assembly-cache.ts). */
export function synthesizeUnlessCurrent(assemblyDir: string, log: (line: string) => void): void {
  const started = Date.now();
  const digest = inputsDigest(process.cwd());
  if (assemblyIsCurrent(process.cwd(), assemblyDir, STACK_NAME, digest)) {
    log(`Reusing the cloud assembly in ${path.relative(process.cwd(), assemblyDir) || '.'}: no input of it changed (checked in ${Date.now() - started} ms; PORTICO_SYNTH=always synthesizes anyway).`);
    return;
  }
  log('Synthesizing the stack (cdk synth, cdk-nag included, Control Tower checks left to cdk synth and the infra tests)…');
  forgetSynthesized(assemblyDir);
  synthesize(assemblyDir);
  recordSynthesized(assemblyDir, STACK_NAME, digest);
  log(`Synthesized in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export function sdkEnvironment(endpoints: { dynamodb: string; s3: string; cognito: string; ses: string }): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    // s3rver stores aws-chunked framing inside objects unless checksums are only sent when required.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
}

/** Stops what a start has started, last first, whether the start finished or failed halfway. */
class Teardown {
  private readonly steps: (() => unknown)[] = [];
  add(step: () => unknown): void {
    this.steps.push(step);
  }
  server(server: Server): Server {
    this.add(() => new Promise((r) => server.close(r)));
    return server;
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step();
  }
}

/** Runs one named step of the start, and says how long it took. */
async function timedStep<T>(log: (line: string) => void, name: string, run: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const listen = async (server: Server, port: number) => {
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
};

/**
 * Starts the local cloud as a pipeline of named steps, each timed in the output: synth, model,
 * emulators, provision, functions, control, gateway, sites.
 */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.log ?? (() => {});
  const step = <T>(name: string, run: () => T | Promise<T>) => timedStep(log, name, run);
  const assemblyDir = path.resolve(options.assemblyDir ?? 'cdk.out');
  if (options.synth !== false) await step('synth', () => synthesizeUnlessCurrent(assemblyDir, log));
  const { template, model } = await step('model', () => {
    const template = readTemplate(assemblyDir, STACK_NAME);
    return { template, model: cloudModel(template, assemblyDir) };
  });
  const state = localState(options);
  const teardown = new Teardown();
  if (!state.persistent) teardown.add(() => rmSync(state.dir, { recursive: true, force: true }));
  try {
    const addresses = await planAddresses(model, options.webPorts);
    // The control endpoint's port comes first: cognito-local must know where to invoke triggers.
    const controlPort = await freePort();
    const control = `http://127.0.0.1:${controlPort}`;
    const emulators = await step('emulators', () => startEmulators(model, state, control, teardown, log));
    const ids = await step('provision', () => provision(model, emulators, state));
    const { resolver, secrets, apiPorts } = await localValues(template, model, ids, addresses, emulators.cognito.url, state);
    const runtime = await step('functions', () => startFunctions(model, { emulators, control, resolver, state, teardown, retryDelayMs: options.retryDelayMs ?? 200 }));
    for (const warning of runtime.functions.runtimeWarnings()) log(`Warning: ${warning}`);
    // The function a pool's trigger runs, as the template's LambdaConfig names it.
    const triggerFunction = (trigger: string, userPoolId: string) => {
      const poolLogicalId = Object.entries(ids.pools).find(([, id]) => id === userPoolId)?.[0];
      return model.userPools.find((p) => p.logicalId === poolLogicalId)?.triggers[trigger];
    };
    const poolTrigger: PoolTrigger = async (trigger, userPoolId, event) => {
      const target = triggerFunction(trigger, userPoolId);
      return target ? runtime.functions.invoke(target, event) : undefined;
    };
    const poolMail: PoolMail = (userPoolId) => {
      const poolLogicalId = Object.entries(ids.pools).find(([, id]) => id === userPoolId)?.[0];
      const email = model.userPools.find((p) => p.logicalId === poolLogicalId)?.properties.EmailConfiguration;
      return { throughSes: email?.EmailSendingAccount === 'DEVELOPER', from: typeof email?.From === 'string' ? email.From : undefined };
    };
    await step('control', async () => {
      teardown.server(await listen(createControlServer({ ...runtime, secrets, triggerFunction }), controlPort));
    });
    await step('gateway', () => startGateways(model, runtime.functions, resolver, apiPorts, emulators.cognito.url, teardown, options.checkResponses ? responseCheck : undefined));
    await step('sites', () => startSites(model, { ids, addresses, resolver, emulators, state, teardown, poolTrigger, poolMail }));

    const outputs: Record<string, string> = {};
    for (const [name, o] of Object.entries(model.outputs)) outputs[name] = String(resolver.resolve(o.value));
    const poolOf = (poolOutput: string, clientOutput: string) => ({ userPoolId: outputs[poolOutput], clientId: outputs[clientOutput] });
    return {
      model,
      outputs,
      staffApiUrl: outputs.StaffApiUrl,
      customerApiUrl: outputs.CustomerApiUrl,
      staffPool: poolOf('StaffUserPoolId', 'StaffWebClientId'),
      customerPool: poolOf('CustomerUserPoolId', 'CustomerWebClientId'),
      bucketName: outputs.DriveBucketName,
      endpoints: { ...runtime.endpoints, login: addresses.loginUrl },
      web: { adminUrl: outputs.AdminUrl, portalUrl: outputs.PortalAddress },
      sdkEnv: runtime.sdkEnv,
      asyncInvoker: runtime.asyncInvoker,
      stop: () => teardown.run(),
    };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}

interface LocalState {
  persistent: boolean;
  dir: string;
  logDir: string;
  /** The pool and client ids cognito-local gave on an earlier start, kept so tokens and links stay valid. */
  idsFile: string;
}

function localState(options: LocalCloudOptions): LocalState {
  const dir = path.resolve(options.stateDir ?? mkdtempSync(path.join(tmpdir(), 'portico-cloud-')));
  const logDir = path.resolve(options.logDir ?? path.join(dir, 'logs'));
  mkdirSync(logDir, { recursive: true });
  return { persistent: !!options.stateDir, dir, logDir, idsFile: path.join(dir, 'state.json') };
}

type Addresses = Awaited<ReturnType<typeof planAddresses>>;

/**
 * Addresses built for AWS, and what they are here: each CloudFront site is plain HTTP on a local
 * port, and every pool's hosted-login domain is the local hosted login. Bucket CORS and app-client
 * URLs name the sites and are needed before the emulators start, so they are resolved now.
 */
async function planAddresses(model: CloudModel, webPorts?: number[]) {
  const sitePorts = new Map<string, number>();
  for (const [i, site] of model.sites.entries()) sitePorts.set(site.distributionLogicalId, await portOrFree(webPorts?.[i]));
  const loginPort = await freePort();
  const loginUrl = `http://127.0.0.1:${loginPort}`;
  const localise = (value: string) =>
    value.replace(/https:\/\/(127\.0\.0\.1:\d+)/g, 'http://$1').replace(/https:\/\/[\w-]+\.auth\.[\w-]+\.amazoncognito\.com/g, loginUrl);
  const pseudoRefs: [string, string][] = [
    ['AWS::Region', LOCAL_REGION],
    ['AWS::AccountId', LOCAL_ACCOUNT],
    ['AWS::Partition', 'aws'],
    ['AWS::URLSuffix', 'amazonaws.com'],
    ['AWS::StackName', STACK_NAME],
  ];
  const siteAttributes: [string, string][] = [...sitePorts].map(([id, port]) => [`${id}.DomainName`, `127.0.0.1:${port}`]);
  const early = new Resolver(new Map(pseudoRefs), new Map(siteAttributes), localise);
  for (const b of model.buckets) if (b.cors) b.cors = early.resolve(b.cors);
  for (const c of model.clients) {
    c.properties = { ...c.properties, CallbackURLs: early.resolve(c.properties.CallbackURLs), LogoutURLs: early.resolve(c.properties.LogoutURLs) };
  }
  return { sitePorts, loginPort, loginUrl, localise, pseudoRefs, siteAttributes };
}

type Emulators = Awaited<ReturnType<typeof startEmulators>>;

async function startEmulators(model: CloudModel, state: LocalState, control: string, teardown: Teardown, log: (line: string) => void) {
  const triggerNames = [...new Set(model.userPools.flatMap((p) => Object.keys(p.triggers)))];
  const buckets = model.buckets.map((b) => ({ name: localBucketName(b.logicalId), corsXml: corsXml(b.cors) }));
  log('Starting DynamoDB Local, s3rver, cognito-local and aws-ses-v2-local…');
  const started = (e: Emulator) => (teardown.add(() => stopProcess(e.process)), e);
  const [dynamodb, s3, cognito, ses] = await Promise.all(
    [
      startDynamoDb({ dataDir: state.persistent ? path.join(state.dir, 'dynamodb') : undefined, logDir: state.logDir }),
      startS3({ dataDir: path.join(state.dir, 's3'), logDir: state.logDir, buckets }),
      startCognito({ dir: path.join(state.dir, 'cognito'), logDir: state.logDir, lambdaEndpoint: control, triggers: triggerNames }),
      startSes({ logDir: state.logDir }),
    ].map((p) => p.then(started)),
  );
  return { dynamodb, s3, cognito, ses };
}

/** Tables, user pools, clients and groups from the template; the pool ids are kept across restarts. */
async function provision(model: CloudModel, emulators: Emulators, state: LocalState): Promise<CognitoIds> {
  const known: CognitoIds = existsSync(state.idsFile) ? JSON.parse(readFileSync(state.idsFile, 'utf8')) : { pools: {}, clients: {} };
  await createTables(emulators.dynamodb.url, model);
  const ids = await createIdentity(emulators.cognito.url, model, known);
  writeFileSync(state.idsFile, JSON.stringify(ids, null, 2));
  return ids;
}

/** What each Ref and Fn::GetAtt of the template means locally, and the ports the APIs will take. */
async function localValues(template: Template, model: CloudModel, ids: CognitoIds, addresses: Addresses, cognitoUrl: string, state: LocalState) {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;
  const refs = new Map<string, string>(addresses.pseudoRefs);
  const attributes = new Map<string, string>(addresses.siteAttributes);
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    refs.set(logicalId, logicalId);
    attributes.set(`${logicalId}.Arn`, arn('local', logicalId));
    if (r.Type === 'AWS::Lambda::Function') attributes.set(`${logicalId}.Arn`, arn('lambda', `function:${logicalId}`));
    if (r.Type === 'AWS::SQS::Queue') attributes.set(`${logicalId}.Arn`, arn('sqs', logicalId));
  }
  for (const t of model.tables) {
    refs.set(t.logicalId, localTableName(t.logicalId));
    attributes.set(`${t.logicalId}.Arn`, arn('dynamodb', `table/${localTableName(t.logicalId)}`));
  }
  // A secret's Ref is its ARN, as in CloudFormation.
  const secretArn = (logicalId: string) => arn('secretsmanager', `secret:${logicalId}`);
  for (const secret of model.secrets) refs.set(secret.logicalId, secretArn(secret.logicalId));
  const secrets = new LocalSecrets(model.secrets, secretArn, path.join(state.dir, 'secrets.json'));
  for (const b of model.buckets) {
    refs.set(b.logicalId, localBucketName(b.logicalId));
    attributes.set(`${b.logicalId}.Arn`, `arn:aws:s3:::${localBucketName(b.logicalId)}`);
  }
  for (const [logicalId, poolId] of Object.entries(ids.pools)) {
    refs.set(logicalId, poolId);
    attributes.set(`${logicalId}.Arn`, arn('cognito-idp', `userpool/${poolId}`));
    attributes.set(`${logicalId}.ProviderURL`, `${cognitoUrl}/${poolId}`);
  }
  for (const [logicalId, clientId] of Object.entries(ids.clients)) refs.set(logicalId, clientId);
  const apiPorts = new Map<string, number>();
  for (const api of model.apis) {
    apiPorts.set(api.logicalId, await freePort());
    attributes.set(`${api.logicalId}.ApiEndpoint`, `http://127.0.0.1:${apiPorts.get(api.logicalId)}`);
  }
  return { resolver: new Resolver(refs, attributes, addresses.localise), secrets, apiPorts };
}

/**
 * The functions, and everything that invokes them besides HTTP: S3 events, DynamoDB streams and
 * schedules. Functions reach S3 and SES through proxies that behave as AWS does where the
 * emulators do not (presigned URLs and conditional writes checked; SES faults on demand).
 */
async function startFunctions(
  model: CloudModel,
  ctx: { emulators: Emulators; control: string; resolver: Resolver; state: LocalState; teardown: Teardown; retryDelayMs: number },
) {
  const { emulators, control, resolver, teardown } = ctx;
  const s3ProxyPort = await freePort();
  teardown.server(await listen(createS3Proxy(emulators.s3.url, localCredentials.secretAccessKey), s3ProxyPort));
  const faults: SesFaults = { sesFailures: 0 };
  // SES events → EventBridge's default bus → the template's rules → its queues → their functions.
  let queues: LocalQueues | undefined;
  const sesEvents = (form: URLSearchParams) => {
    for (const e of simulatorEvents(form, model.sesEventDestinations)) queues?.putEvent(e);
  };
  const sesProxyPort = await freePort();
  teardown.server(await listen(createSesProxy(emulators.ses.url, faults, sesEvents), sesProxyPort));

  const endpoints = { dynamodb: emulators.dynamodb.url, s3: `http://127.0.0.1:${s3ProxyPort}`, cognito: emulators.cognito.url, ses: emulators.ses.url, control };
  const sdkEnv = sdkEnvironment(endpoints);
  const resolve = (v: unknown) => String(resolver.resolve(v));
  const envOf = (spec: FunctionSpec): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    TZ: 'UTC',
    ...sdkEnv,
    AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${sesProxyPort}`,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: control,
    AWS_LAMBDA_FUNCTION_NAME: spec.logicalId,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    // As Lambda sets it for on-demand environments; Powertools reports a cold start only then.
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    ...Object.fromEntries(Object.entries(spec.environment).map(([k, v]) => [k, resolve(v)])),
  });
  const functions = new FunctionHost(model.functions, envOf, path.join(ctx.state.logDir, 'functions'));
  teardown.add(() => functions.stop());
  const asyncInvoker = new AsyncInvoker(functions, model.asyncInvoke, resolve, path.join(ctx.state.dir, 'failed-events.jsonl'), ctx.retryDelayMs);

  // DynamoDB streams → the functions their event source mappings name (the email outbox).
  const streamPoller = new StreamPoller(emulators.dynamodb.url, functions, resolve, ctx.retryDelayMs);
  teardown.add(() => streamPoller.stop());
  await streamPoller.start(model.streamSources);

  queues = new LocalQueues(model, functions, (v) => resolver.resolve(v), ctx.retryDelayMs);
  teardown.add(() => queues?.stop());
  queues.start();

  const deliverS3 = s3EventRouter(model, asyncInvoker);
  emulators.s3.process.on('message', (m: any) => {
    if (m?.type === 's3-event') for (const record of m.event?.Records ?? []) deliverS3(record);
  });
  const runSchedules = scheduleRunner(model, functions);
  for (const timer of scheduleTimers(model, runSchedules)) teardown.add(() => clearInterval(timer));
  return { functions, asyncInvoker, streamPoller, queues, deliverS3, runSchedules, faults, endpoints, sdkEnv };
}

/** The HTTP APIs. The template's issuer names Cognito in AWS; locally it is cognito-local's issuer for the same pool. */
async function startGateways(model: CloudModel, functions: FunctionHost, resolver: Resolver, apiPorts: Map<string, number>, cognitoUrl: string, teardown: Teardown, checkResponse?: ResponseCheck) {
  const localIssuer = (issuer: string) => issuer.replace(/^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com\//, `${cognitoUrl}/`);
  const jwksFor = async (issuer: string) => (await fetch(`${issuer}/.well-known/jwks.json`)).json();
  for (const api of model.apis) {
    const gateway = new LocalGateway(
      {
        apiId: api.logicalId,
        cors: resolver.resolve(api.cors),
        routes: api.routes.map((r) => ({
          ...r,
          authorizer: r.authorizer
            ? { issuer: localIssuer(String(resolver.resolve(r.authorizer.issuer))), audience: r.authorizer.audience.map((a) => String(resolver.resolve(a))) }
            : undefined,
        })),
      },
      functions,
      jwksFor,
      checkResponse,
    );
    await gateway.listen(apiPorts.get(api.logicalId)!);
    teardown.add(() => gateway.close());
  }
}

/** The hosted login (cognito-local with stand-in pages) and the web UIs, with their deploy-time config. */
async function startSites(
  model: CloudModel,
  ctx: { ids: CognitoIds; addresses: Addresses; resolver: Resolver; emulators: Emulators; state: LocalState; teardown: Teardown; poolTrigger: PoolTrigger; poolMail: PoolMail },
) {
  const { ids, emulators, teardown } = ctx;
  const cognitoDir = path.join(ctx.state.dir, 'cognito');
  const codeMail = { cognitoDir, sesUrl: emulators.ses.url, trigger: ctx.poolTrigger, poolMail: ctx.poolMail };
  const hostedLogin = new HostedLogin({
    cognitoUrl: emulators.cognito.url,
    clients: model.clients.map((c): LoginClient => {
      const pool = model.userPools.find((p) => p.logicalId === c.poolLogicalId)!;
      return {
        clientId: ids.clients[c.logicalId],
        userPoolId: ids.pools[c.poolLogicalId],
        mfaRequired: pool.properties.MfaConfiguration === 'ON',
        callbackUrls: c.properties.CallbackURLs ?? [],
        logoutUrls: c.properties.LogoutURLs ?? [],
        selfSignUp: pool.properties.AdminCreateUserConfig?.AllowAdminCreateUserOnly === false,
        passwordPolicy: pool.properties.Policies?.PasswordPolicy,
      };
    }),
    sendConfirmationCode: (userPoolId, email) => mailConfirmationCode(codeMail, userPoolId, email),
    sendPasswordResetCode: (userPoolId, email, since) => mailConfirmationCode(codeMail, userPoolId, email, { purpose: 'reset', since }),
    signUpSwitchedOn: () => selfSignUpSwitchedOn(emulators.dynamodb.url, model),
  });
  teardown.server(await hostedLogin.listen(ctx.addresses.loginPort));
  for (const site of model.sites) {
    const files = siteFiles(site, (v) => String(ctx.resolver.resolve(v)), ctx.addresses.localise);
    teardown.server(await serveSite(site, files, ctx.addresses.sitePorts.get(site.distributionLogicalId)!));
  }
}
