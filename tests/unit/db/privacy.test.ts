import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  exportUnsyncedOps,
  loadDraft,
  saveDraft,
  FriendlyDeskDB,
  getLockout,
  listDossiers,
  receiveDossier,
  recordOp,
  recordPinFailure,
  clearPinFailures,
  runPrivacyUpkeep,
  saveCommuneConfig,
  markSynced,
  listLetters,
  type DossierRow,
} from '../../../src/db';
import { applyPulledOps } from '../../../src/sync';
import { localReport } from '../../../src/db/figures';
import { letterFigures, afterFailure, FIRST_LOCK_MS, NO_LOCKOUT, lockRemainingMs } from '../../../src/domain';
import { counterIntake, demoConfig, SENT_WAYS, setUpDemoTablet } from '../../support/fixtures';

let db: FriendlyDeskDB;
const staffId = demoConfig.staff[0].id;
const DAY = 86_400_000;
const personal = { idNumber: '001204012345', phone: '0912345678', address: 'Thôn 3, xã Mẫu' };

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
  await setUpDemoTablet(db);
});

async function receive(name: string, at: Date): Promise<DossierRow> {
  const input = counterIntake(name);
  return receiveDossier(db, { ...input, applicant: { name, ...personal }, dueAt: new Date(at.getTime() + 10 * DAY).toISOString() }, at);
}

let markAllSynced: () => Promise<unknown>;
const figures = async (now: Date) => localReport(db, '2026-01-01', '2026-12-31', now);

