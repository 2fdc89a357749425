/** New documents for the firm: they land in the customer's inbox folder, "From <name>". */
import { DropZone } from '../../common/ui.tsx';
import { usePortal } from './PortalContext.tsx';
import { UploadList, useUploads } from './uploads.tsx';

export function SendDocuments({ onUploaded }: { onUploaded: () => void }) {
  const { profile } = usePortal();
  const uploads = useUploads(onUploaded);
  const inbox = `From ${profile.name ?? profile.email}`;
  return (
    <section className="card" aria-labelledby="send-documents">
      <h2 id="send-documents">Send documents</h2>
      {profile.permissions.upload ? (
        <>
          <p className="muted">
            The documents you send go straight to {profile.firm.firmName}, who are told by email. You find them in the folder “{inbox}”.
          </p>
          <DropZone label="Choose files" onFiles={(files) => void uploads.upload(files)} disabled={uploads.busy} />
          <UploadList entries={uploads.entries} />
        </>
      ) : (
        <p className="notice">
          {profile.firm.firmName} does not accept documents through the portal at the moment. The documents shared with you stay available to view and download.
        </p>
      )}
    </section>
  );
}
