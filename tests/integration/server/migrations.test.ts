import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/server/migrations';
import { openTestPglite } from '../../support/pglite-template';

describe('migrations', () => {
  it('upgrade a database made by the first release, keeping its ops, and run once only', async () => {
    const sql = await openTestPglite();
    try {
      // The database as the first release left it: migration 1 only, with an op in it.
      await sql.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const statement of MIGRATIONS[0].split(';').map((s) => s.trim()).filter(Boolean)) await sql.query(statement);
      await sql.query('INSERT INTO schema_migrations (version) VALUES (1)');
      await sql.query("INSERT INTO communes (id, code, name) VALUES ('c1', 'C1', 'Xã Một'), ('c2', 'C2', 'Xã Hai')");
      const op = (commune: string, device: string, opId: string, seq: number, data: unknown = { rating: 'satisfied' }) =>
        sql.query(
          `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data)
           VALUES ($1, $2, $3, $4, 'survey.submitted', gen_random_uuid(), '2026-03-10T00:00:00Z', 'h', $5) ON CONFLICT DO NOTHING RETURNING seq`,
          [commune, device, opId, seq, JSON.stringify(data)],
        );
      const d1 = '00000000-0000-4000-8000-000000000001';
      const d2 = '00000000-0000-4000-8000-000000000002';
      const id = '00000000-0000-4000-8000-0000000000aa';
      await op('c1', d1, id, 1, { rating: 'satisfied', comment: 'Cảm ơn cán bộ' });

      await migrate(sql);
      await migrate(sql);
      const { rows: versions } = await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((v) => Number(v.version))).toEqual(MIGRATIONS.map((_, i) => i + 1));
      expect((await sql.query('SELECT op_id, data FROM ops')).rows).toEqual([{ op_id: id, data: { rating: 'satisfied', comment: 'Cảm ơn cán bộ' } }]);

      // The op log's keys after migration 2: read by commune, op ids unique server-wide.
      const { rows: keys } = await sql.query<{ def: string }>(
        "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'ops'::regclass AND contype IN ('p', 'u') ORDER BY 1",
      );
      expect(keys.map((k) => k.def)).toEqual(['PRIMARY KEY (commune_id, seq)', 'UNIQUE (device_id, device_seq)', 'UNIQUE (op_id)']);
      expect((await op('c1', d1, id, 2)).rows).toEqual([]); // the same op id
      expect((await op('c2', d2, id, 1)).rows).toEqual([]); // in any commune
      expect((await op('c1', d1, '00000000-0000-4000-8000-0000000000bb', 1)).rows).toEqual([]); // the same device seq
      expect((await op('c2', d2, '00000000-0000-4000-8000-0000000000cc', 1)).rows).toHaveLength(1);
      const { rows: tables } = await sql.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'entities'");
      expect(tables).toEqual([]);
    } finally {
      await sql.close();
    }
  });

  it('migration 3 keeps ops stored with a clock far ahead, marks them clock-ahead and out of the figures', async () => {
    const sql = await openTestPglite();
    try {
      await sql.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const [i, migration] of MIGRATIONS.slice(0, 2).entries()) {
        for (const statement of migration.split(';').map((s) => s.trim()).filter(Boolean)) await sql.query(statement);
        await sql.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      }
      const device = '00000000-0000-4000-8000-000000000001';
      const yearAhead = Date.now() + 365 * 86_400_000;
      const ops: [string, string, string, string][] = [
        ['00000000-0000-4000-8000-0000000000a1', '2026-03-10T00:00:00.000Z', '001773100800000:000000', 'satisfied'],
        ['00000000-0000-4000-8000-0000000000a2', new Date(yearAhead).toISOString(), `${String(yearAhead).padStart(15, '0')}:000000`, 'not-satisfied'],
        ['00000000-0000-4000-8000-0000000000a3', '2026-03-10T00:00:01.000Z', '999999999999999:999999', 'not-satisfied'],
      ];
      for (const [i, [opId, at, hlc, rating]] of ops.entries()) {
        await sql.query(
          `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data)
           VALUES ('c1', $1, $2, $3, 'survey.submitted', gen_random_uuid(), $4, $5, $6)`,
          [device, opId, i + 1, at, hlc, JSON.stringify({ rating })],
        );
        await sql.query("INSERT INTO surveys (op_id, commune_id, device_id, rating, at) VALUES ($1, 'c1', $2, $3, $4)", [opId, device, rating, at]);
      }
      await migrate(sql);
      const { rows } = await sql.query<{ op_id: string; excluded: string | null }>('SELECT op_id, excluded FROM ops ORDER BY op_id');
      expect(rows.map((r) => r.excluded)).toEqual([null, 'clock-ahead', 'clock-ahead']);
      const { rows: surveys } = await sql.query<{ excluded: string | null }>('SELECT excluded FROM surveys ORDER BY op_id');
      expect(surveys.map((r) => r.excluded)).toEqual([null, 'clock-ahead', 'clock-ahead']);
    } finally {
      await sql.close();
    }
  });

  it('the longevity migration reads the birth years already sent back from the op log, the latest by HLC', async () => {
    const sql = await openTestPglite();
    try {
      // Every migration before the longevity one (10), then a person on the list with two birth years sent.
      await sql.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const before = 9;
      for (const text of MIGRATIONS.slice(0, before)) for (const statement of text.split(';').map((t) => t.trim()).filter(Boolean)) await sql.query(statement);
      for (let v = 1; v <= before; v++) await sql.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
      await sql.query("INSERT INTO communes (id, code, name) VALUES ('c1', 'C1', 'Xã Một')");
      const client = '00000000-0000-4000-8000-0000000000c1';
      const other = '00000000-0000-4000-8000-0000000000c2';
      const device = '00000000-0000-4000-8000-000000000001';
      const op = (seq: number, entity: string, type: string, hlc: string, data: unknown) =>
        sql.query(
          `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data) VALUES ('c1', $1, gen_random_uuid(), $2, $3, $4, '2026-03-10T00:00:00Z', $5, $6)`,
          [device, seq, type, entity, hlc, JSON.stringify(data)],
        );
      await op(1, client, 'home.client-registered', '001773100000000:000000', { name: 'Cụ Thọ', address: 'Thôn Đông', birthYear: 1947, reason: 'elderly' });
      await op(3, client, 'home.client-updated', '001773100000002:000000', { changes: { phone: '0912345678' } });
      await op(2, client, 'home.client-updated', '001773100000001:000000', { changes: { birthYear: 1946 } });
      await op(4, other, 'home.client-registered', '001773100000003:000000', { name: 'Bà Tư', address: 'Thôn Bắc', reason: 'sick' });
      for (const id of [client, other]) await sql.query("INSERT INTO home_clients (id, commune_id, reason, registered_at) VALUES ($1, 'c1', 'elderly', now())", [id]);

      await migrate(sql);
      const { rows } = await sql.query<{ id: string; birth_year: number | null }>('SELECT id, birth_year FROM home_clients ORDER BY id');
      expect(rows.map((r) => [r.id, r.birth_year === null ? null : Number(r.birth_year)])).toEqual([
        [client, 1946],
        [other, null],
      ]);
      expect((await sql.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'letters' AND column_name = 'client_id'")).rows).toHaveLength(1);
    } finally {
      await sql.close();
    }
  }, 60_000);
  it("migration 9 gives the dossiers already stored their report facts (folded again) and the surveys their comments", async () => {
    const sql = await openTestPglite();
    try {
      await sql.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const [i, migration] of MIGRATIONS.slice(0, 8).entries()) {
        for (const statement of migration.split(';').map((s) => s.trim()).filter(Boolean)) await sql.query(statement);
        await sql.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      }
      await sql.query("INSERT INTO communes (id, code, name) VALUES ('c1', 'C1', 'Xã Một')");
      const device = '00000000-0000-4000-8000-000000000001';
      const dossier = '00000000-0000-4000-8000-0000000000d1';
      const op = (seq: number, type: string, entity: string, at: string, data: unknown) =>
        sql.query(
          `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data) VALUES ('c1', $1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)`,
          [device, seq, type, entity, at, `${String(Date.parse(at)).padStart(15, '0')}:000000`, JSON.stringify(data)],
        );
      // Received Tuesday 10/03/2026 09:00 in Vietnam, due Friday 13/03, result ready Wednesday 11/03.
      await op(1, 'dossier.received', dossier, '2026-03-10T02:00:00.000Z', {
        code: 'HS-1', procedureId: 'khai-sinh', applicant: { name: 'A' }, channel: 'counter', receivedAt: '2026-03-10T02:00:00.000Z',
        dueAt: '2026-03-13T10:00:00.000Z', documents: [], writtenByStaff: false, staffId: 'staff-lan',
      });
      await op(2, 'dossier.transitioned', dossier, '2026-03-11T02:00:00.000Z', { action: 'start-processing', staffId: 'staff-lan' });
      await op(3, 'dossier.transitioned', dossier, '2026-03-11T03:00:00.000Z', { action: 'mark-result-ready', staffId: 'staff-lan' });
      // The row as refoldDossiers wrote it before migration 9.
      await sql.query(
        `INSERT INTO dossiers (id, commune_id, code, procedure_id, channel, status, received_at, due_at, processed_at)
         VALUES ($1, 'c1', 'HS-1', 'khai-sinh', 'counter', 'result-ready', '2026-03-10T02:00:00Z', '2026-03-13T10:00:00Z', '2026-03-11T03:00:00Z')`,
        [dossier],
      );
      const survey = '00000000-0000-4000-8000-0000000000e1';
      await sql.query(
        `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data) VALUES ('c1', $1, $2, 4, 'survey.submitted', gen_random_uuid(), '2026-03-11T04:00:00.000Z', 'h', $3)`,
        [device, survey, JSON.stringify({ rating: 'satisfied', comment: 'Cán bộ tận tình' })],
      );
      await sql.query("INSERT INTO surveys (op_id, commune_id, device_id, rating, at) VALUES ($1, 'c1', $2, 'satisfied', '2026-03-11T04:00:00Z')", [survey, device]);

      await migrate(sql);
      const { rows } = await sql.query<Record<string, unknown>>('SELECT staff_id, settled_at, closed_at, timeliness, working_days, due_effective FROM dossiers');
      expect(rows).toEqual([
        {
          staff_id: 'staff-lan',
          settled_at: new Date('2026-03-11T03:00:00Z'),
          closed_at: new Date('2026-03-11T03:00:00Z'),
          timeliness: 'early',
          working_days: 1,
          due_effective: new Date('2026-03-13T10:00:00Z'),
        },
      ]);
      expect((await sql.query('SELECT comment FROM surveys')).rows).toEqual([{ comment: 'Cán bộ tận tình' }]);
    } finally {
      await sql.close();
    }
  });
});
