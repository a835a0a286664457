import { lazy, Suspense } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getCommuneConfig, getDevice } from '../db';
import { db } from './db';
import { FirstRun } from './FirstRun';
import { Locked } from './Locked';
import { useHashPath } from './router';

// Each kind of screen loads its own code: a kiosk never downloads the counter, a tablet never the
// central dashboard. The service worker precaches them all, so this costs nothing offline.
const AdminApp = lazy(() => import('../features/admin/AdminApp'));
const Shell = lazy(() => import('./Shell'));
const KioskApp = lazy(() => import('../features/kiosk/KioskApp'));

export function App() {
  const { t } = useTranslation();
  const path = useHashPath();
  const setup = useLiveQuery(
    async () => ({
      device: await getDevice(db),
      config: await getCommuneConfig(db),
      revoked: Boolean((await db.meta.get('revoked'))?.value),
    }),
    [],
  );
  const loading = <p role="status" className="loading">{t('app.loading')}</p>;
  if (path.startsWith('/admin')) return <Suspense fallback={loading}><AdminApp /></Suspense>;
  if (!setup) return loading;
  if (setup.revoked) return <Locked />;
  if (!setup.device || !setup.config) return <FirstRun />;
  return (
    <Suspense fallback={loading}>
      {setup.device.kind === 'kiosk' ? <KioskApp device={setup.device} config={setup.config} /> : <Shell device={setup.device} config={setup.config} />}
    </Suspense>
  );
}
