import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Construct } from 'constructs';
import type { CustomDomain } from './domains.ts';
import { logBucket } from './log-bucket.ts';
import { acknowledge, arnToken } from './nag.ts';

/** Where `npm run build:web` puts each UI. */
export const WEB_DIST = path.join(import.meta.dirname, '..', 'web', 'dist');

/** What a UI is told at deploy time in its `/config.json`; see web/common/config.ts. */
export interface WebConfig {
  apiUrl: string;
  clientId: string;
  loginUrl: string;
  /** The pool's MFA setting, so the portal offers TOTP set-up only where it is optional. */
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  /** The pool's password policy, as the template declares it, so the UI states it before Cognito refuses. */
  passwordPolicy?: { MinimumLength: number; RequireLowercase: boolean; RequireUppercase: boolean; RequireNumbers: boolean; RequireSymbols: boolean };
}

interface WebAppProps {
  /** The built UI: a folder with index.html. */
  readonly assetDir: string;
  readonly logs: s3.IBucket;
  /** The firm's own name for the site; without it the site is at its CloudFront address. */
  readonly domain?: CustomDomain;
  /** The firm's own API and login addresses the UI calls, besides AWS's (portico:*Domain settings). */
  readonly connectTo?: string[];
}

/**
 * One single-page web UI: a private bucket served only through CloudFront (origin access control),
 * HTTPS only, with security headers. Every unknown path serves index.html, so the UI's own routes
 * (and the OAuth `/callback`) work on reload.
 */
export class WebApp extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  private readonly assetDir: string;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    if (!existsSync(path.join(props.assetDir, 'index.html'))) {
      throw new Error(`The web UI in ${props.assetDir} is not built; run \`npm run build:web\` before synth or deploy.`);
    }
    this.assetDir = props.assetDir;
    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: `${id}-site/`,
      // The content is rebuilt from the repository on every deploy; nothing here is a user's.
      removalPolicy: RemovalPolicy.DESTROY,
      // A deployment's copy cut short leaves no unfinished parts behind to pay for (CT.S3.PR.6).
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    acknowledge(
      this.bucket,
      ['s3_bucket_versioning_enabled_check', 's3_bucket_object_lock_enabled_check'],
      'The site is the build of a commit, copied in whole (and pruned) by every deploy: an earlier version is restored by deploying its commit, so old object versions or locked objects would keep only stale builds.',
    );
    acknowledge(
      this.bucket,
      ['s3_bucket_default_encryption_kms_check'],
      'The site is the UI\'s public JavaScript and HTML, served to anyone through CloudFront; SSE-S3 encrypts it at rest, and a KMS key would only add a key policy for CloudFront and a cost per request.',
    );
    acknowledge(this.bucket, ['s3_event_notifications_enabled_check'], 'Only a deployment writes here and nothing reacts to it; CloudFront\'s cache is invalidated by the deployment itself.');
    const region = Stack.of(this).region;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        // The API and login URLs cannot be named here: the APIs' CORS already names this site (a cycle).
        // They are pinned to the AWS services the UI talks to instead.
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            `connect-src 'self' https://*.execute-api.${region}.amazonaws.com https://*.auth.${region}.amazoncognito.com https://cognito-idp.${region}.amazonaws.com https://*.s3.${region}.amazonaws.com https://*.s3.amazonaws.com${(props.connectTo ?? []).map((o) => ` ${o}`).join('')}`,
            "img-src 'self' https: data:",
            "style-src 'self' 'unsafe-inline'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    const spaFallback = (httpStatus: number): cloudfront.ErrorResponse => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) });
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      defaultRootObject: 'index.html',
      errorResponses: [spaFallback(403), spaFallback(404)],
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: `${id}-cdn/`,
      ...(props.domain
        ? { domainNames: [props.domain.name], certificate: props.domain.certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    this.domainName = props.domain?.name;
    acknowledge(this.distribution, ['AwsSolutions-CFR1'], 'Clients of a firm sign in from anywhere; the APIs and the login decide who gets in, not the country.');
    acknowledge(this.distribution, ['AwsSolutions-CFR2'], 'The site is static files; WAF (a monthly cost) is for ops to add in front of the APIs and this site if the firm wants it.');
    acknowledge(
      this.distribution,
      ['cloudfront_origin_failover_enabled_check'],
      'The only origin is this site\'s bucket, which holds a build that any deploy recreates; a failover origin would need a second bucket in another region kept in step, for static files CloudFront already caches at the edge.',
    );
    if (!props.domain) {
      const why = 'The default *.cloudfront.net certificate is used until ops set a custom domain (portico:adminDomain / portalDomain), which then gets its own certificate, SNI and TLS 1.2 minimum.';
      acknowledge(this.distribution, ['AwsSolutions-CFR4', 'cloudfront_custom_ssl_certificate_check', 'cloudfront_sni_enabled_check', 'cloudfront_security_policy_check'], why);
    }
  }

  private readonly domainName?: string;

  /** The address people open: the firm's own name, or e.g. https://d111111abcdef8.cloudfront.net. */
  get url(): string {
    return `https://${this.domainName ?? this.distribution.distributionDomainName}`;
  }

  /** Uploads the built UI with its `/config.json`, resolved at deploy time, and refreshes CloudFront's copy. */
  deploy(config: WebConfig): void {
    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [s3deploy.Source.asset(this.assetDir), s3deploy.Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
    });
    // CDK's handler is a singleton at the stack's root; its role leads to it.
    const handler = deployment.handlerRole.node.scope!;
    const granted = [
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...['s3:Abort*', 's3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:DeleteObject*'].map((a) => `IAM5[Action::${a}]`),
      'IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      `IAM5[Resource::${arnToken(this.bucket)}/*]`,
      // CloudFront invalidations cannot be scoped to one distribution in CDK's custom resource.
      'IAM5[Resource::*]',
      'L1',
    ];
    acknowledge(
      handler,
      [...granted.map((g) => `AwsSolutions-${g}`), 'Serverless-LambdaDLQ', 'Serverless-LambdaTracing', 'Serverless-LambdaLatestVersion'],
      'CDK\'s own BucketDeployment custom resource copies the built UIs into their site buckets and invalidates CloudFront, during deployment only (CloudFormation calls it synchronously and reports its failure); CDK sets its runtime and role.',
    );
    acknowledge(handler, ['lambda_inside_vpc_check'], 'CDK\'s own BucketDeployment custom resource runs only during deployment and calls only S3\'s and CloudFront\'s APIs (over TLS, with its role); CDK gives it no VPC, and it needs none.');
  }
}

/** The two web UIs (staff admin and customer portal) and the bucket their access logs go to. */
export class WebSites extends Construct {
  readonly admin: WebApp;
  readonly portal: WebApp;

  constructor(scope: Construct, id: string, props: { distDir?: string; admin?: CustomDomain; portal?: CustomDomain; adminConnectsTo?: string[]; portalConnectsTo?: string[] } = {}) {
    super(scope, id);
    // CloudFront's standard logs are written with an ACL, so this bucket must accept them.
    const logs = logBucket(this, 'Logs', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED });
    const dist = props.distDir ?? WEB_DIST;
    this.admin = new WebApp(this, 'Admin', { assetDir: path.join(dist, 'admin'), logs, domain: props.admin, connectTo: props.adminConnectsTo });
    this.portal = new WebApp(this, 'Portal', { assetDir: path.join(dist, 'portal'), logs, domain: props.portal, connectTo: props.portalConnectsTo });
  }
}
