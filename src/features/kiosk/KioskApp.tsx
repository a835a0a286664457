import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { surveyRules, verifyKioskCode, type CommuneConfig } from '../../domain';
import type { DeviceInfo } from '../../db';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { setLanguage } from '../../app/i18n';
import { PinDialog } from '../../app/PinDialog';
import { StaffButton } from './StaffButton';
import { SurveyFlow } from './SurveyFlow';
import { surveyStore } from './surveyStore';

// Only staff open the status panel; the citizen's first screen does not wait for it.
const StatusBar = lazy(async () => ({ default: (await import('../../app/StatusBar')).StatusBar }));

/**
 * A kiosk tablet shows only the survey, full screen, after every reload and restart. Staff reach
 * its status (sync, storage) with the kiosk code; citizens cannot reach anything else.
 */
export default function KioskApp({ device, config }: { device: DeviceInfo; config: CommuneConfig }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<'none' | 'pin' | 'staff'>('none');
  const rules = surveyRules(config.survey);
  const kioskCode = config.kioskCode;
  useEffect(() => {
    if (device.mode !== 'enrolled') return;
    // Sync starts right after the first screen is drawn; answers wait safely in IndexedDB meanwhile.
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('../../app/sync').then((m) => {
      if (!cancelled) stop = m.startSync();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [device.mode]);
  useEffect(() => {
    // Comments leave the kiosk as soon as they are sent (upkeep); whole answers after some days.
    const prune = () =>
      void surveyStore().then(async ({ db, pruneSyncedSurveys, runPrivacyUpkeep }) => {
        await runPrivacyUpkeep(db);
        await pruneSyncedSurveys(db, rules.pruneSyncedAfterDays);
      });
    prune();
    const daily = setInterval(prune, 6 * 60 * 60_000);
    return () => clearInterval(daily);
  }, [rules.pruneSyncedAfterDays]);
  // Every citizen starts in Vietnamese, whoever chose English before. Vietnamese is also what the
  // kiosk remembers (its language buttons never remember English), so a reload starts in it too.
  const vietnamese = useCallback(() => void setLanguage('vi'), []);
  useEffect(vietnamese, [vietnamese]);
  // Full screen needs a user gesture: the first touch asks for it.
  useEffect(() => {
    const goFull = () => void document.documentElement.requestFullscreen?.().catch(() => {});
    window.addEventListener('pointerdown', goFull, { once: true });
    return () => window.removeEventListener('pointerdown', goFull);
  }, []);

  if (!config.survey) return <p role="alert">{t('kiosk.noSurvey')}</p>;
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span className="commune-name">{config.commune.name}</span>
        <LanguageSwitch remember={false} />
      </header>
      {panel === 'pin' && (
        // The kiosk code only: a kiosk is a public device and holds no staff PIN hash (issue 12).
        <PinDialog
          big
          kind="code"
          title={t('kiosk.staffOnly')}
          check={kioskCode && ((code) => verifyKioskCode(code, kioskCode))}
          onOk={() => setPanel('staff')}
          onCancel={() => setPanel('none')}
        />
      )}
      {panel === 'staff' ? (
        <main className="page" aria-labelledby="kiosk-staff-title">
          <h1 id="kiosk-staff-title">{t('kiosk.staffPanel')}</h1>
          <Suspense fallback={null}>
            <StatusBar device={device} />
          </Suspense>
          <div className="form-actions">
            <button type="button" className="kiosk-big" onClick={() => void document.exitFullscreen?.().catch(() => {})}>
              {t('kiosk.exitFullscreen')}
            </button>
            <button type="button" className="kiosk-big primary" onClick={() => setPanel('none')}>
              {t('kiosk.backToSurvey')}
            </button>
          </div>
        </main>
      ) : (
        <main className="kiosk-main">
          <SurveyFlow definition={config.survey} communeCode={config.commune.code} onNewCitizen={vietnamese} />
        </main>
      )}
      <StaffButton onClick={() => setPanel('pin')} />
    </div>
  );
}
