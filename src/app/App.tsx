import { lazy, Suspense } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getCommuneConfig, getDevice } from '../db';
import { db } from './db';
import { FirstRun } from './FirstRun';
import { Locked } from './Locked';
import { Shell } from './Shell';
import { useHashPath } from './router';

// The central dashboard is for the province's browser, not the tablets: loaded only when opened.
const AdminApp = lazy(() => import('../features/admin/AdminApp'));

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
  return <Shell device={setup.device} config={setup.config} />;
}
