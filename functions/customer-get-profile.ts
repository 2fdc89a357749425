import { firm } from '#shared/adapters/index';
import { customerRoute } from '#shared/http/route';

const { firmName, portalUrl } = firm();

export const handler = customerRoute({}, async ({ caller }) => ({
  body: { name: caller.name, email: caller.email, firm: { name: firmName, portalUrl } },
}));
