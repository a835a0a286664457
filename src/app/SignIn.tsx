import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPin, type Staff } from '../domain';
import { useSession } from './stores';
import { usePinLockout } from './pinLockout';
import { PinAlert } from './PinDialog';

/**
 * Staff pick their name and type their PIN; the check runs offline against the salted hash from
 * config. Wrong PINs count toward the tablet's lockout, kept in IndexedDB (a reload does not reset it).
 */
export function SignIn({ staff }: { staff: Staff[] }) {
  const { t } = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const { seconds, attempt } = usePinLockout();
  const active = staff.filter((s) => s.active);
  const [staffId, setStaffId] = useState(active.length === 1 ? active[0].id : '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const member = active.find((s) => s.id === staffId);
    if (!member) return setError(t('signIn.pickName'));
    setChecking(true);
    const result = await attempt(() => verifyPin(pin, member.pinSalt, member.pinHash));
    setChecking(false);
    if (result === 'ok') return signIn({ id: member.id, name: member.name, title: member.title });
    setPin('');
    setError(result === 'wrong' ? t('signIn.wrongPin') : null);
  }

  if (active.length === 0) {
    return (
      <main className="sign-in">
        <p role="alert">{t('signIn.noStaff')}</p>
      </main>
    );
  }

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('signIn.whoAreYou')}</legend>
          <div className="staff-choices">
            {active.map((member) => (
              <label key={member.id} className="choice">
                <input
                  type="radio"
                  name="staff"
                  value={member.id}
                  checked={staffId === member.id}
                  onChange={() => setStaffId(member.id)}
                />
                <span>
                  <strong>{member.name}</strong>
                  <small>{member.title}</small>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span>{t('signIn.pin')}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            aria-describedby="pin-hint"
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <small id="pin-hint" className="hint">
          {t('signIn.pinHint')}
        </small>
        <PinAlert seconds={seconds} error={error} />
        <button type="submit" className="primary big" disabled={checking || seconds > 0 || pin.length < 4}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
