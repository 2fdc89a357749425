import { contactStore, matterStore } from '#shared/adapters/index';
import { customerRoute } from '#shared/http/route';
import { requestForm } from '#shared/services/request-portal';

const deps = { matters: matterStore(), contacts: contactStore() };

/** The kinds of request and the contacts this customer may name in one (F21): never a search of the firm's contacts. */
export const handler = customerRoute({}, async ({ caller }) => ({ body: await requestForm(deps, caller) }));
