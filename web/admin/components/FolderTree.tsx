import { useState } from 'react';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, useAsync } from '../../common/ui.tsx';
import { listSubfolders, ROOT } from './folders.tsx';

interface TreeProps {
  /** The folder shown as chosen. */
  currentId: string;
  onChoose: (folderId: string, name: string) => void;
  /** Folders along the way to the current one start expanded. */
  openIds?: string[];
  /** Changing it reloads the expanded folders (after a create, rename or move). */
  version?: number;
  /** A folder that may not be chosen or expanded (a folder cannot move into itself). */
  disabledId?: string;
}

/** The drive's folders as a tree; a folder's subfolders load when it is first expanded. */
export function FolderTree(props: TreeProps) {
  const { t } = useI18n();
  return (
    <ul className="tree">
      <FolderNode {...props} folderId={ROOT} name={t('drive.root')} startOpen />
    </ul>
  );
}

function FolderNode(props: TreeProps & { folderId: string; name: string; startOpen?: boolean }) {
  const { t } = useI18n();
  const { folderId, name, currentId, onChoose, disabledId } = props;
  const [open, setOpen] = useState(props.startOpen || !!props.openIds?.includes(folderId));
  const disabled = folderId === disabledId;
  return (
    <li>
      <span className="tree-row">
        {/* The top level is always open, so it needs no toggle. */}
        {folderId !== ROOT && (
          <button
            type="button"
            className="link toggle"
            aria-expanded={open}
            aria-label={t(open ? 'drive.collapse' : 'drive.expand', { name })}
            disabled={disabled}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        )}
        <button
          type="button"
          className={`link${folderId === currentId ? ' current' : ''}`}
          aria-current={folderId === currentId ? 'true' : undefined}
          disabled={disabled}
          onClick={() => onChoose(folderId, name)}
        >
          {name}
        </button>
      </span>
      {open && !disabled && <Subfolders {...props} />}
    </li>
  );
}

function Subfolders(props: TreeProps & { folderId: string }) {
  const { t } = useI18n();
  const children = useAsync(() => listSubfolders(props.folderId), [props.folderId, props.version]);
  if (children.error) return <ErrorMessage error={children.error} />;
  if (!children.data) return <p className="muted small">{t('common.loading')}</p>;
  if (!children.data.length) return null;
  return (
    <ul>
      {children.data.map((f) => (
        <FolderNode key={f.itemId} {...props} folderId={f.itemId} name={f.name} startOpen={false} />
      ))}
    </ul>
  );
}
