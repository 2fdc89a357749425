/**
 * Reads the synthesized CloudFormation template into what the local cloud runs. This is the only
 * description of routes, tables, buckets, pools, triggers and event sources the local cloud has:
 * whatever `cdk deploy` would create is what runs here, and nothing is listed a second time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

type Json = any; // CloudFormation values are untyped JSON.

export interface Template {
  Resources: Record<string, { Type: string; Properties?: Json }>;
  Outputs?: Record<string, { Value: Json; Description?: string }>;
}

export interface TableSpec {
  logicalId: string;
  keySchema: Json[];
  attributeDefinitions: Json[];
  globalSecondaryIndexes: Json[];
  timeToLiveAttribute?: string;
  /** The table's stream, if it has one (NEW_IMAGE, KEYS_ONLY, …). */
  streamViewType?: string;
}

/** A DynamoDB stream feeding a function, as an event source mapping declares it. */
export interface StreamSourceSpec {
  functionLogicalId: string;
  tableLogicalId: string;
  batchSize: number;
  maximumRetryAttempts: number;
  onFailure?: Json;
}

/** An SQS queue; `deadLetter` is its redrive policy (the queue a message goes to after `maxReceiveCount` receives). */
export interface QueueSpec {
  logicalId: string;
  deadLetter?: { queueLogicalId: string; maxReceiveCount: number };
}

/** An SQS queue feeding a function, as an event source mapping declares it. */
export interface QueueSourceSpec {
  functionLogicalId: string;
  queueLogicalId: string;
  batchSize: number;
  /** The function answers `batchItemFailures`; without it, any error fails the whole batch. */
  reportBatchItemFailures: boolean;
}

/** An EventBridge rule on the default bus: events matching `pattern` (Refs unresolved) go to these queues. */
export interface EventRuleSpec {
  logicalId: string;
  pattern: Json;
  queueLogicalIds: string[];
}

/** A configuration set's events that SES sends to EventBridge (bounce, complaint, …). */
export interface SesEventDestinationSpec {
  configurationSetLogicalId: string;
  eventTypes: string[];
}

export interface BucketSpec {
  logicalId: string;
  cors?: Json;
}

export interface UserPoolSpec {
  logicalId: string;
  properties: Json;
  /** Trigger name (PreSignUp, PostConfirmation, …) → function logical id. */
  triggers: Record<string, string>;
}

export interface ClientSpec {
  logicalId: string;
  poolLogicalId: string;
  properties: Json;
}

export interface GroupSpec {
  poolLogicalId: string;
  name: string;
  description?: string;
}

export interface FunctionSpec {
  logicalId: string;
  /** Folder of the bundled asset in the cloud assembly. */
  assetDir: string;
  handler: string;
  environment: Record<string, Json>;
  timeoutSeconds: number;
  memoryMb: number;
  runtime: string;
}

export interface RouteSpec {
  method: string;
  path: string;
  routeKey: string;
  functionLogicalId: string;
  authorizer?: { issuer: Json; audience: Json[] };
}

export interface ApiSpec {
  logicalId: string;
  cors?: Json;
  routes: RouteSpec[];
}

export interface NotificationSpec {
  bucketLogicalId: string;
  events: string[];
  prefix?: string;
  suffix?: string;
  functionLogicalId: string;
}

export interface AsyncInvokeSpec {
  maximumRetryAttempts: number;
  onFailure?: Json;
}

export interface ScheduleSpec {
  logicalId: string;
  expression: string;
  functionLogicalIds: string[];
}

/** A CloudFront distribution serving a static site from a bucket, as a BucketDeployment fills it. */
export interface SiteSpec {
  distributionLogicalId: string;
  defaultRootObject?: string;
  /** What CloudFront answers instead of an error status, e.g. 404 → /index.html with 200. */
  errorResponses: { errorCode: number; responseCode: number; pagePath: string }[];
  /** The deployment's sources in order (a later file wins): asset folders, with deploy-time markers to fill in. */
  sources: { dir: string; markers: Record<string, Json>; jsonEscape: boolean }[];
}

