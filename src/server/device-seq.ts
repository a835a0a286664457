import { HttpError } from './errors';
import type { Sql } from './sql';

/**
 * Issue 12 part 8: each push may carry the device's highest local deviceSeq (`lastDeviceSeq`).
 * Ops missing at the END of a device's sequence are otherwise invisible: the gap view only sees
 * holes between ops it holds. The server keeps the highest value it was told.
 */
export function lastDeviceSeqOf(body: Record<string, unknown>): number | undefined {
  const v = body.lastDeviceSeq;
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new HttpError(400, 'invalid-body', 'lastDeviceSeq: a whole number ≥ 0 is required');
  return v;
}

export async function recordLastDeviceSeq(tx: Sql, deviceId: string, lastDeviceSeq: number | undefined): Promise<void> {
  if (lastDeviceSeq === undefined) return;
  await tx.query('UPDATE devices SET last_device_seq = GREATEST(COALESCE(last_device_seq, 0), $2) WHERE id = $1', [deviceId, lastDeviceSeq]);
}

/** A device that has not synced for this many days is highlighted in the admin's device list. */
export const SILENT_AFTER_DAYS = Number(process.env.SILENT_DEVICE_DAYS) || 3;
