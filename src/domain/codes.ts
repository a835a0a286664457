import { isDateKey, vnDateKey } from './time';

/**
 * Commune codes look like "H29" or "000.00.01.H29". Only emptiness and length are refused here:
 * refusing an odd code the server accepted would stop the desk from receiving anything.
 */
const COMMUNE_CODE = /^\S(?:.{0,58}\S)?$/u;

/**
 * `<commune code>-<yymmdd>-<sequence>`, yymmdd the Vietnam date of receipt, sequence = the tablet's
 * 2-digit device number followed by its own counter for the day (at least 3 digits). Device
 * numbers are unique within a commune and each tablet counts for itself, so two tablets issuing
 * offline can never produce the same code; past 999 the counter just grows a digit.
 */
export function formatDossierCode(communeCode: string, receivedAt: Date | string, deviceNo: number, dailyCounter: number): string {
  if (!COMMUNE_CODE.test(communeCode)) throw new RangeError(`not a commune code: ${communeCode}`);
  if (!Number.isInteger(deviceNo) || deviceNo < 1 || deviceNo > 99) throw new RangeError('deviceNo must be 1..99');
  if (!Number.isSafeInteger(dailyCounter) || dailyCounter < 1) throw new RangeError('dailyCounter must be ≥ 1');
  const yymmdd = vnDateKey(receivedAt).slice(2).replace(/-/g, '');
  return `${communeCode}-${yymmdd}-${String(deviceNo).padStart(2, '0')}${String(dailyCounter).padStart(3, '0')}`;
}

export interface DossierCodeParts {
  communeCode: string;
  dateKey: string;
  deviceNo: number;
  counter: number;
}

/** The parts of a code this app issued (e.g. read from a receipt's QR); null for anything else. */
export function parseDossierCode(code: string): DossierCodeParts | null {
  if (typeof code !== 'string' || code.length > 100) return null;
  const m = /^(\S(?:.*\S)?)-(\d{2})(\d{2})(\d{2})-(\d{2})(\d{3,15})$/.exec(code.trim());
  if (!m) return null;
  const dateKey = `20${m[2]}-${m[3]}-${m[4]}`;
  const deviceNo = Number(m[5]);
  const counter = Number(m[6]);
  if (!isDateKey(dateKey) || deviceNo < 1 || counter < 1) return null;
  return { communeCode: m[1], dateKey, deviceNo, counter };
}

/**
 * What a citizen types at the kiosk, made a whole code: with the commune's code known, the digits
 * after the last dash ("01005") get it and today's Vietnam date, "yymmdd-sequence" gets it; a whole
 * code stays as it is. Null when the result is not a code this app issues.
 */
export function completeDossierCode(typed: string, today: Date, communeCode?: string): string | null {
  const text = typed.replace(/\s+/g, '').toUpperCase();
  const yymmdd = vnDateKey(today).slice(2).replace(/-/g, '');
  let whole = text;
  if (communeCode && /^\d{5,17}$/.test(text)) whole = `${communeCode}-${yymmdd}-${text}`;
  else if (communeCode && /^\d{6}-\d{5,17}$/.test(text)) whole = `${communeCode}-${text}`;
  return parseDossierCode(whole) ? whole : null;
}
