/** The cdk-nag check above can fail: a bare, noncompliant bucket makes synthesis fail. */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { expect, it } from 'vitest';

it('a bucket without TLS enforcement or access logs fails synthesis', () => {
  const app = new App();
  new s3.Bucket(new Stack(app, 'Noncompliance1'), 'Bucket');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  expect(() => app.synth()).toThrow(/server access logs disabled|does not require requests to use SSL/);
});
