import { createStore } from 'zustand/vanilla';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  lastSuccessAt?: string;
  lastError?: { code: string; message: string };
  /** Ops sent so far in the running sync, for the progress shown while a long backlog drains. */
  progress?: number;
  /** Server clock minus tablet clock, measured at the last answer. */
  clockSkewMs?: number;
  nextAttemptAt?: string;
}

export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;

/** A plain store (no React), so the service worker can run the same sync code. */
export const syncStatus = createStore<SyncStatus>(() => ({ phase: 'idle' }));
