import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { surveyRules, type CommuneConfig } from '../../domain';
import { pruneSyncedSurveys, type DeviceInfo } from '../../db';
import { db } from '../../app/db';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { StatusBar } from '../../app/StatusBar';
import { startSync } from '../../app/sync';
import { PinExit } from './PinExit';
import { SurveyFlow } from './SurveyFlow';

/**
 * A kiosk tablet shows only the survey, full screen, after every reload and restart. Staff reach
 * its status (sync, storage) with a PIN; citizens cannot reach anything else.
 */
export default function KioskApp({ device, config }: { device: DeviceInfo; config: CommuneConfig }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<'none' | 'pin' | 'staff'>('none');
  const rules = surveyRules(config.survey);
  useEffect(() => (device.mode === 'enrolled' ? startSync() : undefined), [device.mode]);
  useEffect(() => {
    void pruneSyncedSurveys(db, rules.pruneSyncedAfterDays);
    const daily = setInterval(() => void pruneSyncedSurveys(db, rules.pruneSyncedAfterDays), 6 * 60 * 60_000);
    return () => clearInterval(daily);
  }, [rules.pruneSyncedAfterDays]);
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
        <LanguageSwitch />
        <button type="button" className="kiosk-staff" onClick={() => setPanel('pin')}>
          {t('kiosk.staffButton')}
        </button>
      </header>
      {panel === 'pin' && <PinExit pins={config.staffPins ?? config.staff} onOk={() => setPanel('staff')} onCancel={() => setPanel('none')} />}
      {panel === 'staff' ? (
        <main className="page" aria-labelledby="kiosk-staff-title">
          <h1 id="kiosk-staff-title">{t('kiosk.staffPanel')}</h1>
          <StatusBar device={device} />
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
          <SurveyFlow definition={config.survey} />
        </main>
      )}
    </div>
  );
}
