import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { computeDueAt, formatVnDateTime, type CommuneConfig } from '../../domain';
import type { Signature } from '../../domain/signature';
import { discardDraft, loadDraft, receiveDossier, saveDraft, type DossierRow } from '../../db';
import { db } from '../../app/db';
import { navigate } from '../../app/router';
import { useSession, useUnsaved } from '../../app/stores';
import { ProcedurePicker } from './ProcedurePicker';
import { SignatureBox } from './SignatureBox';
import { feeLabel, processingTimeLabel } from './format';
import { applicantFromDraft, checkIntake, emptyDraft, missingRequiredDocuments, type IntakeDraft, type IntakeErrors } from './intakeRules';
import { CheckRow } from '../../app/CheckRow';

type TextField = 'name' | 'idNumber' | 'phone' | 'address';

type Props = {
  config: CommuneConfig;
  now?: () => Date;
  /**
   * What a new intake starts with: a mobile tablet receives at the person's home (channel "home"),
   * and a visit fills in the person's name and address from the registry.
   */
  defaults?: Partial<IntakeDraft>;
  /** The draft's name: a visit's intake keeps its own draft beside the desk's. */
  form?: string;
  /** Ask the applicant to sign on the screen (or note a fingerprint): at the home, where no paper waits. */
  askSignature?: boolean;
  /** Where to go once received (default: the slip). */
  onReceived?: (row: DossierRow) => void;
};

/** Opens the officer's draft, if one was left, before the form shows (typing never races the load). */
export function IntakeForm(props: Props) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const form = props.form ?? 'intake';
  const [saved, setSaved] = useState<IntakeDraft | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadDraft<IntakeDraft>(db, form, staff.id).then((d) => live && setSaved(d ? { ...emptyDraft, ...props.defaults, ...d } : null));
    return () => {
      live = false;
    };
    // The defaults are read once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff.id, form]);
  if (saved === undefined) return <p role="status">{t('app.loading')}</p>;
  return <IntakeFormBody key={staff.id} {...props} initial={saved} />;
}

