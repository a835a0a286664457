// Runs in Chromium: fills the real Dexie store with 100,000 dossiers, then times what a clerk waits for.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { initI18n } from '../../src/app/i18n';
import { db } from '../../src/app/db';
import { listDossiers, receiveDossier, setUpDevice, toDossierRow, type DossierRow, type StoredOp } from '../../src/db';
import { foldDossier, formatDossierCode, hlcTick, type CommuneConfig } from '../../src/domain';
import { configFromSeed } from '../../src/app/demo';
import seed from '../../src/domain/demo/demo-commune.json';
import { DossierList } from '../../src/features/dossiers/DossierList';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Đức', 'Quang'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hòa', 'Hùng', 'Lan', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quyên', 'Sơn', 'Tâm', 'Thảo', 'Tuấn', 'Yến'];

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), max: Math.max(...samples) };
}

async function fill(count: number, config: CommuneConfig, deviceId: string) {
  const t0 = performance.now();
  let clock = { wall: 0, counter: 0 };
  const start = Date.parse('2025-01-02T01:00:00Z');
  for (let chunk = 0; chunk < count; chunk += 1000) {
    const ops: StoredOp[] = [];
    const rows: DossierRow[] = [];
    for (let i = chunk; i < Math.min(count, chunk + 1000); i++) {
      const receivedAt = new Date(start + i * 5 * 60_000);
      const tick = hlcTick(clock, receivedAt.getTime());
      clock = tick.state;
      const procedure = config.procedures[i % config.procedures.length];
      const op: StoredOp = {
        opId: crypto.randomUUID(),
        deviceSeq: i + 1,
        type: 'dossier.received',
        entityId: crypto.randomUUID(),
        at: receivedAt.toISOString(),
        hlc: tick.hlc,
        deviceId,
        state: 'synced',
        data: {
          code: formatDossierCode(config.commune.code, receivedAt, 1, (i % 900) + 1),
          procedureId: procedure.id,
          applicant: {
            name: `${FAMILY[i % 15]} ${MIDDLE[(i >> 4) % 8]} ${GIVEN[(i * 7) % 17]}`,
            phone: `09${String(10_000_000 + i).slice(-8)}`,
          },
          channel: 'counter',
          receivedAt: receivedAt.toISOString(),
          dueAt: new Date(receivedAt.getTime() + 5 * 86_400_000).toISOString(),
          documents: [],
          writtenByStaff: false,
          staffId: config.staff[0].id,
        },
      };
      ops.push(op);
      rows.push(toDossierRow(foldDossier(op.entityId, [op])));
    }
    await db.transaction('rw', db.ops, db.dossiers, async () => {
      await db.ops.bulkAdd(ops);
      await db.dossiers.bulkAdd(rows);
    });
    document.title = `filled ${chunk + 1000}`;
  }
  return performance.now() - t0;
}

/** Mount the real list and wait until its first page of rows is on screen. */
async function showFirstPage(config: CommuneConfig, container: HTMLElement) {
  const root = createRoot(container);
  const t0 = performance.now();
  flushSync(() => root.render(<DossierList config={config} />));
  while (container.querySelectorAll('tbody tr').length === 0) await new Promise((r) => requestAnimationFrame(r));
  const ms = performance.now() - t0;
  root.unmount();
  return ms;
}

(window as unknown as { runBench: (n: number) => Promise<unknown> }).runBench = async (count: number) => {
  await initI18n('vi', ['counter']);
  await db.delete();
  await db.open();
  const config = configFromSeed(seed);
  const deviceId = crypto.randomUUID();
  await setUpDevice(db, { deviceId, deviceNo: 1, kind: 'counter', commune: { id: config.commune.id, code: config.commune.code, name: config.commune.name }, mode: 'demo' }, config);
  const fillMs = await fill(count, config, deviceId);
  const container = document.getElementById('root')!;
  const firstPage = [];
  for (let i = 0; i < 5; i++) firstPage.push(await showFirstPage(config, container));
  const searchName = await time(10, () => listDossiers(db, { filter: 'all', search: 'nguyen thi hoa', limit: 50 }));
  const searchRare = await time(10, () => listDossiers(db, { filter: 'open', search: 'vo duc yen', limit: 50 }));
  const searchSkipping = await time(10, () => listDossiers(db, { filter: 'all', search: 'nguyen yen', limit: 50 }));
  const searchCommon = await time(10, () => listDossiers(db, { filter: 'all', search: 'nguyen', limit: 50 }));
  const searchPhone = await time(10, () => listDossiers(db, { filter: 'all', search: '0910054321', limit: 50 }));
  const overdue = await time(10, () => listDossiers(db, { filter: 'overdue', limit: 50 }));
  const create = await time(30, () =>
    receiveDossier(db, {
      procedureId: config.procedures[0].id,
      applicant: { name: 'Nguyễn Văn Mới', phone: '0912345678' },
      channel: 'counter',
      documents: ['Tờ khai'],
      writtenByStaff: false,
      staffId: config.staff[0].id,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  );
  return {
    dossiers: await db.dossiers.count(),
    fillMs,
    firstPageMs: { median: median(firstPage), max: Math.max(...firstPage) },
    searchName,
    searchRare,
    searchSkipping,
    searchPhone,
    searchCommon,
    overdue,
    create,
  };
};
document.title = 'ready';
