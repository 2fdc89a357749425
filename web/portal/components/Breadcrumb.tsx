/** The way back from a folder: "Shared with you", the folders passed through, then this folder. */
import { Link } from 'react-router';
import { useI18n } from '../../common/i18n.ts';
import type { FolderTrail } from './ItemTable.tsx';
import { usePortal } from './PortalContext.tsx';

export function Breadcrumb({ trail, current }: { trail: FolderTrail['trail']; current: string }) {
  const { t } = useI18n();
  const viewer = usePortal().profile.email;
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/">{t('nav.shared')}</Link>
        </li>
        {trail.map((folder, i) => (
          <li key={folder.folderId}>
            <Link to={`/folders/${encodeURIComponent(folder.folderId)}`} state={{ viewer, trail: trail.slice(0, i) } satisfies FolderTrail}>
              {folder.name}
            </Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
