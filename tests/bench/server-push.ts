// Push throughput and latency of the real server, on PGlite and PostgreSQL.
// Run alone with `npx tsx tests/bench/server-push.ts`, or through `npm run bench`.
import { pathToFileURL } from 'node:url';
import { startPostgres } from '../support/postgres';
import { freshDatabase, startTestServer } from '../support/test-server';
import { startServerProcess } from '../support/server-process';
import { push, receivedOp } from '../support/ops';
import type { Op } from '../../src/domain';
import { openPostgres } from '../../src/server/sql';

const TOTAL_OPS = 20_000;
const BATCH = 500;

export function row(name: string, value: number, unit: string, target?: { atLeast?: number; atMost?: number }) {
  let verdict = '';
  if (target?.atLeast !== undefined) verdict = value >= target.atLeast ? `  ✓ target ≥ ${target.atLeast} ${unit}` : `  ✗ MISSES target ≥ ${target.atLeast} ${unit}`;
  if (target?.atMost !== undefined) verdict = value <= target.atMost ? `  ✓ target ≤ ${target.atMost} ${unit}` : `  ✗ MISSES target ≤ ${target.atMost} ${unit}`;
  console.log(`${name.padEnd(52)} ${value.toFixed(1).padStart(10)} ${unit}${verdict}`);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** What the bench talks to: one or more server processes sharing one database. */
interface Target {
  urls: string[];
  newDevice(): Promise<{ deviceId: string; token: string }>;
}

/**
 * Ops/s pushing TOTAL_OPS new dossiers in batches of 500 over HTTP, from `tablets` tablets of
 * different communes at once (pushes of one commune are serialised, different communes are not).
 */
async function throughput(t: Target, tablets = 1) {
  const devices = [];
  for (let i = 0; i < tablets; i++) devices.push(await t.newDevice());
  const perTablet = TOTAL_OPS / tablets;
  const batches = devices.map(() => Array.from({ length: perTablet }, (_, i) => receivedOp(i + 1)));
  const t0 = performance.now();
  await Promise.all(
    devices.map(async (device, d) => {
      for (let i = 0; i < perTablet; i += BATCH) {
        const res = await push(t.urls[d % t.urls.length], device.token, device.deviceId, batches[d].slice(i, i + BATCH));
        if (res.status !== 200) throw new Error(`push answered ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  return TOTAL_OPS / ((performance.now() - t0) / 1000);
}

/** The bound: the same rows in one multi-row INSERT, with no validation, checks or projections. */
async function rawInsert(s: { sql: { query: (text: string, params?: unknown[]) => Promise<unknown> } }) {
  const ops: Op[] = Array.from({ length: TOTAL_OPS }, (_, i) => receivedOp(i + 1));
  await s.sql.query('CREATE TABLE IF NOT EXISTS ops_raw (LIKE ops INCLUDING DEFAULTS INCLUDING INDEXES)');
  const rows = ops.map((op) => ({ op_id: op.opId, device_seq: op.deviceSeq, type: op.type, entity_id: op.entityId, at: op.at, hlc: op.hlc, data: op.data }));
  const t0 = performance.now();
  await s.sql.query(
    `INSERT INTO ops_raw (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data)
     SELECT 'bench', '00000000-0000-4000-8000-000000000000', x.op_id, x.device_seq, x.type, x.entity_id, x.at, x.hlc, x.data
       FROM jsonb_to_recordset($1::jsonb) AS x(op_id uuid, device_seq bigint, type text, entity_id uuid, at text, hlc text, data jsonb)`,
    [JSON.stringify(rows)],
  );
  return TOTAL_OPS / ((performance.now() - t0) / 1000);
}

/** 200 tablets at once, each of its own commune, each pushing 5 batches of 20 ops. */
async function concurrentLatency(t: Target) {
  const devices = [];
  for (let i = 0; i < 200; i++) devices.push(await t.newDevice());
  const latencies: number[] = [];
  await Promise.all(
    devices.map(async (d, n) => {
      for (let b = 0; b < 5; b++) {
        const ops = Array.from({ length: 20 }, (_, i) => receivedOp(b * 20 + i + 1));
        const t0 = performance.now();
        const res = await push(t.urls[n % t.urls.length], d.token, d.deviceId, ops);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`push answered ${res.status}`);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length };
}

export async function runServerPushBench(): Promise<void> {
  console.log(`\nServer push (${TOTAL_OPS.toLocaleString('en')} dossier.received ops in batches of ${BATCH})`);
  const lite = await startTestServer({ db: 'pglite' });
  try {
    const target: Target = { urls: [lite.url], newDevice: async () => lite.newDevice((await lite.createCommune()).id) };
    row('PGlite (embedded): push throughput, 1 tablet', await throughput(target), 'ops/s', { atLeast: 5000 });
    row('PGlite: raw bound, one multi-row INSERT', await rawInsert(lite), 'ops/s');
  } finally {
    await lite.close();
  }

  const cluster = await startPostgres();
  const ADMIN_TOKEN = 'bench-admin-token';
  const url = await freshDatabase(cluster.url);
  // Two server processes on one PostgreSQL, as README describes for more load.
  const servers = await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: url, ADMIN_TOKEN })));
  const adminPost = (path: string, body: unknown) =>
    fetch(`${servers[0].url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify(body) }).then((r) => r.json());
  let communes = 0;
  const target: Target = {
    urls: servers.map((s) => s.url),
    newDevice: async () => {
      const commune = await adminPost('/api/v1/admin/communes', { code: `B${communes++}`, name: 'Xã', province: 'Tỉnh' });
      const { code } = await adminPost('/api/v1/admin/enrollments', { communeId: commune.id, kind: 'counter' });
      return (await fetch(`${servers[0].url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) })).json();
    },
  };
  try {
    row('PostgreSQL, 2 server processes: 1 tablet', await throughput(target), 'ops/s');
    row('PostgreSQL, 2 server processes: 4 communes at once', await throughput(target, 4), 'ops/s', { atLeast: 20000 });
    const lat = await concurrentLatency(target);
    row(`PostgreSQL: 200 tablets at once, p50 (${lat.requests} pushes of 20)`, lat.p50, 'ms');
    row('PostgreSQL: 200 tablets at once, p99', lat.p99, 'ms', { atMost: 1000 });
    const direct = await openPostgres(url);
    try {
      row('PostgreSQL: raw bound, one multi-row INSERT', await rawInsert({ sql: direct }), 'ops/s');
    } finally {
      await direct.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    cluster.stop();
  }
  console.log('(client, servers and database share this machine’s cores; see README for how to read these)');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runServerPushBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
