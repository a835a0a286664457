import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FriendlyDeskDB, listLetters, recordOp } from '../../../src/db';
import { demoConfig, setUpDemoTablet } from '../../support/fixtures';

let db: FriendlyDeskDB;
const staffId = demoConfig.staff[0].id;
const issued = (dossierId?: string) => ({
  kind: 'condolence',
  templateId: 'condolence',
  templateVersion: 1,
  ...(dossierId ? { dossierId } : {}),
  recipientName: 'Lê Thị Mai',
  body: 'Kính gửi bà Lê Thị Mai và gia đình',
  staffId,
});

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
  await setUpDemoTablet(db);
});

describe('the letters table', () => {
  it('projects letter.issued, then its delivery (the first one counts)', async () => {
    const id = crypto.randomUUID();
    const dossierId = crypto.randomUUID();
    await recordOp(db, 'letter.issued', id, issued(dossierId), new Date('2026-03-12T03:00:00Z'));
    expect(await db.letters.get(id)).toEqual({
      id,
      kind: 'condolence',
      templateId: 'condolence',
      templateVersion: 1,
      dossierId,
      recipientName: 'Lê Thị Mai',
      body: 'Kính gửi bà Lê Thị Mai và gia đình',
      staffId,
      issuedAt: '2026-03-12T03:00:00.000Z',
    });
    await recordOp(db, 'letter.delivered', id, { letterId: id, staffId, deliveredAt: '2026-03-12T04:00:00.000Z', method: 'at-home' }, new Date('2026-03-12T04:00:00Z'));
    await recordOp(db, 'letter.delivered', id, { letterId: id, staffId, deliveredAt: '2026-03-13T04:00:00.000Z', method: 'post' }, new Date('2026-03-13T04:00:00Z'));
    expect((await db.letters.get(id))?.delivered).toEqual({ at: '2026-03-12T04:00:00.000Z', staffId, method: 'at-home' });
    expect((await db.letters.where('dossierId').equals(dossierId).toArray()).map((l) => l.id)).toEqual([id]);
  });

  it('projects a delivery that arrived before its letter once the letter comes', async () => {
    const id = crypto.randomUUID();
    // A delivery from an outside client under its own entity id, naming the letter.
    await recordOp(db, 'letter.delivered', crypto.randomUUID(), { letterId: id, staffId, deliveredAt: '2026-03-12T04:00:00.000Z' });
    expect(await db.letters.count()).toBe(0);
    await recordOp(db, 'letter.issued', id, issued());
    expect((await db.letters.get(id))?.delivered).toEqual({ at: '2026-03-12T04:00:00.000Z', staffId });
    expect((await listLetters(db)).map((l) => l.id)).toEqual([id]);
  });
});
