import { Workbox } from 'workbox-window';
import { create } from 'zustand';

interface UpdateStore {
  /** A new version is installed and waiting for the user's go-ahead. */
  waiting: boolean;
  apply: () => void;
  check: () => Promise<void>;
}

export const useUpdate = create<UpdateStore>(() => ({
  waiting: false,
  apply: () => {},
  check: async () => {},
}));

const HOURLY = 60 * 60 * 1000;

/**
 * Register our service worker. A new version never takes over on its own: it waits
 * until the user presses "Update", which the UI only offers when no form holds unsaved input.
 * Local data lives in IndexedDB, which an update never touches.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  const check = async () => {
    try {
      await wb.update();
    } catch {
      /* offline: try again later */
    }
  };
  wb.addEventListener('waiting', () => {
    useUpdate.setState({
      waiting: true,
      apply: () => {
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  useUpdate.setState({ check });
  void wb.register();
  setInterval(check, HOURLY);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
}
