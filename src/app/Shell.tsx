import { Suspense, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { CommuneConfig } from '../domain';
import { isSurveyMode, runPrivacyUpkeep, type DeviceInfo } from '../db';
import { SignIn } from './SignIn';
import { StaffRoutes, SurveyMode } from './staffScreens';
import { useSession } from './stores';
import { LanguageSwitch } from './LanguageSwitch';
import { StatusBar } from './StatusBar';
import { UpdatePrompt } from './UpdatePrompt';
import { startSync } from './sync';
import { db } from './db';
import { idleLockMinutes, useIdleLock } from './useIdleLock';

export default function Shell({ device, config }: { device: DeviceInfo; config: CommuneConfig }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const signOut = useSession((s) => s.signOut);
  useEffect(() => (device.mode === 'enrolled' ? startSync() : undefined), [device.mode]);
  // At start as well as after each sync: a tablet that stayed offline still lets old data go.
  useEffect(() => void runPrivacyUpkeep(db), []);
  const surveyMode = useLiveQuery(() => isSurveyMode(db), [], false);
  // Survey mode has its own lock (a staff PIN to leave it); the idle lock guards the staff screens.
  useIdleLock(Boolean(staff) && !surveyMode, idleLockMinutes(config), signOut);
  if (surveyMode) {
    return (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <SurveyMode config={config} />
      </Suspense>
    );
  }

  return (
    <div className="shell">
      <header className="app-header no-print">
        <div className="brand">
          <span className="app-name">{t('app.name')}</span>
          <span className="commune-name">{config.commune.name}</span>
        </div>
        <div className="header-actions">
          {staff && (
            <>
              <span className="staff-name" aria-label={t('signIn.signedInAs', { name: staff.name })}>
                {staff.name}
              </span>
              <button type="button" onClick={signOut}>
                {t('signIn.signOut')}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <UpdatePrompt />
      <StatusBar device={device} />
      {staff ? (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <StaffRoutes config={config} />
        </Suspense>
      ) : (
        <SignIn staff={config.staff} />
      )}
    </div>
  );
}
