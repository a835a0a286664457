import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { DURABLE_START_PARAMS, installFsync } from './pglite-durable';

/** The little the server needs from a database, the same over embedded PGlite and PostgreSQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /**
   * `keyLookupsOnly`: every read inside is a look-up by key. The planner is then told to avoid
   * sequential scans: with the statistics of a young table it would choose them, and a prepared
   * statement would keep that plan while the table grows.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, options?: { keyLookupsOnly?: boolean }): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only: rows in COPY's text format (see rows.ts copyText) loaded into `table`. The fastest
   * way in for a batch of new rows: PGlite's WebAssembly makes each row of an INSERT … SELECT dear
   * (500 ops: about 12 ms by COPY against 30 ms by the push statement). A COPY has no ON CONFLICT:
   * a row that is there already fails it whole (unique_violation).
   */
  copyFrom?(table: string, columns: string[], text: string): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball, taken between two transactions. */
  dumpDataDir?(): Promise<Blob>;
  readonly kind: 'pglite' | 'postgres';
}

const NO_SEQ_SCAN = 'SET LOCAL enable_seqscan = off';

/**
 * PGlite keeps its data in a directory (or memory): no install, one process. `durable`: every
 * commit is fsynced before it returns (see pglite-durable.ts); a directory only.
 */
export async function openPglite(dataDir?: string, { durable = false } = {}): Promise<Sql> {
  const db = await PGlite.create(dataDir, durable ? { startParams: DURABLE_START_PARAMS } : {});
  if (durable) await installFsync(db);
  const wrap = (q: Pick<PGlite, 'query'>, inTx: boolean): Sql => {
    const self: Sql = {
      kind: 'pglite',
      query: async (text, params) => ({ rows: (await q.query(text, params as unknown[])).rows as never[] }),
      // Inside a transaction, a nested one is the same transaction (as with PostgreSQL below).
      transaction: (fn, options) =>
        inTx
          ? fn(self)
          : db.transaction(async (tx) => {
              if (options?.keyLookupsOnly) await tx.query(NO_SEQ_SCAN);
              return fn(wrap(tx, true));
            }),
      copyFrom: async (table, columns, text) => {
        await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
      },
      close: () => db.close(),
      dumpDataDir: async () => {
        // Every page written to the files first, so the copy opens without replaying the log.
        await db.query('CHECKPOINT');
        return db.dumpDataDir('gzip');
      },
    };
    return self;
  };
  return wrap(db, false);
}

// Statements with parameters are prepared once per connection and reused by name: the push path
// runs the same few statements thousands of times, and parsing and planning them is not free.
const statementNames = new Map<string, string>();
function prepared(text: string, params?: unknown[]): pg.QueryConfig {
  if (!params?.length) return { text };
  let name = statementNames.get(text);
  if (!name) {
    // The server's statements are a fixed set; anything beyond that bound runs unprepared.
    if (statementNames.size >= 500) return { text, values: params };
    name = `fd_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values: params };
}

/** PostgreSQL for scale: several server processes may share one database. */
export async function openPostgres(url: string, poolSize = Number(process.env.PG_POOL_MAX) || 10): Promise<Sql> {
  // No JIT: the server's statements are short, and compiling a report's aggregate took longer
  // (60–70 ms) than the parts of it the compiled code would have sped up.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  await pool.query('SELECT 1');
  const make = (client: pg.Pool | pg.PoolClient, inTx: boolean): Sql => {
    // A transaction's statements go one after the other on its one connection, even when the
    // caller runs several at once (pg would queue them too, but warns that it will stop to).
    let last: Promise<unknown> = Promise.resolve();
    const run = (text: string, params?: unknown[]) => client.query(prepared(text, params));
    const queued = (text: string, params?: unknown[]) => {
      const next = last.then(() => run(text, params));
      last = next.catch(() => undefined);
      return next;
    };
    return {
      kind: 'postgres',
      query: async (text, params) => ({ rows: (await (inTx ? queued : run)(text, params)).rows }),
      transaction: async (fn, options) => {
        if (inTx) return fn(make(client, true));
        const conn = await pool.connect();
        let broken = false;
        try {
          // One round trip for both (a simple query may hold several statements).
          await conn.query(options?.keyLookupsOnly ? `BEGIN; ${NO_SEQ_SCAN}` : 'BEGIN');
          const result = await fn(make(conn, true));
          await conn.query('COMMIT');
          return result;
        } catch (err) {
          // A connection that cannot even roll back goes, rather than back into the pool.
          await conn.query('ROLLBACK').catch(() => (broken = true));
          throw err;
        } finally {
          conn.release(broken);
        }
      },
      close: () => pool.end(),
    };
  };
  return make(pool, false);
}
