import { vnDateKey } from './time';

/**
 * `<commune code>-<yymmdd>-<sequence>`, sequence = the tablet's 2-digit device number followed by
 * its own counter for the day (at least 3 digits). Device numbers are unique within a commune, so
 * two tablets issuing offline can never produce the same code.
 */
export function formatDossierCode(communeCode: string, receivedAt: Date | string, deviceNo: number, dailyCounter: number): string {
  if (!Number.isInteger(deviceNo) || deviceNo < 1 || deviceNo > 99) throw new RangeError('deviceNo must be 1..99');
  if (!Number.isInteger(dailyCounter) || dailyCounter < 1) throw new RangeError('dailyCounter must be ≥ 1');
  const yymmdd = vnDateKey(receivedAt).slice(2).replace(/-/g, '');
  return `${communeCode}-${yymmdd}-${String(deviceNo).padStart(2, '0')}${String(dailyCounter).padStart(3, '0')}`;
}

export function parseDossierCode(code: string): { communeCode: string; dateKey: string; deviceNo: number; counter: number } | null {
  const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{2})(\d{3,})$/.exec(code);
  if (!m) return null;
  return {
    communeCode: m[1],
    dateKey: `20${m[2]}-${m[3]}-${m[4]}`,
    deviceNo: Number(m[5]),
    counter: Number(m[6]),
  };
}
