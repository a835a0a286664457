import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../domain';

export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
