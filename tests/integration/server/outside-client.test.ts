/**
 * A client written only from DESIGN.md's wire contract: it talks to the server process over HTTP
 * with hand-written JSON and imports nothing from src/ (no schemas, no HLC code, no op builders).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../support/server-process';

const ADMIN_TOKEN = `outside-${Math.random().toString(36).slice(2)}`;
let server: Awaited<ReturnType<typeof startServerProcess>>;
beforeAll(async () => {
  server = await startServerProcess({ ADMIN_TOKEN });
});
afterAll(() => server?.stop());

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The contract's canonical HLC, written out by hand: 15 digits of ms, ':', 6 digits of counter. */
const canonical = (ms: number, counter: number) => `${String(ms).padStart(15, '0')}:${String(counter).padStart(6, '0')}`;

describe('a client built from DESIGN.md alone', () => {
  it('enrolls, pushes with both HLC forms, pulls from a second tablet and reads the report', async () => {
    const commune = await call('POST', '/api/v1/admin/communes', ADMIN_TOKEN, { code: 'X99', name: 'Xã Ngoài', province: 'Tỉnh Thử' });
    expect(commune.status).toBe(201);
    const enroll = async (kind: string) => {
      const code = await call('POST', '/api/v1/admin/enrollments', ADMIN_TOKEN, { communeId: commune.body.id, kind });
      expect(code.status).toBe(201);
      const res = await fetch(`${server.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: code.body.code }) });
      expect(res.status).toBe(201);
      return (await res.json()) as { deviceId: string; token: string; kind: string };
    };
    const desk = await enroll('counter');
    const other = await enroll('mobile');
    const kiosk = await enroll('kiosk');

    const config = await call('GET', '/api/v1/config', desk.token);
    expect(config.status).toBe(200);
    const procedureId = config.body.procedures[0].id as string;

    const now = Date.now();
    const receivedAt = new Date(now).toISOString();
    const dossierId = crypto.randomUUID();
    const received = {
      opId: crypto.randomUUID(),
      deviceSeq: 1,
      type: 'dossier.received',
      entityId: dossierId,
      at: receivedAt,
      hlc: canonical(now, 0),
      data: {
        code: 'X99-261201-01001',
        procedureId,
        applicant: { name: 'Đỗ Thị Ngoài' },
        channel: 'counter',
        receivedAt,
        dueAt: new Date(now + 5 * 86_400_000).toISOString(),
        documents: ['Tờ khai'],
        writtenByStaff: true,
        staffId: 'outside-clerk',
        somethingExtra: 'dropped by the server',
      },
    };
    // The ISO form: time, hexadecimal counter, node id.
    const started = {
      opId: crypto.randomUUID(),
      deviceSeq: 2,
      type: 'dossier.transitioned',
      entityId: dossierId,
      at: new Date(now + 1000).toISOString(),
      hlc: `${new Date(now + 1000).toISOString()}-000a-9f2c4a1b7d3e5f60`,
      data: { action: 'start-processing', staffId: 'outside-clerk' },
    };
    const pushed = await call('POST', '/api/v1/sync/push', desk.token, { protocol: 1, deviceId: desk.deviceId, ops: [received, started] });
    expect(pushed.status).toBe(200);
    expect(pushed.body.results).toEqual([
      { opId: received.opId, status: 'applied' },
      { opId: started.opId, status: 'applied' },
    ]);
    expect(Date.parse(pushed.body.serverTime)).not.toBeNaN();

    const survey = {
      opId: crypto.randomUUID(),
      deviceSeq: 1,
      type: 'survey.submitted',
      entityId: crypto.randomUUID(),
      at: new Date(now + 2000).toISOString(),
      hlc: `${new Date(now + 2000).toISOString()}-0000-kiosk01`,
      data: { rating: 'very-satisfied' },
    };
    const kioskPush = await call('POST', '/api/v1/sync/push', kiosk.token, { protocol: 1, deviceId: kiosk.deviceId, ops: [survey] });
    expect(kioskPush.body.results).toEqual([{ opId: survey.opId, status: 'applied' }]);

    // The second tablet pulls all of it, every hlc in the canonical form.
    const pulled = await call('GET', '/api/v1/sync/pull?limit=1000', other.token);
    expect(pulled.status).toBe(200);
    expect(pulled.body.hasMore).toBe(false);
    expect(pulled.body.ops.map((o: { opId: string; hlc: string }) => [o.opId, o.hlc])).toEqual([
      [received.opId, canonical(now, 0)],
      [started.opId, canonical(now + 1000, 10)],
      [survey.opId, canonical(now + 2000, 0)],
    ]);
    expect(pulled.body.ops[0].data).not.toHaveProperty('somethingExtra');
    expect(pulled.body.ops[1]).toMatchObject({ deviceId: desk.deviceId, cursor: expect.any(String) });

    // This month's figures, without from/to.
    const report = await call('GET', `/api/v1/admin/reports?communeId=${commune.body.id}`, ADMIN_TOKEN);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      communeId: commune.body.id,
      received: 1,
      satisfaction: { responses: 1, satisfiedRate: 1 },
      excluded: { rate: 0, burst: 0, backdated: 0, clockAhead: 0 },
    });
    expect(report.body.from).toMatch(/^\d{4}-\d{2}-01$/);
  });
});
