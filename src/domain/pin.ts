const ITERATIONS = 100_000;

function toHex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** PBKDF2-SHA256 of the PIN: tablets check PINs offline against this, never holding the PIN itself. */
export async function hashPin(pin: string, salt: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(salt), iterations: ITERATIONS }, key, 256);
  return toHex(bits);
}

export function isValidPinFormat(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

/** A kiosk code (set centrally, hashed like a PIN): 8 to 32 letters or digits. */
export function isValidKioskCodeFormat(code: string): boolean {
  return /^[A-Za-z0-9]{8,32}$/.test(code);
}

export async function verifyPin(pin: string, salt: string, hash: string): Promise<boolean> {
  return isValidPinFormat(pin) && verifySecret(pin, salt, hash);
}

export async function verifyKioskCode(code: string, secret: { salt: string; hash: string }): Promise<boolean> {
  return isValidKioskCodeFormat(code) && verifySecret(code, secret.salt, secret.hash);
}

async function verifySecret(secret: string, salt: string, hash: string): Promise<boolean> {
  const actual = await hashPin(secret, salt);
  // Compare every character, so the time taken says nothing about how much matched.
  let diff = actual.length ^ hash.length;
  for (let i = 0; i < actual.length; i++) diff |= actual.charCodeAt(i) ^ (hash.charCodeAt(i) || 0);
  return diff === 0;
}

export function newSalt(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)).buffer);
}

/** Whether the PIN belongs to any active staff member (for what any officer may unlock). */
export async function isAnyStaffPin(pin: string, staff: { pinSalt: string; pinHash: string; active?: boolean }[]): Promise<boolean> {
  for (const member of staff) if (member.active !== false && (await verifyPin(pin, member.pinSalt, member.pinHash))) return true;
  return false;
}
