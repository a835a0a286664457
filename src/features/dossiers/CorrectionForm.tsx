import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateCitizenId, validatePhone, type DossierUpdatedData, type Procedure } from '../../domain';
import { recordOp, type DossierRow } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { CheckRow } from '../../app/CheckRow';

type Field = 'name' | 'idNumber' | 'phone' | 'address';
const FIELDS: Field[] = ['name', 'idNumber', 'phone', 'address'];

/**
 * Correct a received dossier (a misspelt name, a wrong ID number, a paper handed in later): one
 * `dossier.updated` op with only the fields that changed and the clerk's reason, so the timeline
 * shows who corrected what, when and why, and the reprinted slip carries the correction.
 */
export function CorrectionForm({ dossier, procedure, onDone }: { dossier: DossierRow; procedure?: Procedure; onDone: () => void }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const [values, setValues] = useState<Record<Field, string>>({
    name: dossier.applicant?.name ?? '',
    idNumber: dossier.applicant?.idNumber ?? '',
    phone: dossier.applicant?.phone ?? '',
    address: dossier.applicant?.address ?? '',
  });
  const [documents, setDocuments] = useState<string[]>(dossier.documents);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field | 'reason' | 'form', string>>>({});
  // The procedure's checklist plus anything received that the catalog no longer lists.
  const documentNames = [...new Set([...(procedure?.documents.map((d) => d.name) ?? []), ...dossier.documents])];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    const changes: DossierUpdatedData['changes'] = {};
    const name = values.name.trim().replace(/\s+/g, ' ');
    if (!name) found.name = 'intake.errors.nameRequired';
    else if (name !== dossier.applicant?.name) changes['applicant.name'] = name;
    if (values.idNumber.trim() !== (dossier.applicant?.idNumber ?? '')) {
      const id = validateCitizenId(values.idNumber);
      if (id.ok) changes['applicant.idNumber'] = id.value;
      else found.idNumber = `validation.${id.code}`;
    }
    if (values.phone.trim() !== (dossier.applicant?.phone ?? '')) {
      const phone = validatePhone(values.phone);
      if (!phone.ok) found.phone = `validation.${phone.code}`;
      else if (phone.value !== dossier.applicant?.phone) changes['applicant.phone'] = phone.value;
    }
    const address = values.address.trim();
    if (address && address !== (dossier.applicant?.address ?? '')) changes['applicant.address'] = address;
    if (documents.length > 0 && JSON.stringify([...documents].sort()) !== JSON.stringify([...dossier.documents].sort())) changes.documents = documents;
    if (!reason.trim()) found.reason = 'correction.reasonRequired';
    if (Object.keys(changes).length === 0 && Object.keys(found).length === 0) found.form = 'correction.nothingChanged';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await recordOp(db, 'dossier.updated', dossier.id, { staffId: staff.id, reason: reason.trim(), changes });
      onDone();
    } catch (err) {
      setErrors({ form: (err as Error).message });
    }
  }

  const error = (key: keyof typeof errors) =>
    errors[key] && (
      <span id={`correct-${key}-error`} className="error" role={key === 'form' ? 'alert' : undefined}>
        {t(errors[key]!)}
      </span>
    );

  return (
    <form onSubmit={submit} className="action-form" noValidate aria-label={t('correction.title')}>
      <div className="grid-2">
        {FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`correct-${field}`}>{t(`intake.${field}`)}</label>
            <input
              id={`correct-${field}`}
              value={values[field]}
              inputMode={field === 'phone' ? 'tel' : field === 'idNumber' ? 'numeric' : undefined}
              autoComplete="off"
              aria-invalid={Boolean(errors[field])}
              aria-describedby={errors[field] ? `correct-${field}-error` : undefined}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
            {error(field)}
          </div>
        ))}
      </div>
      {documentNames.length > 0 && (
        <fieldset>
          <legend>{t('intake.documents')}</legend>
          {documentNames.map((d) => (
            <CheckRow key={d} checked={documents.includes(d)} onChange={(on) => setDocuments(on ? [...documents, d] : documents.filter((x) => x !== d))}>
              {d}
            </CheckRow>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="correct-reason">{t('correction.reason')}</label>
        <textarea
          id="correct-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          rows={2}
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? 'correct-reason-error' : undefined}
        />
        {error('reason')}
      </div>
      {error('form')}
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          {t('actionForm.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('correction.save')}
        </button>
      </div>
    </form>
  );
}
