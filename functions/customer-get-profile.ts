import { controlAllows } from '#shared/domain/settings';
import { customerRoute } from '#shared/http/route';

/** Who the customer is, the firm's branding, and what the attachment controls let them do. */
export const handler = customerRoute({}, async ({ caller, settings }) => ({
  body: {
    name: caller.name,
    email: caller.email,
    language: caller.language,
    firm: { ...settings.branding, language: settings.language, matterTerm: settings.matterTerm },
    permissions: {
      upload: controlAllows(settings.attachments.upload),
      replaceOwnUploads: controlAllows(settings.attachments.replace),
      deleteOwnUploads: controlAllows(settings.attachments.delete),
      comment: settings.customerComments,
    },
  },
}));
