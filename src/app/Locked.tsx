import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnyStaffPin, verifyKioskCode, type CommuneConfig } from '../domain';
import { exportUnsyncedOps, runPrivacyUpkeep, type DeviceInfo } from '../db';
import { PinDialog } from './PinDialog';
import { db } from './db';

/** How staff prove who they are on this tablet, offline: a staff PIN, or on a kiosk its code. */
function staffCheck(device: DeviceInfo | undefined, config: CommuneConfig | undefined): ((secret: string) => Promise<boolean>) | undefined {
  if (!config) return undefined;
  if (device?.kind === 'kiosk') {
    const code = config.kioskCode;
    return code && ((secret) => verifyKioskCode(secret, code));
  }
  return (pin) => isAnyStaffPin(pin, config.staff);
}

/**
 * Offer what could not be sent as a file, after a staff PIN: for a revoked tablet, or one that can
 * no longer reach the server. The file holds personal data, so a finder of the tablet gets none.
 */
export function ExportButton({ device, config }: { device?: DeviceInfo; config?: CommuneConfig }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  async function download() {
    setAsking(false);
    const blob = await exportUnsyncedOps(db);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `friendly-desk-unsynced-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
    a.click();
    URL.revokeObjectURL(url);
    setDone(true);
  }
  return (
    <>
      <button type="button" className="primary big" onClick={() => setAsking(true)}>
        {t('locked.export')}
      </button>
      {asking && (
        <PinDialog
          kind={device?.kind === 'kiosk' ? 'code' : 'pin'}
          title={t('locked.export')}
          check={staffCheck(device, config)}
          onOk={() => void download()}
          onCancel={() => setAsking(false)}
        />
      )}
      {done && <p role="status">{t('locked.exported')}</p>}
    </>
  );
}

/** A revoked tablet stops working and keeps only what it has not sent, so nothing recorded on it is lost. */
export function Locked({ device, config }: { device?: DeviceInfo; config?: CommuneConfig }) {
  const { t } = useTranslation();
  // Finishes a wipe that a reload cut short.
  useEffect(() => void runPrivacyUpkeep(db), []);
  return (
    <main className="first-run" aria-labelledby="locked-title">
      <h1 id="locked-title">{t('locked.title')}</h1>
      <p className="lead">{t('locked.explain')}</p>
      <ExportButton device={device} config={config} />
    </main>
  );
}

export default Locked;
