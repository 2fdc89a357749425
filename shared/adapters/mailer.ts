import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import type { Email, Mailer } from '../domain/ports.ts';

export class SesMailer implements Mailer {
  private readonly ses = new SESClient({});

  constructor(private readonly sender: string) {}

  async send(email: Email): Promise<void> {
    await this.ses.send(
      new SendEmailCommand({
        Source: this.sender,
        Destination: { ToAddresses: email.to },
        Message: { Subject: { Data: email.subject, Charset: 'UTF-8' }, Body: { Text: { Data: email.text, Charset: 'UTF-8' } } },
      }),
    );
  }
}
