/**
 * The op log's SQL: a push applied (ops stored, report rows refreshed, each op answered) and a
 * pull read. HTTP is routes/sync.ts's business; the report rows are projections/<capability>.ts's.
 */
import { BACKDATE_LIMIT_MS, HLC_PATTERN, isClockAhead, SURVEY_RATE_WINDOW_MS, toCanonicalHlc, validateOp, type FoldOp, type Op, type OpRejection, type OpResult } from '../domain';
import type { ReferenceIds } from './communes';
import type { Device } from './devices';
import { DOSSIER_COLUMNS, dossierOpsOf, dossierRows, refoldDossiers, type DossierRowSource } from './projections/dossiers';
import { markSurveyExclusions, SURVEY_COLUMNS, surveysOf } from './projections/surveys';
import { writeAppendedRows } from './projections';
import { arrayLiteral, copyText, Params, rowsFrom, type Column } from './rows';
import type { Sql } from './sql';
import { OP_FIELDS, rowToOp, selectLogged, type IncomingOp, type StoredRow } from './stored-op';

export { rowToOp, type StoredRow } from './stored-op';

/** What a push came to: every op answered, or nothing done because the device was revoked meanwhile. */
export type BatchOutcome = { revoked: true } | { revoked: false; results: OpResult[] };



/** Key order must not matter when deciding whether a resent op is the same op. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
const contentOf = (op: Pick<Op, 'deviceSeq' | 'type' | 'entityId' | 'at' | 'hlc' | 'data'>) =>
  canonical({ deviceSeq: Number(op.deviceSeq), type: op.type, entityId: op.entityId, at: op.at, hlc: op.hlc, data: op.data });

const reject = (opId: string, code: OpRejection, message: string): OpResult => ({ opId, status: 'rejected', error: { code, message } });

/**
 * The contract's other HLC form (ISO time, hex counter, node id) becomes the canonical one before
 * anything else looks at the op, so duplicates and reuses are judged on what is stored.
 */
function withCanonicalHlc(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const hlc = (raw as { hlc?: unknown }).hlc;
  if (typeof hlc !== 'string' || HLC_PATTERN.test(hlc)) return raw;
  const canonical = toCanonicalHlc(hlc);
  return canonical ? { ...raw, hlc: canonical } : raw;
}


/**
 * Stored but left out of the figures (DESIGN.md › Server rules, 1.1): ops back-dated by more than
 * a day against an earlier op of the same device, kiosk bursts, and surveys past the rate limit.
 * Returns the latest `at` of the batch that is not back-dated, which the device row keeps.
 */
async function markExclusions(tx: Sql, deviceId: string, fresh: IncomingOp[]): Promise<string | null> {
  const surveys = surveysOf(fresh);
  const surveyTimes = surveys.map((f) => Date.parse(f.op.at));
  const windowFrom = surveys.length ? new Date(Math.min(...surveyTimes) - SURVEY_RATE_WINDOW_MS).toISOString() : null;
  const windowTo = surveys.length ? new Date(Math.max(...surveyTimes)).toISOString() : null;
  const { rows } = await tx.query<{ max_at: string | Date | null; recent: string[] | null }>(
    `SELECT (SELECT max_at FROM devices WHERE id = $1) AS max_at,
            (SELECT json_agg(at) FROM surveys WHERE device_id = $1 AND at > $2::timestamptz AND at <= $3::timestamptz) AS recent`,
    [deviceId, windowFrom, windowTo],
  );
  // Back-dating: by deviceSeq, against the latest `at` this device sent before (a week offline is
  // not back-dating: those ops come in deviceSeq order with times that only move forward).
  let latest = rows[0].max_at === null ? -Infinity : new Date(rows[0].max_at).getTime();
  for (const f of [...fresh].sort((a, b) => a.op.deviceSeq - b.op.deviceSeq)) {
    const at = Date.parse(f.op.at);
    if (at < latest - BACKDATE_LIMIT_MS) f.excluded = 'backdated';
    else latest = Math.max(latest, at);
  }
  markSurveyExclusions(surveys, (rows[0].recent ?? []).map((t) => Date.parse(t)));
  return Number.isFinite(latest) ? new Date(latest).toISOString() : null;
}

/** References the server does not know are accepted and flagged for review, never rejected. */
function reviewFlags(op: Op, known: ReferenceIds): string[] {
  const flags: string[] = [];
  const data = op.data as { procedureId?: string; staffId?: string };
  if (data.procedureId && !known.procedures.has(data.procedureId)) flags.push('unknown-procedure');
  if (data.staffId && !known.staff.has(data.staffId)) flags.push('unknown-staff');
  return flags;
}

