import { randomUUID } from 'node:crypto';
import { getCommune } from './communes';
import { SILENT_AFTER_DAYS } from './device-seq';
import { HttpError } from './errors';
import type { Sql } from './sql';
import { formatEnrollmentCode, newDeviceToken, newEnrollmentCode, normalizeEnrollmentCode, sha256 } from './tokens';

import { DEVICE_KINDS, type DeviceKind } from '../domain/devices';
export { DEVICE_KINDS, type DeviceKind };
export const ENROLLMENT_TTL_MS = 24 * 60 * 60_000;
const MAX_FAILURES = 10;
const FAILURE_WINDOW = '10 minutes';
const MAX_DEVICES = 99; // device numbers are two digits inside dossier codes

export interface Device {
  id: string;
  commune_id: string;
  kind: DeviceKind;
  device_no: number;
  revoked_at: string | null;
  /** The commune's config version, read with the device: lets callers cache config by version. */
  config_version: number;
}

export async function issueEnrollmentCode(sql: Sql, communeId: string, kind: DeviceKind, now: Date, ttlMs = ENROLLMENT_TTL_MS) {
  if (!(await getCommune(sql, communeId))) throw new HttpError(404, 'not-found', 'no such commune');
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await sql.query('INSERT INTO enrollment_codes (code_hash, commune_id, kind, expires_at) VALUES ($1, $2, $3, $4)', [
    sha256(code),
    communeId,
    kind,
    expiresAt.toISOString(),
  ]);
  return { code: formatEnrollmentCode(code), expiresAt: expiresAt.toISOString() };
}

/**
 * Trade a one-time code for a device identity and token. Failures are counted per client in the
 * database (so every server process agrees) and too many close the door for a while. The count,
 * the attempt and the failure it may add are one transaction under a lock per client, so
 * concurrent wrong codes from one client cannot slip past the limit (PostgreSQL runs them at once).
 */
