import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePinLockout } from './pinLockout';

/** The lockout while it lasts (it outranks any other message), else the last error. */
export function PinAlert({ seconds, error }: { seconds: number; error: string | null }) {
  const { t } = useTranslation();
  const text = seconds > 0 ? t('pinDialog.locked', { seconds }) : error;
  return text ? (
    <p role="alert" className="error">
      {text}
    </p>
  ) : null;
}

/**
 * Asks for a staff PIN (4–8 digits) or the kiosk code (8–32 letters and digits) before something
 * only staff may do; `check` runs offline against salted hashes. Wrong tries count toward the
 * tablet's lockout. `check` undefined: nothing can open it (no code set centrally yet).
 */
export function PinDialog({
  title,
  kind,
  check,
  onOk,
  onCancel,
  big,
}: {
  title: string;
  kind: 'pin' | 'code';
  check?: (secret: string) => Promise<boolean>;
  onOk: () => void;
  onCancel: () => void;
  /** Kiosk-sized buttons (72 px). */
  big?: boolean;
}) {
  const { t } = useTranslation();
  const { seconds, attempt } = usePinLockout();
  const [secret, setSecret] = useState('');
  const [wrong, setWrong] = useState(false);
  const [checking, setChecking] = useState(false);
  const minLength = kind === 'pin' ? 4 : 8;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!check) return;
    setChecking(true);
    const result = await attempt(() => check(secret));
    setChecking(false);
    if (result === 'ok') return onOk();
    setWrong(result === 'wrong');
    setSecret('');
  }
  const button = big ? 'kiosk-big' : 'big';
  return (
    <form role="dialog" aria-labelledby="pin-dialog-title" className="pin-exit" onSubmit={submit}>
      <h2 id="pin-dialog-title">{title}</h2>
      {!check ? (
        <p role="alert" className="error">
          {t('pinDialog.noCode')}
        </p>
      ) : (
        <label className="field">
          <span>{kind === 'pin' ? t('pinDialog.pin') : t('pinDialog.code')}</span>
          <input
            type="password"
            inputMode={kind === 'pin' ? 'numeric' : 'text'}
            autoComplete="off"
            autoCapitalize="off"
            maxLength={kind === 'pin' ? 8 : 32}
            value={secret}
            autoFocus
            onChange={(e) => setSecret(kind === 'pin' ? e.target.value.replace(/\D/g, '') : e.target.value.replace(/[^A-Za-z0-9]/g, ''))}
          />
        </label>
      )}
      <PinAlert seconds={seconds} error={wrong ? (kind === 'pin' ? t('pinDialog.wrongPin') : t('pinDialog.wrongCode')) : null} />
      <div className="form-actions">
        <button type="button" className={button} onClick={onCancel}>
          {t('pinDialog.cancel')}
        </button>
        <button type="submit" className={`${button} primary`} disabled={!check || checking || seconds > 0 || secret.length < minLength}>
          {t('pinDialog.unlock')}
        </button>
      </div>
    </form>
  );
}