/** A validated batch on its way into the tables: its ops, and the report rows they make. */
interface StoreInput {
  device: Device;
  fresh: IncomingOp[];
  /** The batch's latest `at` that is not back-dated (markExclusions), for the device row. */
  latestAt: string | null;
  dossiers: DossierRowSource[];
  surveys: IncomingOp[];
}

/** What storing came to: whether the device was still active, and what did not go in (usually nothing). */
interface Stored {
  active: number;
  /** Ops the insert skipped (their opId or deviceSeq is taken). */
  skipped: string[] | null;
  /** Dossiers whose report row was there before this batch. */
  existing: string[] | null;
  /** Entities of another commune. */
  foreign: string[] | null;
}

/**
 * The CTEs every store begins with, over `p` = (commune, device, latestAt): `touched`, the device's
 * sync time, unless it was revoked since its token was checked; `locked`, the commune lock, so
 * pushes of one commune commit one after another and a pull by cursor never skips an op that
 * commits late with a lower seq (what reads `locked` draws no seq before the lock is held).
 */
const touchAndLock = (p: Params, communeId: string) => `touched AS (
       UPDATE devices SET last_sync_at = now(), max_at = GREATEST(max_at, $3::timestamptz)
        WHERE id = $2 AND revoked_at IS NULL RETURNING id
     ), locked AS (
       SELECT pg_advisory_xact_lock(hashtext(${p.add(`ops:${communeId}`)})) FROM touched
     )`;

/**
 * The general way, one statement (each round trip costs): the device row and the commune lock
 * (touchAndLock; every row reads `locked`); skip ops on another commune's entities; insert the
 * rest; and the report rows: surveys, and the dossiers this batch creates, folded from the batch
 * alone. A dossier row that already exists is left to the caller's refold (its conflict, unlike a
 * read, sees what a concurrent push just committed).
 */
async function storeByStatement(tx: Sql, { device, fresh, latestAt, dossiers, surveys }: StoreInput): Promise<Stored> {
  const p = new Params(device.commune_id, device.id, latestAt);
  // The answer names only what did not go in (usually nothing): ops the insert skipped or that
  // touch another commune's entity, and dossiers whose report row was already there.
  const { rows } = await tx.query<Stored>(
    `WITH ${touchAndLock(p, device.commune_id)}, x AS (
       SELECT x.* FROM locked, ${rowsFrom(p, 'x', OP_COLUMNS, fresh)}
     ), foreign_entities AS (
       -- One index scan for all the batch's entities (a join probed the index once per op: 4× the time).
       SELECT DISTINCT entity_id FROM ops WHERE entity_id = ANY(ARRAY(SELECT entity_id FROM x)) AND commune_id <> $1
     ), ins AS (
       INSERT INTO ops (commune_id, device_id, ${OP_COLUMNS.map((c) => c.name).join(', ')})
       SELECT $1, $2, x.* FROM x WHERE x.entity_id NOT IN (SELECT entity_id FROM foreign_entities)
       ON CONFLICT DO NOTHING RETURNING op_id, entity_id
     ), d AS (
       SELECT d.* FROM ${rowsFrom(p, 'd', DOSSIER_COLUMNS, dossiers)} WHERE d.id IN (SELECT entity_id FROM ins)
     ), new_dossiers AS (
       INSERT INTO dossiers (commune_id, ${DOSSIER_COLUMNS.map((c) => c.name).join(', ')})
       SELECT $1, d.* FROM d ON CONFLICT (id) DO NOTHING RETURNING id
     ), new_surveys AS (
       INSERT INTO surveys (commune_id, device_id, ${SURVEY_COLUMNS.map((c) => c.name).join(', ')})
       SELECT $1, $2, v.* FROM ${rowsFrom(p, 'v', SURVEY_COLUMNS, surveys)}
        WHERE v.op_id IN (SELECT op_id FROM ins)
       ON CONFLICT DO NOTHING
     )
     SELECT (SELECT count(*) FROM touched)::int AS active,
            (SELECT json_agg(op_id) FROM x WHERE op_id NOT IN (SELECT op_id FROM ins)) AS skipped,
            (SELECT json_agg(id) FROM d WHERE id NOT IN (SELECT id FROM new_dossiers)) AS existing,
            (SELECT json_agg(entity_id) FROM foreign_entities) AS foreign`,
    p.values,
  );
  return rows[0];
}

