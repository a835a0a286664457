// A new tablet joins a big commune: 20,000 dossiers (100,000 ops) already on the server. The
// built app in Chromium (IndexedDB on disk) from the enrollment code to a dossier list a clerk can
// use, and to the whole commune pulled; then how much the origin stores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDossierCode, formatHlc, type Op } from '../../src/domain';
import { launchChromiumProfile } from '../support/browser';
import { push, receivedOp, transitionOp } from '../support/ops';
import { startTestServer, type TestServer } from '../support/test-server';

const DOSSIERS = Number(process.env.BENCH_COMMUNE_DOSSIERS ?? 20_000);
// Every dossier goes through a supplement request: five ops each, about what a year leaves.
const ACTIONS: [string, Record<string, unknown>?][] = [
  ['start-processing'],
  ['request-supplement', { missingDocuments: ['Bản sao giấy khai sinh'] }],
  ['receive-supplement'],
  ['mark-result-ready'],
];

/** The commune's history, pushed by one tablet in batches of 500 ops (100 dossiers, one day). */
async function fillCommune(server: TestServer): Promise<number> {
  const device = await server.newDevice(server.demoCommuneId);
  const communeCode = (await (await server.admin('GET', '/api/v1/admin/communes')).json()).find((c: { id: string }) => c.id === server.demoCommuneId).code;
  const firstDay = Date.UTC(2025, 0, 2, 2, 0);
  let seq = 0;
  const op = (wall: number, make: (seq: number) => Op): Op => ({ ...make(++seq), at: new Date(wall).toISOString(), hlc: formatHlc({ wall, counter: 0 }) });
  // Made batch by batch: a long pause between two requests lets the server close the kept-alive
  // socket just as fetch reuses it (ECONNRESET).
  for (let day = 0; day * 100 < DOSSIERS; day++) {
    const batch: Op[] = [];
    for (let k = 0; k < 100 && day * 100 + k < DOSSIERS; k++) {
      const wall = firstDay + day * 86_400_000 + k * 60_000;
      const at = new Date(wall).toISOString();
      const code = formatDossierCode(communeCode, new Date(wall), device.deviceNo, k + 1);
      const received = op(wall, (n) => receivedOp(n, { data: { code, receivedAt: at, dueAt: new Date(wall + 3 * 86_400_000).toISOString() } }));
      batch.push(received, ...ACTIONS.map(([action, extra], j) => op(wall + (j + 1) * 3_600_000, (n) => transitionOp(n, received.entityId, action, extra))));
    }
    const res = await push(server.url, device.token, device.deviceId, batch);
    const body = await res.json();
    const refused = body.results?.filter((r: { status: string }) => r.status !== 'applied');
    if (!res.ok || refused?.length) throw new Error(`filling the commune: ${res.status} ${JSON.stringify(refused?.[0] ?? body)}`);
  }
  return seq;
}

export async function runNewTabletBench(row: (name: string, value: number, unit: string, target?: number) => void) {
  const server = await startTestServer({ db: 'pglite', distDir: resolve(import.meta.dirname, '../../dist') });
  const profile = mkdtempSync(join(tmpdir(), 'fd-new-tablet-'));
  try {
    const t = Date.now();
    const opCount = await fillCommune(server);
    console.log(`\nA new tablet joins a commune of ${DOSSIERS.toLocaleString('en')} dossiers (${opCount.toLocaleString('en')} ops on the server, filled in ${((Date.now() - t) / 1000).toFixed(0)} s)`);
    const context = await launchChromiumProfile(profile, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Mã đăng ký thiết bị').fill(await server.enrollmentCode(server.demoCommuneId));
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Đăng ký máy' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor({ timeout: 600_000 });
      const signInMs = Date.now() - t0;
      await page.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
      await page.getByLabel('Mã PIN').fill('1234');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      // Usable: the list shows the commune's dossiers (a row with a dossier code), not "none yet".
      await page.locator('.dossier-table tbody tr').first().waitFor({ timeout: 600_000 });
      const listMs = Date.now() - t0;
      // The tablet's own record, read with IndexedDB's API (the app's Dexie is not on window).
      const stored = () =>
        page.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((done) => {
            const open = indexedDB.open('friendly-desk');
            open.onsuccess = () => done(open.result);
          });
          const [ops, dossiers] = await Promise.all(
            ['ops', 'dossiers'].map(
              (store) =>
                new Promise<number>((done) => {
                  const req = db.transaction(store).objectStore(store).count();
                  req.onsuccess = () => done(req.result);
                }),
            ),
          );
          db.close();
          return { ops, dossiers, usage: (await navigator.storage.estimate()).usage ?? 0 };
        });
      // Everything pulled: the tablet holds every op of the commune.
      let last = await stored();
      while (last.ops < opCount && Date.now() - t0 < 900_000) {
        await new Promise((r) => setTimeout(r, 250));
        last = await stored();
      }
      const allMs = Date.now() - t0;
      const { ops, dossiers, usage } = last;
      row('enrollment → sign-in screen', signInMs / 1000, 's');
      row('enrollment → first dossiers listed (signed in)', listMs / 1000, 's');
      row(`enrollment → usable: all ${dossiers.toLocaleString('en')} dossiers (${ops.toLocaleString('en')} ops) on it`, allMs / 1000, 's', 30);
      row('origin storage afterwards (IndexedDB + app)', usage / 1024 / 1024, 'MB');
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}
