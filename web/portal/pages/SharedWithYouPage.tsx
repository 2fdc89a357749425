/** The home page: what the firm shared, and sending documents back. */
import { useCallback, useState } from 'react';
import { useI18n } from '../../common/i18n.ts';
import { listSharedRoots } from '../components/portalApi.tsx';
import { SendDocuments } from '../components/SendDocuments.tsx';
import { SharedItemsView } from '../components/SharedItemsView.tsx';
import { useReloadAfterArrival } from '../components/useReloadAfterArrival.tsx';

export function SharedWithYouPage() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const reloadList = useReloadAfterArrival(useCallback(() => setVersion((v) => v + 1), []));
  return (
    <>
      <h1>{t('nav.shared')}</h1>
      <SharedItemsView loadPage={listSharedRoots} deps={[version]} trail={[]} emptyText={t('shared.empty')} />
      <SendDocuments onUploaded={reloadList} />
    </>
  );
}