/**
 * Each dossier the batch touches is received in it: a new dossier, whose report row cannot be
 * there yet (unless another tablet's later op about it came first, which storeByCopy finds out).
 */
function createsAllItsDossiers(batchOps: Map<string, FoldOp[]>): boolean {
  for (const ops of batchOps.values()) if (!ops.some((op) => op.type === 'dossier.received')) return false;
  return true;
}

/**
 * PGlite's fast way for the usual batch, all new ops of new dossiers (a tablet draining its
 * outbox): the device row and the commune lock as storeByStatement takes them, then the rows by
 * COPY (Sql.copyFrom), about half the statement's time in PGlite. COPY has no ON CONFLICT: if
 * anything is there already (a resent op, a reused deviceSeq, a dossier row another tablet's op
 * made first) it fails, is rolled back to the savepoint, and null sends the batch the general way,
 * which says what was there. An entity of another commune sends it there too.
 */
async function storeByCopy(tx: Sql, { device, fresh, latestAt, dossiers, surveys }: StoreInput): Promise<Stored | null> {
  const p = new Params(device.commune_id, device.id, latestAt);
  const { rows } = await tx.query<{ active: number; foreign: boolean }>(
    `WITH ${touchAndLock(p, device.commune_id)}
     SELECT (SELECT count(*) FROM locked)::int AS active,
            EXISTS (SELECT 1 FROM ops WHERE entity_id = ANY(${p.add(arrayLiteral(fresh.map(({ op }) => op.entityId)))}::uuid[]) AND commune_id <> $1) AS foreign`,
    p.values,
  );
  if (!rows[0].active) return { active: 0, skipped: null, existing: null, foreign: null };
  if (rows[0].foreign) return null;
  // The leading columns each row shares (the commune, the device), named beside their values.
  const copy = <T>(table: string, lead: Record<string, string>, columns: Column<T>[], rows: T[]) =>
    rows.length ? tx.copyFrom!(table, [...Object.keys(lead), ...columns.map((c) => c.name)], copyText(Object.values(lead), columns, rows)) : undefined;
  const commune = { commune_id: device.commune_id };
  const communeAndDevice = { ...commune, device_id: device.id };
  await tx.query('SAVEPOINT copy_batch');
  try {
    await copy('ops', communeAndDevice, OP_COLUMNS, fresh);
    await copy('dossiers', commune, DOSSIER_COLUMNS, dossiers);
    await copy('surveys', communeAndDevice, SURVEY_COLUMNS, surveys);
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT copy_batch');
    return null;
  }
  await tx.query('RELEASE SAVEPOINT copy_batch');
  return { active: 1, skipped: null, existing: null, foreign: null };
}

const UNIQUE_VIOLATION = '23505';

/**
 * Apply one batch from one device, all in the caller's transaction. Every op gets its own
 * answer; one bad op never fails the others. Projections for reports are refreshed here too.
 *
 * Insert first, ask later: the usual batch is all new ops, so they go straight into one
 * INSERT … ON CONFLICT DO NOTHING, and only the ops it skipped are looked up to say why
 * (duplicate, op-id-reused, device-seq-reused).
 */
