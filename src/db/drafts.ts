import type { FriendlyDeskDB } from './database';

/**
 * Unfinished forms kept on the tablet, one per form and officer, so a half-filled intake survives
 * a tap on another page, a reload or an idle lock. They hold what the clerk typed (names, ID
 * numbers): counter and mobile tablets only, and dropped as soon as the dossier is received or
 * the clerk discards the draft.
 */
const keyOf = (form: string, staffId: string) => `draft:${form}:${staffId}`;

export async function loadDraft<T>(db: FriendlyDeskDB, form: string, staffId: string): Promise<T | undefined> {
  return (await db.meta.get(keyOf(form, staffId)))?.value as T | undefined;
}

export async function saveDraft<T>(db: FriendlyDeskDB, form: string, staffId: string, value: T): Promise<void> {
  await db.meta.put({ key: keyOf(form, staffId), value });
}

export async function discardDraft(db: FriendlyDeskDB, form: string, staffId: string): Promise<void> {
  await db.meta.delete(keyOf(form, staffId));
}

/** Every officer's drafts at once: a revoked tablet keeps no half-typed personal data. */
export async function discardAllDrafts(db: FriendlyDeskDB): Promise<void> {
  await db.meta.where('key').startsWith('draft:').delete();
}
