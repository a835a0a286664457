import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnyStaffPin, type CommuneConfig } from '../../domain';
import { PinDialog } from '../../app/PinDialog';
import { StaffButton } from './StaffButton';
import { SurveyFlow } from './SurveyFlow';
import { setSurveyMode } from '../../db';
import { db } from '../../app/db';

/**
 * A counter or mobile tablet handed to the citizen: the same survey, locked. It stays locked
 * through a reload, and returns to the staff screen only with a staff PIN.
 */
export default function SurveyMode({ config }: { config: CommuneConfig }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!config.survey) return <p role="alert">{t('kiosk.noSurvey')}</p>;
  return (
    <div className="kiosk survey-mode">
      <header className="kiosk-header">
        <span className="commune-name">{config.commune.name}</span>
      </header>
      {asking && (
        // The officer was signed out on the way in: leaving goes back to the sign-in screen.
        <PinDialog
          big
          kind="pin"
          title={t('kiosk.staffOnly')}
          check={(pin) => isAnyStaffPin(pin, config.staff)}
          onOk={() => void setSurveyMode(db, false)}
          onCancel={() => setAsking(false)}
        />
      )}
      <main className="kiosk-main">
        <SurveyFlow definition={config.survey} communeCode={config.commune.code} />
      </main>
      <StaffButton onClick={() => setAsking(true)} />
    </div>
  );
}
