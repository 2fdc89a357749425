/**
 * One name per item in a folder (issue 9 §5): wherever an item arrives — a new folder, a staff or
 * customer upload, a rename, a move, a restore, a customer's inbox — a name already taken there
 * (ignoring case) becomes the first free "name (2)", "name (3)"…, before a file's extension.
 * Nothing is refused and nothing is overwritten.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSession, expectStatus, putToUrl, staffSession } from '../support/world.ts';

type Staff = Awaited<ReturnType<typeof staffSession>>;

async function upload(staff: Staff, parentId: string, name: string) {
  const started = expectStatus(await staff.api.post('/drive/uploads', { parentId, name, size: 2, contentType: 'text/plain' }), 201);
  expect(await putToUrl(started.upload, 'hi')).toBe(200);
  return expectStatus(await staff.api.post(`/drive/items/${started.item.itemId}/complete`), 200);
}

describe('names in a folder', () => {
  let staff: Staff;
  let folder: any;
  const listing = async (folderId = folder.itemId) =>
    expectStatus(await staff.api.get(`/drive/folders/${folderId}/items?limit=200`), 200).items.map((i: any) => i.name).sort();

  beforeAll(async () => {
    staff = await staffSession({ admin: true, name: 'Nina Names' });
    folder = expectStatus(await staff.api.post('/drive/folders', { name: `Names ${Date.now()}` }), 201);
  });

  it('a second folder or upload of a taken name is numbered, whatever the case', async () => {
    expect(expectStatus(await staff.api.post('/drive/folders', { parentId: folder.itemId, name: 'Letters' }), 201).name).toBe('Letters');
    expect(expectStatus(await staff.api.post('/drive/folders', { parentId: folder.itemId, name: 'letters' }), 201).name).toBe('letters (2)');
    expect((await upload(staff, folder.itemId, 'report.pdf')).name).toBe('report.pdf');
    expect((await upload(staff, folder.itemId, 'Report.pdf')).name).toBe('Report (2).pdf');
    // An upload still under way holds its name too.
    const pending = expectStatus(await staff.api.post('/drive/uploads', { parentId: folder.itemId, name: 'report.pdf', size: 2, contentType: 'text/plain' }), 201);
    expect(pending.item.name).toBe('report (3).pdf');
    expect(await listing()).toEqual(['Letters', 'letters (2)', 'report (3).pdf', 'report.pdf', 'Report (2).pdf'].sort());
  });

  it('renaming or moving onto a taken name numbers the arriving item; renaming to its own name in another case does not', async () => {
    const notes = await upload(staff, folder.itemId, 'notes.txt');
    expect(expectStatus(await staff.api.raw('PATCH', `/drive/items/${notes.itemId}`, { name: 'report.pdf' }), 200).name).toBe('report (4).pdf');
    expect(expectStatus(await staff.api.raw('PATCH', `/drive/items/${notes.itemId}`, { name: 'REPORT (4).pdf' }), 200).name).toBe('REPORT (4).pdf');

    const elsewhere = expectStatus(await staff.api.post('/drive/folders', { parentId: folder.itemId, name: 'Elsewhere' }), 201);
    const other = await upload(staff, elsewhere.itemId, 'report.pdf');
    const moved = expectStatus(await staff.api.raw('PATCH', `/drive/items/${other.itemId}`, { parentId: folder.itemId }), 200);
    expect(moved.name).toBe('report (5).pdf');
    // The rename that came with the move is on the record.
    const renamed = expectStatus(await staff.api.get('/audit?action=drive.renamed&limit=50'), 200).items.map((e: any) => e.details);
    expect(renamed).toContainEqual(expect.objectContaining({ itemId: other.itemId, from: 'report.pdf', to: 'report (5).pdf' }));
  });

  it('a restored item whose name was taken meanwhile comes back numbered', async () => {
    const plan = await upload(staff, folder.itemId, 'plan.txt');
    expectStatus(await staff.api.raw('DELETE', `/drive/items/${plan.itemId}`), 200);
    await upload(staff, folder.itemId, 'PLAN.txt');
    expect(expectStatus(await staff.api.post(`/drive/items/${plan.itemId}/restore`), 200).name).toBe('plan (2).txt');
    expect((await listing()).filter((n: string) => /^plan/i.test(n)).sort()).toEqual(['PLAN.txt', 'plan (2).txt'].sort());
  });

  it('a customer sending two files of one name, twice, keeps all four; two customers of one name get two inbox folders', async () => {
    const first = await customerSession(staff, { name: 'Sam Same' });
    const second = await customerSession(staff, { name: 'Sam Same' });
    const send = async (c: typeof first) =>
      expectStatus(await c.api.post('/uploads', { files: [{ name: 'scan.pdf', size: 1 }, { name: 'Scan.pdf', size: 1 }] }), 201).uploads.map((u: any) => u.item.name);
    expect(await send(first)).toEqual(['scan.pdf', 'Scan (2).pdf']);
    expect(await send(first)).toEqual(['scan (3).pdf', 'Scan (4).pdf']);
    await send(second);
    const inboxes = expectStatus(await staff.api.get('/drive/folders/root/items?limit=200'), 200).items.filter((i: any) => /^From Sam Same/.test(i.name));
    expect(inboxes.map((i: any) => i.name).sort()).toEqual(['From Sam Same', 'From Sam Same (2)']);
  });
});
