import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/postgres';
import { freshDatabase } from '../../support/test-server';
import { startServerProcess } from '../../support/server-process';
import { pull, push, receivedOp } from '../../support/ops';

const ADMIN_TOKEN = 'multi-process-admin-token';
let cluster: Awaited<ReturnType<typeof startPostgres>>;
let servers: Awaited<ReturnType<typeof startServerProcess>>[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  const url = await freshDatabase(cluster.url);
  // Both start at once on an empty database: migrations and the demo seed (asked for: PostgreSQL
  // is never seeded by default) must not race.
  // One DATA_DIR for both, as on one machine: on PostgreSQL it holds only the admin token, and
  // the one-process lock is PGlite's alone.
  const dataDir = mkdtempSync(join(tmpdir(), 'friendly-desk-multi-'));
  servers = await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: url, ADMIN_TOKEN, DEMO: '1', DATA_DIR: dataDir })));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  cluster?.stop();
});

const admin = (base: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: body ? JSON.stringify(body) : undefined }).then((r) => r.json());

describe('several server processes on one PostgreSQL', () => {
  it('seed the demo commune once, print its codes once, and serve one consistent op log', async () => {
    const [a, b] = servers.map((s) => s.url);
    const communes = await admin(a, '/api/v1/admin/communes');
    expect(communes).toHaveLength(1);
    expect(servers.filter((s) => s.output().includes('Enrollment codes')).length).toBe(1);

    const communeId = communes[0].id;
    const enroll = async (base: string) => {
      const { code } = await admin(base, '/api/v1/admin/enrollments', { communeId, kind: 'counter' });
      return fetch(`${base}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) }).then((r) => r.json());
    };
    // Enrollments through both processes at once still get distinct device numbers.
    const devices = await Promise.all([enroll(a), enroll(b), enroll(a), enroll(b)]);
    expect(new Set(devices.map((d) => d.deviceNo)).size).toBe(4);

    // Each tablet pushes through alternating processes, some batches twice (a lost answer).
    const sent: string[] = [];
    await Promise.all(
      devices.map(async (d, n) => {
        for (let batch = 0; batch < 6; batch++) {
          const ops = Array.from({ length: 50 }, (_, i) => receivedOp(batch * 50 + i + 1));
          sent.push(...ops.map((o) => o.opId));
          const base = servers[(n + batch) % 2].url;
          const first = await push(base, d.token, d.deviceId, ops);
          expect(first.status).toBe(200);
          if (batch % 2 === 0) {
            const again = await (await push(servers[(n + batch + 1) % 2].url, d.token, d.deviceId, ops)).json();
            expect(again.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
          }
        }
      }),
    );

    const readAll = async (base: string, token: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await (await pull(base, token, cursor, 1000)).json();
        ids.push(...page.ops.map((o: { opId: string }) => o.opId));
        cursor = page.cursor;
        if (!page.hasMore) return ids;
      }
    };
    const viaA = await readAll(a, devices[0].token);
    const viaB = await readAll(b, devices[1].token);
    expect(viaA).toEqual(viaB);
    expect(viaA).toHaveLength(sent.length);
    expect(new Set(viaA)).toEqual(new Set(sent));
    const listed = await admin(b, `/api/v1/admin/devices?communeId=${communeId}`);
    expect(listed.every((d: { seqGaps: unknown[]; maxSeq: number }) => d.seqGaps.length === 0 && d.maxSeq === 300)).toBe(true);
  });
});
