import { describe, expect, it } from 'vitest';
import { useServerOn } from '../../support/server-per-backend';
import type { Backend } from '../../support/test-server';
import { makeOp, push, surveyOp } from '../../support/ops';
import { MIGRATIONS, migrate } from '../../../src/server/migrations';
import { openTestPglite } from '../../support/pglite-template';
import seed from '../../../src/domain/demo/demo-commune.json';

const [lan, minh, hung] = seed.staff.map((s) => s.id);
const record = (deviceSeq: number, data: Record<string, unknown>) =>
  makeOp('checklist.recorded', { templateId: '5-biet', templateVersion: 1, date: '2026-03-10', ...data }, { deviceSeq });

describe.each<Backend>(['pglite', 'postgres'])('checklist report rows on %s', (backend) => {
  const s = useServerOn(backend);

  it("feed the report's checklists block: staff checks by mode, skips apart, citizens' linked answers per item", async () => {
    const commune = await s.createCommune();
    // The demo survey (its questions name 5-biet items) and templates for this commune.
    await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/survey`, seed.survey);
    const counter = await s.newDevice(commune.id, 'counter');
    const kiosk = await s.newDevice(commune.id, 'kiosk');
    const ops = [
      record(1, { staffId: lan, checkedBy: lan, mode: 'self', items: { listen: true, thank: false } }),
      // A 1.0 record (no mode, no checkedBy): the officer's self-check.
      record(2, { staffId: minh, items: { listen: true } }),
      record(3, { staffId: lan, checkedBy: hung, mode: 'leader', items: { listen: false, thank: true } }),
      record(4, { staffId: lan, checkedBy: lan, mode: 'self', items: {}, skipped: true }),
      // Outside the period asked.
      record(5, { staffId: lan, checkedBy: lan, mode: 'self', items: { listen: true }, date: '2026-04-01' }),
    ];
    const pushed = await (await push(s.url, counter.token, counter.deviceId, ops)).json();
    expect(pushed.results.map((r: { status: string }) => r.status)).toEqual(Array(5).fill('applied'));
    // Sent again (a lost answer): counted once.
    expect((await (await push(s.url, counter.token, counter.deviceId, ops.slice(0, 1))).json()).results[0].status).toBe('duplicate');

    const surveys = [
      surveyOp(1, 'satisfied', { answers: { listened: false, understood: true }, dossierCode: 'H29-260310-01001' }),
      // A second answer for the same dossier: only the first counts, as for satisfaction.
      surveyOp(2, 'satisfied', { answers: { listened: true }, dossierCode: 'H29-260310-01001' }),
      surveyOp(3, 'very-satisfied', { answers: { listened: true, unlinked: true } }),
    ];
    const sent = await (await push(s.url, kiosk.token, kiosk.deviceId, surveys)).json();
    expect(sent.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-03-01&to=2026-03-31`)).json();
    expect(report.checklists.records).toBe(3);
    expect(report.checklists.skipped).toBe(1);
    const item = (id: string) => report.checklists.items.find((i: { itemId: string }) => i.itemId === id);
    expect(item('listen')).toEqual({
      templateId: '5-biet',
      itemId: 'listen',
      checks: 3,
      yes: 2,
      citizenChecks: 2,
      citizenYes: 1,
      byMode: { self: { checks: 2, yes: 2 }, leader: { checks: 1, yes: 0 }, peer: { checks: 0, yes: 0 } },
    });
    expect(item('thank')).toMatchObject({ checks: 2, yes: 1, citizenChecks: 0, citizenYes: 0 });
    expect(item('explain')).toMatchObject({ checks: 0, yes: 0, citizenChecks: 1, citizenYes: 1 });
    expect(report.checklists.items.map((i: { itemId: string }) => i.itemId)).toEqual(['explain', 'listen', 'thank']);

    // The next month holds only the April record.
    const april = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-04-01&to=2026-04-30`)).json();
    expect(april.checklists).toMatchObject({ records: 1, skipped: 0, items: [{ itemId: 'listen', checks: 1, yes: 1, citizenChecks: 0 }] });
  });

  it('leave a commune without checks or linked questions with an empty block', async () => {
    const commune = await s.createCommune();
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=2026-03-01&to=2026-03-31`)).json();
    expect(report.checklists).toEqual({ records: 0, skipped: 0, items: [] });
  });
});

describe('migration 6 (checklists)', () => {
  it('fills the checklist rows and the survey answers from ops stored before it', async () => {
    const sql = await openTestPglite();
    try {
      await sql.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const [i, migration] of MIGRATIONS.slice(0, 5).entries()) {
        for (const statement of migration.split(';').map((x) => x.trim()).filter(Boolean)) await sql.query(statement);
        await sql.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      }
      await sql.query("INSERT INTO communes (id, code, name) VALUES ('c1', 'C1', 'Xã Một')");
      const device = '00000000-0000-4000-8000-000000000001';
      const check = record(1, { staffId: lan, items: { listen: true } });
      const answer = surveyOp(2, 'satisfied', { answers: { listened: false } });
      for (const op of [check, answer])
        await sql.query(
          `INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data) VALUES ('c1', $1, $2, $3, $4, $5, $6, $7, $8)`,
          [device, op.opId, op.deviceSeq, op.type, op.entityId, op.at, op.hlc, JSON.stringify(op.data)],
        );
      await sql.query(`INSERT INTO surveys (op_id, commune_id, device_id, rating, at) VALUES ($1, 'c1', $2, 'satisfied', $3)`, [answer.opId, device, answer.at]);
      await migrate(sql);
      expect((await sql.query('SELECT op_id, staff_id, checked_by, mode, date, skipped, items FROM checklist_records')).rows).toEqual([
        { op_id: check.opId, staff_id: lan, checked_by: lan, mode: 'self', date: '2026-03-10', skipped: false, items: { listen: true } },
      ]);
      expect((await sql.query('SELECT answers FROM surveys')).rows).toEqual([{ answers: { listened: false } }]);
    } finally {
      await sql.close();
    }
  });
});
