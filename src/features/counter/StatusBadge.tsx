import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../domain';

export const STATUSES: DossierStatus[] = [
  'received',
  'processing',
  'supplement-requested',
  'supplement-received',
  'result-ready',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
];

export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