function IntakeFormBody({ config, now = () => new Date(), initial, defaults, form: formName, askSignature, onReceived }: Props & { initial: IntakeDraft | null }) {
  const { t } = useTranslation();
  const FORM = formName ?? 'intake';
  const staff = useSession((s) => s.staff)!;
  const setDirty = useUnsaved((s) => s.setDirty);
  const start: IntakeDraft = { ...emptyDraft, ...defaults };
  const [draft, setDraft] = useState<IntakeDraft>(initial ?? start);
  const [signature, setSignature] = useState<Signature | undefined>(undefined);
  const [restored, setRestored] = useState(initial !== null);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const procedure = config.procedures.find((p) => p.id === draft.procedureId);
  const dirty = JSON.stringify(draft) !== JSON.stringify(start);

  useEffect(() => {
    setDirty(FORM, dirty);
  }, [dirty, setDirty]);
  useEffect(() => () => setDirty(FORM, false), [setDirty]);
  // Every change is kept as the officer's draft: navigating away or reloading loses nothing.
  useEffect(() => {
    if (saving) return;
    void (dirty ? saveDraft(db, FORM, staff.id, draft) : discardDraft(db, FORM, staff.id));
  }, [draft, dirty, saving, staff.id]);
  const discard = () => {
    setDraft(start);
    setErrors({});
    setRestored(false);
  };

  const update = (patch: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const pickProcedure = (procedureId: string) => {
    // The documents on the table belong to the procedure: a new procedure starts a new checklist.
    update({ procedureId, documents: [] });
    setErrors((e) => ({ ...e, procedureId: undefined, documents: undefined }));
  };
  const toggleDocument = (name: string, checked: boolean) =>
    update({ documents: checked ? [...draft.documents, name] : draft.documents.filter((d) => d !== name) });
  const checkField = (field: TextField) => {
    const all = checkIntake(draft, procedure);
    setErrors((e) => ({ ...e, [field]: all[field] }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkIntake(draft, procedure);
    setErrors(found);
    if (Object.values(found).some(Boolean) || !procedure) {
      const first = Object.keys(found)[0];
      document.getElementById(`intake-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const receivedAt = now();
      const row = await receiveDossier(
        db,
        {
          procedureId: procedure.id,
          applicant: applicantFromDraft(draft),
          channel: draft.channel,
          documents: draft.documents,
          writtenByStaff: draft.writtenByStaff,
          staffId: staff.id,
          dueAt: computeDueAt(config.calendar, receivedAt, procedure.processingTime).toISOString(),
          ...(signature ? { signature } : {}),
        },
        receivedAt,
      );
      await discardDraft(db, FORM, staff.id);
      setDirty(FORM, false);
      if (onReceived) onReceived(row);
      else navigate(`/d/${row.id}/slip`);
    } catch (err) {
      // Nothing was stored; the clerk's input stays on screen.
      setSaveError(t('intake.errors.saveFailed', { reason: (err as Error).message }));
      setSaving(false);
    }
  }

  const textField = (field: TextField, props: { required?: boolean; inputMode?: 'numeric' | 'tel' | 'text'; autoComplete?: string; hint?: string } = {}) => (
    <div className="field">
      <label htmlFor={`intake-${field}`}>
        {t(`intake.${field}`)}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={`intake-${field}`}
        value={draft[field]}
        required={props.required}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={Boolean(errors[field])}
        aria-describedby={[errors[field] && `intake-${field}-error`, props.hint && `intake-${field}-hint`].filter(Boolean).join(' ') || undefined}
        onChange={(e) => update({ [field]: e.target.value })}
        onBlur={() => checkField(field)}
      />
      {props.hint && (
        <span id={`intake-${field}-hint`} className="hint">
          {props.hint}
        </span>
      )}
      {errors[field] && (
        <span id={`intake-${field}-error`} className="error">
          {t(errors[field]!)}
        </span>
      )}
    </div>
  );

  const missing = missingRequiredDocuments(draft, procedure);
  const duePreview = procedure ? computeDueAt(config.calendar, now(), procedure.processingTime) : null;

  return (
    <form className="intake" onSubmit={submit} noValidate aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      {restored && dirty && (
        <p role="status" className="hint">
          {t('intake.draftRestored')}
        </p>
      )}
      <ProcedurePicker
        procedures={config.procedures}
        value={draft.procedureId}
        onChange={pickProcedure}
        error={errors.procedureId ? t(errors.procedureId) : undefined}
      />

      <fieldset>
        <legend>{t('intake.applicant')}</legend>
        <div className="grid-2">
          {textField('name', { required: true, autoComplete: 'name' })}
          {textField('idNumber', { inputMode: 'numeric' })}
          {textField('phone', { inputMode: 'tel', hint: t('intake.phoneHint') })}
          {textField('address')}
        </div>
      </fieldset>

      {procedure && (
        <fieldset aria-describedby={errors.documents ? 'intake-documents-error' : undefined}>
          <legend>{t('intake.documents')}</legend>
          {procedure.documents.map((doc) => (
            <CheckRow key={doc.name} checked={draft.documents.includes(doc.name)} onChange={(on) => toggleDocument(doc.name, on)}>
              {doc.name}
              {doc.required ? <small> ({t('intake.required')})</small> : <small> ({t('intake.optional')})</small>}
            </CheckRow>
          ))}
          {errors.documents && missing.length > 0 && (
            <p id="intake-documents-error" className="error" role="alert">
              {t('intake.errors.missingDocuments')}: {missing.join('; ')}
            </p>
          )}
        </fieldset>
      )}

      <fieldset>
        <legend>{t('intake.howReceived')}</legend>
        <div className="choices-row">
          {(['counter', 'home', 'online'] as const).map((channel) => (
            <label key={channel} className="choice">
              <input
                type="radio"
                name="channel"
                value={channel}
                checked={draft.channel === channel}
                onChange={() => update({ channel })}
              />
              <span>{t(`channel.${channel}`)}</span>
            </label>
          ))}
        </div>
        <CheckRow asSwitch checked={draft.writtenByStaff} onChange={(writtenByStaff) => update({ writtenByStaff })}>
          {t('intake.noWritingDay')}
        </CheckRow>
      </fieldset>

      {askSignature && (
        <SignatureBox key={draft.name} signerName={draft.name.trim() || t('signature.applicant')} onChange={setSignature} />
      )}

      {procedure && duePreview && (
        <p className="due-preview" aria-live="polite">
          {t('intake.dueOn', { date: formatVnDateTime(duePreview) })} · {processingTimeLabel(t, procedure.processingTime)} ·{' '}
          {feeLabel(t, procedure.fee)}
        </p>
      )}
      {saveError && (
        <p role="alert" className="error">
          {saveError}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={discard} disabled={!dirty || saving}>
          {t('intake.discardDraft')}
        </button>
        <button type="submit" className="primary big" disabled={saving}>
          {t('intake.submit')}
        </button>
      </div>
    </form>
  );
}
