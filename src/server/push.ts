import { foldDossier, validateOp, type Op } from '../domain';
import type { Device } from './devices';
import type { Sql } from './sql';

export interface OpResult {
  opId: string;
  status: 'applied' | 'duplicate' | 'rejected';
  error?: { code: string; message: string };
}

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
export const rowToOp = (r: StoredRow): Op => ({
  opId: r.op_id,
  deviceSeq: Number(r.device_seq),
  type: r.type,
  entityId: r.entity_id,
  at: r.at,
  hlc: r.hlc,
  data: r.data,
});

const reject = (opId: string, code: string, message: string): OpResult => ({ opId, status: 'rejected', error: { code, message } });

/** References the server does not know are accepted and flagged for review, never rejected. */
function reviewFlags(op: Op, config: { procedures: { id: string }[]; staff: { id: string }[] }): string[] {
  const flags: string[] = [];
  const data = op.data as { procedureId?: string; staffId?: string };
  if (data.procedureId && !config.procedures.some((p) => p.id === data.procedureId)) flags.push('unknown-procedure');
  if (data.staffId && !config.staff.some((s) => s.id === data.staffId)) flags.push('unknown-staff');
  return flags;
}

/**
 * Apply one batch from one device, all in the caller's transaction. Every op gets its own
 * answer; one bad op never fails the others. Projections for reports are refreshed here too.
 */
