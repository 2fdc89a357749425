/** New documents for the firm: they land in the customer's inbox folder, "From <name>" ("Déposés par <name>" in a French-speaking firm). */
import { inboxFolderName } from '../../../shared/domain/naming.ts';
import { useI18n } from '../../common/i18n.ts';
import { DropZone } from '../../common/ui.tsx';
import { usePortal } from './PortalContext.tsx';
import { UploadList, useUploads } from './uploads.tsx';

export function SendDocuments({ onUploaded }: { onUploaded: () => void }) {
  const { t } = useI18n();
  const { profile } = usePortal();
  const uploads = useUploads(onUploaded);
  // The folder's real name, as the server names it in the firm's drive (in the firm's language when it is made): it is data, not wording.
  const inbox = inboxFolderName(profile.name ?? profile.email, profile.firm.language);
  return (
    <section className="card" aria-labelledby="send-documents">
      <h2 id="send-documents">{t('send.heading')}</h2>
      {profile.permissions.upload ? (
        <>
          <p className="muted">
            {t('send.explanation', { firm: profile.firm.firmName, folder: inbox })}
          </p>
          <DropZone label={t('send.chooseFiles')} onFiles={(files) => void uploads.upload(files)} disabled={uploads.busy} />
          <UploadList entries={uploads.entries} />
        </>
      ) : (
        <p className="notice">
          {t('send.notAccepted', { firm: profile.firm.firmName })}
        </p>
      )}
    </section>
  );
}
