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
/** Runs the pool's trigger of this name as Cognito would (the function the template names), or answers undefined when the pool has none. */
export type PoolTrigger = (trigger: string, userPoolId: string, event: unknown) => Promise<any | undefined>;

/** How the template says a pool sends its emails: through SES (EmailSendingAccount DEVELOPER) from its address, or from Cognito's own sender. */
export type PoolMail = (userPoolId: string) => { throughSes: boolean; from?: string };

/** Cognito's placeholder for the code in a CustomMessage answer, which it replaces with the code. */
const CODE_PARAMETER = '{####}';

/**
 * Cognito emails a sign-up's confirmation code and a forgotten password's reset code; cognito-local
 * only logs them. The local cloud reads the code from cognito-local's store and mails it through the
 * SES emulator, so it arrives in the local mailbox, worded as Cognito would word it: by the pool's
 * CustomMessage trigger when the template gives it one (asked with the event Cognito sends, the
 * code put in for its placeholder), else in Cognito's own default words. A reset waits for the user
 * record saved at or after `since`, so an earlier code still in the store is never sent.
 */
export async function mailConfirmationCode(
  deps: { cognitoDir: string; sesUrl: string; trigger: PoolTrigger; poolMail: PoolMail },
  userPoolId: string,
  email: string,
  reset?: { purpose: 'reset'; since: number },
): Promise<void> {
  // cognito-local writes its store a moment after answering; wait for the code to be there.
  let user: any;
  for (let attempt = 0; attempt < 40 && !user?.ConfirmationCode; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 50));
    const db = JSON.parse(readFileSync(path.join(deps.cognitoDir, '.cognito', 'db', `${userPoolId}.json`), 'utf8'));
    const found = Object.values<any>(db.Users ?? {}).find((u) => u.Attributes?.some((a: any) => a.Name === 'email' && a.Value === email));
    user = reset && !(Date.parse(found?.UserLastModifiedDate ?? '') >= reset.since) ? undefined : found;
  }
  const code: string | undefined = user?.ConfirmationCode;
  if (!code) throw new Error(`cognito-local stored no ${reset ? 'password reset' : 'confirmation'} code for ${email}`);
  const triggerSource = reset ? 'CustomMessage_ForgotPassword' : 'CustomMessage_SignUp';
  const answer = await deps.trigger('CustomMessage', userPoolId, customMessageEvent(triggerSource, userPoolId, user));
  const mail = deps.poolMail(userPoolId);
  if (!mail.throughSes && (answer?.response?.emailMessage || answer?.response?.emailSubject)) {
    // As Cognito does: a pool on its own sender refuses a trigger's words, and the request fails.
    throw new Error('InvalidLambdaResponseException: the CustomMessage trigger answered an email subject or message, which Cognito takes only from a pool that sends through SES');
  }
  const words = reset ? 'password reset code' : 'verification code';
  // Cognito's own words when the pool has no CustomMessage trigger or it answers none.
  const subject: string = answer?.response?.emailSubject || `Your ${words}`;
  const body: string = answer?.response?.emailMessage || `Your ${words} is ${CODE_PARAMETER}`;
  const sent = await new SESClient({ endpoint: deps.sesUrl, region: LOCAL_REGION, credentials: localCredentials }).send(
    new SendEmailCommand({
      Source: mail.from ?? 'no-reply@verificationemail.com',
      Destination: { ToAddresses: [email] },
      // Cognito sends its message as HTML; the code replaces every placeholder.
      Message: { Subject: { Data: subject }, Body: { Html: { Data: body.replaceAll(CODE_PARAMETER, code) } } },
    }),
  );
  if (!sent.MessageId) throw new Error(`The SES emulator did not take the confirmation code for ${email}`);
}

/** The event Cognito sends a CustomMessage trigger (as documented for Lambda), for a user in cognito-local's store. */
export function customMessageEvent(triggerSource: string, userPoolId: string, user: { Username: string; Attributes?: { Name: string; Value: string }[] }) {
  return {
    version: '1',
    region: LOCAL_REGION,
    userPoolId,
    userName: user.Username,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'CLIENT_ID_NOT_APPLICABLE' },
    triggerSource,
    request: {
      userAttributes: Object.fromEntries((user.Attributes ?? []).map((a) => [a.Name, a.Value])),
      codeParameter: CODE_PARAMETER,
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}
