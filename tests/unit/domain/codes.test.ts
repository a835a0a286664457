import { describe, expect, it } from 'vitest';
import { completeDossierCode, formatDossierCode, parseDossierCode, vnDateTime } from '../../../src/domain';
import { seededRandom } from '../../support/random';

const COMMUNE = '000.00.01.H29';
const morning = vnDateTime('2024-01-15', '08:00');

describe('dossier codes', () => {
  it('formats commune code, Vietnam date and device-prefixed sequence', () => {
    expect(formatDossierCode('H29', morning, 2, 7)).toBe('H29-240115-02007');
    expect(formatDossierCode(COMMUNE, morning, 2, 7)).toBe('000.00.01.H29-240115-02007');
    expect(formatDossierCode('H29', morning, 99, 999)).toBe('H29-240115-99999');
    expect(formatDossierCode('H29', morning, 1, 1000)).toBe('H29-240115-011000');
  });

  it('takes the date in Vietnam time, not UTC', () => {
    // 18:00 UTC on 9 March is 01:00 on 10 March in Vietnam.
    expect(formatDossierCode(COMMUNE, '2026-03-09T18:00:00Z', 2, 7)).toBe('000.00.01.H29-260310-02007');
    expect(formatDossierCode(COMMUNE, '2026-03-09T16:59:59Z', 2, 7)).toBe('000.00.01.H29-260309-02007');
  });

  it('parses what it formats', () => {
    expect(parseDossierCode('000.00.01.H29-260310-02007')).toEqual({ communeCode: COMMUNE, dateKey: '2026-03-10', deviceNo: 2, counter: 7 });
    expect(parseDossierCode('H29-240115-011000')).toEqual({ communeCode: 'H29', dateKey: '2024-01-15', deviceNo: 1, counter: 1000 });
    expect(parseDossierCode('  H29-240115-02007 ')).toMatchObject({ deviceNo: 2, counter: 7 }); // scanned with spaces
    expect(parseDossierCode('XA-01-240115-02007')).toMatchObject({ communeCode: 'XA-01', deviceNo: 2 });
  });

  it('round-trips random codes (property)', () => {
    const rnd = seededRandom(9);
    for (let i = 0; i < 1000; i++) {
      const at = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 3650 * 86_400_000));
      const deviceNo = 1 + Math.floor(rnd() * 99);
      const counter = 1 + Math.floor(rnd() * (rnd() < 0.5 ? 999 : 200_000));
      const code = formatDossierCode(COMMUNE, at, deviceNo, counter);
      const parsed = parseDossierCode(code);
      expect(parsed).not.toBeNull();
      expect(parsed!.deviceNo).toBe(deviceNo);
      expect(parsed!.counter).toBe(counter);
      expect(formatDossierCode(parsed!.communeCode, vnDateTime(parsed!.dateKey, '12:00'), parsed!.deviceNo, parsed!.counter)).toBe(code);
    }
  });

  it('reads anything else as not ours', () => {
    for (const bad of [
      'nonsense',
      '',
      '000.00.01.H29-240115-0001', // a 4-digit sequence from another system
      'H29-241315-02007', // month 13
      'H29-240230-02007', // 30 February
      'H29-240115-00007', // device 0
      'H29-240115-02000', // counter 0
      '-240115-02007',
      'H29-240115-02007x',
      'H 29\n-240115-02007',
      `${'x'.repeat(200)}-240115-02007`,
    ]) {
      expect(parseDossierCode(bad)).toBeNull();
    }
    expect(parseDossierCode(42 as unknown as string)).toBeNull();
  });

  it('never repeats across two offline tablets of one commune issuing 2,000 codes each on one day', () => {
    const issued: string[] = [];
    for (const deviceNo of [1, 2]) for (let n = 1; n <= 2000; n++) issued.push(formatDossierCode(COMMUNE, morning, deviceNo, n));
    expect(new Set(issued).size).toBe(4000);
    // And each code says which tablet issued it.
    expect(issued.filter((c) => parseDossierCode(c)!.deviceNo === 2)).toHaveLength(2000);
  });

  it('never repeats when counters cross 999, for any pair of device numbers (property)', () => {
    // The device number always takes exactly two digits, so "01" + "1000" can never be read as
    // device 11 or 10: checked exhaustively around 999 and at random far beyond.
    const seen = new Map<string, string>();
    const devices = [1, 2, 9, 10, 11, 12, 99];
    for (const deviceNo of devices)
      for (let n = 1; n <= 12_000; n += n < 1100 ? 1 : 97) {
        const code = formatDossierCode('H29', morning, deviceNo, n);
        const who = `${deviceNo}/${n}`;
        expect(seen.get(code) ?? who).toBe(who);
        seen.set(code, who);
      }
    const rnd = seededRandom(21);
    for (let i = 0; i < 20_000; i++) {
      const a = { d: 1 + Math.floor(rnd() * 99), n: 1 + Math.floor(rnd() * 100_000) };
      const b = { d: 1 + Math.floor(rnd() * 99), n: 1 + Math.floor(rnd() * 100_000) };
      if (a.d === b.d && a.n === b.n) continue;
      expect(formatDossierCode('H29', morning, a.d, a.n)).not.toBe(formatDossierCode('H29', morning, b.d, b.n));
    }
  });

  it('gives a different code on another day with the same counter', () => {
    expect(formatDossierCode('H29', vnDateTime('2024-01-15', '16:00'), 1, 1)).not.toBe(formatDossierCode('H29', vnDateTime('2024-01-16', '08:00'), 1, 1));
  });

  it('refuses device numbers outside 1..99, bad counters and empty commune codes', () => {
    expect(() => formatDossierCode('H29', morning, 0, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('H29', morning, 100, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('H29', morning, 1.5, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('H29', morning, 1, 0)).toThrow(RangeError);
    expect(() => formatDossierCode('H29', morning, 1, 2.5)).toThrow(RangeError);
    expect(() => formatDossierCode('', morning, 1, 1)).toThrow(RangeError);
    expect(() => formatDossierCode(' ', morning, 1, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('H29', 'not a date', 1, 1)).toThrow(RangeError);
  });
});

describe('a code typed at the kiosk', () => {
  const today = new Date('2026-12-01T17:30:00Z'); // 02/12/2026 in Vietnam

  it('completes the last digits with the commune code and today’s Vietnam date', () => {
    expect(completeDossierCode('01005', today, 'H29')).toBe('H29-261202-01005');
    expect(completeDossierCode(' 02 1234 ', today, '000.00.12.H26')).toBe('000.00.12.H26-261202-021234');
    expect(completeDossierCode('261130-01005', today, 'H29')).toBe('H29-261130-01005');
  });

  it('keeps a whole code, and refuses what cannot be one', () => {
    expect(completeDossierCode('h29-261101-01009', today, 'X1')).toBe('H29-261101-01009');
    expect(completeDossierCode('01005', today)).toBeNull(); // no commune known: digits are not a code
    for (const typed of ['1005', '00005', '', 'xin chao', '261340-01005']) expect(completeDossierCode(typed, today, 'H29'), typed).toBeNull();
  });
});
