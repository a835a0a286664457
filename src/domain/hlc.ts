/**
 * Hybrid logical clock: wall time that never runs backwards, with a counter for ties, so every op
 * a tablet writes sorts after everything it has written or seen, even when its clock is wrong.
 */
export interface HlcState {
  wall: number;
  counter: number;
}

const HLC_PATTERN = /^(\d{15}):(\d{6})$/;
export const HLC_REGEX = HLC_PATTERN;
/** The counter has 6 digits; past this the clock steps its wall forward 1 ms instead. */
export const HLC_MAX_COUNTER = 999_999;
const MAX_WALL = 999_999_999_999_999;

/** 15-digit milliseconds + ':' + 6-digit counter, so plain string order is time order. */
export function formatHlc(s: HlcState): string {
  if (!Number.isSafeInteger(s.wall) || s.wall < 0 || s.wall > MAX_WALL) throw new RangeError(`HLC wall out of range: ${s.wall}`);
  if (!Number.isInteger(s.counter) || s.counter < 0 || s.counter > HLC_MAX_COUNTER) throw new RangeError(`HLC counter out of range: ${s.counter}`);
  return `${String(s.wall).padStart(15, '0')}:${String(s.counter).padStart(6, '0')}`;
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
const wallOf = (nowMs: number) => (Number.isFinite(nowMs) && nowMs > 0 ? Math.min(Math.floor(nowMs), MAX_WALL) : 0);

/** Keep the counter within its 6 digits by borrowing a millisecond from the future. */
function settle(s: HlcState): HlcState {
  return s.counter > HLC_MAX_COUNTER ? { wall: s.wall + 1, counter: 0 } : s;
}

/** A local event: move to the wall clock if it is ahead, else bump the counter. */
export function hlcTick(state: HlcState, nowMs: number): { state: HlcState; hlc: string } {
  const now = wallOf(nowMs);
  const next = settle(now > state.wall ? { wall: now, counter: 0 } : { wall: state.wall, counter: state.counter + 1 });
  return { state: next, hlc: formatHlc(next) };
}

/** Seen a remote clock: stay ahead of it, so our next op sorts after what we have seen. */
export function hlcReceive(state: HlcState, remoteHlc: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteHlc);
  const wall = Math.max(state.wall, remote.wall, wallOf(nowMs));
  if (wall === state.wall && wall === remote.wall) return settle({ wall, counter: Math.max(state.counter, remote.counter) + 1 });
  if (wall === state.wall) return settle({ wall, counter: state.counter + 1 });
  if (wall === remote.wall) return settle({ wall, counter: remote.counter + 1 });
  return { wall, counter: 0 };
}
