/**
 * Sends a file's bytes straight to S3 with the presigned URLs the API handed out; the bytes never
 * pass through the API. XMLHttpRequest, because fetch cannot report upload progress.
 */
import { UiError } from './ui-error.ts';

export interface UploadTarget {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

export interface MultipartTarget {
  uploadId: string;
  partSize: number;
  parts: { partNumber: number; url: string; size: number }[];
}

export type UploadInstructions = { upload: UploadTarget; multipart?: undefined } | { multipart: MultipartTarget; upload?: undefined };

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

/** The file's type as the APIs accept it (type/subtype); anything else goes as plain bytes. */
export function contentTypeOf(file: File): string {
  return /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
}

/** Runs `work` on each item, at most `limit` at a time (browsers queue more connections anyway, and progress stays readable). */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Parts in flight at once: enough to fill a line, few enough that one slow part does not starve the rest. */
const PARALLEL_PARTS = 3;

function put(url: string, body: Blob, headers: Record<string, string>, onSent: (bytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    // content-length is set by the browser from the body; the others are part of the signature.
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'content-length') xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.getResponseHeader('ETag') ?? '')
        : reject(new UiError('common.errors.uploadRefused', `The file store refused the upload (${xhr.status}). Please try again.`, { status: xhr.status }));
    xhr.onerror = () => reject(new UiError('common.errors.uploadInterrupted', 'The upload was interrupted. Check your connection and try again.'));
    xhr.send(body);
  });
}

/**
 * Uploads `file` as the instructions say and reports progress from 0 to 1. Returns the parts to
 * complete a multipart upload with (none for a single PUT).
 */
export async function sendFile(file: Blob, instructions: UploadInstructions, onProgress: (fraction: number) => void): Promise<CompletedPart[] | undefined> {
  const total = Math.max(1, file.size);
  if (instructions.upload) {
    await put(instructions.upload.url, file, instructions.upload.headers, (sent) => onProgress(Math.min(1, sent / total)));
    onProgress(1);
    return undefined;
  }
  const { parts, partSize } = instructions.multipart;
  const sentPerPart = new Map<number, number>();
  const report = () => onProgress(Math.min(1, [...sentPerPart.values()].reduce((a, b) => a + b, 0) / total));
  const done: CompletedPart[] = [];
  let failed = false;
  await eachLimited(parts, PARALLEL_PARTS, async (part) => {
    // One lost part fails the file: the other parts stop instead of sending bytes that cannot be completed.
    if (failed) return;
    const start = (part.partNumber - 1) * partSize;
    try {
      const etag = await put(part.url, file.slice(start, start + part.size), {}, (sent) => {
        sentPerPart.set(part.partNumber, sent);
        report();
      });
      done.push({ partNumber: part.partNumber, etag });
    } catch (error) {
      failed = true;
      throw error;
    }
  });
  onProgress(1);
  return done.sort((a, b) => a.partNumber - b.partNumber);
}
