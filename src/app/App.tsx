import { lazy, Suspense, type ComponentType } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getCommuneConfig, getDevice } from '../db';
import { db } from './db';
import { loadStrings, type StringPart } from './i18n';
import { useHashPath } from './router';

// Each kind of screen loads its own code: a kiosk never downloads the counter, a tablet never the
// central dashboard. The service worker precaches them all, so this costs nothing offline.
/** A screen's code and its strings, loaded together. */
// `any` props: React.lazy takes any component type.
function screen<T extends ComponentType<any>>(load: () => Promise<{ default: T }>, ...parts: StringPart[]) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), ...parts.map(loadStrings)]);
    return module;
  });
}
const AdminApp = screen(() => import('../features/admin/AdminApp'), 'admin');
const Shell = screen(() => import('./Shell'), 'counter', 'kiosk');
const KioskApp = screen(() => import('../features/kiosk/KioskApp'), 'kiosk');
const FirstRun = screen(() => import('./FirstRun'));
const Locked = screen(() => import('./Locked'));

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
  return (
    <Suspense fallback={loading}>
      {setup.revoked ? (
        <Locked />
      ) : !setup.device || !setup.config ? (
        <FirstRun />
      ) : setup.device.kind === 'kiosk' ? (
        <KioskApp device={setup.device} config={setup.config} />
      ) : (
        <Shell device={setup.device} config={setup.config} />
      )}
    </Suspense>
  );
}
