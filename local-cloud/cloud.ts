/**
 * The local cloud: the synthesized Portico stack running on this machine against emulators.
 * Everything it runs is read from the template in the cloud assembly (see template.ts).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { defaultSettings, type PortalSettings } from '../shared/domain/settings.ts';
import { assemblyIsCurrent, forgetSynthesized, inputsDigest, recordSynthesized } from './assembly-cache.ts';
import { AsyncInvoker } from './async-invoke.ts';
import { freePort, portOrFree, startCognito, startDynamoDb, startS3, startSes, stopProcess, type Emulator } from './emulators.ts';
import { FunctionHost } from './functions.ts';
import { LocalGateway } from './gateway.ts';
import { HostedLogin, type LoginClient } from './hosted-login.ts';
import { createS3Proxy } from './s3-proxy.ts';
import { LocalSecrets } from './secrets.ts';
import { StreamPoller } from './streams.ts';
import { serveSite, siteFiles } from './web-sites.ts';
import { corsXml, createIdentity, createTables, localBucketName, localCredentials, localTableName, LOCAL_ACCOUNT, LOCAL_REGION, type CognitoIds } from './provision.ts';
import { cloudModel, readTemplate, Resolver, type CloudModel, type FunctionSpec } from './template.ts';

export const STACK_NAME = 'Portico';

export interface LocalCloudOptions {
  /** Keep state here across restarts; without it everything lives in a temporary folder and in memory. */
  stateDir?: string;
  /** Run `cdk synth` first (with cdk-nag). Default true. */
  synth?: boolean;
  assemblyDir?: string;
  /** Delay before the first retry of a failed asynchronous invocation. Default 200 ms. */
  retryDelayMs?: number;
  log?: (line: string) => void;
  /** Where emulator and function logs go. Default: `<stateDir>/logs`. */
  logDir?: string;
  /** Ports to serve the web UIs on, in the template's order of distributions, when free; otherwise any free port. */
  webPorts?: number[];
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
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', assemblyDir], { stdio: 'inherit', env: { ...process.env } });
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
  log('Synthesizing the stack (cdk synth, cdk-nag included)…');
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

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.log ?? (() => {});
  const assemblyDir = path.resolve(options.assemblyDir ?? 'cdk.out');
  if (options.synth !== false) synthesizeUnlessCurrent(assemblyDir, log);
  const template = readTemplate(assemblyDir, STACK_NAME);
  const model = cloudModel(template, assemblyDir);
  const persistent = !!options.stateDir;
  const stateDir = path.resolve(options.stateDir ?? mkdtempSync(path.join(tmpdir(), 'portico-cloud-')));
  const logDir = path.resolve(options.logDir ?? path.join(stateDir, 'logs'));
  mkdirSync(logDir, { recursive: true });
  const stateFile = path.join(stateDir, 'state.json');
  const known: CognitoIds = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : { pools: {}, clients: {} };

  // Addresses built for AWS, and what they are here: each CloudFront site is plain HTTP on a local
  // port, and every pool's hosted-login domain is the local hosted login.
  const sitePorts = new Map<string, number>();
  for (const [i, site] of model.sites.entries()) sitePorts.set(site.distributionLogicalId, await portOrFree(options.webPorts?.[i]));
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
  // Bucket CORS and app-client URLs name the sites, and are needed before the emulators start.
  const early = new Resolver(new Map(pseudoRefs), new Map(siteAttributes), localise);
  for (const b of model.buckets) if (b.cors) b.cors = early.resolve(b.cors);
  for (const c of model.clients) {
    c.properties = { ...c.properties, CallbackURLs: early.resolve(c.properties.CallbackURLs), LogoutURLs: early.resolve(c.properties.LogoutURLs) };
  }

  const started: Emulator[] = [];
  const servers: Server[] = [];
  const gateways: LocalGateway[] = [];
  const timers: NodeJS.Timeout[] = [];
  let functions: FunctionHost | undefined;
  let stopStreams = () => undefined as void;
  const stop = async () => {
    for (const t of timers) clearInterval(t);
    stopStreams();
    functions?.stop();
    await Promise.all(gateways.map((g) => g.close()));
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await Promise.all(started.map((e) => stopProcess(e.process)));
    if (!persistent) rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    // The control endpoint exists first: cognito-local must know where to invoke triggers.
    const controlPort = await freePort();
    const control = `http://127.0.0.1:${controlPort}`;
    const triggerNames = [...new Set(model.userPools.flatMap((p) => Object.keys(p.triggers)))];
    const buckets = model.buckets.map((b) => ({ name: localBucketName(b.logicalId), corsXml: corsXml(b.cors) }));

    log('Starting DynamoDB Local, s3rver, cognito-local and aws-ses-v2-local…');
    const [dynamodb, s3, cognito, ses] = await Promise.all([
      startDynamoDb({ dataDir: persistent ? path.join(stateDir, 'dynamodb') : undefined, logDir }),
      startS3({ dataDir: path.join(stateDir, 's3'), logDir, buckets }),
      startCognito({ dir: path.join(stateDir, 'cognito'), logDir, lambdaEndpoint: control, triggers: triggerNames }),
      startSes({ logDir }),
    ].map((p) => p.then((e) => (started.push(e), e))));

    await createTables(dynamodb.url, model);
    const ids = await createIdentity(cognito.url, model, known);
    writeFileSync(stateFile, JSON.stringify(ids, null, 2));

    // What each Ref and Fn::GetAtt means locally.
    const arn = (service: string, resource: string) => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;
    const refs = new Map<string, string>(pseudoRefs);
    const attributes = new Map<string, string>(siteAttributes);
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
    const secrets = new LocalSecrets(model.secrets, secretArn, path.join(stateDir, 'secrets.json'));
    for (const b of model.buckets) {
      refs.set(b.logicalId, localBucketName(b.logicalId));
      attributes.set(`${b.logicalId}.Arn`, `arn:aws:s3:::${localBucketName(b.logicalId)}`);
    }
    for (const [logicalId, poolId] of Object.entries(ids.pools)) {
      refs.set(logicalId, poolId);
      attributes.set(`${logicalId}.Arn`, arn('cognito-idp', `userpool/${poolId}`));
      attributes.set(`${logicalId}.ProviderURL`, `${cognito.url}/${poolId}`);
    }
    for (const [logicalId, clientId] of Object.entries(ids.clients)) refs.set(logicalId, clientId);
    const apiPorts = new Map<string, number>();
    for (const api of model.apis) {
      apiPorts.set(api.logicalId, await freePort());
      attributes.set(`${api.logicalId}.ApiEndpoint`, `http://127.0.0.1:${apiPorts.get(api.logicalId)}`);
    }
    const resolver = new Resolver(refs, attributes, localise);

    // Everyone reaches S3 through a proxy that checks presigned URLs and conditional writes as S3 does (s3rver does neither).
    const s3Proxy = createS3Proxy(s3.url, localCredentials.secretAccessKey);
    const s3ProxyPort = await freePort();
    await new Promise<void>((r) => s3Proxy.listen(s3ProxyPort, '127.0.0.1', r));
    servers.push(s3Proxy);

    const endpoints = { dynamodb: dynamodb.url, s3: `http://127.0.0.1:${s3ProxyPort}`, cognito: cognito.url, ses: ses.url, control };
    const sdkEnv = sdkEnvironment(endpoints);

    // Functions reach SES through a proxy that can be told to fail (POST /_local/faults), so failure
    // tests can prove that a notification survives SES errors through Lambda's retries and failure destination.
    const faults = { sesFailures: 0 };
    const sesProxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (faults.sesFailures > 0) {
        faults.sesFailures--;
        res.writeHead(503, { 'content-type': 'text/xml' });
        return res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Injected by the local cloud</Message></Error></ErrorResponse>');
      }
      const upstream = await fetch(`${ses.url}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    const sesProxyPort = await freePort();
    await new Promise<void>((r) => sesProxy.listen(sesProxyPort, '127.0.0.1', r));
    servers.push(sesProxy);

    const envOf = (spec: FunctionSpec): Record<string, string> => ({
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      ...sdkEnv,
      AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${sesProxyPort}`,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: control,
      AWS_LAMBDA_FUNCTION_NAME: spec.logicalId,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
      AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
      ...Object.fromEntries(Object.entries(spec.environment).map(([k, v]) => [k, String(resolver.resolve(v))])),
    });
    functions = new FunctionHost(model.functions, envOf, path.join(logDir, 'functions'));
    const asyncInvoker = new AsyncInvoker(
      functions,
      model.asyncInvoke,
      (v) => String(resolver.resolve(v)),
      path.join(stateDir, 'failed-events.jsonl'),
      options.retryDelayMs ?? 200,
    );

    // DynamoDB streams → the functions their event source mappings name (the email outbox).
    const streamPoller = new StreamPoller(dynamodb.url, functions, (v) => String(resolver.resolve(v)), options.retryDelayMs ?? 200);
    stopStreams = () => streamPoller.stop();
    await streamPoller.start(model.streamSources);

    // S3 object events → the functions the bucket's notification configuration names.
    const bucketIds = new Map(model.buckets.map((b) => [localBucketName(b.logicalId), b.logicalId]));
    const deliverS3 = (record: any) => {
      const bucketId = bucketIds.get(record?.s3?.bucket?.name);
      const key = decodeURIComponent(String(record?.s3?.object?.key ?? '').replace(/\+/g, ' '));
      for (const n of model.notifications) {
        if (n.bucketLogicalId !== bucketId) continue;
        const eventMatches = n.events.some((e) => {
          const wanted = e.replace(/^s3:/, '');
          return wanted.endsWith('*') ? String(record.eventName).startsWith(wanted.slice(0, -1)) : record.eventName === wanted;
        });
        if (!eventMatches || (n.prefix && !key.startsWith(n.prefix)) || (n.suffix && !key.endsWith(n.suffix))) continue;
        asyncInvoker.invoke(n.functionLogicalId, { Records: [record] });
      }
    };
    s3.process.on('message', (m: any) => {
      if (m?.type === 's3-event') for (const record of m.event?.Records ?? []) deliverS3(record);
    });

    // EventBridge schedules: their targets get a Scheduled Event, on the rule's rate while the cloud runs.
    const runSchedules = async (time?: string) => {
      const results: Record<string, unknown> = {};
      for (const rule of model.schedules) {
        for (const target of rule.functionLogicalIds) {
          const event = { version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', account: LOCAL_ACCOUNT, time: time ?? new Date().toISOString(), region: LOCAL_REGION, resources: [rule.logicalId], detail: {} };
          results[target] = await functions!.invoke(target, event).catch((e: Error) => ({ error: e.message }));
        }
      }
      return results;
    };
    for (const rule of model.schedules) {
      const m = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(rule.expression);
      if (!m) continue;
      const unitMs = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[m[2] as 'minute' | 'hour' | 'day'];
      timers.push(setInterval(() => void runSchedules(), Number(m[1]) * unitMs).unref());
    }

    // The control endpoint: Lambda's Invoke API for cognito-local's triggers, plus local-only views.
    const triggerFunction = (trigger: string, userPoolId: string) => {
      const poolLogicalId = Object.entries(ids.pools).find(([, id]) => id === userPoolId)?.[0];
      return model.userPools.find((p) => p.logicalId === poolLogicalId)?.triggers[trigger];
    };
    const controlServer = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const target = req.headers['x-amz-target'];
      if (req.method === 'POST' && typeof target === 'string' && target.startsWith('secretsmanager.')) {
        const answer = secrets.handle(target, body);
        return reply(answer.status, answer.value, { 'content-type': 'application/x-amz-json-1.1' });
      }
      const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
      if (req.method === 'POST' && invoke) {
        const event = JSON.parse(body || '{}');
        const name = decodeURIComponent(invoke[1]);
        const target = name.startsWith('trigger-') ? triggerFunction(name.slice('trigger-'.length), event.userPoolId) : name;
        // A pool without this trigger in the template behaves as if it had none.
        if (!target) return reply(200, event);
        try {
          return reply(200, await functions!.invoke(target, event));
        } catch (error) {
          return reply(200, { errorType: (error as any).errorType ?? 'Error', errorMessage: (error as Error).message }, { 'x-amz-function-error': 'Unhandled' });
        }
      }
      if (req.method === 'GET' && req.url === '/_local/failed-events') return reply(200, asyncInvoker.failed);
      if (req.method === 'GET' && req.url === '/_local/failed-stream-batches') return reply(200, streamPoller.failed);
      if (req.method === 'POST' && req.url === '/_local/settle') {
        // Waits until every S3 event and stream record handed over so far has been delivered or parked.
        await asyncInvoker.settled();
        await streamPoller.settled();
        return reply(200, { settled: true });
      }
      if (req.method === 'POST' && req.url === '/_local/schedules') {
        // Runs every scheduled rule's targets now, with the schedule's clock at `time` if given.
        return reply(200, await runSchedules(JSON.parse(body || '{}').time));
      }
      if (req.method === 'POST' && req.url === '/_local/faults') {
        const wanted = JSON.parse(body || '{}');
        faults.sesFailures = Math.max(0, Number(wanted.sesFailures ?? 0));
        return reply(200, faults);
      }
      if (req.method === 'POST' && req.url === '/_local/s3-events') {
        // Re-delivers an S3 event record, as S3's at-least-once delivery may.
        for (const record of JSON.parse(body).Records ?? []) deliverS3(record);
        return reply(202, { accepted: true });
      }
      reply(404, { message: 'Not Found' });
    });
    await new Promise<void>((r) => controlServer.listen(controlPort, '127.0.0.1', r));
    servers.push(controlServer);

    // The HTTP APIs. The template's issuer names Cognito in AWS; locally it is cognito-local's issuer for the same pool.
    const localIssuer = (issuer: string) => issuer.replace(/^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com\//, `${cognito.url}/`);
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
      );
      await gateway.listen(apiPorts.get(api.logicalId)!);
      gateways.push(gateway);
    }

    // The hosted login (cognito-local with stand-in pages) and the web UIs, with their deploy-time config.
    const hostedLogin = new HostedLogin({
      cognitoUrl: cognito.url,
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
      sendConfirmationCode: (userPoolId, email) => mailConfirmationCode(path.join(stateDir, 'cognito'), ses.url, userPoolId, email),
      sendPasswordResetCode: (userPoolId, email, since) => mailConfirmationCode(path.join(stateDir, 'cognito'), ses.url, userPoolId, email, { purpose: 'reset', since }),
      signUpSwitchedOn: () => selfSignUpSwitchedOn(dynamodb.url, model),
    });
    servers.push(await hostedLogin.listen(loginPort));
    for (const site of model.sites) {
      servers.push(await serveSite(site, siteFiles(site, (v) => String(resolver.resolve(v)), localise), sitePorts.get(site.distributionLogicalId)!));
    }

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
      endpoints: { ...endpoints, login: loginUrl },
      web: { adminUrl: outputs.AdminUrl, portalUrl: outputs.PortalAddress },
      sdkEnv,
      asyncInvoker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}


