import { SyncScheduler } from '../sync';
import { db } from './db';

let scheduler: SyncScheduler | undefined;

/** One scheduler per page; the Web Lock inside makes it one sync per tablet across tabs. */
export function startSync(): () => void {
  scheduler ??= new SyncScheduler(db);
  return scheduler.start();
}

export function syncNow() {
  return (scheduler ??= new SyncScheduler(db)).syncNow();
}
