/** Sending files: one POST /uploads for the batch, then each file's bytes straight to the file store, with progress. */
import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../../common/i18n.ts';
import { ProgressBar, ErrorMessage } from '../../common/ui.tsx';
import { eachLimited, sendFile } from '../../common/upload.ts';
import { completeUpload, startUpload, type StartedUpload } from './portalApi.tsx';
import { usePortal } from './PortalContext.tsx';

export interface UploadEntry {
  key: string;
  /** The name of the file as the customer chose it. */
  name: string;
  /** The name the firm's drive gave it, when different (a revised version is renamed). */
  savedAs?: string;
  progress: number;
  state: 'starting' | 'uploading' | 'done' | 'failed';
  error?: unknown;
}

/** Files sent at once; each large file already sends several parts in parallel. */
const PARALLEL_FILES = 3;

/** Where a batch starts: the customer's own folder (or beside a revised file), unless a matter's page sends it into the matter. */
export type StartUploads = (files: File[], revisesItemId?: string) => Promise<{ uploads: StartedUpload[] }>;

/**
 * Upload batches and their progress; `onUploaded` runs after a batch in which at least one file
 * arrived. `upload` resolves to how many of the batch's files arrived, so a caller can tell a
 * whole batch from a partial one.
 */
export function useUploads(onUploaded: () => void, start: StartUploads = startUpload) {
  const { report } = usePortal();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const [running, setRunning] = useState(0);
  const nextKey = useRef(0);

  const update = useCallback((key: string, change: Partial<UploadEntry>) => {
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...change } : e)));
  }, []);

  const sendOne = useCallback(
    async (file: File, key: string, target: StartedUpload) => {
      const savedAs = target.item.name !== file.name ? target.item.name : undefined;
      update(key, { state: 'uploading', savedAs });
      try {
        const parts = await sendFile(file, target, (progress) => update(key, { progress }));
        if (parts?.length) await completeUpload(target.item.itemId, parts);
        update(key, { state: 'done', progress: 1 });
        return true;
      } catch (error) {
        report(error);
        update(key, { state: 'failed', error });
        return false;
      }
    },
    [report, update],
  );

  const upload = useCallback(
    async (files: File[], revisesItemId?: string): Promise<number> => {
      if (!files.length) return 0;
      const keys = files.map(() => `upload-${nextKey.current++}`);
      setEntries((all) => [...files.map((f, i): UploadEntry => ({ key: keys[i], name: f.name, progress: 0, state: 'starting' })), ...all]);
      setRunning((n) => n + 1);
      try {
        const { uploads } = await start(files, revisesItemId);
        let arrived = 0;
        await eachLimited([...files.keys()], PARALLEL_FILES, async (i) => {
          if (await sendOne(files[i], keys[i], uploads[i])) arrived++;
        });
        if (arrived) onUploaded();
        return arrived;
      } catch (error) {
        report(error);
        setEntries((all) => all.map((e) => (keys.includes(e.key) ? { ...e, state: 'failed', error } : e)));
        return 0;
      } finally {
        setRunning((n) => n - 1);
      }
    },
    [onUploaded, report, sendOne, start],
  );

  return { entries, busy: running > 0, upload };
}

/** The catalogue key of each state's words; a failure shows its error instead. */
const STATUS_KEYS: Record<UploadEntry['state'], string | undefined> = { starting: 'uploads.waiting', uploading: 'uploads.uploading', done: 'uploads.done', failed: undefined };

export function UploadList({ entries }: { entries: UploadEntry[] }) {
  const { t } = useI18n();
  if (!entries.length) return null;
  return (
    <ul className="plain upload-list" aria-label={t('uploads.list')}>
      {entries.map((entry) => (
        <li key={entry.key}>
          <span className="upload-name">{entry.name}</span>
          <ProgressBar value={entry.progress} label={t('uploads.progress', { name: entry.name })} />
          <span className="upload-status" aria-live="polite">
            {STATUS_KEYS[entry.state] && t(STATUS_KEYS[entry.state]!)}
          </span>
          {entry.savedAs && entry.state === 'done' && <span className="muted">{t('uploads.savedAs', { name: entry.savedAs })}</span>}
          {entry.state === 'failed' && <ErrorMessage error={entry.error} />}
        </li>
      ))}
    </ul>
  );
}
