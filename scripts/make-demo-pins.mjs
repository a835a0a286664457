// Recompute the salted PIN hashes of the demo staff after a PIN or salt was changed by hand:
//   node scripts/make-demo-pins.mjs            (a staff member without "pinSalt" gets a new random one)
// Same parameters as src/domain/pin.ts: PBKDF2-SHA256, 100,000 iterations, 32 bytes, hex; the salt is
// the hex string itself, used as UTF-8 bytes. Readable PINs exist in the file only because it is demo data.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../src/domain/demo/demo-commune.json', import.meta.url);
const enc = new TextEncoder();

async function hashPin(pin, salt) {
  const key = await crypto.subtle.importKey('raw', enc.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(salt), iterations: 100_000 }, key, 256);
  return Buffer.from(bits).toString('hex');
}

const demo = JSON.parse(readFileSync(FILE, 'utf8'));
for (const staff of demo.staff) {
  if (!/^\d{4,8}$/.test(staff.pin ?? '')) throw new Error(`staff ${staff.id}: "pin" must be 4 to 8 digits`);
  staff.pinSalt ||= randomBytes(16).toString('hex');
  staff.pinHash = await hashPin(staff.pin, staff.pinSalt);
}
writeFileSync(FILE, `${JSON.stringify(demo, null, 2)}\n`);
console.log(`PIN hashes written for ${demo.staff.length} staff`);
