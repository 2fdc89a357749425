/**
 * The counts Portico publishes (as EMF, shared/adapters/observability.ts) and the dashboard shows
 * (lib/monitoring.ts): named once here, so a count cannot be published under one name and graphed
 * under another. No imports: the CDK app reads it too.
 */
export const METRICS_NAMESPACE = 'Portico';
/** The one dimension of every count; one series per count, whichever function counted it. */
export const METRICS_SERVICE = 'portico';

/** Each count, grouped as the dashboard graphs them. */
export const COUNTS = {
  activity: ['StaffUploadsStarted', 'StaffUploadsCompleted', 'CustomerUploadsStarted', 'CustomerUploadsCompleted', 'StaffDownloads', 'CustomerDownloads'],
  /** Attempts: a failed one is retried from the outbox. */
  emails: ['EmailsSent', 'EmailsFailed'],
  /**
   * SignInsRefused: a sign-in Cognito accepted and the PostAuthentication trigger refused (access
   * closed). SignUpsRefused: a self sign-up the PreSignUp trigger refused. AccessRefused: a customer
   * API request refused because the portal or the customer's access is closed.
   * AddressesMarkedUndeliverable: a permanent bounce or complaint marked a contact or an address.
   */
  refusals: ['SignInsRefused', 'SignUpsRefused', 'AccessRefused', 'AddressesMarkedUndeliverable'],
} as const;

export type Count = (typeof COUNTS)[keyof typeof COUNTS][number];
