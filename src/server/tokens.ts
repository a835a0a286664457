import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** 32 random bytes; only their hash is stored, so a database leak gives no working token. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ENROLLMENT_CODE_LENGTH = 10;

export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `ABCDEFGHJK` → `ABCD-EFGH-JK`, easier to read out. */
export const formatEnrollmentCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/** Accept any case, spaces and dashes; null when it cannot be a code at all. */
export function normalizeEnrollmentCode(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return code.length === ENROLLMENT_CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch)) ? code : null;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}
