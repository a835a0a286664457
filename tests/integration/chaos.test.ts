import 'fake-indexeddb/auto';
import { seededRandom } from '../support/random';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedActions, type DossierAction } from '../../src/domain';
import { FriendlyDeskDB, getCommuneConfig, isSent, receiveDossier, recordOp, sentThrough } from '../../src/db';
import { enrollDevice, syncOnce } from '../../src/sync';
import { startTestServer, type TestServer } from '../support/test-server';

const TABLETS = 3;
const OPS_PER_TABLET = 2000;
const FAILURE_RATE = 0.3;


let server: TestServer | undefined;
afterAll(() => server?.close());

describe('chaos: flaky network, server restarts, tablets reloaded mid-sync', () => {
  it(`ends with every op exactly once, no gaps, and ${TABLETS} tablets folding to the same state`, async () => {
    const r = seededRandom(42);
    const s = (server = await startTestServer({ db: 'pglite' }));
    const commune = await s.createCommune('CHAOS');
    const counters = { lostBefore: 0, lostAfter: 0, restarts: 0, reloads: 0, rounds: 0 };

    // Half the failures happen before the server sees the request, half after it committed.
    const flakyFetch: typeof fetch = async (input, init) => {
      const roll = r();
      if (roll < FAILURE_RATE / 2) {
        counters.lostBefore++;
        throw new TypeError('network down before the server');
      }
      const res = await fetch(input, init);
      if (roll < FAILURE_RATE) {
        counters.lostAfter++;
        await res.arrayBuffer().catch(() => {});
        throw new TypeError('network down after the server answered');
      }
      return res;
    };

    const tablets: { name: string; db: FriendlyDeskDB; recorded: number }[] = [];
    for (let i = 0; i < TABLETS; i++) {
      const name = `chaos-${i}-${crypto.randomUUID()}`;
      const db = new FriendlyDeskDB(name);
      await enrollDevice(db, await s.enrollmentCode(commune.id), s.url);
      tablets.push({ name, db, recorded: 0 });
    }
    const config = (await getCommuneConfig(tablets[0].db))!;
    const staffId = 'staff-chaos';

    async function work(t: (typeof tablets)[number], count: number) {
      for (let i = 0; i < count && t.recorded < OPS_PER_TABLET; i++) {
        const known = await t.db.dossiers.toCollection().primaryKeys();
        const roll = r();
        if (known.length === 0 || roll < 0.4) {
          await receiveDossier(t.db, {
            procedureId: config.procedures[Math.floor(r() * config.procedures.length)].id,
            applicant: { name: `Người ${t.recorded}` },
            channel: 'counter',
            documents: [],
            writtenByStaff: false,
            staffId,
            dueAt: '2026-12-31T10:00:00.000Z',
          });
        } else {
          const id = known[Math.floor(r() * known.length)];
          const dossier = (await t.db.dossiers.get(id))!;
          const actions = allowedActions(dossier.status);
          if (roll < 0.55 || actions.length === 0) {
            await recordOp(t.db, 'dossier.updated', id, { staffId, changes: { 'applicant.address': `Thôn ${Math.floor(r() * 20)}` } });
          } else {
            const action: DossierAction = actions[Math.floor(r() * actions.length)];
            await recordOp(t.db, 'dossier.transitioned', id, {
              action,
              staffId,
              ...(action === 'request-supplement' ? { missingDocuments: ['Giấy tờ bổ sung'] } : {}),
              ...(['refuse', 'withdraw', 'stop', 'apologize-extend'].includes(action) ? { reason: 'Thử nghiệm' } : {}),
              ...(action === 'apologize-extend' ? { newDueAt: '2027-01-15T10:00:00.000Z' } : {}),
            });
          }
        }
        t.recorded++;
      }
    }

    while (tablets.some((t) => t.recorded < OPS_PER_TABLET)) {
      counters.rounds++;
      for (const t of tablets) await work(t, 150 + Math.floor(r() * 150));
      const syncs = tablets.map(async (t) => {
        const run = syncOnce(t.db, s.url, flakyFetch);
        if (r() < 0.15) {
          // The tablet is reloaded in the middle of its sync: the page and its connection are gone.
          counters.reloads++;
          await new Promise((ok) => setTimeout(ok, r() * 30));
          t.db.close();
          await run;
          t.db = new FriendlyDeskDB(t.name);
          await t.db.open();
        } else await run;
      });
      if (r() < 0.3) {
        counters.restarts++;
        await new Promise((ok) => setTimeout(ok, r() * 40));
        await s.restart();
      }
      await Promise.all(syncs);
    }

    // The connection comes back for good: every tablet syncs until nothing is pending.
    for (let round = 0; round < 10; round++) {
      for (const t of tablets) await syncOnce(t.db, s.url);
      const pending = await Promise.all(tablets.map(async (t) => {
        const through = await sentThrough(t.db);
        return t.db.ops.filter((op) => !isSent(op, through)).count();
      }));
      if (pending.every((n) => n === 0)) break;
    }
    for (const t of tablets) await syncOnce(t.db, s.url);

    const { rows } = await s.sql.query<{ n: string; distinct_ops: string }>(
      'SELECT count(*) AS n, count(DISTINCT op_id) AS distinct_ops FROM ops WHERE commune_id = $1',
      [commune.id],
    );
    expect(Number(rows[0].n)).toBe(TABLETS * OPS_PER_TABLET);
    expect(Number(rows[0].distinct_ops)).toBe(TABLETS * OPS_PER_TABLET);

    const devices = await (await s.admin('GET', `/api/v1/admin/devices?communeId=${commune.id}`)).json();
    expect(devices).toHaveLength(TABLETS);
    for (const d of devices) expect(d).toMatchObject({ opCount: OPS_PER_TABLET, maxSeq: OPS_PER_TABLET, seqGaps: [] });

    const snapshot = async (db: FriendlyDeskDB) => {
      const rows = await db.dossiers.orderBy('id').toArray();
      return rows.map(({ words: _w, namePairs: _p, open: _o, ...state }) => state);
    };
    const first = await snapshot(tablets[0].db);
    expect(first.length).toBeGreaterThan(500);
    for (const t of tablets.slice(1)) expect(await snapshot(t.db)).toEqual(first);
    for (const t of tablets) expect(await t.db.ops.count()).toBe(TABLETS * OPS_PER_TABLET);

    console.log(`chaos: ${counters.rounds} rounds, ${counters.lostBefore} requests lost before and ${counters.lostAfter} after the server, ${counters.restarts} server restarts, ${counters.reloads} tablet reloads mid-sync`);
    expect(counters.lostBefore + counters.lostAfter).toBeGreaterThan(10);
    expect(counters.restarts).toBeGreaterThan(0);
    expect(counters.reloads).toBeGreaterThan(0);
  }, 300_000);
});
