import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistTemplate } from '../../domain';
import { useLang } from './useLang';

/**
 * One screen of big toggles, one pair (held / not held) per item, nothing marked in advance: an
 * unmarked item is not a "held" by default. "All held" marks every item, so the usual path is two
 * taps (all held, save). Saving asks for every item; skipping records a skip, never a check.
 */
export function ChecklistForm({
  template,
  title,
  hint,
  withNote = false,
  disabled = false,
  onSave,
  onSkip,
}: {
  template: ChecklistTemplate;
  title: string;
  hint?: string;
  withNote?: boolean;
  disabled?: boolean;
  onSave: (items: Record<string, boolean>, note: string) => Promise<void>;
  onSkip?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = template.items.filter((i) => answers[i.id] === undefined).length;
  const titleId = `check-${template.id}`;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(t('checklists.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (missing > 0) return setError(t('checklists.unanswered', { count: missing }));
    void run(() => onSave(answers, note));
  }

  return (
    <form className="checklist-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      <button type="button" className="big checklist-all" disabled={disabled || busy} onClick={() => setAnswers(Object.fromEntries(template.items.map((i) => [i.id, true])))}>
        {t('checklists.allHeld')}
      </button>
      <div className="checklist-items">
        {template.items.map((item) => {
          const name = item.label[lang] || item.label.vi;
          return (
            <div key={item.id} role="group" aria-label={name}>
              <span className="checklist-item-label">{name}</span>
              <span className="checklist-toggle">
                {([true, false] as const).map((value) => (
                  <button
                    key={String(value)}
                    type="button"
                    className={value ? 'held' : 'not-held'}
                    aria-pressed={answers[item.id] === value}
                    aria-label={`${name}: ${t(value ? 'checklists.held' : 'checklists.notHeld')}`}
                    disabled={disabled || busy}
                    onClick={() => setAnswers({ ...answers, [item.id]: value })}
                  >
                    {t(value ? 'checklists.held' : 'checklists.notHeld')}
                  </button>
                ))}
              </span>
            </div>
          );
        })}
      </div>
      {withNote && (
        <label className="field">
          <span>{t('checklists.note')}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={2} />
        </label>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="form-actions">
        {onSkip && (
          <button type="button" disabled={disabled || busy} onClick={() => void run(onSkip)}>
            {t('checklists.skip')}
          </button>
        )}
        <button type="submit" className="primary big" disabled={disabled || busy}>
          {t('checklists.save')}
        </button>
      </div>
    </form>
  );
}
