// Push throughput and latency of the real server, on PGlite and PostgreSQL.
// Run alone with `npx tsx tests/bench/server-push.ts`, or through `npm run bench`.
// Targets are printed beside each figure; a miss is reported, not hidden.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { startPostgres } from '../support/postgres';
import { freshDatabase, startTestServer } from '../support/test-server';
import { startServerProcess } from '../support/server-process';
import { receivedOp } from '../support/ops';
import type { Op } from '../../src/domain';
import { openPostgres, type Sql } from '../../src/server/sql';
import { canReadCpuTime, cpuTime, perOp, type CpuParts } from './cpu-time';

const ROUND_OPS = 40_000;
const BATCH = 500;
const TARGET_PGLITE = 5_000;
const TARGET_POSTGRES = 20_000;
const TARGET_P99_MS = 1_000;
// Tablets of different communes pushing at once: enough that the server never waits for a client.
const COMMUNES_AT_ONCE = 8;
// Durable, as in production (the test clusters turn fsync and synchronous commit off for speed),
// and sized as a database server is.
const POSTGRES_SETTINGS = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  shared_buffers: '1GB',
  wal_buffers: '64MB',
  max_wal_size: '4GB',
};

export function row(name: string, value: number, unit: string, target?: { atLeast?: number; atMost?: number }) {
  let verdict = '';
  if (target?.atLeast !== undefined) verdict = value >= target.atLeast ? `  ✓ target ≥ ${target.atLeast} ${unit}` : `  ✗ MISSES target ≥ ${target.atLeast} ${unit}`;
  if (target?.atMost !== undefined) verdict = value <= target.atMost ? `  ✓ target ≤ ${target.atMost} ${unit}` : `  ✗ MISSES target ≤ ${target.atMost} ${unit}`;
  console.log(`${name.padEnd(62)} ${value.toFixed(0).padStart(8)} ${unit}${verdict}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

type Device = { deviceId: string; token: string };

// The load comes from this process, on the same two cores as the servers and the database, so it
// must cost as little as it can: bodies are serialised before the clock starts, and requests go
// through node:http with kept-alive connections (a third of fetch's CPU per request here).
const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });
function post(url: string, token: string, body: string): Promise<number> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((done, fail) => {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
    const req = http.request({ hostname, port, path: pathname, method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** What the bench talks to: one or more server processes sharing one database. */
interface Target {
  urls: string[];
  /** `n` tablets enrolled in one new commune. */
  newDevices(n: number): Promise<Device[]>;
  /** CPU time of the parts so far, where the machine can tell (Linux). */
  cpuTime?: () => CpuParts;
}

/** Each tablet's next ops, as push bodies of `size` ops; seqs go on from where the last call stopped. */
function bodies(devices: Device[], opsPerTablet: number, size: number, nextSeq: Map<string, number>): string[][] {
  return devices.map((d) => {
    const out: string[] = [];
    for (let i = 0; i < opsPerTablet; i += size) {
      const first = nextSeq.get(d.deviceId) ?? 1;
      const ops = Array.from({ length: Math.min(size, opsPerTablet - i) }, (_, k) => receivedOp(first + k));
      nextSeq.set(d.deviceId, first + ops.length);
      out.push(JSON.stringify({ protocol: 1, deviceId: d.deviceId, ops }));
    }
    return out;
  });
}

/** Each tablet sends its bodies one after another, all tablets at once; returns each request's ms. */
async function send(t: Target, devices: Device[], perTablet: string[][]): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    devices.map(async (d, n) => {
      for (const body of perTablet[n]) {
        const t0 = performance.now();
        const status = await post(`${t.urls[n % t.urls.length]}/api/v1/sync/push`, d.token, body);
        latencies.push(performance.now() - t0);
        if (status !== 200) throw new Error(`push answered ${status}`);
      }
    }),
  );
  return latencies;
}

/**
 * Ops/s pushing new dossiers in batches of 500 over HTTP, from `tablets` tablets of different
 * communes at once (pushes of one commune are serialised, different communes are not). One
 * unmeasured round first (the servers' code is compiled as it runs), then `rounds` measured ones.
 */
async function throughput(t: Target, tablets: number, rounds: number) {
  const devices = (await Promise.all(Array.from({ length: tablets }, () => t.newDevices(1)))).flat();
  const seqs = new Map<string, number>();
  await send(t, devices, bodies(devices, ROUND_OPS / tablets, BATCH, seqs));
  const rates: number[] = [];
  const cpu: CpuParts[] = [];
  for (let r = 0; r < rounds; r++) {
    const load = bodies(devices, ROUND_OPS / tablets, BATCH, seqs);
    const cpuBefore = t.cpuTime?.();
    const t0 = performance.now();
    await send(t, devices, load);
    rates.push(ROUND_OPS / ((performance.now() - t0) / 1000));
    if (cpuBefore) cpu.push(perOp(cpuBefore, t.cpuTime!(), ROUND_OPS));
  }
  return { rates, cpu };
}

/** Median CPU per op of each part over the rounds, and what two busy cores would allow at that cost. */
function printCpu(cpu: CpuParts[]) {
  if (cpu.length === 0) return;
  const m = (k: keyof CpuParts) => median(cpu.map((c) => c[k]));
  const busy = m('server') + m('postgres') + m('loadGenerator');
  console.log(
    `  CPU per op (medians): server ${m('server').toFixed(1)} µs, PostgreSQL ${m('postgres').toFixed(1)} µs, ` +
      `load generator ${m('loadGenerator').toFixed(1)} µs, anything else ${m('other').toFixed(1)} µs, machine idle ${m('idle').toFixed(1)} µs ` +
      `→ at most ${Math.round(2e6 / busy).toLocaleString('en')} ops/s with two cores busy`,
  );
}

/** The bound: the same ops in one multi-row INSERT, with no validation, checks or projections. */
async function rawInsert(sql: Pick<Sql, 'query'>) {
  const ops: Op[] = Array.from({ length: ROUND_OPS }, (_, i) => receivedOp(i + 1));
  await sql.query('CREATE TABLE IF NOT EXISTS ops_raw (LIKE ops INCLUDING DEFAULTS INCLUDING INDEXES)');
  const t0 = performance.now();
  await sql.query(
    `INSERT INTO ops_raw (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data)
     SELECT 'bench', '00000000-0000-4000-8000-000000000000', x.*
       FROM ROWS FROM (unnest($1::uuid[]), unnest($2::bigint[]), unnest($3::text[]), unnest($4::uuid[]), unnest($5::text[]),
                       unnest($6::text[]), json_array_elements($7::json)) AS x`,
    [ops.map((o) => o.opId), ops.map((o) => o.deviceSeq), ops.map((o) => o.type), ops.map((o) => o.entityId), ops.map((o) => o.at), ops.map((o) => o.hlc), JSON.stringify(ops.map((o) => o.data))],
  );
  return ROUND_OPS / ((performance.now() - t0) / 1000);
}

/**
 * 200 tablets at once, three per commune (pushes of one commune queue on its lock), each pushing
 * batches of 20 ops back to back: `rounds` measured pushes per tablet after one unmeasured.
 */
async function concurrentLatency(t: Target, rounds: number, tablets = 200, perCommune = 3) {
  const devices: Device[] = [];
  for (let i = 0; i < tablets; i += perCommune) devices.push(...(await t.newDevices(Math.min(perCommune, tablets - i))));
  const seqs = new Map<string, number>();
  await send(t, devices, bodies(devices, 20, 20, seqs));
  const latencies = (await send(t, devices, bodies(devices, 20 * rounds, 20, seqs))).sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length };
}

/** `processes` server processes on a fresh database of `cluster`, as README describes for more load. */
async function postgresTarget(clusterUrl: string, postmasterPid: number, processes: number) {
  const ADMIN_TOKEN = 'bench-admin-token';
  const url = await freshDatabase(clusterUrl);
  const servers = await Promise.all(Array.from({ length: processes }, () => startServerProcess({ DATABASE_URL: url, ADMIN_TOKEN })));
  const adminPost = async (path: string, body: unknown) => {
    const res = await fetch(`${servers[0].url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path} answered ${res.status}`);
    return res.json();
  };
  let communes = 0;
  const target: Target = {
    urls: servers.map((s) => s.url),
    cpuTime: canReadCpuTime ? () => cpuTime(servers.map((s) => s.pid), postmasterPid) : undefined,
    newDevices: async (n) => {
      const commune = await adminPost('/api/v1/admin/communes', { code: `B${processes}X${communes++}`, name: 'Xã', province: 'Tỉnh' });
      const devices: Device[] = [];
      for (let i = 0; i < n; i++) {
        const { code } = await adminPost('/api/v1/admin/enrollments', { communeId: commune.id, kind: i === 1 ? 'mobile' : 'counter' });
        devices.push(await (await fetch(`${servers[0].url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) })).json());
      }
      return devices;
    },
  };
  return { url, target, stop: () => Promise.all(servers.map((s) => s.stop())) };
}

