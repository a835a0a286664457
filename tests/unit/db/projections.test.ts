import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Table } from 'dexie';
import { FriendlyDeskDB, PROJECTORS, recordOp, receiveDossier, tablesFor, WRITE_TABLES } from '../../../src/db';
import { OP_TYPES } from '../../../src/domain';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

let db: FriendlyDeskDB;
const UUID = '9b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f';
/** A valid op of each type that may still lack a projector. */
const UNPROJECTED_SAMPLES: Record<string, Record<string, unknown>> = {
  'letter.issued': { kind: 'thanks', templateId: 't', recipientName: 'Ông An', body: 'Cảm ơn', staffId: 'x' },
  'letter.delivered': { letterId: UUID, staffId: 'x', deliveredAt: '2026-03-11T09:00:00+07:00', method: 'in-person' },
  'home.client-registered': { name: 'Bà Tư', address: 'Thôn 1', reason: 'elderly', consent: true },
  'home.client-updated': { changes: { phone: '0987654321' } },
  'home.visit-planned': { clientId: UUID, date: '2026-03-12', purpose: 'receive', staffId: 'x' },
  'home.visit-completed': { visitId: UUID, outcome: 'done', staffId: 'x' },
};
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

  it('keeps an op of a type without a projector in the op log alone', async () => {
    // Whichever type still has no projector (capabilities add theirs one by one).
    const type = OP_TYPES.find((t) => !PROJECTORS[t]);
    if (!type) return;
    const op = await recordOp(db, type, crypto.randomUUID(), UNPROJECTED_SAMPLES[type]);
    expect(PROJECTORS[type]).toBeUndefined();
    expect((await db.ops.get(op.opId))?.state).toBe('pending');
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.surveys.count()).toBe(0);
  });
});
