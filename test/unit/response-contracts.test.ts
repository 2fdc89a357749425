/**
 * The response contracts and the local cloud's check of them: an answer that keeps its route's
 * contract passes, and one with a field we never meant to send, a missing field, another status
 * or another content type is named for what it breaks.
 */
import { describe, expect, it } from 'vitest';
import { checkResponse, responseCheck } from '../../local-cloud/response-contracts.ts';
import { responses } from '../../shared/contracts/responses.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const item = { itemId: 'i1', kind: 'file', name: 'a.pdf', size: 3, contentType: 'application/pdf', updatedAt: '2026-12-01T10:00:00.000Z', uploadedByYou: false };
const rootPage = (extra: object = {}) => JSON.stringify({ items: [{ ...item, ...extra }], cursor: 'opaque' });

describe('checkResponse', () => {
  const shared = responses['customer-list-shared'];

  it('passes an answer that keeps the contract', () => {
    expect(checkResponse(shared, 200, JSON_TYPE, rootPage())).toBeUndefined();
  });

  it('names a field the contract does not declare (a customer must never get e.g. an S3 key)', () => {
    expect(checkResponse(shared, 200, JSON_TYPE, rootPage({ objectKey: 'drive/x' }))).toMatch(/items\.0: .*objectKey/);
  });

  it('names a declared field that is missing or of another type', () => {
    const { uploadedByYou: _gone, ...withoutFlag } = item;
    expect(checkResponse(shared, 200, JSON_TYPE, JSON.stringify({ items: [withoutFlag] }))).toMatch(/items\.0\.uploadedByYou/);
    expect(checkResponse(shared, 200, JSON_TYPE, rootPage({ size: '3' }))).toMatch(/items\.0\.size/);
  });

  it('names another success status, another content type, or a body that is not JSON', () => {
    expect(checkResponse(shared, 201, JSON_TYPE, rootPage())).toBe('answered 201, declared 200');
    expect(checkResponse(shared, 200, { 'content-type': 'text/plain' }, rootPage())).toBe('answered text/plain, declared JSON');
    expect(checkResponse(shared, 200, JSON_TYPE, '{')).toBe('the body is not JSON');
  });

  it('checks a download by its content type, not as JSON', () => {
    const csv = responses['staff-export-audit'];
    expect(checkResponse(csv, 200, { 'content-type': 'text/csv; charset=utf-8' }, 'at,actor\n')).toBeUndefined();
    expect(checkResponse(csv, 200, JSON_TYPE, '{}')).toBe('answered application/json, declared text/csv');
  });

  it('leaves refusals to the error contract, and refuses a route that declares nothing', () => {
    expect(checkResponse(shared, 404, JSON_TYPE, '{"error":{"code":"not_found","message":"x"}}')).toBeUndefined();
    expect(checkResponse(undefined, 200, JSON_TYPE, '{}')).toBe('the route declares no response');
  });

  it('finds the contract from the function logical id, as the gateway knows it', () => {
    expect(responseCheck('CustomerListShared0A1B2C3D', 200, JSON_TYPE, rootPage())).toBeUndefined();
    expect(responseCheck('CustomerListShared0A1B2C3D', 200, JSON_TYPE, rootPage({ ancestorIds: [] }))).toMatch(/^customer-list-shared broke its response contract: /);
  });
});

describe('the contracts', () => {
  it('a staff upload answers one of the two ways to send the bytes, never both', () => {
    const started = responses['staff-start-upload'];
    const drive = { itemId: 'i', kind: 'file', name: 'a', parentId: 'root', ancestorIds: [], status: 'pending', createdAt: '2026-12-01T10:00:00.000Z', createdBy: { kind: 'staff', id: 's', name: 'x' } };
    const upload = { url: 'https://s3.example/put', method: 'PUT', headers: {} };
    const multipart = { uploadId: 'u', partSize: 1, parts: [{ partNumber: 1, url: 'https://s3.example/p1', size: 1 }] };
    expect(checkResponse(started, 201, JSON_TYPE, JSON.stringify({ item: drive, upload }))).toBeUndefined();
    expect(checkResponse(started, 201, JSON_TYPE, JSON.stringify({ item: drive, multipart }))).toBeUndefined();
    expect(checkResponse(started, 201, JSON_TYPE, JSON.stringify({ item: drive, upload, multipart }))).toBeDefined();
  });
});
