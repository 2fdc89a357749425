/** One shared folder: its name, the way back, and its items. */
import { useCallback, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useI18n } from '../../common/i18n.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { usePortal } from '../components/PortalContext.tsx';
import type { FolderTrail } from '../components/ItemTable.tsx';
import { listFolder } from '../components/portalApi.tsx';
import { SharedItemsView } from '../components/SharedItemsView.tsx';

export function FolderPage() {
  const { t } = useI18n();
  const folderId = useParams().folderId ?? '';
  const state = useLocation().state as FolderTrail | null;
  const trail = state?.viewer === usePortal().profile.email ? state.trail : [];
  const here = trail.at(-1)?.folderId === folderId ? trail.at(-1) : undefined;
  // Opened from a bookmark, the folder's name comes with its first page.
  const [loadedName, setLoadedName] = useState<{ folderId: string; name: string }>();
  const name = here?.name ?? (loadedName?.folderId === folderId ? loadedName.name : t('folder.untitled'));
  const above = here ? trail.slice(0, -1) : [];
  const loadPage = useCallback(
    async (cursor?: string) => {
      const page = await listFolder(folderId, cursor);
      setLoadedName({ folderId, name: page.folder.name });
      return page;
    },
    [folderId],
  );
  return (
    <>
      <Breadcrumb trail={above} current={name} />
      <h1>{name}</h1>
      <SharedItemsView key={folderId} loadPage={loadPage} deps={[folderId]} trail={[...above, { folderId, name }]} emptyText={t('folder.empty')} />
    </>
  );
}
