import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { PorticoFunction } from './portico-function.ts';

/**
 * The key that seals the APIs' page cursors (shared/http/cursor.ts): a generated secret, read by
 * every route when it first pages. A cursor sealed with it names no item, id or name, and opens
 * only for the route, parameters and caller it was issued to.
 */
export class PageCursors extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Key', {
      description: 'Seals the Portico APIs\' page cursors (AES-256-GCM key material)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(
      this.secret,
      ['AwsSolutions-SMG4'],
      'Cursors live a day and carry no secret: rotating this key would only end the paging under way, and a rotation function would be one more Lambda to keep; replace the secret\'s value by hand if it is ever exposed.',
    );
  }

  /** Lets a route read the key; the ARN and the permission come together. */
  bind(fn: PorticoFunction): void {
    this.secret.grantRead(fn);
    fn.bindEnv('CURSOR_SECRET_ARN', this.secret.secretArn);
  }
}