// Each behaviour holds whichever way the sent ops are stored (SENT_WAYS).
describe.each(SENT_WAYS)('with sent ops %s', (_way, markSent) => {
  beforeEach(() => {
    markAllSynced = () => markSent(db);
  });

  describe('retention on a counter tablet', () => {
    const start = new Date('2026-03-02T02:00:00Z');
    const now = new Date(start.getTime() + 120 * DAY);

    it('strips ID number, phone and address of dossiers closed longer than the retention period; lists, search and figures stay right', async () => {
      const old = await receive('Nguyễn Thị Hòa', start);
      await recordOp(db, 'dossier.transitioned', old.id, { action: 'start-processing', staffId }, new Date(start.getTime() + DAY));
      await recordOp(db, 'dossier.updated', old.id, { staffId, changes: { 'applicant.phone': '0987654321' } }, new Date(start.getTime() + DAY));
      await recordOp(db, 'dossier.transitioned', old.id, { action: 'refuse', staffId, reason: 'Thiếu giấy tờ' }, new Date(start.getTime() + 2 * DAY));
      const recent = await receive('Trần Văn Minh', start);
      await recordOp(db, 'dossier.transitioned', recent.id, { action: 'refuse', staffId, reason: 'Sai thủ tục' }, new Date(now.getTime() - 10 * DAY));
      const open = await receive('Lê Văn Tám', start);
      await markAllSynced();
      const before = await figures(now);
      expect((await db.dossiers.get(old.id))?.personalClosedAt).toBeDefined();

      await saveCommuneConfig(db, { ...demoConfig, settings: { retentionDays: 90, idleLockMinutes: 5 } });
      await runPrivacyUpkeep(db, now);

      const stripped = (await db.dossiers.get(old.id))!;
      expect(stripped.applicant).toEqual({ name: 'Nguyễn Thị Hòa' });
      expect(stripped.personalClosedAt).toBeUndefined();
      expect(stripped.status).toBe('refused');
      expect(JSON.stringify(stripped)).not.toMatch(/001204012345|0912345678|0987654321|Thôn 3/);
      const ops = await db.ops.where('entityId').equals(old.id).toArray();
      expect(ops).toHaveLength(4);
      expect(JSON.stringify(ops)).not.toMatch(/001204012345|0912345678|0987654321|Thôn 3/);
      // Still found by name and by code, no longer by the phone it held.
      const search = async (q: string) => (await listDossiers(db, { filter: 'all', search: q })).map((r) => r.id);
      expect(await search('nguyen thi hoa')).toEqual([old.id]);
      expect(await search(old.code)).toEqual([old.id]);
      expect(await search('0987654321')).toEqual([]);
      expect((await listDossiers(db, { filter: 'all' })).map((r) => r.id).sort()).toEqual([old.id, recent.id, open.id].sort());
      // Closed recently, or still open: everything stays.
      expect((await db.dossiers.get(recent.id))?.applicant).toEqual({ name: 'Trần Văn Minh', ...personal });
      expect((await db.dossiers.get(open.id))?.applicant).toEqual({ name: 'Lê Văn Tám', ...personal });
      expect(await figures(now)).toEqual(before);

      // A shorter period set centrally takes the other closed dossier too.
      await saveCommuneConfig(db, { ...demoConfig, settings: { retentionDays: 5, idleLockMinutes: 5 } });
      await runPrivacyUpkeep(db, now);
      expect((await db.dossiers.get(recent.id))?.applicant).toEqual({ name: 'Trần Văn Minh' });
      expect((await db.dossiers.get(open.id))?.applicant).toEqual({ name: 'Lê Văn Tám', ...personal });
    });

    it('keeps everything of a dossier whose ops are not sent yet, and strips it once they are', async () => {
      const old = await receive('Phạm Thị Lan', start);
      await recordOp(db, 'dossier.transitioned', old.id, { action: 'refuse', staffId, reason: 'Thiếu giấy tờ' }, new Date(start.getTime() + DAY));
      await runPrivacyUpkeep(db, now); // default period: 90 days
      expect((await db.dossiers.get(old.id))?.applicant).toEqual({ name: 'Phạm Thị Lan', ...personal });
      expect((await db.ops.where('entityId').equals(old.id).first())?.data).toMatchObject({ applicant: personal });
      await markAllSynced();
      await runPrivacyUpkeep(db, now);
      expect((await db.dossiers.get(old.id))?.applicant).toEqual({ name: 'Phạm Thị Lan' });
    });

    it('works through more dossiers than one chunk', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 510; i++) {
        const at = new Date(start.getTime() + i * 60_000);
        ids.push((await receive(`Võ Văn ${i}`, at)).id);
        await recordOp(db, 'dossier.transitioned', ids[i], { action: 'refuse', staffId, reason: 'x' }, at);
      }
      await markAllSynced();
      await runPrivacyUpkeep(db, now);
      expect(await db.dossiers.where('personalClosedAt').above('').count()).toBe(0);
      expect((await db.dossiers.get(ids[509]))?.applicant).toEqual({ name: 'Võ Văn 509' });
    }, 60_000);

    it('marks closed dossiers stored by schema 2 for the sweep (schema 2 → 3)', async () => {
      const row = await receive('Đỗ Thị Mai', start);
      await recordOp(db, 'dossier.transitioned', row.id, { action: 'refuse', staffId, reason: 'x' }, start);
      await markAllSynced();
      const { personalClosedAt: _closed, ...oldRow } = (await db.dossiers.get(row.id))!;
      const oldOps = await db.ops.toArray();
      const name = `upgrade-${crypto.randomUUID()}`;
      const v2 = new Dexie(name);
      v2.version(2).stores({
        ops: 'opId, [state+deviceSeq], entityId, type',
        dossiers: 'id, code, status, [open+dueAt], receivedAt, *words, *namePairs',
        config: 'key',
        meta: 'key',
      });
      await v2.table('dossiers').add(oldRow);
      const survey = { ...oldOps[0], opId: crypto.randomUUID(), entityId: crypto.randomUUID(), type: 'survey.submitted', data: { rating: 'satisfied', comment: 'Rất tốt' }, state: 'synced' };
      const unsentSurvey = { ...survey, opId: crypto.randomUUID(), state: 'pending' };
      await v2.table('ops').bulkAdd([...oldOps, survey, unsentSurvey]);
      await v2.table('meta').bulkPut(await db.meta.toArray());
      await v2.table('config').bulkPut(await db.config.toArray());
      v2.close();

      const upgraded = new FriendlyDeskDB(name);
      expect((await upgraded.dossiers.get(row.id))?.personalClosedAt).toBe(start.toISOString());
      // Comments the server already has go with the upgrade; one not yet sent stays.
      expect((await upgraded.ops.get(survey.opId))?.data).toEqual({ rating: 'satisfied' });
      expect((await upgraded.ops.get(unsentSurvey.opId))?.data).toEqual({ rating: 'satisfied', comment: 'Rất tốt' });
      await runPrivacyUpkeep(upgraded, now);
      expect((await upgraded.dossiers.get(row.id))?.applicant).toEqual({ name: 'Đỗ Thị Mai' });
      upgraded.close();
    });
  });

  describe('letters under the retention period', () => {
    const start = new Date('2026-03-02T02:00:00Z');
    const now = new Date(start.getTime() + 120 * DAY);
    const mai = 'Lê Thị Mai';

    async function letter(dossierId: string | undefined, at: Date, delivered?: Date) {
      const id = crypto.randomUUID();
      const data = { kind: 'condolence', templateId: 'condolence', recipientName: mai, body: `Kính gửi bà ${mai}, Thôn 3, xã Mẫu`, staffId, ...(dossierId ? { dossierId } : { occasion: 'mừng thọ 80 tuổi' }) };
      await recordOp(db, 'letter.issued', id, data, at);
      if (delivered) await recordOp(db, 'letter.delivered', id, { letterId: id, staffId, deliveredAt: delivered.toISOString(), method: 'at-home' }, delivered);
      return id;
    }
    const letterFiguresNow = async () => letterFigures({ letters: (await listLetters(db)).map((l) => ({ kind: l.kind, issuedAt: l.issuedAt, deliveredAt: l.delivered?.at })), suggested: [], from: '2026-01-01', to: '2026-12-31' });

    it('takes the recipient, occasion and text off letters delivered, or of dossiers closed, longer ago than the period; lists and figures stay', async () => {
      const closed = await receive(mai, start);
      await recordOp(db, 'dossier.transitioned', closed.id, { action: 'refuse', staffId, reason: 'Sai thủ tục' }, new Date(start.getTime() + DAY));
      const open = await receive('Trần Văn Minh', start);
      const deliveredLongAgo = await letter(closed.id, start, new Date(start.getTime() + 3 * DAY));
      const noDossierLongAgo = await letter(undefined, start, new Date(start.getTime() + 3 * DAY));
      const deliveredRecently = await letter(closed.id, start, new Date(now.getTime() - 10 * DAY));
      const undeliveredClosed = await letter(closed.id, start);
      const undeliveredOpen = await letter(open.id, start);
      await markAllSynced();
      const listBefore = (await listLetters(db)).map((l) => [l.id, l.kind, l.issuedAt, l.delivered?.at]);
      const figuresBefore = await letterFiguresNow();

      await runPrivacyUpkeep(db, now); // default period: 90 days
      for (const id of [deliveredLongAgo, noDossierLongAgo, undeliveredClosed]) {
        const row = (await db.letters.get(id))!;
        expect(row).toMatchObject({ kind: 'condolence', templateId: 'condolence', staffId });
        expect(row.recipientName).toBeUndefined();
        expect(row.body).toBeUndefined();
        expect(row.occasion).toBeUndefined();
        expect(JSON.stringify(await db.ops.where('entityId').equals(id).toArray())).not.toMatch(/Lê Thị Mai|Thôn 3|mừng thọ/);
      }
      expect((await db.letters.get(deliveredLongAgo))?.delivered).toMatchObject({ method: 'at-home' });
      expect((await db.letters.get(undeliveredClosed))?.dossierId).toBe(closed.id);
      for (const id of [deliveredRecently, undeliveredOpen]) expect(await db.letters.get(id)).toMatchObject({ recipientName: mai, body: expect.stringContaining('Thôn 3') });
      expect((await listLetters(db)).map((l) => [l.id, l.kind, l.issuedAt, l.delivered?.at])).toEqual(listBefore);
      expect(await letterFiguresNow()).toEqual(figuresBefore);
    });

    it('keeps everything of a letter with an unsent op, and strips it once it is sent', async () => {
      const id = await letter(undefined, start);
      await markAllSynced();
      await recordOp(db, 'letter.delivered', id, { letterId: id, staffId, deliveredAt: new Date(start.getTime() + DAY).toISOString(), method: 'post' }, new Date(start.getTime() + DAY));
      await runPrivacyUpkeep(db, now);
      expect((await db.letters.get(id))?.recipientName).toBe(mai);
      await markAllSynced();
      await runPrivacyUpkeep(db, now);
      expect((await db.letters.get(id))?.recipientName).toBeUndefined();
      expect((await db.letters.get(id))?.delivered).toMatchObject({ method: 'post' });
    });
  });

  describe('survey comments', () => {
    it('are not stored when pulled from another tablet; the rating is', async () => {
      const comment = 'Cán bộ tên Hoa rất nhiệt tình';
      const op = { opId: crypto.randomUUID(), deviceSeq: 1, type: 'survey.submitted', entityId: crypto.randomUUID(), at: new Date().toISOString(), hlc: '001764547200000:000000', data: { rating: 'satisfied', comment }, deviceId: 'kiosk-1', cursor: '1' };
      await applyPulledOps(db, [op], '1');
      expect((await db.ops.get(op.opId))?.data).toEqual({ rating: 'satisfied' });
      expect(await db.surveys.get(op.opId)).toMatchObject({ rating: 'satisfied' });
    });

    it('make nothing else change when an op becomes synced', () => {
      expect(markSynced({ type: 'survey.submitted', data: { rating: 'normal', comment: 'x' } })).toEqual({ state: 'synced', data: { rating: 'normal' } });
      expect(markSynced({ type: 'survey.submitted', data: { rating: 'normal' } })).toEqual({ state: 'synced' });
      expect(markSynced({ type: 'dossier.received', data: { applicant: { name: 'A', phone: '0912345678' } } })).toEqual({ state: 'synced' });
    });
  });

  describe('a kiosk upgraded from a 1.0 config', () => {
    it('forgets the staff PIN hashes it was sent', async () => {
      await saveCommuneConfig(db, { ...demoConfig, staff: [], staffPins: demoConfig.staff.map(({ pinSalt, pinHash }) => ({ pinSalt, pinHash })) });
      await runPrivacyUpkeep(db);
      expect((await db.config.get('commune'))?.value).not.toHaveProperty('staffPins');
      expect(JSON.stringify(await db.config.toArray())).not.toContain(demoConfig.staff[0].pinHash);
    });
  });

  describe('a revoked tablet', () => {
    it('wipes everything it sent or pulled and keeps only what the server does not have', async () => {
      const sent = await receive('Nguyễn Văn Đã Gửi', new Date());
      await markAllSynced();
      // Pulled from another tablet of the commune.
      await db.ops.add({ ...(await db.ops.get((await db.ops.toCollection().first())!.opId))!, opId: crypto.randomUUID(), deviceId: 'other', entityId: crypto.randomUUID(), state: 'synced' });
      const waiting = await receive('Trần Thị Chưa Gửi', new Date());
      const refused = await recordOp(db, 'dossier.transitioned', sent.id, { action: 'start-processing', staffId });
      await db.ops.update(refused.opId, { state: 'rejected', error: { code: 'invalid-op', message: 'x' } });
      const discarded = await recordOp(db, 'dossier.transitioned', sent.id, { action: 'mark-result-ready', staffId });
      await db.ops.update(discarded.opId, { state: 'rejected', resolution: 'discarded' });
      const device = (await db.meta.get('device'))!.value as object;
      await db.meta.bulkPut([
        { key: 'device', value: { ...device, mode: 'enrolled', token: 'secret-token' } },
        { key: 'pullCursor', value: '42' },
        { key: 'revoked', value: new Date().toISOString() },
      ]);
      await saveDraft(db, 'intake', staffId, { name: 'Lê Văn Nháp', idNumber: '001099012345' });

      await runPrivacyUpkeep(db);

      const kept = await db.ops.toArray();
      expect(kept.map((o) => o.opId).sort()).toEqual([(await db.ops.where('entityId').equals(waiting.id).first())!.opId, refused.opId].sort());
      expect(await db.dossiers.count()).toBe(0);
      expect(await db.surveys.count()).toBe(0);
      expect(await db.meta.get('pullCursor')).toBeUndefined();
      expect((await db.meta.get('device'))?.value).not.toHaveProperty('token');
      expect((await db.config.get('commune'))?.value).toMatchObject({ staff: expect.any(Array) }); // PINs still open the export
      const exported = JSON.parse(await (await exportUnsyncedOps(db)).text());
      expect(exported.ops.map((o: { opId: string }) => o.opId).sort()).toEqual(kept.map((o) => o.opId).sort());
      expect(JSON.stringify(exported)).not.toContain('Đã Gửi');
      expect(await loadDraft(db, 'intake', staffId)).toBeUndefined();
    });
  });
});

