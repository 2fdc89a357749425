import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { post } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading } from '../../common/ui.tsx';
import { DriveTable } from '../components/DriveTable.tsx';
import { Breadcrumb, listPage, ROOT, useFolderPath } from '../components/folders.tsx';
import { FolderTree } from '../components/FolderTree.tsx';
import { useAction, usePaged } from '../components/hooks.tsx';
import { Uploads } from '../components/Uploads.tsx';

function NewFolderForm({ parentId, onCreated, onCancel }: { parentId: string; onCreated: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const action = useAction();
  return (
    <form
      className="card-inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => post('/drive/folders', { parentId, name })).then((ok) => ok && onCreated(name.trim()));
      }}
    >
      <label htmlFor={id}>{t('drive.folderName')}</label>
      <div className="row">
        <input id={id} type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        <button type="submit" disabled={action.busy || !name.trim()}>
          {t('drive.createFolder')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={action.error} />
    </form>
  );
}

/** The firm's drive: folder tree, breadcrumb, the open folder's items, uploads and item actions. */
export function DrivePage() {
  const { t } = useI18n();
  const folderId = useParams().folderId ?? ROOT;
  const navigate = useNavigate();
  const path = useFolderPath(folderId);
  const items = usePaged((cursor) => listPage(folderId, cursor), [folderId]);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [treeVersion, setTreeVersion] = useState(0);
  useEffect(() => {
    setNotice(undefined);
    setCreating(false);
  }, [folderId]);

  const changed = (message?: string) => {
    setNotice(message);
    items.reload();
    path.reload();
    setTreeVersion((v) => v + 1);
  };

  return (
    <>
      <h1>{t('nav.drive')}</h1>
      <Breadcrumb folderId={folderId} trail={path.data} />
      <div className="layout-2">
        <nav aria-label={t('drive.folders')} className="side">
          <FolderTree
            currentId={folderId}
            openIds={path.data?.map((p) => p.id)}
            version={treeVersion}
            onChoose={(id) => navigate(id === ROOT ? '/drive' : `/drive/${id}`)}
          />
          <p>
            <Link to="/drive/trash">{t('drive.trash')}</Link>
          </p>
        </nav>
        <div>
          <div className="row">
            <button type="button" className="secondary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
              {t('drive.newFolder')}
            </button>
          </div>
          {creating && (
            <NewFolderForm
              parentId={folderId}
              onCancel={() => setCreating(false)}
              onCreated={(name) => {
                setCreating(false);
                changed(t('drive.created', { name }));
              }}
            />
          )}
          <Uploads folderId={folderId} onFinished={() => changed()} />
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          <ErrorMessage error={path.error} />
          <ErrorMessage error={items.error} />
          {items.loading && !items.items.length ? (
            <Loading />
          ) : items.items.length ? (
            <DriveTable items={items.items} onChanged={changed} />
          ) : (
            !items.error && <p className="muted">{t('drive.empty')}</p>
          )}
          {items.hasMore && (
            <button type="button" className="secondary" onClick={items.loadMore} disabled={items.loading}>
              {items.loading ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </div>
      </div>
    </>
  );
}
