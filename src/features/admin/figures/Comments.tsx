import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime, type CommentRow } from '../../../domain';
import { adminApi } from '../adminApi';

/** Citizens' comments of the period, newest first; a leader marks one handled, and everyone sees who and when. */
export function Comments({ token, communeId, from, to, onError }: { token: string; communeId: string; from: string; to: string; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<CommentRow[] | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let stale = false;
    adminApi(token).comments(communeId, from, to).then((r) => !stale && setRows(r), onError);
    return () => {
      stale = true;
    };
  }, [token, communeId, from, to, changes]);
  const handle = async (opId: string, note: string) => {
    try {
      await adminApi(token).markHandled(opId, note.trim() || undefined);
      setChanges((n) => n + 1);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <section aria-labelledby="comments-title">
      <h3 id="comments-title">{t('figures.comments.title')}</h3>
      {rows && rows.length === 0 && <p>{t('figures.comments.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="comments-list">
          {rows.map((c) => (
            <li key={c.opId} aria-label={formatVnDateTime(c.at)}>
              <p>
                <strong>{t(`figures.rating.${c.rating}`)}</strong> · {formatVnDateTime(c.at)}
                {c.dossierCode && <> · {t('figures.comments.dossier', { code: c.dossierCode })}</>}
              </p>
              <blockquote>{c.comment}</blockquote>
              {c.handled ? (
                <p className="handled">
                  {t('figures.comments.handled', { by: c.handled.by, at: formatVnDateTime(c.handled.at) })}
                  {c.handled.note && <> — {c.handled.note}</>}
                </p>
              ) : (
                <HandleForm label={t('figures.comments.markHandledFor', { at: formatVnDateTime(c.at) })} onHandle={(note) => handle(c.opId, note)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HandleForm({ label, onHandle }: { label: string; onHandle: (note: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="choices-row"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onHandle(note).finally(() => setBusy(false));
      }}
    >
      <label className="field inline">
        <span>{t('figures.comments.note')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <button type="submit" aria-label={label} disabled={busy}>
        {t('figures.comments.markHandled')}
      </button>
    </form>
  );
}