export interface CloudModel {
  tables: TableSpec[];
  buckets: BucketSpec[];
  userPools: UserPoolSpec[];
  clients: ClientSpec[];
  groups: GroupSpec[];
  functions: Map<string, FunctionSpec>;
  apis: ApiSpec[];
  notifications: NotificationSpec[];
  asyncInvoke: Map<string, AsyncInvokeSpec>;
  schedules: ScheduleSpec[];
  sites: SiteSpec[];
  /** Secrets Manager secrets whose value the stack generates. */
  secrets: SecretSpec[];
  streamSources: StreamSourceSpec[];
  queues: QueueSpec[];
  queueSources: QueueSourceSpec[];
  eventRules: EventRuleSpec[];
  sesEventDestinations: SesEventDestinationSpec[];
  outputs: Record<string, { value: Json; description?: string }>;
}

export interface SecretSpec {
  logicalId: string;
  passwordLength: number;
}

/** The file in `functions/` a function's logical id names: `StaffCreateContact3B20CABD` → `staff-create-contact`. */
export function functionEntry(logicalId: string): string {
  return logicalId
    .replace(/[0-9A-F]{8}$/, '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/**
 * The stack's template with its nested stacks' resources in it, as if they were one stack: what a
 * nested stack is given (its parameters) replaces each `Ref` to a parameter, and what it gives
 * back (`Fn::GetAtt [stack, Outputs.X]`) is replaced by its output's value. Logical ids are
 * unique across the stacks (a clash is an error), so everything else reads one template.
 */
export function readTemplate(assemblyDir: string, stackName: string): Template {
  return withNestedStacks(JSON.parse(readFileSync(path.join(assemblyDir, `${stackName}.template.json`), 'utf8')), assemblyDir);
}

type NestedTemplate = Template & { Parameters?: Record<string, Json> };

function withNestedStacks(template: Template, assemblyDir: string): Template {
  const nested = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::CloudFormation::Stack');
  const resources = Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type !== 'AWS::CloudFormation::Stack'));
  const outputs = new Map<string, Json>();
  const parameters: [Record<string, Json>, NestedTemplate][] = [];
  for (const [id, stack] of nested) {
    const file = nestedTemplateFile(stack, assemblyDir);
    if (!file) throw new Error(`The local cloud cannot find the template of nested stack ${id}`);
    const inner = withNestedStacks(JSON.parse(readFileSync(path.join(assemblyDir, file), 'utf8')), assemblyDir) as NestedTemplate;
    for (const [name, output] of Object.entries(inner.Outputs ?? {})) outputs.set(`${id}.Outputs.${name}`, output.Value);
    parameters.push([stack.Properties?.Parameters ?? {}, inner]);
  }
  // A nested stack's parameter may be another nested stack's output (one capability's function watched by the monitoring stack).
  const fromOutputs = (value: Json): Json =>
    mapJson(value, (v) => {
      const ref = v?.['Fn::GetAtt'];
      return Array.isArray(ref) && outputs.has(`${ref[0]}.${ref[1]}`) ? fromOutputs(outputs.get(`${ref[0]}.${ref[1]}`)) : undefined;
    });
  for (const [given, inner] of parameters) {
    const declared = new Set(Object.keys(inner.Parameters ?? {}));
    for (const [id, resource] of Object.entries(inner.Resources)) {
      if (resource.Type === 'AWS::CDK::Metadata') continue;
      if (resources[id]) throw new Error(`The local cloud reads nested stacks as one template, and ${id} is in two of them`);
      resources[id] = fromOutputs(mapJson(resource, (v) => (typeof v?.Ref === 'string' && declared.has(v.Ref) ? given[v.Ref] : undefined)));
    }
  }
  return { ...template, Resources: fromOutputs(resources) };
}

/** A nested stack's template file: named in its asset metadata, or (where an app leaves that out) by its hash in the assets manifest. */
function nestedTemplateFile(stack: Json, assemblyDir: string): string | undefined {
  const named = stack.Metadata?.['aws:asset:path'];
  if (named) return named;
  const url = JSON.stringify(stack.Properties?.TemplateURL ?? '');
  for (const manifest of readdirSync(assemblyDir).filter((f) => f.endsWith('.assets.json'))) {
    const files: Record<string, { source: { path: string } }> = JSON.parse(readFileSync(path.join(assemblyDir, manifest), 'utf8')).files ?? {};
    const hash = Object.keys(files).find((h) => url.includes(h));
    if (hash) return files[hash].source.path;
  }
  return undefined;
}

