/**
 * The wire contract in code (DESIGN.md › Wire contract, 1.1): what the server and the tablet's
 * sync both speak. Imported by src/server and src/sync; defined nowhere else.
 */
import type { Op } from './ops';
import type { DossierState } from './dossiers/lifecycle';

/** `protocol` of every push; 1.1 only adds, so it stays 1. */
export const PROTOCOL = 1;
/** The server's caps per push request. */
export const MAX_BATCH_OPS = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
/** The most ops one pull page holds. */
export const MAX_PULL = 1000;

/** Every error code the contract names (HTTP errors and per-op rejections). */
export type ErrorCode =
  // HTTP
  | 'unauthorized'
  | 'forbidden'
  | 'device-revoked'
  | 'invalid-body'
  | 'invalid-query'
  | 'too-deep'
  | 'not-found'
  | 'batch-too-large'
  | 'body-too-large'
  | 'client-too-old'
  | 'server-too-old'
  | 'invalid-code'
  | 'code-used-or-expired'
  | 'too-many-attempts'
  | 'commune-exists'
  | 'too-many-devices'
  | 'internal-error'
  // per op, in a push's results
  | OpRejection;

export type OpRejection = 'invalid-op' | 'unknown-op-type' | 'forbidden-op' | 'op-id-reused' | 'device-seq-reused' | 'clock-ahead';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export interface PushRequest {
  protocol: number;
  deviceId: string;
  ops: Op[];
}

export interface OpResult {
  opId: string;
  status: 'applied' | 'duplicate' | 'rejected';
  error?: { code: OpRejection; message: string };
}

export interface PushReply {
  results: OpResult[];
  serverTime: string;
}

/** A pulled op: the op as sent (hlc canonical), the device that sent it, its place in the log. */
export type PulledOp = Op & { deviceId: string; cursor: string };

export interface PullReply {
  ops: PulledOp[];
  /** null only when the commune has no op at all. */
  cursor: string | null;
  hasMore: boolean;
  serverTime: string;
}

/**
 * 1.1 addition, `GET /api/v1/sync/snapshot?at=&after=&limit=&part=&mine=`: how a new tablet starts. The commune's
 * ops up to the cursor `at` (absent: the newest op now), grouped by entity (ordered by entityId,
 * then server order), `limit` entities a page (at most and by default SNAPSHOT_ENTITIES), each entity whole: a page folds
 * on its own, reading nothing stored. `next` is the `after` of the following page (null: done);
 * then the tablet pulls `after=cursor` as usual.
 */
export interface SnapshotReply {
  ops: PulledOp[];
  /**
   * With `part=dossiers`: instead of ops (then `[]`), the page's dossiers folded on the server
   * (foldDossier), so a tablet lists and finds every dossier before it holds their ops.
   */
  dossiers?: DossierState[];
  /** Where the snapshot stands: pass it as `at` to every page, and pull after it once done. null: no op yet. */
  cursor: string | null;
  next: string | null;
  serverTime: string;
}
/** Entities per snapshot page: about 5,000 ops for dossiers of five ops. */
export const SNAPSHOT_ENTITIES = 1000;

// ---- Clocks on the wire (1.1) ----

/** Canonical HLC: 15 digits of Unix milliseconds, ':', 6 digits of counter. String order is time order. */
export const HLC_PATTERN = /^(\d{15}):(\d{6})$/;
export const HLC_MAX_COUNTER = 999_999;
export const HLC_MAX_WALL = 999_999_999_999_999;
/** The other common form: ISO-8601 UTC with milliseconds, '-', hexadecimal counter, '-', node id. */
const ISO_HLC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-fA-F]{1,8})-([0-9A-Za-z_-]{1,64})$/;

export const HLC_FORM_MESSAGE =
  'expected the canonical form 001764547200000:000000 (15 digits of milliseconds, ":", 6 digits of counter) ' +
  'or 2026-11-30T08:15:00.000Z-0001-<node id>';

/** The canonical text of an HLC whose parts are known to be in range. */
export const canonicalHlc = (wall: number, counter: number) => `${String(wall).padStart(15, '0')}:${String(counter).padStart(6, '0')}`;

/**
 * An hlc as a client sent it, in the canonical form (same instant, same counter), or null when it
 * is neither form. Canonical input comes back unchanged.
 */
export function toCanonicalHlc(hlc: unknown): string | null {
  if (typeof hlc !== 'string') return null;
  if (HLC_PATTERN.test(hlc)) return hlc;
  const m = ISO_HLC.exec(hlc);
  if (!m) return null;
  const wall = Date.parse(m[1]);
  // Date.parse rolls 2026-02-30 over to March: the text must be the instant's own.
  if (!Number.isFinite(wall) || wall < 0 || new Date(wall).toISOString() !== m[1]) return null;
  const counter = parseInt(m[2], 16);
  if (counter > HLC_MAX_COUNTER) return null;
  return canonicalHlc(wall, counter);
}

/** The milliseconds of a canonical HLC. */
export const hlcWall = (hlc: string) => Number(hlc.slice(0, 15));

/** How far ahead of the server's time an op's clock may be (a wrong tablet clock beyond this is refused). */
export const CLOCK_AHEAD_LIMIT_MS = 24 * 60 * 60_000;

/** True when the op's hlc time or `at` lies more than the limit after `nowMs` (server time). */
export function isClockAhead(op: Pick<Op, 'hlc' | 'at'>, nowMs: number): boolean {
  return hlcWall(op.hlc) > nowMs + CLOCK_AHEAD_LIMIT_MS || Date.parse(op.at) > nowMs + CLOCK_AHEAD_LIMIT_MS;
}

// ---- Figures: what a device may not do to them (1.1) ----

/** Surveys from one device past this many within the window (by their `at`) are left out of the figures. */
export const SURVEY_RATE_LIMIT = 60;
export const SURVEY_RATE_WINDOW_MS = 10 * 60_000;
/** An op whose `at` lies this far before the `at` of an earlier op (by deviceSeq) of its device is back-dated. */
export const BACKDATE_LIMIT_MS = 24 * 60 * 60_000;

/** Why a stored op is left out of the figures. */
export const EXCLUSION_REASONS = ['rate', 'burst', 'backdated', 'clock-ahead'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
