import { useRef, useState } from 'react';
import { post } from '../../common/api.ts';
import { DropZone, ErrorMessage, ProgressBar } from '../../common/ui.tsx';
import { sendFile, type UploadInstructions } from '../../common/upload.ts';
import type { DriveItem } from './types.tsx';

interface UploadRow {
  key: number;
  name: string;
  progress: number;
  done?: boolean;
  error?: unknown;
}

/** What the API accepts as a content type; anything else goes as plain bytes. */
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

async function uploadOne(file: File, parentId: string, onProgress: (fraction: number) => void): Promise<void> {
  const contentType = CONTENT_TYPE.test(file.type) ? file.type : 'application/octet-stream';
  const started = await post<{ item: DriveItem } & UploadInstructions>('/drive/uploads', { parentId, name: file.name, size: file.size, contentType });
  const parts = await sendFile(file, started, onProgress);
  await post(`/drive/items/${started.item.itemId}/complete`, parts ? { parts } : {});
}

/** The drop zone and one row per file being uploaded into `folderId`; `onFinished` runs once the whole drop is done. */
export function Uploads({ folderId, onFinished }: { folderId: string; onFinished: () => void }) {
  const [rows, setRows] = useState<UploadRow[]>([]);
  const nextKey = useRef(0);
  const change = (key: number, patch: Partial<UploadRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const upload = async (files: File[]) => {
    const batch = files.map((file) => ({ file, row: { key: nextKey.current++, name: file.name, progress: 0 } }));
    setRows((all) => [...all.filter((r) => !r.done), ...batch.map((b) => b.row)]);
    await Promise.all(
      batch.map(({ file, row }) =>
        uploadOne(file, folderId, (progress) => change(row.key, { progress })).then(
          () => change(row.key, { done: true, progress: 1 }),
          (error) => change(row.key, { error }),
        ),
      ),
    );
    onFinished();
  };

  return (
    <>
      <DropZone label="Upload files" onFiles={(files) => void upload(files)} />
      {rows.length > 0 && (
        <ul className="plain uploads" aria-label="Uploads">
          {rows.map((r) => (
            <li key={r.key} className="row">
              <span className="upload-name">{r.name}</span>
              {r.error ? <ErrorMessage error={r.error} /> : r.done ? <span>Uploaded</span> : <ProgressBar value={r.progress} label={`Uploading ${r.name}`} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
