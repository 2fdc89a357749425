import { useRef, useState } from 'react';
import { post, type Answer } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { DropZone, ErrorMessage, ProgressBar } from '../../common/ui.tsx';
import { contentTypeOf, eachLimited, sendFile } from '../../common/upload.ts';

/** Files uploading at once; the rest wait their turn with their bars at zero. */
const FILES_AT_ONCE = 3;

interface UploadRow {
  key: number;
  name: string;
  progress: number;
  done?: boolean;
  error?: unknown;
}

async function uploadOne(file: File, parentId: string, onProgress: (fraction: number) => void): Promise<void> {
  const started = await post<Answer<'staff-start-upload'>>('/drive/uploads', { parentId, name: file.name, size: file.size, contentType: contentTypeOf(file) });
  const parts = await sendFile(file, started, onProgress);
  await post(`/drive/items/${started.item.itemId}/complete`, parts ? { parts } : {});
}

/** The drop zone and one row per file being uploaded into `folderId`; `onFinished` runs once the whole drop is done. */
export function Uploads({ folderId, onFinished }: { folderId: string; onFinished: () => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<UploadRow[]>([]);
  const nextKey = useRef(0);
  const change = (key: number, patch: Partial<UploadRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const upload = async (files: File[]) => {
    const batch = files.map((file) => ({ file, row: { key: nextKey.current++, name: file.name, progress: 0 } }));
    setRows((all) => [...all.filter((r) => !r.done), ...batch.map((b) => b.row)]);
    await eachLimited(batch, FILES_AT_ONCE, ({ file, row }) =>
      uploadOne(file, folderId, (progress) => change(row.key, { progress })).then(
        () => change(row.key, { done: true, progress: 1 }),
        (error) => change(row.key, { error }),
      ),
    );
    onFinished();
  };

  return (
    <>
      <DropZone label={t('drive.uploadFiles')} onFiles={(files) => void upload(files)} />
      {rows.length > 0 && (
        <ul className="plain uploads" aria-label={t('drive.uploads')}>
          {rows.map((r) => (
            <li key={r.key} className="row">
              <span className="upload-name">{r.name}</span>
              {r.error ? <ErrorMessage error={r.error} /> : r.done ? <span>{t('drive.uploaded')}</span> : <ProgressBar value={r.progress} label={t('drive.uploading', { name: r.name })} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
