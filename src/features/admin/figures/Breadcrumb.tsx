import { useTranslation } from 'react-i18next';

/** Where the figures are drilled to: a province, one of its communes, and a procedure or an officer of it. */
export interface Drill {
  province?: string;
  communeId?: string;
  procedureId?: string;
  staffId?: string;
}

/** The way back up the drill-down; the last step is where one is (aria-current), the others are buttons. */
export function Breadcrumb({ drill, names, onGo, canLeaveCommune }: { drill: Drill; names: { province?: string; commune?: string; procedure?: string; officer?: string }; onGo: (d: Drill) => void; canLeaveCommune: boolean }) {
  const { t } = useTranslation();
  const steps: { label: string; to: Drill }[] = [];
  if (drill.province && canLeaveCommune) steps.push({ label: t('figures.drill.province', { province: drill.province }), to: { province: drill.province } });
  if (drill.communeId) steps.push({ label: t('figures.drill.commune', { commune: names.commune ?? drill.communeId }), to: { province: drill.province, communeId: drill.communeId } });
  if (drill.procedureId) steps.push({ label: t('figures.drill.procedure', { name: names.procedure ?? drill.procedureId }), to: drill });
  if (drill.staffId) steps.push({ label: t('figures.drill.officer', { name: names.officer ?? drill.staffId }), to: drill });
  return (
    <nav aria-label={t('figures.drill.label')} className="breadcrumb">
      <ol>
        {steps.map((s, i) =>
          i === steps.length - 1 ? (
            <li key={i} aria-current="page">
              <strong>{s.label}</strong>
            </li>
          ) : (
            <li key={i}>
              <button type="button" className="link" onClick={() => onGo(s.to)}>
                {s.label}
              </button>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
