import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import type { Email, Mailer } from '../domain/ports.ts';

export class SesMailer implements Mailer {
  private readonly ses = new SESClient({});

  /**
   * `configurationSet` is the SES configuration set every email is sent with (bounce and complaint
   * events, reputation metrics); the stack binds it as SES_CONFIGURATION_SET with the permission to send.
   */
  constructor(
    private readonly sender: string,
    private readonly configurationSet: string | undefined = process.env.SES_CONFIGURATION_SET,
  ) {}

  async send(email: Email): Promise<void> {
    await this.ses.send(
      new SendEmailCommand({
        Source: fromAddress(email.fromName, this.sender),
        ConfigurationSetName: this.configurationSet,
        Destination: { ToAddresses: email.to },
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      }),
    );
  }
}

/**
 * "Firm name <sender>": the display name as an RFC 2047 encoded word, as SES requires for anything
 * beyond plain ASCII, so no name (quotes, accents, angle brackets) can break the address.
 */
export function fromAddress(name: string, sender: string): string {
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${sender}>`;
}
