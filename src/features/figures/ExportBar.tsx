import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from './format';
import { download, toCsv, toXlsx } from './exportFiles';
import type { FigureTable } from './tables';

/** CSV, XLSX and print of what is on the screen; `name` becomes the file name (no extension). */
export function ExportBar({ tables, name }: { tables: FigureTable[]; name: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const csv = () => download(new Blob([toCsv(tables, lang, t('figures.points'))], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  const xlsx = async () => {
    setBusy(true);
    try {
      download(await toXlsx(tables), `${name}.xlsx`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="action-buttons no-print" role="group" aria-label={t('figures.export.label')}>
      <button type="button" onClick={csv}>
        {t('figures.export.csv')}
      </button>
      <button type="button" onClick={() => void xlsx()} disabled={busy} aria-busy={busy}>
        {t('figures.export.xlsx')}
      </button>
      <button type="button" onClick={() => window.print()}>
        {t('figures.export.print')}
      </button>
    </div>
  );
}