export async function enroll(sql: Sql, rawCode: unknown, clientKey: string, now: Date) {
  const client = sha256(`enroll:${clientKey}`);
  const result = await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [client]);
    const { rows: failures } = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM enrollment_failures WHERE client_hash = $1 AND at > $2::timestamptz - interval '${FAILURE_WINDOW}'`,
      [client, now.toISOString()],
    );
    if (Number(failures[0].n) >= MAX_FAILURES) return new HttpError(429, 'too-many-attempts', 'too many wrong codes; wait 10 minutes');
    const fail = async (err: HttpError) => {
      // Old failures no longer count; dropping them here keeps the table small without a timer.
      await tx.query(
        `WITH expired AS (DELETE FROM enrollment_failures WHERE at < $2::timestamptz - interval '1 day')
         INSERT INTO enrollment_failures (client_hash, at) VALUES ($1, $2)`,
        [client, now.toISOString()],
      );
      return err;
    };
    const code = normalizeEnrollmentCode(rawCode);
    if (!code) return fail(new HttpError(400, 'invalid-code', 'an enrollment code is 10 letters and digits'));
    const { rows } = await tx.query<{ commune_id: string; kind: DeviceKind; expires_at: string | Date; used_at: string | null }>(
      'SELECT commune_id, kind, expires_at, used_at FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE',
      [sha256(code)],
    );
    const row = rows[0];
    if (!row) return fail(new HttpError(400, 'invalid-code', 'no such enrollment code'));
    if (row.used_at || new Date(row.expires_at) <= now) return fail(new HttpError(410, 'code-used-or-expired', 'this code was used or has expired'));
    // One enrollment at a time per commune, so device numbers never collide.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`enroll:${row.commune_id}`]);
    const { rows: numbers } = await tx.query<{ next: number }>(
      'SELECT COALESCE(MAX(device_no), 0) + 1 AS next FROM devices WHERE commune_id = $1',
      [row.commune_id],
    );
    const deviceNo = Number(numbers[0].next);
    if (deviceNo > MAX_DEVICES) return new HttpError(409, 'too-many-devices', `a commune has at most ${MAX_DEVICES} tablets`);
    const deviceId = randomUUID();
    const token = newDeviceToken();
    await tx.query('INSERT INTO devices (id, commune_id, kind, device_no, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      deviceId,
      row.commune_id,
      row.kind,
      deviceNo,
      sha256(token),
      now.toISOString(),
    ]);
    await tx.query('UPDATE enrollment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [sha256(code), now.toISOString(), deviceId]);
    const commune = (await tx.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM communes WHERE id = $1', [row.commune_id]))
      .rows[0];
    return { deviceId, token, kind: row.kind, deviceNo, commune };
  });
  // Errors are returned, not thrown, so the failure recorded with them is committed.
  if (result instanceof HttpError) throw result;
  return result;
}

function tokenHash(authorization: string | undefined): string {
  const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')?.[1];
  if (!token) throw new HttpError(401, 'unauthorized', 'a device token is required');
  return sha256(token);
}

/** How often a device's last contact is written: a tablet pulling every few seconds writes once a minute. */
const LAST_CONTACT_EVERY = '1 minute';

/**
 * The device behind a token hash. The same statement notes the contact (`last_sync_at`, shown as
 * "last contact" on the dashboard): a tablet that only pulls or fetches config is alive too. It
 * writes only when the stored time is over a minute old, so most requests only read.
 */
async function deviceByTokenHash(sql: Sql, hash: string): Promise<Device> {
  const { rows } = await sql.query<Device>(
    `WITH found AS (
       SELECT d.id, d.commune_id, d.kind, d.device_no, d.revoked_at, d.last_sync_at, c.config_version
         FROM devices d JOIN communes c ON c.id = d.commune_id WHERE d.token_hash = $1
     ), contact AS (
       UPDATE devices SET last_sync_at = now()
        WHERE id IN (SELECT id FROM found WHERE revoked_at IS NULL
                       AND (last_sync_at IS NULL OR last_sync_at < now() - interval '${LAST_CONTACT_EVERY}'))
     )
     SELECT id, commune_id, kind, device_no, revoked_at, config_version FROM found`,
    [hash],
  );
  const device = rows[0];
  if (!device) throw new HttpError(401, 'unauthorized', 'unknown device token');
  if (device.revoked_at) throw new HttpError(401, 'device-revoked', 'this tablet was revoked');
  return device;
}

/** The device behind a bearer token; revoked devices are told so, so the app can lock. */
export async function authenticateDevice(sql: Sql, authorization: string | undefined): Promise<Device> {
  return deviceByTokenHash(sql, tokenHash(authorization));
}

/**
 * authenticateDevice for pushes, which every tablet sends every few seconds: each server process
 * remembers a token's device for `ttlMs`, one query fewer per push. Only what never changes is
 * taken from memory (device, commune, kind); the push statement itself refuses a device revoked
 * meanwhile, and the config version (for review flags) is at most `ttlMs` old.
 */
export function cachedDeviceAuth(sql: Sql, ttlMs = 10_000, maxEntries = 20_000) {
  const known = new Map<string, { device: Device; until: number }>();
  return async (authorization: string | undefined): Promise<Device> => {
    const hash = tokenHash(authorization);
    const hit = known.get(hash);
    if (hit && hit.until > Date.now()) return hit.device;
    known.delete(hash);
    const device = await deviceByTokenHash(sql, hash);
    if (known.size >= maxEntries) known.delete(known.keys().next().value!);
    known.set(hash, { device, until: Date.now() + ttlMs });
    return device;
  };
}

export async function revokeDevice(sql: Sql, id: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(404, 'not-found', 'no such device');
  const { rows } = await sql.query<{ id: string; revoked_at: string | Date }>(
    'UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id, revoked_at',
    [id, now.toISOString()],
  );
  if (!rows[0]) throw new HttpError(404, 'not-found', 'no such device');
  return { id: rows[0].id, revokedAt: new Date(rows[0].revoked_at).toISOString() };
}

/**
 * Every tablet of a commune with its last contact (`lastSyncAt`: any request with its token), the
 * deviceSeq numbers the server never got (holes, and `unsent`: ops the tablet said it holds past
 * the last one received), and `silent` when an active tablet has not been heard from for
 * `silentAfterDays`.
 */
export async function listDevices(sql: Sql, communeId: string, now = new Date(), silentAfterDays = SILENT_AFTER_DAYS) {
  const { rows: devices } = await sql.query<{
    id: string;
    kind: DeviceKind;
    device_no: number;
    enrolled_at: string | Date;
    last_sync_at: string | Date | null;
    revoked_at: string | Date | null;
    op_count: string;
    max_seq: string | null;
    last_device_seq: string | null;
  }>(
    `SELECT d.id, d.kind, d.device_no, d.enrolled_at, d.last_sync_at, d.revoked_at, d.last_device_seq,
            count(o.seq) AS op_count, max(o.device_seq) AS max_seq
       FROM devices d LEFT JOIN ops o ON o.commune_id = d.commune_id AND o.device_id = d.id
      WHERE d.commune_id = $1
      GROUP BY d.id ORDER BY d.device_no`,
    [communeId],
  );
  const { rows: gaps } = await sql.query<{ device_id: string; gap_from: string; gap_to: string }>(
    `SELECT device_id, prev + 1 AS gap_from, device_seq - 1 AS gap_to FROM (
       SELECT o.device_id, o.device_seq,
              COALESCE(lag(o.device_seq) OVER (PARTITION BY o.device_id ORDER BY o.device_seq), 0) AS prev
         FROM ops o WHERE o.commune_id = $1
     ) s WHERE device_seq > prev + 1 ORDER BY device_id, gap_from`,
    [communeId],
  );
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  const silentBefore = now.getTime() - silentAfterDays * 86_400_000;
  return devices.map((d) => ({
    id: d.id,
    kind: d.kind,
    deviceNo: d.device_no,
    enrolledAt: iso(d.enrolled_at),
    lastSyncAt: iso(d.last_sync_at),
    revoked: d.revoked_at !== null,
    opCount: Number(d.op_count),
    maxSeq: Number(d.max_seq ?? 0),
    seqGaps: gaps.filter((g) => g.device_id === d.id).map((g) => ({ from: Number(g.gap_from), to: Number(g.gap_to) })),
    lastDeviceSeq: d.last_device_seq === null ? null : Number(d.last_device_seq),
    unsent: Math.max(0, Number(d.last_device_seq ?? 0) - Number(d.max_seq ?? 0)),
    silent: d.revoked_at === null && new Date(d.last_sync_at ?? d.enrolled_at).getTime() < silentBefore,
  }));
}
