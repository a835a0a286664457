import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FriendlyDeskDB, InvalidOpError, receiveDossier, recordOp, listDossiers, countPending, pruneSyncedSurveys } from '../../../src/db';
import { parseDossierCode } from '../../../src/domain';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

let db: FriendlyDeskDB;
const staffId = demoConfig.staff[0].id;
const input = counterIntake;

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('recording ops', () => {
  it('writes the op and its projection together, numbering ops per device', async () => {
    await setUpDemoTablet(db);
    const row = await receiveDossier(db, input('Nguyễn Văn An'), new Date('2026-03-10T02:00:00Z'));
    await recordOp(db, 'dossier.transitioned', row.id, { action: 'start-processing', staffId });
    const ops = await db.ops.orderBy('opId').toArray();
    expect(ops.map((o) => o.deviceSeq).sort()).toEqual([1, 2]);
    expect(ops.every((o) => o.state === 'pending')).toBe(true);
    expect((await db.dossiers.get(row.id))?.status).toBe('processing');
    expect(await countPending(db)).toBe(2);
  });

  it('stores nothing when the op is invalid', async () => {
    await setUpDemoTablet(db);
    const row = await receiveDossier(db, input('Nguyễn Văn An'));
    await expect(recordOp(db, 'dossier.transitioned', row.id, { action: 'refuse', staffId })).rejects.toBeInstanceOf(
      InvalidOpError,
    );
    await expect(receiveDossier(db, { ...input(''), applicant: { name: '' } })).rejects.toBeInstanceOf(InvalidOpError);
    expect(await db.ops.count()).toBe(1);
    expect((await db.dossiers.get(row.id))?.status).toBe('received');
    expect((await db.meta.get('deviceSeq'))?.value).toBe(1);
  });

  it('refuses to record before the tablet is set up', async () => {
    await expect(receiveDossier(db, input('A'))).rejects.toMatchObject({ code: 'no-device' });
  });

  it('issues codes that two offline tablets of one commune never share, restarting each day', async () => {
    const other = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
    await setUpDemoTablet(db, 1);
    await setUpDemoTablet(other, 2);
    const day = new Date('2026-03-10T02:00:00Z');
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      codes.push((await receiveDossier(db, input(`A ${i}`), day)).code);
      codes.push((await receiveDossier(other, input(`B ${i}`), day)).code);
    }
    expect(new Set(codes).size).toBe(60);
    const next = await receiveDossier(db, input('Next day'), new Date('2026-03-11T02:00:00Z'));
    expect(parseDossierCode(next.code)).toMatchObject({ dateKey: '2026-03-11', deviceNo: 1, counter: 1 });
  });
});

describe('listing dossiers', () => {
  it('pages through open dossiers by due date and finds them by folded name', async () => {
    await setUpDemoTablet(db);
    for (let i = 0; i < 120; i++) {
      await receiveDossier(db, { ...input(i % 2 ? `Nguyễn Thị Hòa ${i}` : `Trần Văn Đức ${i}`), dueAt: `2026-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z` });
    }
    const page = await listDossiers(db, { filter: 'open', limit: 50 });
    expect(page).toHaveLength(50);
    expect(page.map((r) => r.dueAt)).toEqual([...page.map((r) => r.dueAt)].sort());
    const found = await listDossiers(db, { filter: 'all', search: 'tran van duc 1', limit: 50 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.applicant.name.startsWith('Trần Văn Đức 1'))).toBe(true);
  });
});

describe('kiosk privacy', () => {
  it('prunes synced surveys after the configured days, keeping unsent ones', async () => {
    await setUpDemoTablet(db);
    const old = await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied' }, new Date('2026-11-01T02:00:00Z'));
    const unsent = await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied' }, new Date('2026-11-01T03:00:00Z'));
    const recent = await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied' }, new Date('2026-11-22T02:00:00Z'));
    await db.ops.bulkUpdate([old, recent].map((op) => ({ key: op.opId, changes: { state: 'synced' as const } })));
    expect(await pruneSyncedSurveys(db, 7, new Date('2026-11-23T02:00:00Z'))).toBe(1);
    expect((await db.ops.toArray()).map((op) => op.opId).sort()).toEqual([unsent.opId, recent.opId].sort());
    expect(await db.surveys.get(old.opId)).toBeUndefined();
  });
  it('prunes answers below the outbox checkpoint as sent ones', async () => {
    await setUpDemoTablet(db);
    const old = await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied' }, new Date('2026-11-01T02:00:00Z'));
    const unsent = await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied' }, new Date('2026-11-01T03:00:00Z'));
    await db.meta.put({ key: 'sentThrough', value: old.deviceSeq });
    expect(await countPending(db)).toBe(1);
    expect(await pruneSyncedSurveys(db, 7, new Date('2026-11-23T02:00:00Z'))).toBe(1);
    expect((await db.ops.toArray()).map((op) => op.opId)).toEqual([unsent.opId]);
  });
});
