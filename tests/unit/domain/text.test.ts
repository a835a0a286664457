import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery, namePairQuery, nameWordPairs, searchTokens } from '../../../src/domain';

describe('foldVietnamese', () => {
  it('strips diacritics, folds đ and case, collapses spaces', () => {
    expect(foldVietnamese('  Nguyễn   Thị Hòa ')).toBe('nguyen thi hoa');
    expect(foldVietnamese('ĐỖ ĐỨC ĐẠT')).toBe('do duc dat');
    expect(foldVietnamese('đường Lê Lợi')).toBe('duong le loi');
    expect(foldVietnamese('Tab\tand\nnew line\u00a0nbsp')).toBe('tab and new line nbsp');
  });

  it('folds every Vietnamese vowel with every tone to its bare letter', () => {
    const vowels: Record<string, string> = {
      a: 'aàáảãạăằắẳẵặâầấẩẫậ',
      e: 'eèéẻẽẹêềếểễệ',
      i: 'iìíỉĩị',
      o: 'oòóỏõọôồốổỗộơờớởỡợ',
      u: 'uùúủũụưừứửữự',
      y: 'yỳýỷỹỵ',
    };
    for (const [bare, all] of Object.entries(vowels)) {
      for (const ch of all) {
        expect(foldVietnamese(ch)).toBe(bare);
        expect(foldVietnamese(ch.toUpperCase())).toBe(bare);
      }
    }
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input, and both tone placements', () => {
    const names = ['Nguyễn Thị Hòa', 'Phạm Văn Đồng', 'Trương Mỹ Lan', 'Lưu Hữu Phước'];
    for (const n of names) expect(foldVietnamese(n.normalize('NFD'))).toBe(foldVietnamese(n.normalize('NFC')));
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa')); // old and new tone placement
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('keeps digits and punctuation, and is idempotent', () => {
    expect(foldVietnamese('000.00.01.H29-240115-0001')).toBe('000.00.01.h29-240115-0001');
    for (const s of ['Nguyễn Thị Hòa', 'ĐỖ  ĐỨC', '  x  ']) expect(foldVietnamese(foldVietnamese(s))).toBe(foldVietnamese(s));
    expect(foldVietnamese('')).toBe('');
  });
});

describe('searchTokens', () => {
  it('gives unique folded words', () => {
    expect(searchTokens('Nguyễn Thị Hòa', 'nguyen van an')).toEqual(['nguyen', 'thi', 'hoa', 'van', 'an']);
    expect(searchTokens(undefined, '', null, 'An')).toEqual(['an']);
  });

  it('splits plain words on punctuation', () => {
    expect(searchTokens('Lê-Văn (Tâm), thôn 3')).toEqual(['le', 'van', 'tam', 'thon', '3']);
  });

  it('keeps a dossier code whole, without separators, and its long pieces', () => {
    const t = searchTokens('000.00.01.H29-240115-0001');
    expect(t).toContain('000.00.01.h29-240115-0001');
    expect(t).toContain('0000001h292401150001');
    expect(t).toContain('240115');
    expect(t).toContain('0001');
    // Short pieces would match almost every dossier of the commune.
    expect(t).not.toContain('00');
    expect(t).not.toContain('01');
    expect(t).not.toContain('h29');
  });

  it('keeps phone numbers and IDs written with separators searchable as digits', () => {
    const t = searchTokens('0912.345.678', '001 203 012345');
    expect(t).toContain('0912.345.678');
    expect(t).toContain('0912345678');
    expect(t).toEqual(expect.arrayContaining(['001', '203', '012345']));
  });
});

describe('matchesQuery', () => {
  const tokens = searchTokens('Nguyễn Thị Hòa', '000.00.12.H26-260310-01001', '0912345678');

  it('finds a name without diacritics, in any word order, by word prefixes', () => {
    expect(matchesQuery(tokens, 'nguyen thi hoa')).toBe(true);
    expect(matchesQuery(tokens, 'Nguyễn Thị Hòa')).toBe(true);
    expect(matchesQuery(tokens, 'hoa ng')).toBe(true);
    expect(matchesQuery(tokens, 'HOA')).toBe(true);
    expect(matchesQuery(tokens, 'hoa nguyen x')).toBe(false); // every word must match
    expect(matchesQuery(tokens, 'guyen')).toBe(false); // prefixes, not substrings
  });

  it('finds đ by d', () => {
    expect(matchesQuery(searchTokens('Đặng Đức'), 'd d')).toBe(true);
    expect(matchesQuery(searchTokens('Đặng Đức'), 'dang duc')).toBe(true);
    expect(matchesQuery(tokens, 'd')).toBe(false);
  });

  it('finds a dossier by its full code, its date or its sequence, not by short pieces', () => {
    expect(matchesQuery(tokens, '000.00.12.H26-260310-01001')).toBe(true);
    expect(matchesQuery(tokens, '000.00.12.h26-2603')).toBe(true);
    expect(matchesQuery(tokens, '01001')).toBe(true);
    expect(matchesQuery(tokens, '260310')).toBe(true);
    expect(matchesQuery(tokens, '12')).toBe(false);
  });

  it('finds a phone number by its start, with or without separators', () => {
    expect(matchesQuery(tokens, '0912')).toBe(true);
    expect(matchesQuery(tokens, '0912 345 678'.replace(/ /g, ''))).toBe(true);
    expect(matchesQuery(searchTokens('0912.345.678'), '0912345')).toBe(true);
    expect(matchesQuery(searchTokens('0912.345.678'), '0912.34')).toBe(true);
  });

  it('ignores stray punctuation around query words and matches hyphenated queries piecewise', () => {
    expect(matchesQuery(tokens, '"hoa",')).toBe(true);
    expect(matchesQuery(searchTokens('Lê Văn Tâm'), 'le-van')).toBe(true);
    expect(matchesQuery(searchTokens('Lê-Văn Tâm'), 'le van tam')).toBe(true);
  });

  it('matches everything with an empty query', () => {
    expect(matchesQuery(tokens, '')).toBe(true);
    expect(matchesQuery(tokens, '   ')).toBe(true);
    expect(matchesQuery([], 'a')).toBe(false);
  });
});

describe('name word pairs', () => {
  it('pairs every two words of a name in both orders, folded, letters only', () => {
    expect(nameWordPairs('Nguyễn Thị Hòa').sort()).toEqual(
      ['hoa nguyen', 'hoa thi', 'nguyen hoa', 'nguyen thi', 'thi hoa', 'thi nguyen'].sort(),
    );
    expect(nameWordPairs('Lê-Văn Đức 2')).toEqual(expect.arrayContaining(['le van', 'van duc', 'duc le']));
    expect(nameWordPairs('Lê-Văn Đức 2').some((p) => p.includes('2'))).toBe(false);
    expect(nameWordPairs('An')).toEqual([]);
    expect(nameWordPairs(undefined)).toEqual([]);
  });

  it('turns a query of name words into exact pairs and a last prefix pair', () => {
    expect(namePairQuery('Nguyễn  Thị Hò')).toEqual({ exact: ['nguyen thi'], prefix: 'thi ho' });
    expect(namePairQuery('vo duc')).toEqual({ exact: [], prefix: 'vo duc' });
    expect(namePairQuery('nguyen nguyen')).toBeUndefined();
    expect(namePairQuery('hoa')).toBeUndefined();
    expect(namePairQuery('binh 0912')).toBeUndefined();
    expect(namePairQuery('H29-260310')).toBeUndefined();
  });
});
