import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HLC_MAX_COUNTER, HLC_REGEX, hlcReceive, hlcTick, isHlc, parseHlc, repairHlc, toCanonicalHlc, type HlcState } from '../../../src/domain';
import { seededRandom } from '../../support/random';

describe('hybrid logical clock format', () => {
  it('is 15-digit milliseconds, a colon and a 6-digit counter', () => {
    expect(formatHlc({ wall: 1773108000000, counter: 7 })).toBe('001773108000000:000007');
    expect(parseHlc('001773108000000:000007')).toEqual({ wall: 1773108000000, counter: 7 });
    expect(HLC_REGEX.test('001773108000000:000007')).toBe(true);
    expect(isHlc('001773108000000:000007')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of ['1773108000000:7', '001773108000000-000007', '001773108000000:0000007', '', ' 001773108000000:000007', 42]) {
      expect(isHlc(bad)).toBe(false);
    }
    expect(() => parseHlc('1:2')).toThrow();
    expect(() => formatHlc({ wall: -1, counter: 0 })).toThrow(RangeError);
    expect(() => formatHlc({ wall: 1, counter: HLC_MAX_COUNTER + 1 })).toThrow(RangeError);
    expect(() => formatHlc({ wall: 1.5, counter: 0 })).toThrow(RangeError);
  });

  it('sorts as strings in time order, wall first then counter (property)', () => {
    const rnd = seededRandom(3);
    const states: HlcState[] = Array.from({ length: 500 }, () => ({
      wall: Math.floor(rnd() * 2 ** 45),
      counter: Math.floor(rnd() * (rnd() < 0.5 ? 10 : HLC_MAX_COUNTER)),
    }));
    const byNumbers = [...states].sort((a, b) => a.wall - b.wall || a.counter - b.counter).map(formatHlc);
    const byStrings = states.map(formatHlc).sort(compareHlc);
    expect(byStrings).toEqual(byNumbers);
    expect(compareHlc('000000000000009:000000', '000000000000010:000000')).toBe(-1); // not "9" > "10"
    expect(compareHlc('000000000000010:000000', '000000000000010:000000')).toBe(0);
    expect(compareHlc('000000000000010:000001', '000000000000010:000000')).toBe(1);
  });
});

describe('hlcTick', () => {
  it('follows the wall clock when it moves forward', () => {
    const t = hlcTick({ wall: 1000, counter: 5 }, 2000);
    expect(t.state).toEqual({ wall: 2000, counter: 0 });
    expect(t.hlc).toBe(formatHlc({ wall: 2000, counter: 0 }));
  });

  it('never goes backwards even when the wall clock does', () => {
    let state = { wall: 0, counter: 0 };
    const stamps: string[] = [];
    for (const now of [1000, 1000, 999, 500, 2000, 2000, 0, 1500]) {
      const t = hlcTick(state, now);
      state = t.state;
      stamps.push(t.hlc);
    }
    expect([...stamps].sort(compareHlc)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseHlc(stamps[3])).toEqual({ wall: 1000, counter: 3 });
    expect(parseHlc(stamps[7])).toEqual({ wall: 2000, counter: 3 });
  });

  it('carries into the wall when the counter would overflow its 6 digits', () => {
    const t = hlcTick({ wall: 5000, counter: HLC_MAX_COUNTER }, 4000);
    expect(t.state).toEqual({ wall: 5001, counter: 0 });
    expect(compareHlc(t.hlc, formatHlc({ wall: 5000, counter: HLC_MAX_COUNTER }))).toBe(1);
    expect(t.hlc).toMatch(HLC_REGEX);
  });

  it('survives a broken wall clock (NaN, negative, fractional)', () => {
    expect(hlcTick({ wall: 10, counter: 0 }, Number.NaN).state).toEqual({ wall: 10, counter: 1 });
    expect(hlcTick({ wall: 10, counter: 0 }, -5).state).toEqual({ wall: 10, counter: 1 });
    expect(hlcTick({ wall: 10, counter: 0 }, 20.7).state).toEqual({ wall: 20, counter: 0 });
    expect(hlcTick({ wall: 0, counter: 0 }, Number.NaN).hlc).toMatch(HLC_REGEX);
  });

  it('stays strictly increasing over a long random clock walk (property)', () => {
    const rnd = seededRandom(11);
    let state: HlcState = { wall: 0, counter: 0 };
    let now = 1_773_108_000_000;
    let previous = '';
    for (let i = 0; i < 5000; i++) {
      now += Math.floor(rnd() * 2000) - 1000; // the clock jitters both ways
      const t = hlcTick(state, now);
      expect(t.hlc > previous).toBe(true);
      previous = t.hlc;
      state = t.state;
    }
  });
});

