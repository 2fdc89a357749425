import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionBundling } from './bundling.ts';

const functionsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'functions');

/** Why Portico's functions run outside a VPC (Control Tower's CT.LAMBDA.PR.3). */
const LAMBDA_OUTSIDE_VPC =
  'The function reaches only AWS APIs (DynamoDB, S3, KMS, SES, Cognito, SQS), over TLS and authorised by its own IAM role; a VPC would add NAT gateways or an endpoint per service (a monthly cost) and cold-start latency, for a network boundary nothing here needs.';

/** Who calls a function (staff API, customer API, or AWS itself); readable on the construct for tests and reviews. */
export type Audience = 'staff' | 'customer' | 'system';

export interface PorticoFunctionProps {
  /** File name in `functions/` without extension, e.g. `staff-create-contact`. */
  readonly entry: string;
  readonly audience: Audience;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
  /** Encrypts the function's log group: the portal's log key (lib/log-key.ts). */
  readonly logKey: kms.IKey;
}

/**
 * A Lambda function with Portico's defaults: Node 24 on ARM64, minified ESM bundle (see
 * `lib/bundling.ts` for how its traces stay readable without source maps at run time), its own
 * log group kept a year and encrypted with the portal's log key, bounded memory and timeout, and
 * its own role that starts with nothing but permission to write its logs. Every further
 * permission is granted explicitly by the construct that owns the resource, so no two functions
 * share a role.
 */
export class PorticoFunction extends NodejsFunction {
  readonly audience: Audience;

  constructor(scope: Construct, id: string, props: PorticoFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      // A year (Control Tower's CT.CLOUDWATCH.PR.2): an incident found months later can still be traced.
      retention: logs.RetentionDays.ONE_YEAR,
      // Log lines name contacts and addresses (Control Tower's CT.CLOUDWATCH.PR.3).
      encryptionKey: props.logKey,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry} (${props.audience}-facing)`,
    });
    super(scope, id, {
      entry: path.join(functionsDir, `${props.entry}.ts`),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      role,
      // Every invocation is traced (X-Ray), whether or not the handler adds its own segments.
      tracing: lambda.Tracing.ACTIVE,
      environment: props.environment,
      bundling: {
        ...functionBundling,
        format: OutputFormat.ESM,
        mainFields: [...functionBundling.mainFields],
        // Bundle the SDK too: the version we test is the version that runs, whatever the runtime ships.
        externalModules: [],
        logLevel: LogLevel.WARNING,
      },
    });
    this.audience = props.audience;
    logGroup.grantWrite(role);
    acknowledge(role, ['AwsSolutions-IAM5[Resource::*]'], 'X-Ray\'s PutTraceSegments and PutTelemetryRecords (active tracing) take no resource; nothing else in this role is granted on *.');
    acknowledge(this, ['lambda_inside_vpc_check'], LAMBDA_OUTSIDE_VPC);
  }

  /** Sets an environment variable to a resource's name, so the handler fails at cold start if the wiring is missing. */
  bindEnv(name: string, value: string): this {
    this.addEnvironment(name, value);
    return this;
  }
}
