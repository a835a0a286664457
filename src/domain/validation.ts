export type ValidationResult = { ok: true; value: string } | { ok: false; code: string };

/**
 * Province codes that open a 12-digit citizen ID (Circular 07/2016/TT-BCA, kept by Circular
 * 59/2021/TT-BCA). IDs issued before the 2025 province merger keep the old 63 codes.
 */
export const CITIZEN_ID_PROVINCES: ReadonlySet<string> = new Set(
  ('001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 ' +
    '040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 ' +
    '083 084 086 087 089 091 092 093 094 095 096').split(' '),
);

/** CCCD: 12 digits = province (3) + century and sex (1) + birth year (2) + random (6). */
export function validateCitizenId(raw: string): ValidationResult {
  const s = raw.replace(/[\s.-]/g, '');
  if (!/^\d*$/.test(s)) return { ok: false, code: 'id-not-digits' };
  if (s.length !== 12) return { ok: false, code: 'id-not-12-digits' };
  if (!CITIZEN_ID_PROVINCES.has(s.slice(0, 3))) return { ok: false, code: 'id-bad-province' };
  return { ok: true, value: s };
}

/** +84 912 345 678, 84912345678 and 0912.345.678 all become 0912345678. */
export function normalizePhone(raw: string): string {
  let s = raw.replace(/[\s.()-]/g, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (s.startsWith('84') && s.length === 11) s = `0${s.slice(2)}`;
  return s;
}

/** Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09. */
export function validatePhone(raw: string): ValidationResult {
  const s = normalizePhone(raw);
  if (!/^\d*$/.test(s)) return { ok: false, code: 'phone-not-digits' };
  if (s.length !== 10) return { ok: false, code: 'phone-not-10-digits' };
  if (!/^0[35789]/.test(s)) return { ok: false, code: 'phone-bad-prefix' };
  return { ok: true, value: s };
}
