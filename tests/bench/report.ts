// A province's report over 100 communes and 1,000,000 dossiers (issue 18), on PostgreSQL and PGlite.
// Run alone with `npx tsx tests/bench/report.ts`, or `BENCH_ONLY=report npm run bench`.
// The data set is written straight into the projection tables with generate_series (pushing a
// million dossiers through the API would take an hour and measures something else: the push bench).
// Targets are printed beside each figure; a miss is reported, not hidden.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startPostgres } from '../support/postgres';
import { createCommune } from '../../src/server/communes';
import { migrate } from '../../src/server/migrations';
import { monthlyTrend, provinceCommunes, provinceReport } from '../../src/server/reports';
import { openPglite, openPostgres, type Sql } from '../../src/server/sql';

const COMMUNES = 100;
const DOSSIERS = Number(process.env.BENCH_REPORT_DOSSIERS ?? 1_000_000);
const SURVEYS = DOSSIERS / 4;
const PROVINCE = 'Tỉnh Bench';
const TARGET_MS = { postgres: 1_000, pglite: 5_000 };
const ROUNDS = 5;
// The bench's now: the data runs over 2025 and 2026, the reports ask for late 2026.
const NOW = new Date('2026-12-20T03:00:00Z');

const PROCEDURES = ['khai-sinh', 'khai-tu', 'ket-hon', 'chung-thuc-ban-sao', 'xac-nhan-tinh-trang-hon-nhan', 'trich-luc-ban-sao'];

/**
 * The data set, spread evenly over 24 months and the communes: most dossiers settled 0–7 days
 * after receipt (early, on time or late against a 5-day due date), 2 % withdrawn, 2 % still open, 2 %
 * waiting for a supplement; a survey answer for every fourth dossier, most linked by code, some
 * with comments and criteria; letters, checklist records and home visits beside them.
 */
