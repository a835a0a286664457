import i18next from 'i18next';
import { formatVnDate } from '../../domain';

/**
 * Official papers are always Vietnamese, whatever language the screen is in: their words come from
 * locales/vi (the counter's part, which the app always loads as the fallback) through a fixed t.
 */
export const viT = () => i18next.getFixedT('vi');

/** "Tân Lập, ngày 01 tháng 12 năm 2026": the place-and-date line of an official paper. */
export function placeDate(place: string, at: Date | string): string {
  const [day, month, year] = formatVnDate(at).split('/');
  return viT()('paper.placeDate', { place, day, month, year });
}

/** "UBND xã Tân Lập" → "Tân Lập": the place named on the date line. */
export function placeOf(communeName: string): string {
  return communeName.replace(/^(UBND|Ủy ban nhân dân)\s+(xã|phường|đặc khu|thị trấn)\s+/iu, '');
}
