import { Link } from 'react-router';
import { get, query } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { useAsync } from '../../common/ui.tsx';
import type { DriveItem, Page } from './types.tsx';

export const ROOT = 'root';
export const TRASH = 'trash';

/**
 * Folders seen in any listing, by id. The API has no "get one item" route, so a breadcrumb is
 * built from what listings already showed, asking for more only after a reload or a deep link.
 */
const knownFolders = new Map<string, Pick<DriveItem, 'itemId' | 'name' | 'parentId' | 'ancestorIds'>>();

export function rememberFolders(items: DriveItem[]): void {
  for (const i of items) if (i.kind === 'folder') knownFolders.set(i.itemId, i);
}

export async function listPage(folderId: string, cursor?: string, limit = 100): Promise<Page<DriveItem>> {
  const page = await get<Page<DriveItem>>(`/drive/folders/${encodeURIComponent(folderId)}/items${query({ cursor, limit })}`);
  rememberFolders(page.items);
  return page;
}

/** Every subfolder of a folder, all pages. */
export async function listSubfolders(folderId: string): Promise<DriveItem[]> {
  const folders: DriveItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPage(folderId, cursor, 200);
    folders.push(...page.items.filter((i) => i.kind === 'folder' && i.status !== 'trashed'));
    cursor = page.cursor;
  } while (cursor);
  return folders;
}

async function findName(folderId: string, parentId: string): Promise<string | undefined> {
  if (!knownFolders.has(folderId)) await listSubfolders(parentId);
  return knownFolders.get(folderId)?.name;
}

/** The folders from the top down to `folderId` (inclusive), with their names ("" for one not found: the breadcrumb words it). */
export async function folderPath(folderId: string): Promise<{ id: string; name: string }[]> {
  if (folderId === ROOT) return [];
  let ids = knownFolders.has(folderId) ? [...knownFolders.get(folderId)!.ancestorIds, folderId] : undefined;
  if (!ids) {
    // Any child carries the whole ancestry; an empty folder unknown here falls back to itself alone.
    const child = (await listPage(folderId, undefined, 1)).items[0];
    ids = child ? child.ancestorIds : [folderId];
  }
  const path: { id: string; name: string }[] = [];
  for (const [i, id] of ids.entries()) {
    path.push({ id, name: (await findName(id, i === 0 ? ROOT : ids[i - 1])) ?? '' });
  }
  return path;
}

export function useFolderPath(folderId: string) {
  return useAsync(() => folderPath(folderId), [folderId]);
}

/** "Drive › Clients › Smith": every step but the last is a link. */
export function Breadcrumb({ folderId, trail }: { folderId: string; trail?: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const steps = [{ id: ROOT, name: t('drive.root') }, ...(trail ?? []).map((step) => ({ ...step, name: step.name || t('drive.untitled') }))];
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <ol>
        {steps.map((step, i) => (
          <li key={step.id}>
            {i === steps.length - 1 && step.id === folderId ? (
              <span aria-current="page">{step.name}</span>
            ) : (
              <Link to={step.id === ROOT ? '/drive' : `/drive/${step.id}`}>{step.name}</Link>
            )}
          </li>
        ))}
        {folderId === TRASH && (
          <li>
            <span aria-current="page">{t('drive.trash')}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
