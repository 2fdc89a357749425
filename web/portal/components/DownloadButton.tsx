/** "Download <name>": asks the API for a short-lived link and lets the browser fetch the bytes straight from the file store. */
import { useState } from 'react';
import { useI18n } from '../../common/i18n.ts';

export function DownloadButton({ name, link, onError }: { name: string; link: () => Promise<{ url: string }>; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      window.location.assign((await link()).url);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" aria-label={t('items.downloadLabel', { name })} disabled={busy} onClick={() => void download()}>
      {t('items.download')}
    </button>
  );
}
