import { CfnOutput } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';

/** A name people use for one part of the portal, and the certificate that covers it. */
export interface CustomDomain {
  readonly name: string;
  readonly certificate: acm.ICertificate;
}

/** The `portico:*Domain` settings and the ARNs of the certificates that cover them. */
export interface DomainSettings {
  readonly adminDomain?: string;
  readonly portalDomain?: string;
  readonly staffLoginDomain?: string;
  readonly customerLoginDomain?: string;
  readonly staffApiDomain?: string;
  readonly customerApiDomain?: string;
  /** An ACM certificate in us-east-1 (CloudFront and Cognito take no other) for the sites and logins. */
  readonly certificateArn?: string;
  /** An ACM certificate in the stack's region for the APIs (regional API Gateway domains). */
  readonly apiCertificateArn?: string;
}

/**
 * The firm's own names for the admin site, the portal, the two hosted logins and the two APIs.
 * Certificates are imported by ARN, not created here: CloudFront and Cognito need one in us-east-1
 * whatever the stack's region (CDK would need a second stack there), and DNS validation would need
 * the firm's zone in Route 53, which it may not be. Requesting a certificate in ACM (validated by a
 * CNAME at any DNS provider) is one step; the README says how. Each part without a name keeps its
 * AWS address (CloudFront, execute-api, amazoncognito.com).
 */
export class CustomDomains extends Construct {
  readonly admin?: CustomDomain;
  readonly portal?: CustomDomain;
  readonly staffLogin?: CustomDomain;
  readonly customerLogin?: CustomDomain;
  readonly staffApi?: CustomDomain;
  readonly customerApi?: CustomDomain;

  constructor(scope: Construct, id: string, settings: DomainSettings) {
    super(scope, id);
    const global = settings.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn) : undefined;
    const regional = settings.apiCertificateArn ? acm.Certificate.fromCertificateArn(this, 'ApiCertificate', settings.apiCertificateArn) : undefined;
    const domain = (name: string | undefined, certificate: acm.ICertificate | undefined) => (name && certificate ? { name, certificate } : undefined);
    this.admin = domain(settings.adminDomain, global);
    this.portal = domain(settings.portalDomain, global);
    this.staffLogin = domain(settings.staffLoginDomain, global);
    this.customerLogin = domain(settings.customerLoginDomain, global);
    this.staffApi = domain(settings.staffApiDomain, regional);
    this.customerApi = domain(settings.customerApiDomain, regional);
  }

  /** The DNS record each custom name needs (a CNAME, or an alias in Route 53), as stack outputs. */
  outputDnsTargets(targets: { domain?: CustomDomain; target: string; id: string }[]): void {
    for (const { domain, target, id } of targets) {
      if (domain) new CfnOutput(this, id, { value: target, description: `Point ${domain.name} here (CNAME, or an alias record in Route 53)` });
    }
  }
}

/** Reads and checks the domain settings; `get` reads one `portico:*` context value. */
export function readDomainSettings(get: (key: string) => unknown): DomainSettings {
  const names = ['adminDomain', 'portalDomain', 'staffLoginDomain', 'customerLoginDomain', 'staffApiDomain', 'customerApiDomain'] as const;
  const settings: Record<string, string | undefined> = {};
  for (const key of [...names, 'certificateArn', 'apiCertificateArn']) {
    const value = get(key);
    if (value !== undefined && typeof value !== 'string') throw new Error(`portico:${key} must be a string`);
    settings[key] = value;
  }
  for (const key of names) {
    if (settings[key] !== undefined && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(settings[key]!)) {
      throw new Error(`portico:${key} must be a lowercase host name such as portal.example.com`);
    }
  }
  const needsGlobal = ['adminDomain', 'portalDomain', 'staffLoginDomain', 'customerLoginDomain'].some((k) => settings[k]);
  if (needsGlobal && !/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(settings.certificateArn ?? '')) {
    throw new Error('portico:certificateArn must be the ARN of an ACM certificate in us-east-1 covering the admin, portal and login domains (CloudFront and Cognito take no other region)');
  }
  const needsRegional = settings.staffApiDomain || settings.customerApiDomain;
  if (needsRegional && !/^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate\/[\w-]+$/.test(settings.apiCertificateArn ?? '')) {
    throw new Error('portico:apiCertificateArn must be the ARN of an ACM certificate in the stack\'s region covering the API domains');
  }
  return settings as DomainSettings;
}
