import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Table } from 'dexie';
import { FriendlyDeskDB, PROJECTORS, recordOp, receiveDossier, tablesFor, WRITE_TABLES } from '../../../src/db';
import { OP_TYPES } from '../../../src/domain';
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
    expect(names(tablesFor(db, ['checklist.recorded']))).toEqual(['checklistResults', 'meta', 'ops']);
    for (const type of ['letter.issued', 'letter.delivered']) expect(names(tablesFor(db, [type])), type).toEqual(['letters', 'meta', 'ops']);
    for (const type of ['home.client-registered', 'home.client-updated'])
      expect(names(tablesFor(db, [type])), type).toEqual(['homeClients', 'meta', 'ops']);
    for (const type of ['home.visit-planned', 'home.visit-completed'])
      expect(names(tablesFor(db, [type])), type).toEqual(['homeVisits', 'meta', 'ops']);
    // Every projection a pulled page may write.
    expect(names(WRITE_TABLES(db))).toEqual(['checklistResults', 'dossiers', 'homeClients', 'homeVisits', 'letters', 'meta', 'ops', 'surveys']);
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

  it('has a projector for every op type of the contract (a new capability adds its line)', () => {
    // Every v1 type has its screens now; a type without a projector would be kept in the op log only.
    expect(OP_TYPES.filter((t) => !PROJECTORS[t])).toEqual([]);
  });
});
