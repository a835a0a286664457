import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The little the server needs from a database, the same over embedded PGlite and PostgreSQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/** PGlite keeps its data in a directory (or memory): no install, one process. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>, inTx: boolean): Sql => {
    const self: Sql = {
      kind: 'pglite',
      query: async (text, params) => ({ rows: (await q.query(text, params as unknown[])).rows as never[] }),
      // Inside a transaction, a nested one is the same transaction (as with PostgreSQL below).
      transaction: (fn) => (inTx ? fn(self) : db.transaction((tx) => fn(wrap(tx, true)))),
      close: () => db.close(),
    };
    return self;
  };
  return wrap(db, false);
}

/** PostgreSQL for scale: several server processes may share one database. */
export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('SELECT 1');
  const make = (client: pg.Pool | pg.PoolClient, inTx: boolean): Sql => ({
    kind: 'postgres',
    query: async (text, params) => ({ rows: (await client.query(text, params)).rows }),
    transaction: async (fn) => {
      if (inTx) return fn(make(client, true));
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(make(conn, true));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  });
  return make(pool, false);
}
