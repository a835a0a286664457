/**
 * Hybrid logical clock: wall time that never runs backwards, with a counter for ties, so every op
 * a tablet writes sorts after everything it has written or seen, even when its clock is wrong.
 * The wire form and the 24-hour bound are the contract's (protocol.ts).
 */
import { canonicalHlc, CLOCK_AHEAD_LIMIT_MS, HLC_MAX_COUNTER, HLC_MAX_WALL, HLC_PATTERN } from './protocol';

export interface HlcState {
  wall: number;
  counter: number;
}

export const HLC_REGEX = HLC_PATTERN;
export { HLC_MAX_COUNTER };

/** 15-digit milliseconds + ':' + 6-digit counter, so plain string order is time order. */
export function formatHlc(s: HlcState): string {
  if (!Number.isSafeInteger(s.wall) || s.wall < 0 || s.wall > HLC_MAX_WALL) throw new RangeError(`HLC wall out of range: ${s.wall}`);
  if (!Number.isInteger(s.counter) || s.counter < 0 || s.counter > HLC_MAX_COUNTER) throw new RangeError(`HLC counter out of range: ${s.counter}`);
  return canonicalHlc(s.wall, s.counter);
}

export function isHlc(s: unknown): s is string {
  return typeof s === 'string' && HLC_PATTERN.test(s);
}

export function parseHlc(hlc: string): HlcState {
  const m = HLC_PATTERN.exec(hlc);
  if (!m) throw new Error(`not an HLC: ${hlc}`);
  return { wall: Number(m[1]), counter: Number(m[2]) };
}

/** Same order as the strings (fixed width makes string order time order). */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A broken or missing wall clock must not break the clock: it just doesn't move it. */
const wallOf = (nowMs: number) => (Number.isFinite(nowMs) && nowMs > 0 ? Math.min(Math.floor(nowMs), HLC_MAX_WALL) : 0);

/** Further ahead of a working wall clock than the contract allows (0: no wall clock to judge by). */
const tooFarAhead = (wall: number, now: number) => now > 0 && wall > now + CLOCK_AHEAD_LIMIT_MS;

/**
 * A stored clock far ahead of the wall clock (it once met a tablet whose clock was a year off)
 * goes back to the wall clock: otherwise every later op would carry that wrong time, and at the
 * top of the range no op could be written at all. The only cost is that this tablet's next ops
 * sort before the wrong ones, which were wrong anyway.
 */
export function repairHlc(state: HlcState, nowMs: number): HlcState {
  const now = wallOf(nowMs);
  return tooFarAhead(state.wall, now) ? { wall: now, counter: 0 } : state;
}

/** Keep the counter within its 6 digits by borrowing a millisecond from the future. */
function settle(s: HlcState): HlcState {
  return s.counter > HLC_MAX_COUNTER ? { wall: s.wall + 1, counter: 0 } : s;
}

/** A local event: move to the wall clock if it is ahead, else bump the counter. Never throws for a stored clock. */
export function hlcTick(state: HlcState, nowMs: number): { state: HlcState; hlc: string } {
  const now = wallOf(nowMs);
  const from = repairHlc(state, now);
  const next = settle(now > from.wall ? { wall: now, counter: 0 } : { wall: from.wall, counter: from.counter + 1 });
  // The very top of the range, with no wall clock to repair by: stay there rather than fail a write.
  return { state: next, hlc: formatHlc(next.wall > HLC_MAX_WALL ? { wall: HLC_MAX_WALL, counter: HLC_MAX_COUNTER } : next) };
}

/**
 * Seen a remote clock: stay ahead of it, so our next op sorts after what we have seen. A remote
 * time more than the contract's bound ahead of our wall clock is ignored: one wrong tablet must not
 * drag the others forward.
 */
export function hlcReceive(state: HlcState, remoteHlc: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteHlc);
  const now = wallOf(nowMs);
  const local = repairHlc(state, now);
  if (tooFarAhead(remote.wall, now)) return local;
  const wall = Math.max(local.wall, remote.wall, now);
  if (wall === local.wall && wall === remote.wall) return settle({ wall, counter: Math.max(local.counter, remote.counter) + 1 });
  if (wall === local.wall) return settle({ wall, counter: local.counter + 1 });
  if (wall === remote.wall) return settle({ wall, counter: remote.counter + 1 });
  return { wall, counter: 0 };
}
