import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import type { Email, Mailer } from '../domain/ports.ts';

const ses = new SESClient({});

export class SesMailer implements Mailer {
  constructor(private readonly sender: string) {}

  async send(email: Email): Promise<void> {
    await ses.send(
      new SendEmailCommand({
        Source: this.sender,
        Destination: { ToAddresses: email.to },
        Message: { Subject: { Data: email.subject, Charset: 'UTF-8' }, Body: { Text: { Data: email.text, Charset: 'UTF-8' } } },
      }),
    );
  }
}
