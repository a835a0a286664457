import { describe, expect, it } from 'vitest';
import { useServerOn } from '../../support/server-per-backend';
import type { Backend } from '../../support/test-server';
import { pull, push, surveyOp } from '../../support/ops';

describe.each<Backend>(['pglite', 'postgres'])('a tablet’s last contact and a kiosk’s partial answers on %s', (backend) => {
  const s = useServerOn(backend);

  const lastContact = async (communeId: string, deviceId: string): Promise<string | null> => {
    const devices: { id: string; lastSyncAt: string | null }[] = await (await s.admin('GET', `/api/v1/admin/devices?communeId=${communeId}`)).json();
    return devices.find((d) => d.id === deviceId)!.lastSyncAt;
  };
  const getConfig = (token: string) => fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${token}` } });

  it('counts config fetches and pulls as contact, writing it at most once a minute', async () => {
    const commune = await s.createCommune();
    const kiosk = await s.newDevice(commune.id, 'kiosk');
    const counter = await s.newDevice(commune.id, 'counter');
    expect(await lastContact(commune.id, kiosk.deviceId)).toBeNull();
    expect(await lastContact(commune.id, counter.deviceId)).toBeNull();

    expect((await getConfig(kiosk.token)).status).toBe(200);
    const first = await lastContact(commune.id, kiosk.deviceId);
    expect(Date.parse(first!)).not.toBeNaN();
    expect((await pull(s.url, counter.token)).status).toBe(200);
    expect(await lastContact(commune.id, counter.deviceId)).not.toBeNull();

    // Within the minute nothing is written again.
    expect((await getConfig(kiosk.token)).status).toBe(200);
    expect(await lastContact(commune.id, kiosk.deviceId)).toBe(first);

    // Over a minute later, the next request notes the contact.
    await s.sql.query(`UPDATE devices SET last_sync_at = last_sync_at - interval '2 minutes' WHERE id = $1`, [kiosk.deviceId]);
    const old = await lastContact(commune.id, kiosk.deviceId);
    expect((await getConfig(kiosk.token)).status).toBe(200);
    expect(Date.parse((await lastContact(commune.id, kiosk.deviceId))!)).toBeGreaterThan(Date.parse(old!) + 60_000);
  });

  it('leaves a revoked tablet’s last contact alone', async () => {
    const commune = await s.createCommune();
    const counter = await s.newDevice(commune.id, 'counter');
    expect((await s.admin('POST', `/api/v1/admin/devices/${counter.deviceId}/revoke`)).status).toBe(200);
    expect((await pull(s.url, counter.token)).status).toBe(401);
    expect(await lastContact(commune.id, counter.deviceId)).toBeNull();
  });

  it('counts an answer left before sending (flagged partial) as a response with its rating', async () => {
    const commune = await s.createCommune();
    const kiosk = await s.newDevice(commune.id, 'kiosk');
    const res = await push(s.url, kiosk.token, kiosk.deviceId, [
      surveyOp(1, 'very-satisfied'),
      surveyOp(2, 'not-satisfied', { flags: ['partial'] }),
      surveyOp(3, 'satisfied', { answers: { listened: true }, flags: ['partial'] }),
    ]);
    expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-03-01&to=2026-03-31`)).json();
    expect(report.satisfaction).toMatchObject({ responses: 3, byRating: { 'very-satisfied': 1, satisfied: 1, 'not-satisfied': 1 } });
    expect(report.satisfaction.satisfiedRate).toBeCloseTo(2 / 3);
  });
});
