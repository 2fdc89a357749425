import { z } from 'zod';
import { contactStore } from '#shared/adapters/index';
import { id, staffRoute } from '#shared/http/route';
import { createContact } from '#shared/services/contacts';

const contacts = contactStore();

export const handler = staffRoute(
  {
    body: z.object({
      kind: z.enum(['person', 'organisation']),
      name: z.string().trim().min(1).max(200),
      email: z.email().max(254).optional(),
      responsibleStaff: z.array(z.email()).max(20).optional(),
      organisationIds: z.array(id).max(50).optional(),
    }),
  },
  async ({ body, caller }) => ({ status: 201, body: await createContact(contacts, caller, body) }),
);
