import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Table } from 'dexie';
import { FriendlyDeskDB, PROJECTORS, recordOp, receiveDossier, tablesFor, WRITE_TABLES } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

let db: FriendlyDeskDB;
const names = (tables: Table[]) => tables.map((t) => t.name).sort();
const staffId = demoConfig.staff[0].id;

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
  await setUpDemoTablet(db);
});

describe('the projector table', () => {
  it('gives each op type the op log, meta and only its own projection', () => {
    expect(names(tablesFor(db, ['survey.submitted']))).toEqual(['meta', 'ops', 'surveys']);
    for (const type of ['dossier.received', 'dossier.transitioned', 'dossier.updated'])
      expect(names(tablesFor(db, [type])), type).toEqual(['dossiers', 'meta', 'ops']);
    expect(names(tablesFor(db, ['checklist.recorded']))).toEqual(['meta', 'ops']);
    for (const type of ['home.client-registered', 'home.client-updated'])
      expect(names(tablesFor(db, [type])), type).toEqual(['homeClients', 'meta', 'ops']);
    for (const type of ['home.visit-planned', 'home.visit-completed'])
      expect(names(tablesFor(db, [type])), type).toEqual(['homeVisits', 'meta', 'ops']);
    // Every projection a pulled page may write, home service included (issue 16).
    expect(names(WRITE_TABLES(db))).toEqual(['dossiers', 'homeClients', 'homeVisits', 'meta', 'ops', 'surveys']);
  });

  it('has recordOp open only the tables of the op type it records', async () => {
    const row = await receiveDossier(db, counterIntake('Nguyễn Văn An'));
    const transaction = vi.spyOn(db, 'transaction');
    await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied', dossierCode: row.code });
    await recordOp(db, 'dossier.transitioned', row.id, { action: 'start-processing', staffId });
    const opened = transaction.mock.calls.map((call) => names(call[1] as unknown as Table[]));
    expect(opened).toEqual([
      ['meta', 'ops', 'surveys'],
      ['dossiers', 'meta', 'ops'],
    ]);
    expect(await db.surveys.where('dossierCode').equals(row.code).count()).toBe(1);
    expect((await db.dossiers.get(row.id))?.status).toBe('processing');
  });

  it('keeps an op of a type without a projector in the op log alone', async () => {
    const op = await recordOp(db, 'checklist.recorded', crypto.randomUUID(), {
      templateId: 't',
      templateVersion: 1,
      staffId,
      date: '2026-03-10',
      items: { listen: true },
    });
    expect(PROJECTORS['checklist.recorded']).toBeUndefined();
    expect((await db.ops.get(op.opId))?.state).toBe('pending');
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.surveys.count()).toBe(0);
  });
});
