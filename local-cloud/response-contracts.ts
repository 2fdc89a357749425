/**
 * The local API Gateway's check of every success answer against the route's declared response
 * (shared/contracts/responses.ts). API Gateway does not check responses, and the functions do not
 * either (it would cost every cold start); here, in the tests and under `npm start`, an answer
 * outside its contract becomes a 500 naming the route and the first differences, so a field we
 * never meant to send, or one the UIs rely on and we stopped sending, fails where it happens.
 */
import { responses, type ResponseContract } from '../shared/contracts/responses.ts';
import * as z from '../shared/zod.ts';
import { functionEntry } from './template.ts';

export type ResponseCheck = (functionLogicalId: string, status: number, headers: Record<string, string>, body: string) => string | undefined;

function describe(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}

/** Why this answer breaks its route's contract, or undefined when it keeps it (refusals are the error contract's business). */
export function checkResponse(contract: ResponseContract | undefined, status: number, headers: Record<string, string>, body: string): string | undefined {
  if (status >= 300) return undefined;
  if (!contract) return 'the route declares no response';
  if (status !== contract.status) return `answered ${status}, declared ${contract.status}`;
  const contentType = headers['content-type'] ?? '';
  if ('file' in contract) return contentType.startsWith(contract.file) ? undefined : `answered ${contentType}, declared ${contract.file}`;
  if (!contentType.startsWith('application/json')) return `answered ${contentType || 'no content type'}, declared JSON`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'the body is not JSON';
  }
  const result = contract.schema.safeParse(parsed);
  return result.success ? undefined : describe(result.error);
}

export const responseCheck: ResponseCheck = (functionLogicalId, status, headers, body) => {
  const entry = functionEntry(functionLogicalId);
  const problem = checkResponse(responses[entry], status, headers, body);
  return problem && `${entry} broke its response contract: ${problem}`;
};