describe('PIN lockout', () => {
  it('locks after five failures for 30 s, doubling, and a success clears it', () => {
    let state = NO_LOCKOUT;
    for (let i = 0; i < 4; i++) state = afterFailure(state, 0);
    expect(lockRemainingMs(state, 0)).toBe(0);
    state = afterFailure(state, 1000);
    expect(lockRemainingMs(state, 1000)).toBe(FIRST_LOCK_MS);
    state = afterFailure(state, 50_000);
    expect(lockRemainingMs(state, 50_000)).toBe(2 * FIRST_LOCK_MS);
    state = afterFailure(state, 200_000);
    expect(lockRemainingMs(state, 200_000)).toBe(4 * FIRST_LOCK_MS);
    for (let i = 0; i < 40; i++) state = afterFailure(state, 0);
    expect(lockRemainingMs(state, 0)).toBe(24 * 3600_000);
  });

  it('is kept in IndexedDB, so another connection (a reload) sees it', async () => {
    for (let i = 0; i < 5; i++) await recordPinFailure(db, 1000);
    const reopened = new FriendlyDeskDB(db.name);
    expect(lockRemainingMs(await getLockout(reopened), 1000)).toBe(FIRST_LOCK_MS);
    await clearPinFailures(reopened);
    expect(await getLockout(db)).toEqual(NO_LOCKOUT);
    reopened.close();
  });
});
