import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { CustomDomain } from './domains.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface PortalApiProps {
  /** The pool whose tokens this API accepts; tokens of any other pool get 401 before a handler runs. */
  readonly userPool: cognito.IUserPool;
  readonly client: cognito.IUserPoolClient;
  readonly webOrigins: string[];
  /** @default 50 requests per second, bursts of 100 */
  readonly throttle?: { rateLimit: number; burstLimit: number };
  /** The firm's own name for the API (TLS 1.2 minimum); without it, its execute-api address. */
  readonly domain?: CustomDomain;
  /** Encrypts the access logs: the portal's log key (lib/log-key.ts). */
  readonly logKey: kms.IKey;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP API whose every route requires a JWT of one user pool, with encrypted access logs and throttling. */
export class PortalApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  private readonly authorizer: HttpJwtAuthorizer;
  /** The custom domain's API Gateway name, which its DNS record points at. */
  readonly domainTarget?: string;
  private readonly customUrl?: string;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    const issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${props.userPool.userPoolId}`;
    const authorizer = (this.authorizer = new HttpJwtAuthorizer('UserPool', issuer, {
      jwtAudience: [props.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    }));
    const domainName = props.domain
      ? new apigw.DomainName(this, 'Domain', { domainName: props.domain.name, certificate: props.domain.certificate, securityPolicy: apigw.SecurityPolicy.TLS_1_2 })
      : undefined;
    this.domainTarget = domainName?.regionalDomainName;
    this.customUrl = props.domain && `https://${props.domain.name}`;
    this.httpApi = new apigw.HttpApi(this, 'Api', {
      defaultAuthorizer: authorizer,
      defaultDomainMapping: domainName ? { domainName } : undefined,
      corsPreflight: {
        allowOrigins: props.webOrigins,
        allowHeaders: ['authorization', 'content-type'],
        allowMethods: [apigw.CorsHttpMethod.ANY],
      },
    });
    acknowledge(
      this.httpApi,
      ['lambda_function_public_access_prohibited_check'],
      'Each route\'s invoke permission is for apigateway.amazonaws.com with the SourceArn of this API\'s route (arn:…:execute-api:<region>:<account>:<api>/*/*/<path>), so no other API or account can invoke the function; CT.LAMBDA.PR.2 flags it only because that ARN is built with Fn::Join, which the rule does not read.',
    );
    // Request ids, source IPs, user ids, routes and statuses (Control Tower's CT.CLOUDWATCH.PR.3).
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: props.logKey });
    // HTTP APIs cannot be traced by X-Ray (only REST APIs can); each request's trace starts at its function (active tracing).
    const stage = this.httpApi.defaultStage!.node.defaultChild as apigw.CfnStage;
    const throttle = props.throttle ?? { rateLimit: 50, burstLimit: 100 };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        user: '$context.authorizer.claims.sub',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    };
    stage.defaultRouteSettings = { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit };
  }

  get url(): string {
    return this.customUrl ?? this.httpApi.apiEndpoint;
  }

  /**
   * Routes a method and path to a function. `scope` puts the route (and its integration and
   * permission) beside the function when that is in a nested stack of its own, so each route's
   * resources count there, not against the portal stack's 500 (see lib/matters.ts).
   */
  route(method: HttpMethod, path: string, fn: PorticoFunction, scope?: Construct): void {
    const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
    if (scope) {
      const routeKey = apigw.HttpRouteKey.with(path, apigw.HttpMethod[method]);
      new apigw.HttpRoute(scope, `${fn.node.id}Route`, { httpApi: this.httpApi, routeKey, integration, authorizer: this.authorizer });
    } else {
      this.httpApi.addRoutes({ path, methods: [apigw.HttpMethod[method]], integration });
    }
    acknowledge(fn, ['Serverless-LambdaDLQ'], 'The HTTP API invokes this function synchronously and answers the caller with its result or error; there is no event to keep.');
  }
}