export async function build(sql: Sql): Promise<void> {
  await migrate(sql);
  for (let c = 0; c < COMMUNES; c++) await createCommune(sql, { id: `bench-${c}`, code: `B${String(c).padStart(3, '0')}`, name: `Xã ${c}`, province: PROVINCE });
  const span = `(i::double precision / ${DOSSIERS}) * interval '730 days'`;
  await sql.query(`
    INSERT INTO dossiers (id, commune_id, code, procedure_id, channel, status, received_at, due_at, processed_at, returned_at, extended,
                          staff_id, due_effective, waiting_since, settled_at, withdrawn_at, closed_at, timeliness, working_days)
    SELECT md5('d' || i)::uuid, 'bench-' || (i % ${COMMUNES}), 'B' || i, (ARRAY['${PROCEDURES.join("','")}'])[1 + (i / ${COMMUNES}) % ${PROCEDURES.length}],
           CASE i % 10 WHEN 0 THEN 'home' WHEN 1 THEN 'online' ELSE 'counter' END,
           CASE WHEN k = 0 THEN 'withdrawn' WHEN k = 1 THEN 'processing' WHEN k = 2 THEN 'supplement-requested' ELSE 'returned' END,
           r, r + interval '5 days', s, s, i % 97 = 0,
           'staff-' || (i / ${COMMUNES}) % 7, r + interval '5 days', CASE WHEN k = 2 THEN r + interval '1 day' END, s,
           CASE WHEN k = 0 THEN r + interval '1 day' END, COALESCE(s, CASE WHEN k = 0 THEN r + interval '1 day' END, 'infinity'),
           CASE WHEN s IS NULL THEN NULL WHEN o <= 3 THEN 'early' WHEN o <= 5 THEN 'on-time' ELSE 'late' END, o
      FROM (SELECT i, (i / 7) % 50 AS k, (i::bigint * 7919 % 8)::int AS o, '2025-01-01T00:00:00Z'::timestamptz + ${span} AS r FROM generate_series(1, ${DOSSIERS}) i) g,
           LATERAL (SELECT CASE WHEN g.k > 2 THEN g.r + g.o * interval '1 day' END AS s) x`);
  await sql.query(`
    INSERT INTO surveys (op_id, commune_id, device_id, rating, criteria, answers, dossier_code, at, comment)
    SELECT md5('s' || i)::uuid, 'bench-' || (j % ${COMMUNES}), md5('k' || (j % ${COMMUNES}))::uuid,
           (ARRAY['very-satisfied', 'satisfied', 'satisfied', 'normal', 'not-satisfied'])[1 + i % 5],
           CASE WHEN i % 3 = 0 THEN '{"attitude": "satisfied", "result": "very-satisfied"}'::jsonb END,
           CASE WHEN i % 4 = 0 THEN '{"listened": true, "thanked": false}'::jsonb END,
           CASE WHEN i % 3 <> 2 THEN 'B' || j END,
           '2025-01-01T00:00:00Z'::timestamptz + (j::double precision / ${DOSSIERS}) * interval '730 days' + interval '3 hours',
           CASE WHEN i % 20 = 0 THEN 'Góp ý số ' || i END
      FROM (SELECT i, i * 4 AS j FROM generate_series(1, ${SURVEYS}) i) g`);
  await sql.query(`
    INSERT INTO letters (id, commune_id, kind, dossier_id, issued_at, delivered_at)
    SELECT md5('l' || i)::uuid, 'bench-' || (i % ${COMMUNES}), (ARRAY['congratulation', 'condolence', 'apology', 'thanks'])[1 + i % 4], md5('d' || i)::uuid,
           r, CASE WHEN i % 5 <> 0 THEN r + interval '2 days' END
      FROM (SELECT i, '2025-01-01T00:00:00Z'::timestamptz + (i::double precision / ${DOSSIERS}) * interval '730 days' + interval '1 day' AS r
              FROM generate_series(1, ${DOSSIERS}, 20) i) g`);
  await sql.query(`
    INSERT INTO checklist_records (op_id, commune_id, template_id, template_version, staff_id, checked_by, mode, date, skipped, items)
    SELECT md5('c' || i)::uuid, 'bench-' || (i % ${COMMUNES}), '5-biet', 1, 'staff-' || (i % 7), 'staff-' || (i % 7),
           (ARRAY['self', 'self', 'leader', 'peer'])[1 + i % 4],
           to_char('2025-01-01'::date + (i::double precision / ${DOSSIERS} * 730)::int, 'YYYY-MM-DD'), i % 10 = 0,
           '{"listen": true, "explain": true, "trust": false, "thank": true}'::jsonb
      FROM generate_series(1, ${DOSSIERS}, 5) i`);
  await sql.query(`
    INSERT INTO home_clients (id, commune_id, reason, registered_at)
    SELECT md5('h' || i)::uuid, 'bench-' || (i % ${COMMUNES}), (ARRAY['elderly', 'sick', 'disabled', 'social-protection'])[1 + i % 4], '2025-01-01T00:00:00Z'::timestamptz + i * interval '1 hour'
      FROM generate_series(1, 5000) i`);
  await sql.query(`
    INSERT INTO home_visits (id, commune_id, client_id, date, purpose, outcome, dossier_ids)
    SELECT md5('v' || i)::uuid, 'bench-' || (i % 5000 % ${COMMUNES}), md5('h' || (i % 5000))::uuid, '2025-01-01'::date + i % 730, 'return',
           CASE WHEN i % 4 = 0 THEN 'not-home' ELSE 'done' END, jsonb_build_array(md5('d' || (i * 40))::uuid)
      FROM generate_series(1, 50000) i`);
  await sql.query('ANALYZE');
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function row(name: string, ms: number[], target?: number) {
  const m = median(ms);
  const verdict = target === undefined ? '' : m <= target ? `  ✓ target ≤ ${target} ms` : `  ✗ MISSES target ≤ ${target} ms`;
  console.log(`${name.padEnd(62)} ${m.toFixed(0).padStart(8)} ms${verdict}   (${ms.map((x) => x.toFixed(0)).join(', ')})`);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const QUERIES: { name: string; target: boolean; run: (sql: Sql, ids: string[]) => Promise<unknown> }[] = [
  { name: 'province report, a month (Nov 2026)', target: true, run: (sql) => provinceReport(sql, PROVINCE, '2026-11-01', '2026-11-30', NOW) },
  { name: 'province report, a quarter (Q3 2026)', target: true, run: (sql) => provinceReport(sql, PROVINCE, '2026-07-01', '2026-09-30', NOW) },
  { name: 'province report, a year (2026)', target: true, run: (sql) => provinceReport(sql, PROVINCE, '2026-01-01', '2026-12-20', NOW) },
  { name: 'province report, a month, one procedure', target: true, run: (sql) => provinceReport(sql, PROVINCE, '2026-11-01', '2026-11-30', NOW, { procedureId: 'khai-sinh' }) },
  { name: 'province trend, 12 months', target: true, run: (sql, ids) => monthlyTrend(sql, ids, '2026-01', '2026-12', NOW) },
];

export async function runReportBench(): Promise<void> {
  console.log(`\nReports: a province of ${COMMUNES} communes, ${DOSSIERS.toLocaleString('en')} dossiers, ${SURVEYS.toLocaleString('en')} answers (projection tables)`);
  const cluster = await startPostgres({ shared_buffers: '1GB', work_mem: '64MB' });
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-report-'));
  const dbs: Record<'postgres' | 'pglite', Sql> = { postgres: await openPostgres(cluster.url), pglite: await openPglite(join(dir, 'pglite')) };
  try {
    for (const [name, sql] of Object.entries(dbs)) {
      const ms = await time(() => build(sql));
      console.log(`  data set built on ${name} in ${(ms / 1000).toFixed(0)} s`);
    }
    const ids = (await provinceCommunes(dbs.postgres, PROVINCE)).map((c) => c.id);
    // Each once with no month kept (the first report after the months were emptied: every
    // finished month of the period counted and kept), then rounds interleaved between the two
    // databases (this machine is noisy) with the finished months kept.
    const cold = new Map<string, number>();
    for (const q of QUERIES) {
      for (const name of ['postgres', 'pglite'] as const) {
        await dbs[name].query('DELETE FROM report_months');
        cold.set(`${name}\u0000${q.name}`, await time(() => q.run(dbs[name], ids)));
      }
    }
    const times = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of QUERIES) {
        for (const name of ['postgres', 'pglite'] as const) {
          const key = `${name}\u0000${q.name}`;
          times.set(key, [...(times.get(key) ?? []), await time(() => q.run(dbs[name], ids))]);
        }
      }
    }
    for (const name of ['postgres', 'pglite'] as const) {
      console.log(name === 'postgres' ? 'PostgreSQL 15 (shared_buffers=1GB), median of 5, finished months kept:' : 'PGlite, median of 5, finished months kept:');
      for (const q of QUERIES) row(`  ${q.name}`, times.get(`${name}\u0000${q.name}`)!, q.target ? TARGET_MS[name] : undefined);
      for (const q of QUERIES) row(`  ${q.name}, no month kept yet`, [cold.get(`${name}\u0000${q.name}`)!]);
    }
  } finally {
    await dbs.postgres.close();
    await dbs.pglite.close();
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runReportBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
