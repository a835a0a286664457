/** Hybrid logical clock: wall time that never runs backwards, with a counter for ties. */
export interface HlcState {
  wall: number;
  counter: number;
}

const HLC_PATTERN = /^(\d{15}):(\d{6})$/;
export const HLC_REGEX = HLC_PATTERN;

/** 15-digit milliseconds + ':' + 6-digit counter, so plain string order is time order. */
export function formatHlc(s: HlcState): string {
  return `${String(s.wall).padStart(15, '0')}:${String(s.counter).padStart(6, '0')}`;
}

export function parseHlc(hlc: string): HlcState {
  const m = HLC_PATTERN.exec(hlc);
  if (!m) throw new Error(`not an HLC: ${hlc}`);
  return { wall: Number(m[1]), counter: Number(m[2]) };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A local event: move to the wall clock if it is ahead, else bump the counter. */
export function hlcTick(state: HlcState, nowMs: number): { state: HlcState; hlc: string } {
  const next = nowMs > state.wall ? { wall: nowMs, counter: 0 } : { wall: state.wall, counter: state.counter + 1 };
  return { state: next, hlc: formatHlc(next) };
}

/** Seen a remote clock: stay ahead of it, so our next op sorts after what we have seen. */
export function hlcReceive(state: HlcState, remoteHlc: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteHlc);
  const wall = Math.max(state.wall, remote.wall, nowMs);
  if (wall === state.wall && wall === remote.wall) return { wall, counter: Math.max(state.counter, remote.counter) + 1 };
  if (wall === state.wall) return { wall, counter: state.counter + 1 };
  if (wall === remote.wall) return { wall, counter: remote.counter + 1 };
  return { wall, counter: 0 };
}