/** A deep copy of a JSON value in which `replace` may swap any node (undefined: keep it and look inside). */
function mapJson(value: Json, replace: (v: Json) => Json): Json {
  const swapped = replace(value);
  if (swapped !== undefined && swapped !== value) return swapped;
  if (Array.isArray(value)) return value.map((v) => mapJson(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapJson(v, replace)]));
  return value;
}

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
export function referencedId(value: Json): string | undefined {
  if (value?.Ref) return value.Ref;
  if (Array.isArray(value?.['Fn::GetAtt'])) return value['Fn::GetAtt'][0];
  return undefined;
}

function ofType(template: Template, type: string) {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

export function cloudModel(template: Template, assemblyDir: string): CloudModel {
  const tables = [...ofType(template, 'AWS::DynamoDB::GlobalTable'), ...ofType(template, 'AWS::DynamoDB::Table')].map(
    ([logicalId, r]): TableSpec => ({
      logicalId,
      keySchema: r.Properties.KeySchema,
      attributeDefinitions: r.Properties.AttributeDefinitions,
      globalSecondaryIndexes: r.Properties.GlobalSecondaryIndexes ?? [],
      streamViewType: r.Properties.StreamSpecification?.StreamViewType,
      timeToLiveAttribute: r.Properties.TimeToLiveSpecification?.AttributeName,
    }),
  );

  const buckets = ofType(template, 'AWS::S3::Bucket').map(([logicalId, r]): BucketSpec => ({ logicalId, cors: r.Properties?.CorsConfiguration }));

  const userPools = ofType(template, 'AWS::Cognito::UserPool').map(([logicalId, r]): UserPoolSpec => ({
    logicalId,
    properties: r.Properties,
    triggers: Object.fromEntries(Object.entries(r.Properties.LambdaConfig ?? {}).map(([k, v]) => [k, referencedId(v)!])),
  }));

  const clients = ofType(template, 'AWS::Cognito::UserPoolClient').map(([logicalId, r]): ClientSpec => ({
    logicalId,
    poolLogicalId: referencedId(r.Properties.UserPoolId)!,
    properties: r.Properties,
  }));

  const groups = ofType(template, 'AWS::Cognito::UserPoolGroup').map(([, r]): GroupSpec => ({
    poolLogicalId: referencedId(r.Properties.UserPoolId)!,
    name: r.Properties.GroupName,
    description: r.Properties.Description,
  }));

  const functions = new Map<string, FunctionSpec>();
  for (const [logicalId, r] of ofType(template, 'AWS::Lambda::Function')) {
    const key: string | undefined = r.Properties.Code?.S3Key;
    if (!key) continue; // inline-code functions are CDK's deploy-time custom resources
    // Only our Node.js handlers run locally; CDK's Python deployment helpers have nothing to do here.
    if (!String(r.Properties.Runtime ?? '').startsWith('nodejs')) continue;
    functions.set(logicalId, {
      logicalId,
      assetDir: path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`),
      handler: r.Properties.Handler,
      environment: r.Properties.Environment?.Variables ?? {},
      timeoutSeconds: r.Properties.Timeout ?? 3,
      memoryMb: r.Properties.MemorySize ?? 128,
      runtime: r.Properties.Runtime,
    });
  }

  const integrations = new Map(ofType(template, 'AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, referencedId(r.Properties.IntegrationUri)!]));
  const authorizers = new Map(
    ofType(template, 'AWS::ApiGatewayV2::Authorizer').map(([id, r]) => [
      id,
      { issuer: r.Properties.JwtConfiguration?.Issuer, audience: r.Properties.JwtConfiguration?.Audience ?? [] },
    ]),
  );
  const apis = ofType(template, 'AWS::ApiGatewayV2::Api').map(([logicalId, r]): ApiSpec => ({ logicalId, cors: r.Properties.CorsConfiguration, routes: [] }));
  for (const [, r] of ofType(template, 'AWS::ApiGatewayV2::Route')) {
    const api = apis.find((a) => a.logicalId === referencedId(r.Properties.ApiId));
    const target: Json = r.Properties.Target;
    const integrationId = referencedId(target?.['Fn::Join']?.[1]?.[1]) ?? String(target).replace('integrations/', '');
    const functionLogicalId = integrations.get(integrationId);
    if (!api || !functionLogicalId) throw new Error(`Route ${r.Properties.RouteKey} has no Lambda integration the local cloud understands`);
    const [method, routePath] = String(r.Properties.RouteKey).split(' ');
    api.routes.push({
      method,
      path: routePath,
      routeKey: r.Properties.RouteKey,
      functionLogicalId,
      authorizer: r.Properties.AuthorizationType === 'JWT' ? authorizers.get(referencedId(r.Properties.AuthorizerId)!) : undefined,
    });
  }

  const notifications: NotificationSpec[] = [];
  for (const [, r] of ofType(template, 'Custom::S3BucketNotifications')) {
    for (const c of r.Properties.NotificationConfiguration?.LambdaFunctionConfigurations ?? []) {
      const rules: Json[] = c.Filter?.Key?.FilterRules ?? [];
      notifications.push({
        bucketLogicalId: referencedId(r.Properties.BucketName)!,
        events: c.Events,
        prefix: rules.find((x) => x.Name.toLowerCase() === 'prefix')?.Value,
        suffix: rules.find((x) => x.Name.toLowerCase() === 'suffix')?.Value,
        functionLogicalId: referencedId(c.LambdaFunctionArn)!,
      });
    }
  }

  const asyncInvoke = new Map<string, AsyncInvokeSpec>();
  for (const [, r] of ofType(template, 'AWS::Lambda::EventInvokeConfig')) {
    asyncInvoke.set(referencedId(r.Properties.FunctionName)!, {
      maximumRetryAttempts: r.Properties.MaximumRetryAttempts ?? 2,
      onFailure: r.Properties.DestinationConfig?.OnFailure?.Destination,
    });
  }

  const schedules = ofType(template, 'AWS::Events::Rule')
    .filter(([, r]) => r.Properties.ScheduleExpression)
    .map(([logicalId, r]): ScheduleSpec => ({
      logicalId,
      expression: r.Properties.ScheduleExpression,
      functionLogicalIds: (r.Properties.Targets ?? []).map((t: Json) => referencedId(t.Arn)).filter((id: string | undefined) => id && functions.has(id)),
    }));

  const distributions = new Map(ofType(template, 'AWS::CloudFront::Distribution'));
  const sites = ofType(template, 'Custom::CDKBucketDeployment').map(([, r]): SiteSpec => {
    const distributionLogicalId = referencedId(r.Properties.DistributionId)!;
    const config: Json = distributions.get(distributionLogicalId)?.Properties.DistributionConfig;
    if (!config) throw new Error(`The BucketDeployment into ${referencedId(r.Properties.DestinationBucketName)} names no distribution the local cloud can serve`);
    return {
      distributionLogicalId,
      defaultRootObject: config.DefaultRootObject,
      errorResponses: (config.CustomErrorResponses ?? []).map((e: Json) => ({ errorCode: e.ErrorCode, responseCode: e.ResponseCode, pagePath: e.ResponsePagePath })),
      sources: (r.Properties.SourceObjectKeys as string[]).map((key, i) => ({
        dir: path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`),
        markers: r.Properties.SourceMarkers?.[i] ?? {},
        jsonEscape: !!r.Properties.SourceMarkersConfig?.[i]?.jsonEscape,
      })),
    };
  });

  const outputs = Object.fromEntries(
    Object.entries(template.Outputs ?? {}).map(([k, o]) => [k, { value: o.Value, description: o.Description }]),
  );
  const secrets = ofType(template, 'AWS::SecretsManager::Secret').map(([logicalId, r]): SecretSpec => ({
    logicalId,
    passwordLength: r.Properties?.GenerateSecretString?.PasswordLength ?? 32,
  }));
  const streamSources = ofType(template, 'AWS::Lambda::EventSourceMapping')
    .filter(([, r]) => Array.isArray(r.Properties.EventSourceArn?.['Fn::GetAtt']) && r.Properties.EventSourceArn['Fn::GetAtt'][1] === 'StreamArn')
    .map(([, r]): StreamSourceSpec => ({
      functionLogicalId: referencedId(r.Properties.FunctionName)!,
      tableLogicalId: referencedId(r.Properties.EventSourceArn)!,
      batchSize: r.Properties.BatchSize ?? 100,
      // Lambda retries a stream batch until its records expire when no maximum is set; locally that is bounded.
      maximumRetryAttempts: r.Properties.MaximumRetryAttempts ?? 10,
      onFailure: r.Properties.DestinationConfig?.OnFailure?.Destination,
    }));
  const queues = ofType(template, 'AWS::SQS::Queue').map(([logicalId, r]): QueueSpec => {
    const redrive = r.Properties?.RedrivePolicy;
    return { logicalId, deadLetter: redrive ? { queueLogicalId: referencedId(redrive.deadLetterTargetArn)!, maxReceiveCount: Number(redrive.maxReceiveCount) } : undefined };
  });
  const queueIds = new Set(queues.map((q) => q.logicalId));
  const queueSources = ofType(template, 'AWS::Lambda::EventSourceMapping')
    .filter(([, r]) => queueIds.has(referencedId(r.Properties.EventSourceArn)!))
    .map(([, r]): QueueSourceSpec => ({
      functionLogicalId: referencedId(r.Properties.FunctionName)!,
      queueLogicalId: referencedId(r.Properties.EventSourceArn)!,
      batchSize: r.Properties.BatchSize ?? 10,
      reportBatchItemFailures: (r.Properties.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
    }));
  const eventRules = ofType(template, 'AWS::Events::Rule')
    .filter(([, r]) => r.Properties.EventPattern && (r.Properties.State ?? 'ENABLED') === 'ENABLED')
    .map(([logicalId, r]): EventRuleSpec => ({
      logicalId,
      pattern: r.Properties.EventPattern,
      queueLogicalIds: (r.Properties.Targets ?? []).map((t: Json) => referencedId(t.Arn)).filter((id: string | undefined): id is string => !!id && queueIds.has(id)),
    }));
  const sesEventDestinations = ofType(template, 'AWS::SES::ConfigurationSetEventDestination')
    .filter(([, r]) => r.Properties.EventDestination?.Enabled !== false && r.Properties.EventDestination?.EventBridgeDestination)
    .map(([, r]): SesEventDestinationSpec => ({
      configurationSetLogicalId: referencedId(r.Properties.ConfigurationSetName)!,
      eventTypes: (r.Properties.EventDestination.MatchingEventTypes ?? []).map((t: string) => t.toLowerCase()),
    }));
  return { tables, buckets, userPools, clients, groups, functions, apis, notifications, asyncInvoke, schedules, sites, secrets, streamSources, queues, queueSources, eventRules, sesEventDestinations, outputs };
}

