import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../domain';
import type { PartEditorProps, PartValue } from './types';

type Member = PartValue<'staff'>[number];

/**
 * Staff of the commune's tablets: add one (with a first PIN), change name, title and role,
 * deactivate (never delete: their ops keep naming them), reset a PIN. A PIN typed here goes to
 * the server once, which keeps only its salted hash.
 */
export function StaffEditor({ value, save }: PartEditorProps<'staff'>) {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<Member[]>(value);
  const [resetting, setResetting] = useState<Set<string>>(new Set());
  const [added, setAdded] = useState<Set<string>>(new Set());
  const change = (id: string, patch: Partial<Member>) => setStaff((list) => list.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  const add = () => {
    const id = crypto.randomUUID();
    setStaff((list) => [...list, { id, name: '', title: '', role: 'clerk', active: true, pin: '' }]);
    setAdded((a) => new Set(a).add(id));
  };
  return (
    <form
      aria-label={t('admin.configParts.staff')}
      onSubmit={(e) => {
        e.preventDefault();
        // A PIN field left empty on a member already stored keeps their PIN.
        void save(staff.map(({ pin, ...s }) => (pin || added.has(s.id) ? { ...s, pin: pin ?? '' } : s)));
      }}
    >
      <table className="dossier-table labelled config-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.config.staffName')}</th>
            <th scope="col">{t('admin.config.staffTitle')}</th>
            <th scope="col">{t('admin.config.staffRole')}</th>
            <th scope="col">{t('admin.config.active')}</th>
            <th scope="col">{t('admin.config.pin')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s, i) => {
            const who = s.name || t('admin.config.newMember', { n: i + 1 });
            return (
              <tr key={s.id}>
                <td data-label={t('admin.config.staffName')}>
                  <input aria-label={t('admin.config.staffNameOf', { n: i + 1 })} value={s.name} onChange={(e) => change(s.id, { name: e.target.value })} />
                </td>
                <td data-label={t('admin.config.staffTitle')}>
                  <input aria-label={t('admin.config.staffTitleOf', { who })} value={s.title ?? ''} onChange={(e) => change(s.id, { title: e.target.value })} />
                </td>
                <td data-label={t('admin.config.staffRole')}>
                  <select aria-label={t('admin.config.staffRoleOf', { who })} value={s.role ?? 'clerk'} onChange={(e) => change(s.id, { role: e.target.value as Member['role'] })}>
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`admin.config.staffRoles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={t('admin.config.active')}>
                  <label className="choice">
                    <input type="checkbox" checked={s.active !== false} onChange={(e) => change(s.id, { active: e.target.checked })} />
                    <span>{t('admin.config.activeOf', { who })}</span>
                  </label>
                </td>
                <td data-label={t('admin.config.pin')}>
                  {added.has(s.id) || resetting.has(s.id) ? (
                    <input
                      type="password"
                      inputMode="numeric"
                      autoComplete="new-password"
                      aria-label={t('admin.config.newPinOf', { who })}
                      value={s.pin ?? ''}
                      onChange={(e) => change(s.id, { pin: e.target.value.trim() })}
                    />
                  ) : (
                    <button type="button" onClick={() => setResetting((r) => new Set(r).add(s.id))}>
                      {t('admin.config.resetPinOf', { who })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('admin.config.pinHint')}</p>
      <div className="action-buttons">
        <button type="button" onClick={add}>
          {t('admin.config.addStaff')}
        </button>
        <button type="submit" className="primary">
          {t('admin.config.save', { part: t('admin.configParts.staff') })}
        </button>
      </div>
    </form>
  );
}
