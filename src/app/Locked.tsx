import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUnsyncedOps } from '../db';
import { db } from './db';

/** Offer what could not be sent as a file: for a revoked tablet, or one that can no longer reach the server. */
export function ExportButton() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  async function download() {
    const blob = await exportUnsyncedOps(db);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `friendly-desk-unsynced-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
    a.click();
    URL.revokeObjectURL(url);
    setDone(true);
  }
  return (
    <>
      <button type="button" className="primary big" onClick={() => void download()}>
        {t('locked.export')}
      </button>
      {done && <p role="status">{t('locked.exported')}</p>}
    </>
  );
}

/** A revoked tablet stops working but keeps its data, so nothing recorded on it is lost. */
export function Locked() {
  const { t } = useTranslation();
  return (
    <main className="first-run" aria-labelledby="locked-title">
      <h1 id="locked-title">{t('locked.title')}</h1>
      <p className="lead">{t('locked.explain')}</p>
      <ExportButton />
    </main>
  );
}

export default Locked;
