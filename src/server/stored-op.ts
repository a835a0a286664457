import type { ExclusionReason, FoldOp, Op } from '../domain';
import type { Sql } from './sql';

/** An op as the ops table returns it. */
export interface StoredRow {
  op_id: string;
  device_id: string;
  device_seq: string | number;
  type: string;
  entity_id: string;
  at: string;
  hlc: string;
  data: Record<string, unknown>;
}

/** The columns an op is read back with, in StoredRow's shape. */
export const OP_FIELDS = 'op_id, device_id, device_seq, type, entity_id, at, hlc, data';

export const rowToOp = (r: StoredRow): Op => ({
  opId: r.op_id,
  deviceSeq: Number(r.device_seq),
  type: r.type,
  entityId: r.entity_id,
  at: r.at,
  hlc: r.hlc,
  data: r.data,
});

/** A stored op with its place in the commune's log (the pull's cursor). */
export type LoggedRow = StoredRow & { seq: string };

/**
 * The ops a query selects (`SELECT seq, ${OP_FIELDS} FROM ops …`), in `order`, read back as one JSON
 * text: PGlite's driver decodes each cell of a result on its own (a buffer copy and a text decode),
 * which was most of the server's time for a 5,000-op snapshot or pull page; one cell costs one
 * JSON.parse. The query's ops are `o` in `order`.
 */
export async function selectLogged(sql: Sql, query: string, order: string, params: unknown[]): Promise<LoggedRow[]> {
  const { rows } = await sql.query<{ page: [string, string, string, string | number, string, string, string, string, Record<string, unknown>][] }>(
    `SELECT coalesce(json_agg(json_build_array(o.seq::text, ${OP_FIELDS.split(', ').map((f) => `o.${f}`).join(', ')}) ORDER BY ${order}), '[]') AS page FROM (${query}) o`,
    params,
  );
  return rows[0].page.map(([seq, op_id, device_id, device_seq, type, entity_id, at, hlc, data]) => ({ seq, op_id, device_id, device_seq, type, entity_id, at, hlc, data }));
}

/** An op of a push that passed validation, on its way into the log (and the report rows). */
export interface IncomingOp {
  /** Its place in the request's ops (answers go back in that order). */
  index: number;
  op: FoldOp;
  /** References the server does not know (flagged for review, never rejected). */
  review: string[];
  /** Why it is left out of the figures, if it is. */
  excluded: ExclusionReason | null;
}
