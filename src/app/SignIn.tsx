import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPin, type Staff } from '../domain';
import { useSession } from './stores';

const MAX_TRIES = 5;
const LOCK_MS = 30_000;

/** Staff pick their name and type their PIN; the check runs offline against the salted hash from config. */
export function SignIn({ staff }: { staff: Staff[] }) {
  const { t } = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const active = staff.filter((s) => s.active);
  const [staffId, setStaffId] = useState(active.length === 1 ? active[0].id : '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [checking, setChecking] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const member = active.find((s) => s.id === staffId);
    if (!member) return setError(t('signIn.pickName'));
    if (Date.now() < lockedUntil) return setError(t('signIn.locked', { seconds: Math.ceil(LOCK_MS / 1000) }));
    setChecking(true);
    const ok = await verifyPin(pin, member.pinSalt, member.pinHash);
    setChecking(false);
    if (ok) {
      signIn({ id: member.id, name: member.name, title: member.title });
      return;
    }
    const tries = failures + 1;
    setFailures(tries);
    setPin('');
    if (tries >= MAX_TRIES) {
      setLockedUntil(Date.now() + LOCK_MS);
      setFailures(0);
      setError(t('signIn.locked', { seconds: LOCK_MS / 1000 }));
    } else setError(t('signIn.wrongPin'));
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
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary big" disabled={checking || pin.length < 4}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
