import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { MULTIPART_PART_SIZE, type CustomerUploadKey, type FileStore, type MultipartTarget, type ObjectKeys, type StoredObject, type UploadTarget } from '../domain/ports.ts';

/** An upload URL lives long enough to send its file on a slow line (1 Mbit/s) and no longer: 5 minutes plus the sending time, at most an hour. */
export function uploadUrlSeconds(size: number): number {
  return Math.min(3600, 300 + Math.ceil(size / 125_000));
}
/** Part URLs of a large upload must last as long as the upload may take on a slow line. */
const PART_URL_SECONDS = 12 * 3600;
const PART_SIZE = MULTIPART_PART_SIZE;
/** Download links are short-lived: long enough to start a download, too short to be worth forwarding. */
const DOWNLOAD_URL_SECONDS = 5 * 60;

/**
 * The drive bucket's key layout: `drive/<itemId>` for staff files and
 * `customer-uploads/<contactId>/<batchId>/<batchSize>/<itemId>` for customer uploads, the only
 * prefix customer-facing functions may write to and the one that triggers the notifier.
 */
export const objectKeys: ObjectKeys = {
  staffFile: (itemId) => `drive/${itemId}`,
  customerUpload: (k) => `customer-uploads/${k.contactId}/${k.batchId}/${k.batchSize}/${k.itemId}`,
  parseCustomerUpload(objectKey): CustomerUploadKey | undefined {
    const m = /^customer-uploads\/([\w-]{1,64})\/([\w-]{1,64})\/(\d{1,3})\/([\w-]{1,64})$/.exec(objectKey);
    return m ? { contactId: m[1], batchId: m[2], batchSize: Number(m[3]), itemId: m[4] } : undefined;
  },
};

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name, so "Bilanz – März.pdf" downloads as itself. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export class S3FileStore implements FileStore {
  // Created per adapter (once, at the handler's cold start) so functions that never touch S3 do not bundle it.
  private readonly s3 = new S3Client({});

  constructor(private readonly bucket: string) {}

  async uploadTarget(objectKey: string, contentType: string, size: number): Promise<UploadTarget> {
    // The length is signed: S3 refuses a body of any other size, whatever the client claims. So is
    // `If-None-Match: *`: S3 writes the key only if nothing is there yet, so the URL writes once and
    // can never overwrite the filed document, even before it expires.
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, ContentType: contentType, ContentLength: size, IfNoneMatch: '*' }),
      { expiresIn: uploadUrlSeconds(size), signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']) },
    );
    return { url, method: 'PUT', headers: { 'content-type': contentType, 'if-none-match': '*' } };
  }

  async startMultipart(objectKey: string, contentType: string, size: number): Promise<MultipartTarget> {
    const { UploadId } = await this.s3.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: objectKey, ContentType: contentType }));
    const count = Math.max(1, Math.ceil(size / PART_SIZE));
    const parts = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const partSize = i === count - 1 ? size - PART_SIZE * (count - 1) : PART_SIZE;
        const url = await getSignedUrl(
          this.s3,
          new UploadPartCommand({ Bucket: this.bucket, Key: objectKey, UploadId, PartNumber: i + 1, ContentLength: partSize }),
          { expiresIn: PART_URL_SECONDS, signableHeaders: new Set(['content-length']) },
        );
        return { partNumber: i + 1, url, size: partSize };
      }),
    );
    return { uploadId: UploadId!, partSize: PART_SIZE, parts };
  }

  async completeMultipart(objectKey: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void> {
    await this.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: objectKey,
        UploadId: uploadId,
        // Assembled only if nothing is at the key yet: a completed upload is never replaced.
        IfNoneMatch: '*',
        MultipartUpload: { Parts: [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
      }),
    );
  }

  downloadUrl(objectKey: string, fileName: string, versionId?: string): Promise<string> {
    // Pinned to the version filed at completion (in the versioned bucket), so whatever is written
    // at the key later is never what a download returns.
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({ Bucket: this.bucket, Key: objectKey, VersionId: versionId, ResponseContentDisposition: contentDisposition(fileName) }),
      { expiresIn: DOWNLOAD_URL_SECONDS },
    );
  }

  async remove(objectKey: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }

  async abortMultipart(objectKey: string, uploadId: string): Promise<void> {
    try {
      await this.s3.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: objectKey, UploadId: uploadId }));
    } catch (error) {
      // Already completed, aborted or expired by the lifecycle rule: nothing is left to discard.
      if ((error as { name?: string }).name !== 'NoSuchUpload') throw error;
    }
  }

  async stored(objectKey: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return { size: head.ContentLength ?? 0, etag: head.ETag?.replace(/"/g, ''), versionId: head.VersionId };
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }
}
