import { liveQuery } from 'dexie';
import { getSetup, type Setup } from '../db';
import { db } from './db';

/** Follow the tablet's setup in the database: enrollment, config updates, revocation. */
export function watchSetup(onChange: (setup: Setup) => void): () => void {
  const subscription = liveQuery(() => getSetup(db)).subscribe({ next: onChange });
  return () => subscription.unsubscribe();
}
