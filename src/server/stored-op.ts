import type { ExclusionReason, FoldOp, Op } from '../domain';

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