export async function applyBatch(
  tx: Sql,
  device: Device,
  rawOps: unknown[],
  config: { procedures: { id: string }[]; staff: { id: string }[] },
): Promise<OpResult[]> {
  // Pushes of one commune commit one after another, so a pull by cursor can never skip an op
  // that commits late with a lower sequence number.
  // The lock is taken in the look-up statement below, before anything is inserted.
  const results: (OpResult | undefined)[] = new Array(rawOps.length);
  const candidates: { index: number; op: Op }[] = [];
  rawOps.forEach((raw, index) => {
    const opId = typeof (raw as Op)?.opId === 'string' ? (raw as Op).opId.slice(0, 100) : '';
    const checked = validateOp(raw);
    if (!checked.ok) results[index] = reject(opId, checked.code, checked.message);
    else if (device.kind === 'kiosk' && checked.op.type !== 'survey.submitted')
      results[index] = reject(opId, 'forbidden-op', 'a kiosk may only send survey.submitted');
    // Ids are compared as the database stores them (lower case); answers echo what was sent.
    else candidates.push({ index, op: { ...checked.op, opId: checked.op.opId.toLowerCase(), entityId: checked.op.entityId.toLowerCase() } });
  });
  const sentId = (index: number) => (rawOps[index] as Op).opId;

  const ids = candidates.map((c) => c.op.opId);
  const seqs = candidates.map((c) => c.op.deviceSeq);
  const entityIds = [...new Set(candidates.map((c) => c.op.entityId))];
  // One round trip for the commune lock, the device's sync time and every check: the same opId
  // anywhere, the same deviceSeq of this device, and which commune owns each entity. (A concurrent
  // push of the same op slipping in between is caught by the insert's ON CONFLICT.)
  const { rows: lookup } = await tx.query<{ existing: StoredRow[] | null; owners: { entity_id: string; commune_id: string }[] | null }>(
    `WITH touched AS (UPDATE devices SET last_sync_at = now() WHERE id = $2 RETURNING id),
          locked AS (SELECT pg_advisory_xact_lock(hashtext($5)) FROM touched)
     SELECT
       (SELECT count(*) FROM locked) AS locked,
       (SELECT json_agg(o) FROM (SELECT op_id, device_id, device_seq, type, entity_id, at, hlc, data FROM ops
          WHERE op_id = ANY($1::uuid[]) OR (device_id = $2 AND device_seq = ANY($3::bigint[]))) o) AS existing,
       (SELECT json_agg(e) FROM (SELECT entity_id, commune_id FROM entities WHERE entity_id = ANY($4::uuid[])) e) AS owners`,
    [ids, device.id, seqs, entityIds, `ops:${device.commune_id}`],
  );
  const existing = { rows: lookup[0].existing ?? [] };
  const owners = { rows: lookup[0].owners ?? [] };
  const wanted = new Set(ids);
  const prior = new Map(
    existing.rows.filter((r) => wanted.has(r.op_id)).map((r) => [r.op_id, { content: contentOf(rowToOp(r)), deviceId: r.device_id }]),
  );
  const seqOwner = new Map(existing.rows.filter((r) => r.device_id === device.id).map((r) => [Number(r.device_seq), r.op_id]));
  const entityCommune = new Map(owners.rows.map((r) => [r.entity_id, r.commune_id]));
  const knownEntities = new Set(entityCommune.keys());

  const fresh: { index: number; op: Op; review: string[] }[] = [];
  for (const { index, op } of candidates) {
    const id = sentId(index);
    const before = prior.get(op.opId);
    if (before) {
      const same = before.content === contentOf(op) && before.deviceId === device.id;
      results[index] = same ? { opId: id, status: 'duplicate' } : reject(id, 'op-id-reused', 'this opId was used for a different op');
      continue;
    }
    const seqHolder = seqOwner.get(op.deviceSeq);
    if (seqHolder && seqHolder !== op.opId) {
      results[index] = reject(id, 'device-seq-reused', `deviceSeq ${op.deviceSeq} already holds another op`);
      continue;
    }
    const owner = entityCommune.get(op.entityId);
    if (owner && owner !== device.commune_id) {
      results[index] = reject(id, 'forbidden-op', 'this entity belongs to another commune');
      continue;
    }
    entityCommune.set(op.entityId, device.commune_id);
    seqOwner.set(op.deviceSeq, op.opId);
    prior.set(op.opId, { content: contentOf(op), deviceId: device.id });
    fresh.push({ index, op, review: reviewFlags(op, config) });
  }

  if (fresh.length > 0) {
    const rows = fresh.map(({ op, review }) => ({
      op_id: op.opId,
      device_seq: op.deviceSeq,
      type: op.type,
      entity_id: op.entityId,
      at: op.at,
      hlc: op.hlc,
      data: op.data,
      review: review.length ? review : null,
    }));
    // Ops and their entities' commune in one statement.
    const inserted = await tx.query<{ op_id: string }>(
      `WITH ins AS (
         INSERT INTO ops (commune_id, device_id, op_id, device_seq, type, entity_id, at, hlc, data, review)
         SELECT $1, $2, x.op_id, x.device_seq, x.type, x.entity_id, x.at, x.hlc, x.data, x.review
           FROM jsonb_to_recordset($3::jsonb) AS x(op_id uuid, device_seq bigint, type text, entity_id uuid, at text, hlc text, data jsonb, review jsonb)
         ON CONFLICT DO NOTHING RETURNING op_id, entity_id
       ), ent AS (
         INSERT INTO entities (entity_id, commune_id) SELECT DISTINCT entity_id, $1 FROM ins ON CONFLICT DO NOTHING
       )
       SELECT op_id FROM ins`,
      [device.commune_id, device.id, JSON.stringify(rows)],
    );
    const done = new Set(inserted.rows.map((r) => r.op_id));
    for (const { index, op } of fresh) {
      // Lost a race with a concurrent push of the same op (another server process): it is there.
      results[index] = { opId: sentId(index), status: done.has(op.opId) ? 'applied' : 'duplicate' };
    }
    const applied = fresh.filter(({ op }) => done.has(op.opId)).map(({ op }) => op);
    await refreshProjections(tx, device, applied, knownEntities);
  }
  return results as OpResult[];
}

