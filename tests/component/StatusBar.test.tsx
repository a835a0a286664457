import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/app/StatusBar';

describe('storage in words', () => {
  it('uses the Vietnamese decimal comma and a unit that fits', () => {
    expect(formatBytes(2.5 * 1024 * 1024, 'vi')).toBe('2,5 MB');
    expect(formatBytes(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatBytes(300 * 1024, 'vi')).toBe('300 KB');
    expect(formatBytes(10242.3 * 1024 * 1024, 'vi')).toBe('10 GB');
    expect(formatBytes(0, 'vi')).toBe('0 KB');
  });
});