const range = (rates: number[]) => `(${rates.length} rounds: ${rates.map((r) => Math.round(r).toLocaleString('en')).join(', ')})`;

export async function runServerPushBench(): Promise<void> {
  console.log(`\nServer push: dossier.received ops over HTTP, rounds of ${ROUND_OPS.toLocaleString('en')} in batches of ${BATCH}`);
  // Durable (every commit fsynced, the server's default) against PGLITE_FSYNC=off: the cost of durability.
  for (const durable of [true, false]) {
    const lite = await startTestServer({ db: 'pglite', pgliteDurable: durable });
    const label = durable ? 'PGlite durable (default)' : 'PGlite, PGLITE_FSYNC=off';
    try {
      const target: Target = {
        urls: [lite.url],
        newDevices: async (n) => {
          const { id } = await lite.createCommune();
          return Promise.all(Array.from({ length: n }, () => lite.newDevice(id)));
        },
      };
      const { rates } = await throughput(target, 1, 3);
      row(`${label}, in this process: push, 1 tablet, median`, median(rates), 'ops/s', durable ? { atLeast: TARGET_PGLITE } : {});
      console.log(`  ${range(rates)}`);
      const [device] = await target.newDevices(1);
      const latencies = (await send(target, [device], bodies([device], 20 * 50, 20, new Map()))).sort((x, y) => x - y);
      row(`${label}: one tablet's pushes of 20 ops, p50`, percentile(latencies, 50), 'ms');
      if (durable) row('PGlite: raw bound, one multi-row INSERT', await rawInsert(lite.sql), 'ops/s');
    } finally {
      await lite.close();
    }
  }

  // PostgreSQL's defaults are for small machines: 128 MB of shared buffers, which this bench's op
  // log outgrows in a few rounds. README says the same for production. The settings printed are
  // the ones the server reports, not the ones asked for.
  const cluster = await startPostgres(POSTGRES_SETTINGS);
  const check = await openPostgres(cluster.url, 1);
  try {
    const shown = await Promise.all(Object.keys(POSTGRES_SETTINGS).map(async (name) => `${name}=${(await check.query<Record<string, string>>(`SHOW ${name}`)).rows[0][name]}`));
    console.log(`PostgreSQL settings: ${shown.join(', ')}`);
  } finally {
    await check.close();
  }
  try {
    for (const processes of [1, 2]) {
      const pg = await postgresTarget(cluster.url, cluster.postmasterPid, processes);
      try {
        const label = `PostgreSQL 15, ${processes} server process${processes > 1 ? 'es' : ''}`;
        const { rates, cpu } = await throughput(pg.target, COMMUNES_AT_ONCE, 5);
        row(`${label}: push, ${COMMUNES_AT_ONCE} communes at once, median`, median(rates), 'ops/s', { atLeast: TARGET_POSTGRES });
        console.log(`  ${range(rates)}`);
        printCpu(cpu);
        const lat = await concurrentLatency(pg.target, 10);
        row(`${label}: 200 tablets at once, p50 (${lat.requests} pushes of 20)`, lat.p50, 'ms');
        row(`${label}: 200 tablets at once, p99`, lat.p99, 'ms', { atMost: TARGET_P99_MS });
        if (processes === 1) {
          const direct = await openPostgres(pg.url, 1);
          try {
            row('PostgreSQL: raw bound, one multi-row INSERT', await rawInsert(direct), 'ops/s');
          } finally {
            await direct.close();
          }
        }
      } finally {
        await pg.stop();
      }
    }
  } finally {
    cluster.stop();
  }
  console.log('(the load generator, the servers and the database share this machine’s two cores; see README)');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runServerPushBench()
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