describe('hlcReceive', () => {
  it('moves past a remote clock it has seen, so the next local op sorts after it', () => {
    const remote = formatHlc({ wall: 5000, counter: 7 });
    const state = hlcReceive({ wall: 1000, counter: 0 }, remote, 2000);
    expect(state).toEqual({ wall: 5000, counter: 8 });
    expect(compareHlc(hlcTick(state, 2000).hlc, remote)).toBe(1);
  });

  it('takes the largest of local, remote and wall', () => {
    expect(hlcReceive({ wall: 1000, counter: 3 }, formatHlc({ wall: 900, counter: 9 }), 500)).toEqual({ wall: 1000, counter: 4 });
    expect(hlcReceive({ wall: 1000, counter: 3 }, formatHlc({ wall: 1000, counter: 9 }), 500)).toEqual({ wall: 1000, counter: 10 });
    expect(hlcReceive({ wall: 1000, counter: 3 }, formatHlc({ wall: 900, counter: 9 }), 3000)).toEqual({ wall: 3000, counter: 0 });
  });

  it('carries into the wall on counter overflow and refuses a malformed remote', () => {
    expect(hlcReceive({ wall: 1, counter: 0 }, formatHlc({ wall: 7, counter: HLC_MAX_COUNTER }), 0)).toEqual({ wall: 8, counter: 0 });
    expect(() => hlcReceive({ wall: 1, counter: 0 }, 'garbage', 0)).toThrow();
  });

  it('keeps causality across two tablets exchanging ops with skewed clocks (property)', () => {
    const rnd = seededRandom(5);
    let a: HlcState = { wall: 0, counter: 0 };
    let b: HlcState = { wall: 0, counter: 0 };
    let real = 1_773_108_000_000;
    const skewB = -3_600_000; // tablet B is an hour behind
    for (let i = 0; i < 2000; i++) {
      real += Math.floor(rnd() * 50);
      // A writes, B receives it and then writes: B's op must sort after A's.
      const sent = hlcTick(a, real);
      a = sent.state;
      b = hlcReceive(b, sent.hlc, real + skewB);
      const reply = hlcTick(b, real + skewB);
      b = reply.state;
      expect(compareHlc(reply.hlc, sent.hlc)).toBe(1);
      a = hlcReceive(a, reply.hlc, real);
      expect(compareHlc(hlcTick(a, real).hlc, reply.hlc)).toBe(1);
    }
  });
});

describe('a wrong clock elsewhere (contract 1.1)', () => {
  const now = 1_773_108_000_000;
  const DAY = 86_400_000;

  it('ignores a remote time more than 24 hours ahead, and follows one within the bound', () => {
    const local = { wall: now, counter: 3 };
    expect(hlcReceive(local, formatHlc({ wall: now + DAY + 1, counter: 0 }), now)).toEqual(local);
    expect(hlcReceive(local, '999999999999999:999999', now)).toEqual(local);
    expect(hlcReceive(local, formatHlc({ wall: now + DAY, counter: 5 }), now)).toEqual({ wall: now + DAY, counter: 6 });
  });

  it('repairs a stored clock far ahead at the next tick, and never fails a write at the top of the range', () => {
    expect(repairHlc({ wall: now + 365 * DAY, counter: 9 }, now)).toEqual({ wall: now, counter: 0 });
    expect(repairHlc({ wall: now + DAY, counter: 9 }, now)).toEqual({ wall: now + DAY, counter: 9 });
    const t = hlcTick({ wall: 999_999_999_999_999, counter: HLC_MAX_COUNTER }, now);
    expect(t.state).toEqual({ wall: now, counter: 1 });
    expect(t.hlc).toBe(formatHlc({ wall: now, counter: 1 }));
    // No wall clock to repair by: still a valid hlc rather than a RangeError.
    expect(hlcTick({ wall: 999_999_999_999_999, counter: HLC_MAX_COUNTER }, Number.NaN).hlc).toMatch(HLC_REGEX);
  });
});

describe('the wire forms of an HLC (contract 1.1)', () => {
  it('turns the ISO form into the canonical one, same instant and counter', () => {
    expect(toCanonicalHlc('2026-11-30T08:15:00.000Z-0001-9f2c4a1b7d3e5f60')).toBe(formatHlc({ wall: Date.UTC(2026, 10, 30, 8, 15), counter: 1 }));
    expect(toCanonicalHlc('2026-11-30T08:15:00.123Z-00ff-n')).toBe(formatHlc({ wall: Date.UTC(2026, 10, 30, 8, 15, 0, 123), counter: 255 }));
    expect(toCanonicalHlc('001764547200000:000000')).toBe('001764547200000:000000');
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-02-30T08:15:00.000Z-0001-n', '2026-11-30T08:15:00Z-0001-n', '2026-11-30T08:15:00.000Z-fffffff-n', '2026-11-30T08:15:00.000Z-0001-', '1764547200000:0', 'x', 7, null]) {
      expect(toCanonicalHlc(bad)).toBeNull();
    }
  });
});
