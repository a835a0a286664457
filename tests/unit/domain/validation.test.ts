import { describe, expect, it } from 'vitest';
import { CITIZEN_ID_PROVINCES, citizenIdInfo, normalizePhone, validateCitizenId, validatePhone } from '../../../src/domain';

const NOW = new Date('2026-03-10T02:00:00Z');
const id = (s: string) => validateCitizenId(s, NOW);

describe('citizen ID (CCCD)', () => {
  it('knows exactly the 63 province codes of Circular 07/2016/TT-BCA', () => {
    expect(CITIZEN_ID_PROVINCES.size).toBe(63);
    for (const code of CITIZEN_ID_PROVINCES) expect(code).toMatch(/^0\d\d$/);
    // Hà Nội, Hồ Chí Minh City, Cà Mau, and the codes of provinces merged in 2025 (IDs keep them).
    for (const code of ['001', '079', '096', '002', '067', '093']) expect(CITIZEN_ID_PROVINCES.has(code)).toBe(true);
    // Codes between provinces are unused.
    for (const unused of ['000', '003', '005', '013', '016', '039', '041', '097', '099']) expect(CITIZEN_ID_PROVINCES.has(unused)).toBe(false);
  });

  it('accepts a 12-digit CCCD with a real province code, typed with spaces or dots', () => {
    expect(id('001 203 012345')).toEqual({ ok: true, value: '001203012345' });
    expect(id('079.088.001.234')).toEqual({ ok: true, value: '079088001234' });
    expect(id('096199000001')).toEqual({ ok: true, value: '096199000001' });
    for (const code of CITIZEN_ID_PROVINCES) expect(id(`${code}085123456`).ok).toBe(true);
  });

  it('says what is wrong with a bad ID', () => {
    expect(id('00120301234')).toEqual({ ok: false, code: 'id-not-12-digits' });
    expect(id('0012030123456')).toEqual({ ok: false, code: 'id-not-12-digits' });
    expect(id('')).toEqual({ ok: false, code: 'id-not-12-digits' });
    expect(id('00120301234a')).toEqual({ ok: false, code: 'id-not-digits' });
    expect(id('003203012345')).toEqual({ ok: false, code: 'id-bad-province' });
    expect(id('099203012345')).toEqual({ ok: false, code: 'id-bad-province' });
    expect(id('000203012345')).toEqual({ ok: false, code: 'id-bad-province' });
  });

  it('reads century, sex and birth year from digits 4–6 and refuses birth years in the future', () => {
    expect(citizenIdInfo('001085123456')).toEqual({ provinceCode: '001', sex: 'male', birthYear: 1985 });
    expect(citizenIdInfo('001185123456')).toEqual({ provinceCode: '001', sex: 'female', birthYear: 1985 });
    expect(citizenIdInfo('079205123456')).toEqual({ provinceCode: '079', sex: 'male', birthYear: 2005 });
    expect(citizenIdInfo('079399123456')).toMatchObject({ sex: 'female', birthYear: 2099 });
    expect(citizenIdInfo('079500123456')).toMatchObject({ sex: 'female', birthYear: 2100 });
    expect(citizenIdInfo('12345')).toBeNull();
    expect(id('001226123456')).toEqual({ ok: true, value: '001226123456' }); // born 2026
    expect(id('001227123456')).toEqual({ ok: false, code: 'id-bad-birth-year' }); // 2027
    expect(id('001400123456')).toEqual({ ok: false, code: 'id-bad-birth-year' }); // 22nd century
    expect(validateCitizenId('001227123456', new Date('2027-06-01T00:00:00Z')).ok).toBe(true);
  });
});

describe('phone numbers', () => {
  it('normalizes +84, 84, 0084 and separators to a 10-digit number', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('0084 912 345 678')).toBe('0912345678');
    expect(normalizePhone('+84 (0) 912 345 678')).toBe('0912345678');
    expect(normalizePhone('0912.345.678')).toBe('0912345678');
    expect(normalizePhone('0912-345-678')).toBe('0912345678');
    expect(normalizePhone('0912345678')).toBe('0912345678');
    // A 10-digit number that happens to start with 84 is left alone.
    expect(normalizePhone('8412345678')).toBe('8412345678');
  });

  it('accepts mobile numbers starting 03, 05, 07, 08, 09', () => {
    for (const p of ['0312345678', '0512345678', '0712345678', '0812345678', '0912.345.678', '+84 812 345 678', '84 385 123 456'])
      expect(validatePhone(p).ok).toBe(true);
    expect(validatePhone('+84 912 345 678')).toEqual({ ok: true, value: '0912345678' });
  });

  it('says what is wrong with a bad phone', () => {
    expect(validatePhone('091234567')).toEqual({ ok: false, code: 'phone-not-10-digits' });
    expect(validatePhone('09123456789')).toEqual({ ok: false, code: 'phone-not-10-digits' });
    expect(validatePhone('')).toEqual({ ok: false, code: 'phone-not-10-digits' });
    expect(validatePhone('09123x5678')).toEqual({ ok: false, code: 'phone-not-digits' });
    expect(validatePhone('+1 212 555 0100')).toEqual({ ok: false, code: 'phone-not-digits' });
    // 02 opens a landline now (DESIGN.md 1.1), so it is no longer a bad prefix.
    for (const prefix of ['00', '01', '04', '06']) expect(validatePhone(`${prefix}12345678`)).toEqual({ ok: false, code: 'phone-bad-prefix' });
    expect(validatePhone('1912345678')).toEqual({ ok: false, code: 'phone-bad-prefix' });
  });

  it('accepts landlines: 10 or 11 digits from 02, area code first, as DESIGN.md 1.1 says', () => {
    expect(validatePhone('024 3826 1234')).toEqual({ ok: true, value: '02438261234' });
    expect(validatePhone('+84 24 3826 1234')).toEqual({ ok: true, value: '02438261234' });
    expect(validatePhone('0236.382.1234')).toEqual({ ok: true, value: '02363821234' });
    expect(validatePhone('0212345678')).toEqual({ ok: true, value: '0212345678' });
    expect(validatePhone('024 3826 12')).toEqual({ ok: false, code: 'phone-landline-length' });
    expect(validatePhone('024 3826 123456')).toEqual({ ok: false, code: 'phone-landline-length' });
  });
});
