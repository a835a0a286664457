import { describe, expect, it } from 'vitest';
import { push, receivedOp } from '../../support/ops';
import { startTestServer } from '../../support/test-server';

/** What the planner believes the op log holds: -1 until the table was first analyzed. */
const believedOps = async (s: Awaited<ReturnType<typeof startTestServer>>) =>
  Number((await s.sql.query<{ n: number }>("SELECT reltuples AS n FROM pg_class WHERE relname = 'ops'")).rows[0].n);

describe('housekeeping on PGlite (no autovacuum there)', () => {
  it('vacuums and analyzes after enough stored ops, so the planner knows the op log has grown', async () => {
    const s = await startTestServer({ db: 'pglite', housekeepingEveryOps: 50 });
    try {
      const device = await s.newDevice(s.demoCommuneId);
      await push(s.url, device.token, device.deviceId, Array.from({ length: 40 }, (_, i) => receivedOp(i + 1)));
      expect(await believedOps(s)).toBeLessThan(0);
      await push(s.url, device.token, device.deviceId, Array.from({ length: 20 }, (_, i) => receivedOp(41 + i)));
      await expect.poll(() => believedOps(s), { timeout: 10_000 }).toBe(60);
    } finally {
      await s.close();
    }
  });
});
