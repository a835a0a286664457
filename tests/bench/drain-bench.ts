// Runs in Chromium against the real server: a tablet with 10,000 pending ops comes back online.
import { FriendlyDeskDB, countPending, getCommuneConfig, toDossierRow, type StoredOp } from '../../src/db';
import { foldDossier, formatDossierCode, hlcTick, type HlcState } from '../../src/domain';
import { enrollDevice, syncOnce, syncStatus } from '../../src/sync';
import { benchDossier } from './records';

(window as unknown as { runDrain: (code: string, n: number) => Promise<unknown> }).runDrain = async (code, n) => {
  const db = new FriendlyDeskDB(`drain-${Date.now()}`);
  const device = await enrollDevice(db, code, '');
  const config = (await getCommuneConfig(db))!;
  let clock: HlcState = { wall: 0, counter: 0 };
  const start = Date.now() - n * 1000;
  // Fill the outbox as a week offline would: the same ops recordOp writes, in bulk.
  for (let chunk = 0; chunk < n; chunk += 1000) {
    const ops: StoredOp[] = [];
    for (let i = chunk; i < Math.min(n, chunk + 1000); i++) {
      const at = new Date(start + i * 1000);
      const tick = hlcTick(clock, at.getTime());
      clock = tick.state;
      ops.push({
        opId: crypto.randomUUID(),
        deviceSeq: i + 1,
        type: 'dossier.received',
        entityId: crypto.randomUUID(),
        at: at.toISOString(),
        hlc: tick.hlc,
        deviceId: device.deviceId,
        state: 'pending',
        data: benchDossier(i, at, formatDossierCode(config.commune.code, at, device.deviceNo, i + 1), config),
      });
    }
    await db.transaction('rw', db.ops, db.dossiers, async () => {
      await db.ops.bulkAdd(ops);
      await db.dossiers.bulkAdd(ops.map((op) => toDossierRow(foldDossier(op.entityId, [op]))));
    });
  }
  await db.meta.bulkPut([
    { key: 'deviceSeq', value: n },
    { key: 'hlc', value: clock },
  ]);
  const pendingBefore = await countPending(db);
  const t0 = performance.now();
  // When the last op was sent: the rest of the round is the pull (our own ops come back) and config.
  let pushedMs = 0;
  const stop = syncStatus.subscribe((s) => {
    if (s.progress === pendingBefore && !pushedMs) pushedMs = performance.now() - t0;
  });
  let rounds = 0;
  while ((await countPending(db)) > 0 && rounds < 20) {
    rounds++;
    await syncOnce(db, '');
  }
  const ms = performance.now() - t0;
  stop();
  return { pendingBefore, pendingAfter: await countPending(db), ms, pushedMs, rounds };
};
document.title = 'ready';
