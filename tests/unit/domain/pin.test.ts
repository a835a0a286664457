import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPin, isValidPinFormat, newSalt, verifyPin } from '../../../src/domain';

describe('PINs', () => {
  it('is PBKDF2-SHA256, 100,000 iterations, hex', async () => {
    // Computed independently with the same primitive, so a change of iterations or hash shows.
    const key = await webcrypto.subtle.importKey('raw', new TextEncoder().encode('2468'), 'PBKDF2', false, ['deriveBits']);
    const bits = await webcrypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode('salt-of-lan'), iterations: 100_000 },
      key,
      256,
    );
    const expected = Buffer.from(bits).toString('hex');
    expect(await hashPin('2468', 'salt-of-lan')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies against a salted hash and rejects others', async () => {
    const hash = await hashPin('1234', 'salt-salt-salt');
    expect(await verifyPin('1234', 'salt-salt-salt', hash)).toBe(true);
    expect(await verifyPin('1235', 'salt-salt-salt', hash)).toBe(false);
    expect(await verifyPin('12345', 'salt-salt-salt', hash)).toBe(false);
    expect(await verifyPin('1234', 'other-salt-xx', hash)).toBe(false);
    expect(await verifyPin('1234', 'salt-salt-salt', hash.slice(0, 63))).toBe(false);
    expect(await verifyPin('1234', 'salt-salt-salt', `${hash}0`)).toBe(false);
    expect(await verifyPin('1234', 'salt-salt-salt', '')).toBe(false);
    expect(await verifyPin('12', 'salt-salt-salt', hash)).toBe(false);
  });

  it('gives different hashes for the same PIN under different salts', async () => {
    expect(await hashPin('1234', 'salt-a-salt-a')).not.toBe(await hashPin('1234', 'salt-b-salt-b'));
  });

  it('accepts 4 to 8 digits only', () => {
    for (const ok of ['1234', '00000000', '123456']) expect(isValidPinFormat(ok)).toBe(true);
    for (const bad of ['123', '123456789', '12a4', '', ' 1234', '１２３４', '12.4']) expect(isValidPinFormat(bad)).toBe(false);
  });

  it('makes fresh random salts', () => {
    const salts = new Set(Array.from({ length: 50 }, newSalt));
    expect(salts.size).toBe(50);
    for (const s of salts) expect(s).toMatch(/^[0-9a-f]{32}$/);
  });
});
