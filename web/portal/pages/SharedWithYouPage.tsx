/** The home page: what the firm shared, and sending documents back. */
import { useCallback, useState } from 'react';
import { listSharedRoots } from '../components/portalApi.tsx';
import { SendDocuments } from '../components/SendDocuments.tsx';
import { SharedItemsView } from '../components/SharedItemsView.tsx';
import { useReloadAfterArrival } from '../components/useReloadAfterArrival.tsx';

export function SharedWithYouPage() {
  const [version, setVersion] = useState(0);
  const reloadList = useReloadAfterArrival(useCallback(() => setVersion((v) => v + 1), []));
  return (
    <>
      <h1>Shared with you</h1>
      <SharedItemsView loadPage={listSharedRoots} deps={[version]} trail={[]} emptyText="Nothing has been shared with you yet." />
      <SendDocuments onUploaded={reloadList} />
    </>
  );
}
