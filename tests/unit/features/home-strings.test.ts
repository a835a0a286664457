import { describe, expect, it } from 'vitest';
import vi from '../../../locales/vi/home.json';
import en from '../../../locales/en/home.json';

/** Every key of a strings file, plural forms ("_one", "_other") counted as their base key. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o)
    .flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`]))
    .filter((k, i, all) => all.indexOf(k) === i)
    .sort();
}

describe('home service strings', () => {
  it('has every Vietnamese string in English too, and no more', () => {
    expect(keys(en)).toEqual(keys(vi));
  });
});
