import type { Sql } from './sql';

/**
 * PGlite has no autovacuum. Without one, the planner keeps the statistics of an empty database
 * and rows replaced by updates are never reclaimed, so pushes slow down as the op log grows
 * (bench: 7,600 → 6,200 ops/s over 200,000 ops; 7,000–11,000 with this). So after every
 * `everyOps` stored ops the server vacuums and analyzes, in the background. PostgreSQL's own
 * autovacuum does this there.
 */
export function housekeeping(sql: Sql, everyOps = 20_000) {
  let stored = 0;
  let running: Promise<void> | undefined;
  return {
    /** `n` more ops are stored: clean up once enough have come in since the last time. */
    stored(n: number): void {
      if (sql.kind !== 'pglite') return;
      stored += n;
      if (stored < everyOps || running) return;
      stored = 0;
      running = sql
        .query('VACUUM ANALYZE')
        .then(
          () => undefined,
          (err: Error) => console.error(`[server] housekeeping: ${err.name}: ${err.message.slice(0, 200)}`),
        )
        .finally(() => (running = undefined));
    },
    /** Resolves when no housekeeping is under way (before closing the database). */
    idle: (): Promise<void> => running ?? Promise.resolve(),
  };
}
