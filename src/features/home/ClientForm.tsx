import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLEARABLE_HOME_FIELDS, HOME_REASONS, newId, normalizePhone, validateCitizenId, validatePhone, type HomeClient, type HomeReason } from '../../domain';
import { recordOp } from '../../db';
import { db } from '../../app/db';
import { navigate } from '../../app/router';
import { SelectField } from './SelectField';
import { CheckRow } from '../../app/CheckRow';

type Fields = { name: string; birthYear: string; address: string; village: string; phone: string; idNumber: string; reason: HomeReason; contact: string; consent: boolean; note: string };
const TEXT_FIELDS = ['name', 'birthYear', 'village', 'address', 'phone', 'idNumber', 'contact', 'note'] as const;

function fieldsOf(c?: HomeClient): Fields {
  return {
    name: c?.name ?? '',
    birthYear: c?.birthYear ? String(c.birthYear) : '',
    address: c?.address ?? '',
    village: c?.village ?? '',
    phone: c?.phone ?? '',
    idNumber: c?.idNumber ?? '',
    reason: c?.reason ?? 'elderly',
    contact: c?.contact ?? '',
    consent: c?.consent ?? false,
    note: c?.note ?? '',
  };
}

/** The op data of the form: trimmed, normalised, empty fields left out. */
function dataOf(f: Fields): Record<string, unknown> {
  const data: Record<string, unknown> = { name: f.name.trim(), address: f.address.trim(), reason: f.reason, consent: f.consent };
  if (f.village.trim()) data.village = f.village.trim();
  if (f.birthYear.trim()) data.birthYear = Number(f.birthYear);
  if (f.phone.trim()) data.phone = normalizePhone(f.phone);
  if (f.idNumber.trim()) data.idNumber = f.idNumber.replace(/\s/g, '');
  if (f.contact.trim()) data.contact = f.contact.trim();
  if (f.note.trim()) data.note = f.note.trim();
  return data;
}

/** Register a person served at home, or change their record (only the changed fields go in the op). */
export function ClientForm({ client }: { client?: HomeClient }) {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(fieldsOf(client));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Fields>) => setF((v) => ({ ...v, ...patch }));

  function check(): string | null {
    if (!f.name.trim()) return 'home.client.errors.name';
    if (!f.address.trim()) return 'home.client.errors.address';
    if (f.birthYear.trim() && !/^(19|20)\d\d$/.test(f.birthYear.trim())) return 'home.client.errors.birthYear';
    if (f.phone.trim()) {
      const p = validatePhone(f.phone);
      if (!p.ok) return `validation.${p.code}`;
    }
    if (f.idNumber.trim()) {
      const id = validateCitizenId(f.idNumber);
      if (!id.ok) return `validation.${id.code}`;
    }
    if (!client && !f.consent) return 'home.client.errors.consent';
    return null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = check();
    if (problem) return setError(t(problem));
    try {
      const data = dataOf(f);
      if (!client) {
        const id = newId();
        await recordOp(db, 'home.client-registered', id, data);
        return navigate(`/home/clients/${id}`);
      }
      const before = dataOf(fieldsOf(client));
      const changes = Object.fromEntries(Object.entries(data).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)));
      // A field emptied in the form is cleared, not left as it was.
      const clear = CLEARABLE_HOME_FIELDS.filter((k) => before[k] !== undefined && data[k] === undefined);
      if (Object.keys(changes).length > 0 || clear.length > 0) await recordOp(db, 'home.client-updated', client.id, { changes, ...(clear.length ? { clear } : {}) });
      navigate(`/home/clients/${client.id}`);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="client-form-title" className="home-client-form">
      <h1 id="client-form-title">{client ? t('home.client.edit') : t('home.client.register')}</h1>
      <div className="grid-2">
        {TEXT_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`client-${field}`}>
              {t(`home.client.${field}`)}
              {(field === 'name' || field === 'address') && <span aria-hidden="true"> *</span>}
            </label>
            <input
              id={`client-${field}`}
              value={f[field]}
              required={field === 'name' || field === 'address'}
              inputMode={field === 'birthYear' || field === 'idNumber' ? 'numeric' : field === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              onChange={(e) => set({ [field]: e.target.value })}
            />
          </div>
        ))}
        <SelectField id="client-reason" label={t('home.client.reason')} value={f.reason} onChange={(reason) => set({ reason })} options={HOME_REASONS.map((r) => [r, t(`home.reason.${r}`)])} />
      </div>
      <CheckRow checked={f.consent} onChange={(consent) => set({ consent })}>
        {t('home.client.consent')}
      </CheckRow>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary big">
          {client ? t('home.client.save') : t('home.client.registerButton')}
        </button>
      </div>
    </form>
  );
}
