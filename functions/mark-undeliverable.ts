import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { auditLog, configStore, contactStore } from '#shared/adapters/index';
import { count, logger, observed } from '#shared/adapters/observability';
import { undeliverableAddresses } from '#shared/domain/deliverability';
import { markUndeliverable } from '#shared/services/deliverability';

const deps = { contacts: contactStore(), config: configStore(), audit: auditLog() };

/**
 * SES bounce and complaint events (EventBridge → the DeliveryProblems queue): marks the addresses
 * undeliverable. A message that fails is reported alone, so the queue retries only it and, after
 * its last receive, keeps it in the failure queue.
 */
export const handler = observed(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const problems = undeliverableAddresses(JSON.parse(record.body));
      const marked = await markUndeliverable(deps, problems);
      count('AddressesMarkedUndeliverable', marked);
      logger.info('delivery problem', { messageId: record.messageId, addresses: problems.length, marked });
    } catch (error) {
      logger.error('delivery problem not recorded', error instanceof Error ? error : String(error));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
});