/**
 * Resolves CloudFormation intrinsics to local values: `Ref` and `Fn::GetAtt` through the names
 * the local cloud gave each resource, `Fn::Join` and `Fn::Sub` as CloudFormation would.
 */
export class Resolver {
  constructor(
    private readonly refs: Map<string, string>,
    private readonly attributes: Map<string, string>,
    /** Turns an address built for AWS into its local equivalent (see cloud.ts). */
    private readonly localise: (value: string) => string = (v) => v,
  ) {}

  resolve(value: Json): Json {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if ('Ref' in value) return this.ref(value.Ref);
    if ('Fn::GetAtt' in value) {
      const [id, attr] = value['Fn::GetAtt'];
      const key = `${id}.${attr}`;
      if (!this.attributes.has(key)) throw new Error(`The local cloud has no value for Fn::GetAtt ${key}`);
      return this.attributes.get(key);
    }
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'];
      return this.localise(this.resolve(parts).join(sep));
    }
    if ('Fn::Sub' in value) {
      return String(value['Fn::Sub']).replace(/\$\{([^}]+)\}/g, (_, name: string) => (name.includes('.') ? this.attributes.get(name) ?? '' : this.ref(name)));
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
  }

  private ref(id: string): string {
    const v = this.refs.get(id);
    if (v === undefined) throw new Error(`The local cloud has no value for Ref ${id}`);
    return v;
  }
}
