import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { FriendlyDeskDB, listDossiers, receiveDossier, toDossierRow, type DossierRow, type StoredOp } from '../../../src/db';
import { foldDossier, foldVietnamese, namePairQuery, nameWordPairs } from '../../../src/domain';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';
import { makeOp, receivedData } from '../../support/ops';

let db: FriendlyDeskDB;
const staffId = demoConfig.staff[0].id;

beforeEach(async () => {
  db = new FriendlyDeskDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('searching names', () => {
  const names = ['Nguyễn Thị Hòa', 'Nguyễn Thị Hoàng Anh', 'Nguyễn Văn Hòa', 'Trần Thị Hòa', 'Hòa Thị Nguyễn', 'Nguyễn Thịnh Hòa'];
  const found = async (search: string) =>
    (await listDossiers(db, { filter: 'all', search, limit: 50 })).map((r) => r.applicant.name).sort();

  beforeEach(async () => {
    await setUpDemoTablet(db);
    for (const name of names) await receiveDossier(db, counterIntake(name));
  });

  it('finds every dossier holding the typed words, in any order, the last one unfinished', async () => {
    expect(await found('nguyen thi hoa')).toEqual(['Hòa Thị Nguyễn', 'Nguyễn Thị Hoàng Anh', 'Nguyễn Thị Hòa'].sort());
    expect(await found('hòa nguyễn')).toEqual(['Hòa Thị Nguyễn', 'Nguyễn Thịnh Hòa', 'Nguyễn Văn Hòa', 'Nguyễn Thị Hòa'].sort());
    expect(await found('thi hoang')).toEqual(['Nguyễn Thị Hoàng Anh']);
    expect(await found('tran hoa')).toEqual(['Trần Thị Hòa']);
    expect(await found('le van')).toEqual([]);
  });

  it('reads unfinished words as beginnings when no name has them whole, and mixes names with codes', async () => {
    // "thi" is a whole word in some names, so "Thịnh" is not taken for it; "ngu" is in no name whole.
    expect(await found('ngu thi hoa')).toEqual(['Hòa Thị Nguyễn', 'Nguyễn Thịnh Hòa', 'Nguyễn Thị Hoàng Anh', 'Nguyễn Thị Hòa'].sort());
    const [row] = await listDossiers(db, { filter: 'all', search: 'tran thi hoa', limit: 1 });
    expect(await found(`tran ${row.code}`)).toEqual(['Trần Thị Hòa']);
  });

  it('indexes the name pairs of dossiers stored before pairs existed (schema 1 → 2)', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ dossiers: 'id, code, status, [open+dueAt], receivedAt, *words' });
    const { namePairs: _pairs, ...oldRow } = (await db.dossiers.toArray())[0];
    await v1.table('dossiers').add(oldRow);
    v1.close();

    const upgraded = new FriendlyDeskDB(name);
    const row = await upgraded.dossiers.get(oldRow.id);
    expect(row?.namePairs).toEqual(nameWordPairs(oldRow.applicant.name));
    expect((await listDossiers(upgraded, { filter: 'all', search: oldRow.applicant.name, limit: 5 })).map((r) => r.id)).toEqual([oldRow.id]);
    upgraded.close();
  });
});


describe('searching many dossiers', () => {
  const FAMILY = ['Nguyễn', 'Lê'];
  const MIDDLE = ['Văn', 'Thị', 'Thịnh'];
  const GIVEN = ['Hòa', 'Hoàng', 'An', 'Anh', 'Bình'];

  /** What the indexes must give, found by reading every row. */
  function expected(rows: DossierRow[], query: string) {
    const plan = namePairQuery(query);
    let found = plan
      ? rows.filter((r) => plan.exact.every((p) => r.namePairs.includes(p)) && r.namePairs.some((p) => p.startsWith(plan.prefix)))
      : [];
    if (found.length === 0) {
      const words = foldVietnamese(query).split(' ');
      found = rows.filter((r) => words.every((w) => r.words.some((t) => t.startsWith(w))));
    }
    return found.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, 50).map((r) => r.id);
  }

  it('gives what reading every dossier gives, for rare and common words alike', async () => {
    const rows: DossierRow[] = [];
    for (let i = 0; i < 4200; i++) {
      const wall = Date.UTC(2026, 0, 5) + i * 3_600_000;
      const data = receivedData(wall, i + 1, {
        code: `H29-260105-01${String(i).padStart(4, '0')}`,
        procedureId: demoConfig.procedures[0].id,
        applicant: { name: `${FAMILY[i % 2]} ${MIDDLE[(i >> 2) % 3]} ${GIVEN[(i * 7) % 5]}`, phone: `09${String(10_000_000 + i)}` },
        dueAt: new Date(wall).toISOString(),
        documents: [],
        staffId,
      });
      const op: StoredOp = { ...makeOp('dossier.received', data, { deviceSeq: i + 1, wall }), deviceId: 'tablet-1', state: 'synced' };
      rows.push(toDossierRow(foldDossier(op.entityId, [op])));
    }
    await db.dossiers.bulkAdd(rows);
    // "nguyen", "thi" and "h29" are held by more dossiers than are fetched at once (2,000): those walk the newest.
    const queries = ['nguyen', 'thi', 'h29', 'hoa', 'binh', 'nguyen thi hoa', 'hoa nguyen', 'thi an', 'ngu thi', 'le 0910', 'H29-260105-010042'];
    for (const query of queries) {
      const got = (await listDossiers(db, { filter: 'all', search: query, limit: 50 })).map((r) => r.id);
      expect(got, query).toEqual(expected(rows, query));
      expect(got.length, query).toBeGreaterThan(0);
    }
  });
});
