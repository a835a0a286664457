import type { TFunction } from 'i18next';
import type { ProcessingTime } from '../../domain';

export function processingTimeLabel(t: TFunction, time: ProcessingTime): string {
  if (time.unit === 'same-day') return t('procedure.sameDay');
  if (time.unit === 'working-hours') return t('procedure.workingHours', { count: time.value });
  return t('procedure.workingDays', { count: time.value });
}

export function feeLabel(t: TFunction, fee: number): string {
  if (fee === 0) return t('procedure.free');
  return new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(fee);
}
