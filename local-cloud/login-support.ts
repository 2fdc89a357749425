/**
 * What the local hosted login needs beyond cognito-local: the firm's run-time sign-up switch, and
 * the codes Cognito would email (cognito-local only logs them).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { defaultSettings, type PortalSettings } from '../shared/domain/settings.ts';
import { localCredentials, localTableName, LOCAL_REGION } from './provision.ts';
import type { CloudModel } from './template.ts';

/**
 * The firm's run-time self sign-up switch, read where the PreSignUp trigger reads it: the settings
 * stored in the portal config table (off while none are stored, as the default settings say).
 */
export async function selfSignUpSwitchedOn(dynamodbUrl: string, model: CloudModel): Promise<boolean> {
  const table = model.tables.find((t) => /^DataPortalConfig/.test(t.logicalId));
  if (!table) throw new Error('The template has no portal config table');
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamodbUrl, region: LOCAL_REGION, credentials: localCredentials }));
  try {
    const { Item } = await db.send(new GetCommand({ TableName: localTableName(table.logicalId), Key: { configKey: 'settings' }, ConsistentRead: true }));
    return (Item?.value as PortalSettings | undefined)?.selfSignUp.enabled ?? defaultSettings('').selfSignUp.enabled;
  } finally {
    db.destroy();
  }
}
/**
 * Cognito emails a sign-up's confirmation code and a forgotten password's reset code; cognito-local
 * only logs them. The local cloud reads the code from cognito-local's store and mails it through the
 * SES emulator, so it arrives in the local mailbox. A reset waits for the user record saved at or
 * after `since`, so an earlier code still in the store is never sent.
 */
export async function mailConfirmationCode(cognitoDir: string, sesUrl: string, userPoolId: string, email: string, reset?: { purpose: 'reset'; since: number }): Promise<void> {
  // cognito-local writes its store a moment after answering; wait for the code to be there.
  let code: string | undefined;
  for (let attempt = 0; attempt < 40 && !code; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 50));
    const db = JSON.parse(readFileSync(path.join(cognitoDir, '.cognito', 'db', `${userPoolId}.json`), 'utf8'));
    const user = Object.values<any>(db.Users ?? {}).find((u) => u.Attributes?.some((a: any) => a.Name === 'email' && a.Value === email));
    if (reset && !(Date.parse(user?.UserLastModifiedDate ?? '') >= reset.since)) continue;
    code = user?.ConfirmationCode;
  }
  if (!code) throw new Error(`cognito-local stored no ${reset ? 'password reset' : 'confirmation'} code for ${email}`);
  const words = reset ? 'password reset code' : 'verification code';
  const sent = await new SESClient({ endpoint: sesUrl, region: LOCAL_REGION, credentials: localCredentials }).send(
    new SendEmailCommand({
      Source: 'no-reply@verificationemail.com',
      Destination: { ToAddresses: [email] },
      Message: { Subject: { Data: `Your ${words}` }, Body: { Text: { Data: `Your ${words} is ${code}` } } },
    }),
  );
  if (!sent.MessageId) throw new Error(`The SES emulator did not take the confirmation code for ${email}`);
}
