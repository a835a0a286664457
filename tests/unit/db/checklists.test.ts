import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPulledOps } from '../../../src/sync/inbox';
import { checklistRecordsBetween, citizenChecksBetween, FriendlyDeskDB, hasQuickCheck, receiveDossier, recordOp } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';
import { makeOp } from '../../support/ops';

let db: FriendlyDeskDB;
const [lan, minh, hung] = demoConfig.staff.map((s) => s.id);
const day = new Date('2026-03-10T03:00:00Z');

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
  await setUpDemoTablet(db);
});

describe('the checklist results table', () => {
  it('projects a recorded check with the op, keeping its version, mode and dossier', async () => {
    const dossier = await receiveDossier(db, counterIntake('Nguyễn Văn An'), day);
    const op = await recordOp(
      db,
      'checklist.recorded',
      crypto.randomUUID(),
      { templateId: '5-biet', templateVersion: 1, staffId: lan, checkedBy: lan, mode: 'self', date: '2026-03-10', dossierId: dossier.id, items: { listen: true } },
      day,
    );
    expect(await db.checklistResults.get(op.entityId)).toMatchObject({ templateVersion: 1, mode: 'self', dossierId: dossier.id, skipped: false });
    expect(await hasQuickCheck(db, dossier.id, lan)).toBe(true);
    expect(await hasQuickCheck(db, dossier.id, minh)).toBe(false);
  });

  it("projects pulled records, a 1.0 one as the officer's self-check, and reads them by day", async () => {
    const old = makeOp('checklist.recorded', { templateId: '5-biet', templateVersion: 1, staffId: minh, date: '2026-03-09', items: { listen: false } });
    const spot = makeOp('checklist.recorded', { templateId: '3-the-hien', templateVersion: 1, staffId: lan, checkedBy: hung, mode: 'leader', date: '2026-03-11', items: { respect: true } }, { deviceSeq: 2 });
    const skipped = makeOp('checklist.recorded', { templateId: '5-biet', templateVersion: 1, staffId: lan, date: '2026-04-01', items: {}, skipped: true }, { deviceSeq: 3 });
    const device = crypto.randomUUID();
    await applyPulledOps(db, [old, spot, skipped].map((o, i) => ({ ...o, deviceId: device, cursor: String(i + 1) })), '3');
    expect(await db.checklistResults.get(old.entityId)).toMatchObject({ mode: 'self', checkedBy: minh, skipped: false });
    const march = await checklistRecordsBetween(db, '2026-03-01', '2026-03-31');
    expect(march.map((r) => r.mode).sort()).toEqual(['leader', 'self']);
    expect((await checklistRecordsBetween(db, '2026-04-01', '2026-04-30'))[0].skipped).toBe(true);
  });
});

describe("citizens' checks on the tablet", () => {
  it("map linked answers to items, on the officer who served the citizen, within the days asked", async () => {
    const dossier = await receiveDossier(db, { ...counterIntake('Nguyễn Văn An'), staffId: minh }, day);
    await recordOp(db, 'dossier.transitioned', dossier.id, { action: 'start-processing', staffId: minh }, day);
    await recordOp(db, 'dossier.transitioned', dossier.id, { action: 'mark-result-ready', staffId: minh }, day);
    await recordOp(db, 'dossier.transitioned', dossier.id, { action: 'return-result', staffId: lan }, day);
    await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied', answers: { listened: false, trusted: true }, dossierCode: dossier.code }, day);
    await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied', answers: { listened: true } }, day);
    await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied', answers: { listened: true } }, new Date('2026-04-02T03:00:00Z'));
    const checks = await citizenChecksBetween(db, demoConfig.survey, '2026-03-01', '2026-03-31');
    expect(checks).toEqual(
      expect.arrayContaining([
        { templateId: '5-biet', itemId: 'listen', yes: false, date: '2026-03-10', staffId: lan },
        { templateId: '5-biet', itemId: 'trust', yes: true, date: '2026-03-10', staffId: lan },
        { templateId: '5-biet', itemId: 'listen', yes: true, date: '2026-03-10' },
      ]),
    );
    expect(checks).toHaveLength(3);
    const unlinked = { ...demoConfig.survey!, questions: demoConfig.survey!.questions.map(({ checklistItem: _c, ...q }) => q) };
    expect(await citizenChecksBetween(db, unlinked, '2026-03-01', '2026-03-31')).toEqual([]);
  });
});
