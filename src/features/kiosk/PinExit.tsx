import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPin } from '../../domain';

/** Staff leave the citizen's screen only with a staff PIN, checked offline against salted hashes. */
export function PinExit({ pins, onOk, onCancel }: { pins: { pinSalt: string; pinHash: string }[]; onOk: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    for (const p of pins) if (await verifyPin(pin, p.pinSalt, p.pinHash)) return onOk();
    setWrong(true);
    setPin('');
  }
  return (
    <form role="dialog" aria-labelledby="pin-exit-title" className="pin-exit" onSubmit={submit}>
      <h2 id="pin-exit-title">{t('kiosk.staffOnly')}</h2>
      <label className="field">
        <span>{t('signIn.pin')}</span>
        <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} autoFocus onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
      </label>
      {wrong && (
        <p role="alert" className="error">
          {t('signIn.wrongPin')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="kiosk-big" onClick={onCancel}>
          {t('kiosk.cancel')}
        </button>
        <button type="submit" className="kiosk-big primary" disabled={pin.length < 4}>
          {t('kiosk.unlock')}
        </button>
      </div>
    </form>
  );
}
