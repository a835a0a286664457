import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime } from '../domain';
import { countPending, listNeedsAttention, requestPersistence, storageEstimate, type DeviceInfo } from '../db';
import { CLOCK_SKEW_WARNING_MS } from '../sync';
import { useSyncStatus } from './useSyncStatus';
import { db } from './db';
import { syncNow } from './sync';

// useSyncExternalStore reads navigator.onLine again after subscribing, so an `offline` event
// that fires while the bar first renders is not missed.
function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}
const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

const UNITS = ['KB', 'MB', 'GB'] as const;

/**
 * Storage in words a clerk reads: "2,5 MB" in Vietnamese, "2.5 MB" in English, the unit chosen to
 * fit (never "10242.3 MB"). The quota is left out: browsers report a share of the disk, not a promise.
 */
export function formatBytes(bytes: number, language: string): string {
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  return `${number} ${UNITS[unit]}`;
}

/** What everyone should read at a glance: connection, what waits to be sent, last success, trouble. */
export function StatusBar({ device }: { device: DeviceInfo }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const sync = useSyncStatus();
  const pending = useLiveQuery(() => countPending(db), [], 0);
  const attention = useLiveQuery(async () => (await listNeedsAttention(db)).length, [], 0);
  const [storage, setStorage] = useState<{ usage: number; quota: number }>();
  // Refused persistence means the browser may evict pending ops silently: say so, and how to fix it.
  const [notPersisted, setNotPersisted] = useState(false);
  useEffect(() => {
    void requestPersistence().then((granted) => setNotPersisted(granted === false));
  }, []);
  useEffect(() => {
    void storageEstimate().then(setStorage);
  }, [pending]);
  const reachable = online && sync.phase !== 'offline';
  const enrolled = device.mode === 'enrolled';
  const skewed = sync.clockSkewMs !== undefined && Math.abs(sync.clockSkewMs) > CLOCK_SKEW_WARNING_MS;

  return (
    <div className="status-bar no-print">
      <div role="status" aria-label={t('syncBar.label')} className="status-items">
        <span className={reachable ? 'online' : 'offline'}>{reachable ? t('syncBar.online') : t('syncBar.offline')}</span>
        <span className={pending > 0 ? 'pending' : undefined}>{t('syncBar.pending', { count: pending })}</span>
        {enrolled && (
          <span>
            {sync.phase === 'syncing'
              ? t('syncBar.syncing', { count: sync.progress ?? 0 })
              : sync.lastSuccessAt
                ? t('syncBar.lastSync', { at: formatVnDateTime(sync.lastSuccessAt) })
                : t('syncBar.neverSynced')}
          </span>
        )}
        {device.mode === 'demo' && <span className="demo-badge">{t('syncBar.demo')}</span>}
        {storage && <span className="storage">{t('syncBar.storage', { used: formatBytes(storage.usage, i18n.language) })}</span>}
      </div>
      {sync.phase === 'error' && sync.lastError && (
        <p role="alert" className="sync-error">
          {t(`syncErrors.${sync.lastError.code}`, { defaultValue: t('syncErrors.other', { message: sync.lastError.message }) })}
        </p>
      )}
      {notPersisted && (
        <p role="alert" className="sync-error">
          {t('syncBar.notPersisted')}
        </p>
      )}
      {skewed && (
        <p role="alert" className="sync-error">
          {t('syncBar.clockSkew', { minutes: Math.round(Math.abs(sync.clockSkewMs!) / 60_000) })}
        </p>
      )}
      <div className="status-actions">
        {attention > 0 && (
          <a href="#/attention" className="button-link warn">
            {t('syncBar.attention', { count: attention })}
          </a>
        )}
        {enrolled && (
          <button type="button" onClick={() => void syncNow()} disabled={sync.phase === 'syncing'}>
            {t('syncBar.syncNow')}
          </button>
        )}
      </div>
    </div>
  );
}