/** Keep the report tables current: re-fold each touched dossier once, record each survey. */
async function refreshProjections(tx: Sql, device: Device, applied: Op[], knownEntities: Set<string>) {
  const dossierOps = applied.filter((op) => op.type.startsWith('dossier.'));
  const dossierIds = [...new Set(dossierOps.map((op) => op.entityId))];
  if (dossierIds.length > 0) {
    // A dossier first seen in this batch has no other ops: fold from the batch, no read needed.
    const byEntity = new Map<string, (Op & { deviceId: string })[]>();
    for (const op of dossierOps) {
      if (knownEntities.has(op.entityId)) continue;
      const list = byEntity.get(op.entityId) ?? [];
      list.push({ ...op, deviceId: device.id });
      byEntity.set(op.entityId, list);
    }
    const older = dossierIds.filter((id) => knownEntities.has(id));
    if (older.length > 0) {
      const { rows } = await tx.query<StoredRow>(
        'SELECT op_id, device_id, device_seq, type, entity_id, at, hlc, data FROM ops WHERE entity_id = ANY($1::uuid[])',
        [older],
      );
      for (const r of rows) {
        const list = byEntity.get(r.entity_id) ?? [];
        list.push({ ...rowToOp(r), deviceId: r.device_id });
        byEntity.set(r.entity_id, list);
      }
    }
    const states = dossierIds.map((id) => foldDossier(id, byEntity.get(id) ?? []));
    await tx.query(
      `INSERT INTO dossiers (id, commune_id, code, procedure_id, channel, status, received_at, due_at, processed_at, returned_at, extended, flags, supplement_periods)
       SELECT x.id, $1, x.code, x.procedure_id, x.channel, x.status, x.received_at, x.due_at, x.processed_at, x.returned_at, x.extended, x.flags, x.supplement_periods
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, code text, procedure_id text, channel text, status text, received_at timestamptz,
              due_at timestamptz, processed_at timestamptz, returned_at timestamptz, extended boolean, flags jsonb, supplement_periods jsonb)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, procedure_id = EXCLUDED.procedure_id, channel = EXCLUDED.channel,
         status = EXCLUDED.status, received_at = EXCLUDED.received_at, due_at = EXCLUDED.due_at, processed_at = EXCLUDED.processed_at,
         returned_at = EXCLUDED.returned_at, extended = EXCLUDED.extended, flags = EXCLUDED.flags, supplement_periods = EXCLUDED.supplement_periods`,
      [
        device.commune_id,
        JSON.stringify(
          states.map((s) => ({
            id: s.id,
            code: s.code || null,
            procedure_id: s.procedureId || null,
            channel: s.channel,
            status: s.status,
            received_at: s.receivedAt || null,
            due_at: s.dueAt || null,
            processed_at: s.processedAt ?? null,
            returned_at: s.returnedAt ?? null,
            extended: s.extended,
            flags: s.flags,
            supplement_periods: s.supplementPeriods,
          })),
        ),
      ],
    );
  }
  const surveys = applied.filter((op) => op.type === 'survey.submitted');
  if (surveys.length > 0) {
    await tx.query(
      `INSERT INTO surveys (op_id, commune_id, device_id, rating, criteria, dossier_code, flags, at)
       SELECT x.op_id, $1, $2, x.rating, x.criteria, x.dossier_code, x.flags, x.at
         FROM jsonb_to_recordset($3::jsonb) AS x(op_id uuid, rating text, criteria jsonb, dossier_code text, flags jsonb, at timestamptz)
       ON CONFLICT DO NOTHING`,
      [
        device.commune_id,
        device.id,
        JSON.stringify(
          surveys.map((op) => {
            const d = op.data as { rating: string; criteria?: unknown; dossierCode?: string; flags?: string[] };
            return { op_id: op.opId, rating: d.rating, criteria: d.criteria ?? null, dossier_code: d.dossierCode ?? null, flags: d.flags ?? null, at: op.at };
          }),
        ),
      ],
    );
  }
}