export async function applyBatch(
  tx: Sql,
  device: Device,
  rawOps: unknown[],
  known: ReferenceIds,
  nowMs: number,
): Promise<BatchOutcome> {
  const results: (OpResult | undefined)[] = new Array(rawOps.length);
  // Answers echo the opId as sent; the database compares ids in lower case.
  const sentId = (index: number) => {
    const id = (rawOps[index] as Op | null)?.opId;
    return typeof id === 'string' ? id.slice(0, 100) : '';
  };

  // 1. Shape and authorization, op by op, and repeats inside the batch itself.
  const fresh: IncomingOp[] = [];
  const firstById = new Map<string, { index: number; op: FoldOp }>();
  const repeats: { index: number; first: number; same: boolean }[] = [];
  const seqsInBatch = new Set<number>();
  rawOps.forEach((raw, index) => {
    const checked = validateOp(withCanonicalHlc(raw));
    if (!checked.ok) return void (results[index] = reject(sentId(index), checked.code, checked.message));
    if (isClockAhead(checked.op, nowMs))
      return void (results[index] = reject(sentId(index), 'clock-ahead', 'hlc or at lies more than 24 hours after the server’s time: set the tablet’s clock and send again'));
    if (device.kind === 'kiosk' && checked.op.type !== 'survey.submitted')
      return void (results[index] = reject(sentId(index), 'forbidden-op', 'a kiosk may only send survey.submitted'));
    // validateOp made this object (raw stays as sent): it can take the server's forms in place.
    const op = checked.op as FoldOp;
    op.opId = op.opId.toLowerCase();
    op.entityId = op.entityId.toLowerCase();
    op.deviceId = device.id;
    const first = firstById.get(op.opId);
    if (first) return void repeats.push({ index, first: first.index, same: contentOf(first.op) === contentOf(op) });
    if (seqsInBatch.has(op.deviceSeq))
      return void (results[index] = reject(sentId(index), 'device-seq-reused', `deviceSeq ${op.deviceSeq} already holds another op`));
    firstById.set(op.opId, { index, op });
    seqsInBatch.add(op.deviceSeq);
    fresh.push({ index, op, review: reviewFlags(op, known), excluded: null });
  });

  if (fresh.length === 0) {
    const { rows } = await tx.query('UPDATE devices SET last_sync_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [device.id]);
    if (rows.length === 0) return { revoked: true };
  } else {
    // 2. Store the ops and their report rows (surveys, and the dossiers this batch creates, folded
    // from the batch alone): by COPY on PGlite when the batch is all new, else by the one statement
    // that says what did not go in. A dossier whose row was there already is refolded in step 4.
    const latestAt = await markExclusions(tx, device.id, fresh);
    const batchOps = dossierOpsOf(fresh);
    const batch: StoreInput = { device, fresh, latestAt, dossiers: await dossierRows(tx, device.commune_id, batchOps), surveys: surveysOf(fresh) };
    const outcome = (tx.copyFrom && createsAllItsDossiers(batchOps) && (await storeByCopy(tx, batch))) || (await storeByStatement(tx, batch));
    if (!outcome.active) return { revoked: true };
    const notInserted = new Set(outcome.skipped ?? []);
    const foreign = new Set(outcome.foreign ?? []);
    const existing = new Set(outcome.existing ?? []);
    // The ops this batch stored that count for the report rows.
    const applied: Op[] = [];

    // 3. Only for the ops the insert skipped: find what holds their opId or deviceSeq.
    const skipped = fresh.filter(({ op }) => notInserted.has(op.opId) && !foreign.has(op.entityId));
    const holders = new Map<string, StoredRow>();
    const seqHolders = new Map<number, string>();
    if (skipped.length > 0) {
      const { rows: found } = await tx.query<StoredRow>(
        `SELECT ${OP_FIELDS} FROM ops
          WHERE op_id = ANY($1::uuid[]) OR (device_id = $2 AND device_seq = ANY($3::bigint[]))`,
        [skipped.map((f) => f.op.opId), device.id, skipped.map((f) => f.op.deviceSeq)],
      );
      for (const r of found) {
        holders.set(r.op_id, r);
        if (r.device_id === device.id) seqHolders.set(Number(r.device_seq), r.op_id);
      }
    }
    for (const { index, op, excluded } of fresh) {
      const id = sentId(index);
      if (!notInserted.has(op.opId)) {
        results[index] = { opId: id, status: 'applied' };
        if (!excluded) applied.push(op);
      } else if (foreign.has(op.entityId)) {
        results[index] = reject(id, 'forbidden-op', 'this entity belongs to another commune');
      } else if (holders.has(op.opId)) {
        const held = holders.get(op.opId)!;
        const same = held.device_id === device.id && contentOf(rowToOp(held)) === contentOf(op);
        results[index] = same ? { opId: id, status: 'duplicate' } : reject(id, 'op-id-reused', 'this opId was used for a different op');
      } else if (seqHolders.has(op.deviceSeq)) {
        results[index] = reject(id, 'device-seq-reused', `deviceSeq ${op.deviceSeq} already holds another op`);
      } else {
        // Cannot happen while pushes of a commune are serialised. Fail the batch (rolled back, so
        // the tablet simply sends it again) rather than give this op a permanent answer.
        throw new Error('an op was skipped by the insert but nothing holds its opId or deviceSeq');
      }
    }

    // 4. Dossiers that had a report row before this batch, or whose batch ops were not all stored: fold
    // again from every op stored for them, once per dossier however many ops touched it.
    const insertedPerEntity = new Map<string, number>();
    for (const op of applied) insertedPerEntity.set(op.entityId, (insertedPerEntity.get(op.entityId) ?? 0) + 1);
    const refold = [...batchOps]
      .filter(([id, ops]) => insertedPerEntity.has(id) && (existing.has(id) || insertedPerEntity.get(id) !== ops.length))
      .map(([id]) => id);
    if (refold.length > 0) await refoldDossiers(tx, device.commune_id, refold);
    await writeAppendedRows(tx, device.commune_id, applied);
  }

  // 5. An opId sent twice in one batch: the same op gets the first one's fate, another op is a reuse.
  for (const { index, first, same } of repeats) {
    const before = results[first]!;
    if (!same) results[index] = reject(sentId(index), 'op-id-reused', 'this opId was used for a different op');
    else if (before.status === 'rejected') results[index] = { ...before, opId: sentId(index) };
    else results[index] = { opId: sentId(index), status: 'duplicate' };
  }

  return { revoked: false, results: results as OpResult[] };
}

/**
 * A page of the commune's ops after the cursor, in server order, whether more follow, and the
 * cursor it ends at. `skipDevice`: that device's own ops are left out (it holds them), the cursor
 * still moves past them.
 */
export async function readOps(sql: Sql, communeId: string, after: string, n: number, skipDevice?: string) {
  const rows = await selectLogged(sql, `SELECT seq, ${OP_FIELDS} FROM ops WHERE commune_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, 'o.seq', [communeId, after, n + 1]);
  const page = rows.slice(0, n);
  const ops = page.filter((r) => r.device_id !== skipDevice).map((r) => ({ ...rowToOp(r), deviceId: r.device_id, cursor: String(r.seq) }));
  return { ops, hasMore: rows.length > n, cursor: page.length ? String(page[page.length - 1].seq) : null };
}

/**
 * A page of the commune's snapshot (SnapshotReply): the ops up to seq `at` of the next `entities`
 * entities after `after`, each entity whole, ordered by entity then seq. `skipDevice`: entities
 * only that device wrote are left out (it holds them), without reading their ops.
 */
export async function readSnapshot(sql: Sql, communeId: string, at: string, after: string | null, entities: number, skipDevice?: string) {
  const rows = await selectLogged(
    sql,
    `WITH e AS (
       SELECT entity_id FROM ops
        WHERE commune_id = $1 AND seq <= $2 AND ($3::uuid IS NULL OR entity_id > $3::uuid)
        GROUP BY entity_id
       HAVING $5::text IS NULL OR bool_or(device_id::text <> $5::text)
        ORDER BY entity_id LIMIT $4
     )
     SELECT seq, ${OP_FIELDS} FROM ops
      WHERE entity_id IN (SELECT entity_id FROM e) AND commune_id = $1 AND seq <= $2`,
    'o.entity_id, o.seq',
    [communeId, at, after, entities + 1, skipDevice ?? null],
  );
  // One entity more than asked tells whether another page follows; it is left for that page.
  const ids = [...new Set(rows.map((r) => r.entity_id))];
  const more = ids.length > entities;
  const kept = more ? rows.filter((r) => r.entity_id !== ids[entities]) : rows;
  const ops = kept.map((r) => ({ ...rowToOp(r), deviceId: r.device_id, cursor: String(r.seq) }));
  return { ops, next: more ? ids[entities - 1] : null };
}

/** The commune's newest seq, or null when it has no op yet. */
export async function lastSeq(sql: Sql, communeId: string): Promise<string | null> {
  const { rows } = await sql.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM ops WHERE commune_id = $1', [communeId]);
  return rows[0].seq;
}

// The columns each table is written from, in the order of its INSERT (see rows.ts).
const OP_COLUMNS: Column<IncomingOp>[] = [
  { name: 'op_id', type: 'uuid', of: ({ op }) => op.opId },
  { name: 'device_seq', type: 'bigint', of: ({ op }) => op.deviceSeq },
  { name: 'type', type: 'text', of: ({ op }) => op.type },
  { name: 'entity_id', type: 'uuid', of: ({ op }) => op.entityId },
  { name: 'at', type: 'text', of: ({ op }) => op.at },
  { name: 'hlc', type: 'text', of: ({ op }) => op.hlc },
  { name: 'data', type: 'json', of: ({ op }) => op.data },
  { name: 'review', type: 'jsonb', of: ({ review }) => (review.length ? JSON.stringify(review) : null) },
  { name: 'excluded', type: 'text', of: ({ excluded }) => excluded },
];
