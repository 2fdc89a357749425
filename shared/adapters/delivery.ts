/**
 * What the email deliverer and the outbox sweep need. Apart from the other adapters (index.ts):
 * wording an email imports i18next, whose module runs code when it loads, so esbuild keeps it
 * (50 KiB) in every bundle that imports it, used or not. Only the two sending functions import this.
 */
import { currentBranding } from '../services/email-delivery.ts';
import { adminUrl, configStore, firm, mailer, outbox } from './index.ts';
import { count } from './observability.ts';

export const deliveryDeps = () => {
  const config = configStore();
  const addresses = { ...firm(), adminUrl: adminUrl() };
  return {
    outbox: outbox(),
    mailer: mailer(),
    branding: () => currentBranding({ config, ...addresses }),
    tally: (outcome: 'sent' | 'failed') => count(outcome === 'sent' ? 'EmailsSent' : 'EmailsFailed'),
  };
};
