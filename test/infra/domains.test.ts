/** Custom domains (portico:*Domain settings): the firm's names with TLS 1.2 minimum, or AWS's addresses without them. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesize } from './app-fixture.ts';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';
const apiCertificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/def-456';
const names = {
  'portico:adminDomain': 'admin.firm.example',
  'portico:portalDomain': 'portal.firm.example',
  'portico:staffLoginDomain': 'staff-login.firm.example',
  'portico:customerLoginDomain': 'login.firm.example',
  'portico:staffApiDomain': 'staff-api.firm.example',
  'portico:customerApiDomain': 'api.firm.example',
};

describe('with custom domains', () => {
  const { template } = synthesize({ ...names, 'portico:certificateArn': certificateArn, 'portico:apiCertificateArn': apiCertificateArn });
  const resources = (type: string) => Object.entries(template.findResources(type));

  it('each site answers at its own name with the us-east-1 certificate, SNI and TLS 1.2 minimum', () => {
    const aliases = resources('AWS::CloudFront::Distribution').map(([, d]) => d.Properties.DistributionConfig.Aliases[0]).sort();
    expect(aliases).toEqual(['admin.firm.example', 'portal.firm.example']);
    for (const [, d] of resources('AWS::CloudFront::Distribution')) {
      expect(d.Properties.DistributionConfig.ViewerCertificate).toEqual({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    }
  });

  it('each API answers at its own name (TLS 1.2) and the hosted logins at theirs', () => {
    const domains = resources('AWS::ApiGatewayV2::DomainName').map(([, d]) => d.Properties);
    expect(domains.map((d) => d.DomainName).sort()).toEqual(['api.firm.example', 'staff-api.firm.example']);
    for (const d of domains) expect(d.DomainNameConfigurations).toEqual([{ CertificateArn: apiCertificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }]);
    expect(resources('AWS::ApiGatewayV2::ApiMapping')).toHaveLength(2);
    const logins = resources('AWS::Cognito::UserPoolDomain').map(([, d]) => d.Properties);
    expect(logins.map((d) => d.Domain).sort()).toEqual(['login.firm.example', 'staff-login.firm.example']);
    for (const d of logins) expect(d.CustomDomainConfig).toEqual({ CertificateArn: certificateArn });
  });

  it('sign-in calls back to the sites\' names, the APIs accept them, and each UI may call its API and login by name', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['https://admin.firm.example/callback'] });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['https://portal.firm.example/callback'] });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://portal.firm.example'] }) });
    const csp = resources('AWS::CloudFront::ResponseHeadersPolicy').map(([, p]) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).map((c) => JSON.stringify(c));
    expect(csp.find((c) => c.includes('https://api.firm.example'))).toContain('https://login.firm.example');
    expect(csp.find((c) => c.includes('https://staff-api.firm.example'))).toContain('https://staff-login.firm.example');
  });

  it('outputs where each name\'s DNS record must point', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    for (const part of ['Admin', 'Portal', 'StaffLogin', 'CustomerLogin', 'StaffApi', 'CustomerApi']) expect(outputs.some((o) => o.startsWith(`Domains${part}DnsTarget`)), part).toBe(true);
    expect(template.findOutputs('AdminUrl').AdminUrl.Value).toBe('https://admin.firm.example');
  });
});

describe('without custom domains', () => {
  const { template } = synthesize();

  it('the sites, APIs and logins keep their AWS addresses, and no DNS target is output', () => {
    for (const d of Object.values(template.findResources('AWS::CloudFront::Distribution'))) expect(d.Properties.DistributionConfig.Aliases).toBeUndefined();
    expect(Object.keys(template.findResources('AWS::ApiGatewayV2::DomainName'))).toHaveLength(0);
    for (const d of Object.values(template.findResources('AWS::Cognito::UserPoolDomain'))) expect(d.Properties.CustomDomainConfig).toBeUndefined();
    expect(Object.keys(template.findOutputs('*')).filter((o) => o.includes('DnsTarget'))).toEqual([]);
  });
});

it('a custom name without a certificate of the right region fails synth', () => {
  expect(() => synthesize({ 'portico:portalDomain': 'portal.firm.example' })).toThrow(/certificateArn/);
  expect(() => synthesize({ 'portico:portalDomain': 'portal.firm.example', 'portico:certificateArn': apiCertificateArn })).toThrow(/us-east-1/);
  expect(() => synthesize({ 'portico:customerApiDomain': 'api.firm.example' })).toThrow(/apiCertificateArn/);
});
