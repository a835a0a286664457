import { liveQuery } from 'dexie';
import { countPending, type FriendlyDeskDB } from '../db';
import { backoffDelay } from './backoff';
import { syncOnce, type SyncResult } from './engine';
import { syncStatus } from './status';

export const PENDING_INTERVAL_MS = 30_000;
/** A short pause after a change, so a burst of changes goes out as one batch. */
const SOON_MS = 2_000;

/**
 * Runs sync on every trigger DESIGN.md names: start, `online`, tab visible, an interval while ops
 * are pending, "Sync now", and the service worker's background sync. Failures back off with jitter.
 */
export class SyncScheduler {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<SyncResult> | undefined;
  private stopped = false;

  constructor(
    private readonly db: FriendlyDeskDB,
    private readonly baseUrl = '',
  ) {}

  start(): () => void {
    const kick = () => void this.syncNow();
    const onVisible = () => document.visibilityState === 'visible' && kick();
    window.addEventListener('online', kick);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('message', (e) => e.data?.type === 'sync-requested' && kick());
    void this.db.meta.get('lastSyncAt').then((row) => row && syncStatus.setState({ lastSuccessAt: row.value as string }));
    // A change recorded while online goes out within seconds, not at the next interval.
    let lastPending = 0;
    const watch = liveQuery(() => countPending(this.db)).subscribe((pending) => {
      if (pending > lastPending && navigator.onLine && !this.running) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.syncNow(), SOON_MS);
      }
      lastPending = pending;
    });
    kick();
    return () => {
      this.stopped = true;
      watch.unsubscribe();
      clearTimeout(this.timer);
      window.removeEventListener('online', kick);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  /** Sync now; concurrent calls share one run. */
  syncNow(): Promise<SyncResult> {
    if (this.running) return this.running;
    clearTimeout(this.timer);
    this.running = syncOnce(this.db, this.baseUrl).then(async (result) => {
      this.running = undefined;
      await this.scheduleNext(result);
      return result;
    });
    return this.running;
  }

  private async scheduleNext(result: SyncResult) {
    if (this.stopped) return;
    if (result.ok) this.attempt = 0;
    else this.attempt++;
    const pending = await countPending(this.db);
    if (result.ok && pending === 0) {
      // Nothing waiting: a periodic pull keeps the other tablets' work arriving.
      this.timer = setTimeout(() => void this.syncNow(), PENDING_INTERVAL_MS * 4);
      return;
    }
    const delay = result.ok ? PENDING_INTERVAL_MS : backoffDelay(this.attempt);
    syncStatus.setState({ nextAttemptAt: new Date(Date.now() + delay).toISOString() });
    this.timer = setTimeout(() => void this.syncNow(), delay);
    if (!result.ok) void requestBackgroundSync();
  }
}

/** Where the browser has Background Sync, let the service worker push even after the tab is closed. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = (await navigator.serviceWorker?.ready) as ServiceWorkerRegistration & {
      sync?: { register: (tag: string) => Promise<void> };
    };
    await reg?.sync?.register('friendly-desk-push');
  } catch {
    /* not supported or not allowed: the interval and the online event still cover it */
  }
}

