import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime } from '../domain';
import { discardRejected, listNeedsAttention, resendAsNew, type StoredOp } from '../db';
import { db } from './db';
import { useSession } from './stores';
import { syncNow } from './sync';

/** Changes the server refused, with its reason. Staff send them again as new changes or discard them. */
export function NeedsAttention() {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const ops = useLiveQuery(() => listNeedsAttention(db), []);
  const [error, setError] = useState<string | null>(null);

  async function act(op: StoredOp, how: 'resend' | 'discard') {
    setError(null);
    try {
      if (how === 'resend') {
        await resendAsNew(db, op, staff.id);
        void syncNow();
      } else await discardRejected(db, op, staff.id);
    } catch (err) {
      setError(t('attention.failed', { message: (err as Error).message }));
    }
  }

  if (!ops) return <p role="status">{t('app.loading')}</p>;
  return (
    <section aria-labelledby="attention-title">
      <h1 id="attention-title">{t('attention.title')}</h1>
      <p>{t('attention.intro')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {ops.length === 0 ? (
        <p role="status">{t('attention.none')}</p>
      ) : (
        <ul className="attention-list">
          {ops.map((op) => (
            <li key={op.opId} aria-label={t(`opTypes.${op.type}`, { defaultValue: op.type })}>
              <p>
                <strong>{t(`opTypes.${op.type}`, { defaultValue: op.type })}</strong> · {formatVnDateTime(op.at)}
                {op.type.startsWith('dossier.') && (
                  <>
                    {' '}
                    · <a href={`#/d/${op.entityId}`}>{t('attention.openDossier')}</a>
                  </>
                )}
              </p>
              <p className="error">
                {t(`syncErrors.${op.error?.code}`, { defaultValue: op.error?.code ?? '' })}: {op.error?.message}
              </p>
              <div className="form-actions">
                <button type="button" onClick={() => void act(op, 'discard')}>
                  {t('attention.discard')}
                </button>
                <button type="button" className="primary" onClick={() => void act(op, 'resend')}>
                  {t('attention.resend')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
