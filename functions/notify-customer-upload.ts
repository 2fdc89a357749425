import type { S3Event } from 'aws-lambda';
import { notifyDeps } from '#shared/adapters/index';
import { count, logger, observed } from '#shared/adapters/observability';
import { handleCustomerUpload } from '#shared/services/upload-notifications';

const deps = { ...notifyDeps(), onFiled: () => count('CustomerUploadsCompleted') };

/** S3 "object created" on the customer-upload prefix; a thrown error makes Lambda retry, then park the event. */
export const handler = observed(async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    // S3 URL-encodes keys in events, with "+" for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const { size, eTag, versionId } = record.s3.object;
    const outcome = await handleCustomerUpload(deps, key, { size, etag: eTag, versionId });
    logger.info('customer upload', { key, outcome });
  }
});
