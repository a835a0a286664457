import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setUpDevice } from '../db';
import { ApiError, enrollDevice } from '../sync';
import { db } from './db';
import { LanguageSwitch } from './LanguageSwitch';
import { QrScanner } from './QrScanner';

const KNOWN_ERRORS = ['invalid-code', 'code-used-or-expired', 'too-many-attempts'];

/** Shown once, before this tablet knows which commune it serves: enroll with a code, or try the demo. */
export function FirstRun() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const enroll = useCallback(
    async (value: string) => {
      if (!value.trim()) return setError(t('firstRun.errors.empty'));
      setBusy(true);
      setError(null);
      try {
        await enrollDevice(db, value);
      } catch (err) {
        const known = err instanceof ApiError && KNOWN_ERRORS.includes(err.code);
        setError(known ? t(`firstRun.errors.${(err as ApiError).code}`) : t('firstRun.errors.unreachable'));
        setBusy(false);
      }
    },
    [t],
  );

  const onScanned = useCallback(
    (text: string) => {
      setScanning(false);
      setCode(text);
      void enroll(text);
    },
    [enroll],
  );

  async function useDemo() {
    setBusy(true);
    setError(null);
    try {
      // The demo commune and its schema check load only when someone asks for them.
      const { device, config } = await (await import('./demo')).loadDemo();
      await setUpDevice(db, device, config);
    } catch {
      setError(t('firstRun.demoFailed'));
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void enroll(code);
  }

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <LanguageSwitch />
      <h1 id="first-run-title">{t('app.name')}</h1>
      <p className="lead">{t('firstRun.intro')}</p>
      <form onSubmit={submit} className="enroll-form" aria-label={t('firstRun.enrollTitle')}>
        <h2>{t('firstRun.enrollTitle')}</h2>
        <label className="field">
          <span>{t('firstRun.code')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
          />
        </label>
        <div className="form-actions">
          {'mediaDevices' in navigator && (
            <button type="button" onClick={() => setScanning(true)} disabled={busy}>
              {t('firstRun.scan')}
            </button>
          )}
          <button type="submit" className="primary big" disabled={busy}>
            {busy ? t('firstRun.preparing') : t('firstRun.enroll')}
          </button>
        </div>
        {scanning && <QrScanner onCode={onScanned} onCancel={() => setScanning(false)} />}
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="or">{t('firstRun.or')}</p>
      <button type="button" onClick={useDemo} disabled={busy}>
        {t('firstRun.useDemo')}
      </button>
      <p className="admin-link">
        <a href="#/admin">{t('firstRun.adminLink')}</a>
      </p>
    </main>
  );
}

export default FirstRun;
