import { seededRandom } from '../../support/random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Backend, type TestServer } from '../../support/test-server';
import { receivedOp, surveyOp } from '../../support/ops';

const ODD_STRINGS = ['', ' ', '\u0000', '\ud800', '\udfff', 'x'.repeat(100_000), '🙂'.repeat(2000), '\u202e\u200b', '<script>', "'; DROP TABLE ops; --", 'NaN', '__proto__'];
const ODD_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -0, [], {}, [[]], { __proto__: { admin: true } }, ...ODD_STRINGS];

/** A lone surrogate cannot be URI-encoded: send broken percent-encoding instead, as an attacker would. */
function urlPart(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80%FF';
  }
}

function mutate(value: unknown, r: () => number, depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  if (depth > 3 || r() < 0.25) return pick(ODD_VALUES);
  if (Array.isArray(value)) return value.map((v) => (r() < 0.3 ? mutate(v, r, depth + 1) : v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const roll = r();
      if (roll < 0.1) continue; // drop the field
      out[roll < 0.15 ? pick(['__proto__', 'constructor', 'prototype', k.toUpperCase()]) : k] = roll < 0.45 ? mutate(v, r, depth + 1) : v;
    }
    if (r() < 0.1) out[pick(ODD_STRINGS)] = pick(ODD_VALUES);
    return out;
  }
  return pick(ODD_VALUES);
}

