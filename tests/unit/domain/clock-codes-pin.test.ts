import { describe, expect, it } from 'vitest';
import { compareHlc, formatDossierCode, hashPin, hlcReceive, hlcTick, isValidPinFormat, parseDossierCode, parseHlc, verifyPin } from '../../../src/domain';

describe('hybrid logical clock', () => {
  it('never goes backwards even when the wall clock does', () => {
    let state = { wall: 0, counter: 0 };
    const stamps: string[] = [];
    for (const now of [1000, 1000, 999, 500, 2000, 2000]) {
      const t = hlcTick(state, now);
      state = t.state;
      stamps.push(t.hlc);
    }
    expect([...stamps].sort(compareHlc)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseHlc(stamps[3])).toEqual({ wall: 1000, counter: 3 });
  });

  it('moves past a remote clock it has seen', () => {
    const remote = hlcTick({ wall: 5000, counter: 7 }, 0).hlc;
    const state = hlcReceive({ wall: 1000, counter: 0 }, remote, 2000);
    const next = hlcTick(state, 2000).hlc;
    expect(compareHlc(next, remote)).toBe(1);
  });

  it('sorts as strings in time order', () => {
    expect(compareHlc(hlcTick({ wall: 9, counter: 0 }, 9).hlc, hlcTick({ wall: 0, counter: 0 }, 10).hlc)).toBe(-1);
  });
});

describe('dossier codes', () => {
  it('formats commune, Vietnam date and device-prefixed sequence', () => {
    // 18:00 UTC on 9 March is 01:00 on 10 March in Vietnam.
    expect(formatDossierCode('000.00.01.H29', '2026-03-09T18:00:00Z', 2, 7)).toBe('000.00.01.H29-260310-02007');
    expect(parseDossierCode('000.00.01.H29-260310-02007')).toEqual({ communeCode: '000.00.01.H29', dateKey: '2026-03-10', deviceNo: 2, counter: 7 });
    expect(parseDossierCode('nonsense')).toBeNull();
  });

  it('never repeats across two offline tablets of one commune, past 999 a day', () => {
    const codes = new Set<string>();
    for (const deviceNo of [1, 2, 10, 11]) for (let n = 1; n <= 2000; n++) codes.add(formatDossierCode('H29', '2026-03-10T02:00:00Z', deviceNo, n));
    expect(codes.size).toBe(8000);
    expect(parseDossierCode(formatDossierCode('H29', '2026-03-10T02:00:00Z', 1, 1000))).toMatchObject({ deviceNo: 1, counter: 1000 });
  });

  it('refuses device numbers outside 1..99', () => {
    expect(() => formatDossierCode('H29', new Date(), 0, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('H29', new Date(), 100, 1)).toThrow(RangeError);
  });
});

describe('PINs', () => {
  it('verifies against a salted hash and rejects others', async () => {
    const hash = await hashPin('1234', 'salt-salt-salt');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPin('1234', 'salt-salt-salt', hash)).toBe(true);
    expect(await verifyPin('1235', 'salt-salt-salt', hash)).toBe(false);
    expect(await verifyPin('1234', 'other-salt-xx', hash)).toBe(false);
    expect(isValidPinFormat('12a4')).toBe(false);
    expect(await verifyPin('12', 'salt-salt-salt', hash)).toBe(false);
  });
});
