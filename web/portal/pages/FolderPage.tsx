/** One shared folder: its name, the way back, and its items. */
import { useCallback } from 'react';
import { useLocation, useParams } from 'react-router';
import { useAsync } from '../../common/ui.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { usePortal } from '../components/PortalContext.tsx';
import type { FolderTrail } from '../components/ItemTable.tsx';
import { listFolder, listSharedRoots } from '../components/portalApi.tsx';
import { SharedItemsView } from '../components/SharedItemsView.tsx';

export function FolderPage() {
  const folderId = useParams().folderId ?? '';
  const state = useLocation().state as FolderTrail | null;
  const trail = state?.viewer === usePortal().profile.email ? state.trail : [];
  const here = trail.at(-1)?.folderId === folderId ? trail.at(-1) : undefined;
  const name = useFolderName(folderId, here?.name);
  const above = here ? trail.slice(0, -1) : [];
  const loadPage = useCallback((cursor?: string) => listFolder(folderId, cursor), [folderId]);
  return (
    <>
      <Breadcrumb trail={above} current={name} />
      <h1>{name}</h1>
      <SharedItemsView key={folderId} loadPage={loadPage} deps={[folderId]} trail={[...above, { folderId, name }]} emptyText="This folder is empty." />
    </>
  );
}

/**
 * The folder listing does not say the folder's name: it comes with the link that led here. Opened
 * from a bookmark, a shared root still finds its name among the roots.
 */
function useFolderName(folderId: string, fromLink: string | undefined): string {
  const roots = useAsync(() => (fromLink ? Promise.resolve(undefined) : listSharedRoots()), [folderId, fromLink]);
  return fromLink ?? roots.data?.items.find((i) => i.itemId === folderId)?.name ?? 'Folder';
}