describe.each<Backend>(['pglite', 'postgres'])('bad input never breaks the server nor gets stored (%s)', (backend) => {
  let s: TestServer;
  let device: { deviceId: string; token: string };
  let kiosk: { deviceId: string; token: string };
  beforeAll(async () => {
    // PostgreSQL: a throwaway cluster of its own, stopped by close().
    s = await startTestServer({ db: backend });
    device = await s.newDevice(s.demoCommuneId);
    kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
  });
  afterAll(() => s?.close());

  it('answers 1,200 malformed requests with 4xx only, storing only the valid ops beside them', async () => {
    const r = seededRandom(20261123);
    const statuses = new Map<number, number>();
    const validSent = new Set<string>();
    let seq = 0;
    const send = async (path: string, init: RequestInit) => {
      const res = await fetch(`${s.url}${path}`, init);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      expect(res.status, `${path} ${String(init.body).slice(0, 200)} → ${text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status >= 400) expect(JSON.parse(text).error.code).toMatch(/^[a-z-]+$/);
      return { status: res.status, text };
    };
    const auth = (t: string) => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' });

    for (let i = 0; i < 1200; i++) {
      const kind = i % 6;
      if (kind === 0 || kind === 1) {
        // A batch mixing mutated ops with one valid op: the valid one must be applied.
        const good = receivedOp(++seq);
        const bad = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
          const base = r() < 0.5 ? receivedOp(100_000 + i) : surveyOp(100_000 + i);
          return mutate(base, r);
        });
        const { status, text } = await send('/api/v1/sync/push', {
          method: 'POST',
          headers: auth(device.token),
          body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, ops: [...bad, good] }),
        });
        if (status === 200) {
          const results = JSON.parse(text).results as { opId: string; status: string }[];
          expect(results.at(-1)).toEqual({ opId: good.opId, status: 'applied' });
          validSent.add(good.opId);
          for (const res of results.slice(0, -1)) if (res.status === 'applied') validSent.add(res.opId);
        }
      } else if (kind === 2) {
        // Truncated or mangled JSON text.
        const body = JSON.stringify({ protocol: 1, deviceId: device.deviceId, ops: [receivedOp(900_000 + i)] });
        const cut = r() < 0.5 ? body.slice(0, Math.floor(r() * body.length)) : body.replace(/"/g, r() < 0.5 ? "'" : '');
        await send('/api/v1/sync/push', { method: 'POST', headers: auth(device.token), body: cut });
      } else if (kind === 3) {
        // A mutated envelope (protocol, deviceId, ops of the wrong type).
        await send('/api/v1/sync/push', {
          method: 'POST',
          headers: auth(device.token),
          body: JSON.stringify(mutate({ protocol: 1, deviceId: device.deviceId, ops: 'x' }, r)),
        });
      } else if (kind === 4) {
        // Wrong tokens, kiosk misuse, and the other endpoints with odd input.
        const token = [undefined, 'Bearer', 'Bearer x', `Bearer ${device.token}x`, `Basic ${device.token}`, `Bearer ${kiosk.token}`][i % 6];
        const path = [`/api/v1/sync/pull?after=${urlPart(String(mutate('1', r)))}`, '/api/v1/config', '/api/v1/sync/push'][i % 3];
        await send(path, {
          method: path.endsWith('push') ? 'POST' : 'GET',
          headers: token ? { Authorization: token } : {},
          body: path.endsWith('push') ? JSON.stringify({ protocol: 1, deviceId: kiosk.deviceId, ops: [receivedOp(1)] }) : undefined,
        });
      } else {
        await send(['/api/v1/enroll', '/api/v1/admin/communes', '/api/v1/admin/enrollments'][i % 3], {
          method: 'POST',
          headers: i % 2 ? { Authorization: `Bearer ${s.adminToken}` } : {},
          body: JSON.stringify(mutate({ code: 'ABCD-EFGH-JK', name: 'x', province: 'y', communeId: s.demoCommuneId, kind: 'counter' }, r)),
        });
      }
    }
    // Clock edge cases (1.1): each beside a valid op, answered rejected, never stored.
    const ahead = Date.now() + 25 * 3_600_000;
    const HLC_EDGES: unknown[] = [
      '999999999999999:999999',
      `${new Date(ahead).toISOString()}-0000-node`,
      '2026-02-30T08:15:00.000Z-0001-9f2c',
      '2026-11-30T08:15:00Z-0001-9f2c',
      '2026-11-30T08:15:00.000+07:00-0001-9f2c',
      '2026-11-30T08:15:00.000Z-fffffff-9f2c',
      '2026-11-30T08:15:00.000Z-0001-',
      '2026-11-30T08:15:00.000Z--9f2c',
      '1764547200000:0',
      ' 001764547200000:000000',
      '001764547200000:000000:1',
      '-01764547200000:000000',
      '00176454720000a:000000',
      1764547200000,
      null,
    ];
    const AT_EDGES: unknown[] = [new Date(ahead).toISOString(), '+275760-09-13T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00Z', '2026-11-30', 0, null];
    const edges = [...HLC_EDGES.map((hlc) => ({ hlc })), ...AT_EDGES.map((at) => ({ at }))];
    for (const [i, over] of edges.entries()) {
      const edge = { ...(i % 2 ? surveyOp(800_000 + i) : receivedOp(800_000 + i)), ...over };
      const good = receivedOp(++seq);
      const { status, text } = await send('/api/v1/sync/push', {
        method: 'POST',
        headers: auth(device.token),
        body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, ops: [edge, good] }),
      });
      expect(status).toBe(200);
      const results = JSON.parse(text).results as { status: string; error?: { code: string } }[];
      expect(results[0].error?.code, JSON.stringify(over)).toMatch(/^(invalid-op|clock-ahead)$/);
      expect(results[1].status).toBe('applied');
      validSent.add(good.opId);
    }
    // Oversized batches, by count and by bytes.
    await send('/api/v1/sync/push', {
      method: 'POST',
      headers: auth(device.token),
      body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, ops: Array.from({ length: 600 }, (_, i) => receivedOp(700_000 + i)) }),
    });
    await send('/api/v1/sync/push', { method: 'POST', headers: auth(device.token), body: `{"protocol":1,"ops":["${'x'.repeat(2 * 1024 * 1024)}"]}` });

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1200);
    expect([...statuses.keys()].every((st) => st < 500)).toBe(true);
    // What is stored is exactly the ops answered "applied", and kiosk misuse stored nothing.
    const { rows } = await s.sql.query<{ op_id: string; device_id: string }>('SELECT op_id, device_id FROM ops');
    expect(new Set(rows.map((row) => row.op_id))).toEqual(validSent);
    expect(rows.every((row) => row.device_id === device.deviceId)).toBe(true);
    const { rows: protos } = await s.sql.query<{ n: string }>("SELECT count(*) AS n FROM ops WHERE data::text LIKE '%\\_\\_proto\\_\\_%'");
    expect(Number(protos[0].n)).toBe(0);
  });
});
