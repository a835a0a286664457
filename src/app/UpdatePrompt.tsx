import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from './db';
import { useUnsaved } from './stores';
import { useUpdate } from './update';

/** A new version is ready: the user decides when, and never while a form holds unsaved input. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const waiting = useUpdate((s) => s.waiting);
  const apply = useUpdate((s) => s.apply);
  const check = useUpdate((s) => s.check);
  const unsaved = useUnsaved((s) => Object.keys(s.dirty).length > 0);
  // The server speaks a newer protocol than this app: look for the new version now.
  const tooOld = useLiveQuery(async () => (await db.meta.get('protocolMismatch'))?.value === 'client-too-old', [], false);
  useEffect(() => {
    if (tooOld) void check();
  }, [tooOld, check]);

  if (!waiting && !tooOld) return null;
  return (
    <div role="alert" className="update-prompt no-print">
      <span>{waiting ? t('update.ready') : t('update.tooOld')}</span>
      {waiting && unsaved && <span className="hint">{t('update.saveFirst')}</span>}
      {waiting && (
        <button type="button" className="primary" onClick={apply} disabled={unsaved}>
          {t('update.apply')}
        </button>
      )}
    </div>
  );
}
