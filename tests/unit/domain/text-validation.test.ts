import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery, normalizePhone, searchTokens, validateCitizenId, validatePhone } from '../../../src/domain';

describe('Vietnamese folding and search', () => {
  it('strips diacritics, folds đ and case, collapses spaces', () => {
    expect(foldVietnamese('  Nguyễn   Thị Hòa ')).toBe('nguyen thi hoa');
    expect(foldVietnamese('ĐỖ ĐỨC ĐẠT')).toBe('do duc dat');
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa'));
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen'); // decomposed input
  });

  it('matches every query word as a prefix of some token', () => {
    const tokens = searchTokens('Nguyễn Thị Hòa', '000.00.12.H26-260310-01001', '0912345678');
    expect(matchesQuery(tokens, 'nguyen thi hoa')).toBe(true);
    expect(matchesQuery(tokens, 'hoa ng')).toBe(true);
    expect(matchesQuery(tokens, 'd')).toBe(false);
    expect(matchesQuery(searchTokens('Đặng Đức'), 'd d')).toBe(true);
    expect(matchesQuery(tokens, '000.00.12.h26-260310-01001')).toBe(true);
    expect(matchesQuery(tokens, '01001')).toBe(true);
    expect(matchesQuery(tokens, '0912')).toBe(true);
    expect(tokens).not.toContain('12'); // short code pieces would match everything
  });
});

describe('citizen ID and phone', () => {
  it('accepts a 12-digit CCCD with a real province code', () => {
    expect(validateCitizenId('001 203 012345')).toEqual({ ok: true, value: '001203012345' });
    expect(validateCitizenId('079088001234')).toEqual({ ok: true, value: '079088001234' });
  });

  it('says what is wrong with a bad ID', () => {
    expect(validateCitizenId('00120301234')).toEqual({ ok: false, code: 'id-not-12-digits' });
    expect(validateCitizenId('00120301234a')).toEqual({ ok: false, code: 'id-not-digits' });
    expect(validateCitizenId('003203012345')).toEqual({ ok: false, code: 'id-bad-province' });
    expect(validateCitizenId('099203012345')).toEqual({ ok: false, code: 'id-bad-province' });
  });

  it('accepts mobile numbers with +84 and separators', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    for (const p of ['0312345678', '0512345678', '0712345678', '0812345678', '0912.345.678']) expect(validatePhone(p).ok).toBe(true);
  });

  it('says what is wrong with a bad phone', () => {
    expect(validatePhone('091234567')).toEqual({ ok: false, code: 'phone-not-10-digits' });
    expect(validatePhone('0212345678')).toEqual({ ok: false, code: 'phone-bad-prefix' });
    expect(validatePhone('09123x5678')).toEqual({ ok: false, code: 'phone-not-digits' });
  });
});