/**
 * The firm's run-time self sign-up switch, read where the PreSignUp trigger reads it: the settings
 * stored in the portal config table (off while none are stored, as the default settings say).
 */
async function selfSignUpSwitchedOn(dynamodbUrl: string, model: CloudModel): Promise<boolean> {
  const table = model.tables.find((t) => /^DataPortalConfig/.test(t.logicalId));
  if (!table) throw new Error('The template has no portal config table');
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamodbUrl, region: LOCAL_REGION, credentials: localCredentials }));
  try {
    const { Item } = await db.send(new GetCommand({ TableName: localTableName(table.logicalId), Key: { configKey: 'settings' }, ConsistentRead: true }));
    return (Item?.value as PortalSettings | undefined)?.selfSignUp.enabled ?? defaultSettings('').selfSignUp.enabled;
  } finally {
    db.destroy();
  }
}
/**
 * Cognito emails a sign-up's confirmation code and a forgotten password's reset code; cognito-local
 * only logs them. The local cloud reads the code from cognito-local's store and mails it through the
 * SES emulator, so it arrives in the local mailbox. A reset waits for the user record saved at or
 * after `since`, so an earlier code still in the store is never sent.
 */
async function mailConfirmationCode(cognitoDir: string, sesUrl: string, userPoolId: string, email: string, reset?: { purpose: 'reset'; since: number }): Promise<void> {
  // cognito-local writes its store a moment after answering; wait for the code to be there.
  let code: string | undefined;
  for (let attempt = 0; attempt < 40 && !code; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 50));
    const db = JSON.parse(readFileSync(path.join(cognitoDir, '.cognito', 'db', `${userPoolId}.json`), 'utf8'));
    const user = Object.values<any>(db.Users ?? {}).find((u) => u.Attributes?.some((a: any) => a.Name === 'email' && a.Value === email));
    if (reset && !(Date.parse(user?.UserLastModifiedDate ?? '') >= reset.since)) continue;
    code = user?.ConfirmationCode;
  }
  if (!code) throw new Error(`cognito-local stored no ${reset ? 'password reset' : 'confirmation'} code for ${email}`);
  const words = reset ? 'password reset code' : 'verification code';
  const sent = await new SESClient({ endpoint: sesUrl, region: LOCAL_REGION, credentials: localCredentials }).send(
    new SendEmailCommand({
      Source: 'no-reply@verificationemail.com',
      Destination: { ToAddresses: [email] },
      Message: { Subject: { Data: `Your ${words}` }, Body: { Text: { Data: `Your ${words} is ${code}` } } },
    }),
  );
  if (!sent.MessageId) throw new Error(`The SES emulator did not take the confirmation code for ${email}`);
}
