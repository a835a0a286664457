import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Setup } from '../db/setup';
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
const AdminApp = screen(() => import('../features/admin/AdminApp'), 'admin', 'figures');
const Shell = screen(() => import('./Shell'), 'counter', 'kiosk', 'home');
const KioskApp = screen(() => import('../features/kiosk/KioskApp'), 'kiosk');
const FirstRun = screen(() => import('./FirstRun'));
const Locked = screen(() => import('./Locked'));

/**
 * Follows the tablet's setup in the database (enrollment, config updates, revocation). It sits
 * beside the screen inside the same Suspense boundary, so Dexie starts loading only once the
 * screen is drawn: a kiosk's first screen never waits for the storage library.
 */
function FollowSetup({ onChange }: { onChange: (setup: Setup) => void }) {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('./setupLive').then(({ watchSetup }) => {
      if (!cancelled) stop = watchSetup(onChange);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [onChange]);
  return null;
}

/** `initialSetup`: what readSetupWithoutDexie found at start, if it could tell. */
export function App({ initialSetup }: { initialSetup?: Setup }) {
  const { t } = useTranslation();
  const path = useHashPath();
  const [setup, setSetup] = useState(initialSetup);
  const loading = <p role="status" className="loading">{t('app.loading')}</p>;
  if (path.startsWith('/admin')) return <Suspense fallback={loading}><AdminApp /></Suspense>;
  return (
    <Suspense fallback={loading}>
      {!setup ? (
        loading
      ) : setup.revoked ? (
        <Locked device={setup.device} config={setup.config} />
      ) : !setup.device || !setup.config ? (
        <FirstRun />
      ) : setup.device.kind === 'kiosk' ? (
        <KioskApp device={setup.device} config={setup.config} />
      ) : (
        <Shell device={setup.device} config={setup.config} />
      )}
      <FollowSetup onChange={setSetup} />
    </Suspense>
  );
}
