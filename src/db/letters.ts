import {
  compareOps,
  letterDoneAt,
  LETTER_PERSONAL_FIELDS,
  retentionCutoff,
  stripLetterPersonalData,
  type DeliveryMethod,
  type LetterIssuedData,
  type LetterKind,
} from '../domain';
import type { FriendlyDeskDB, StoredOp } from './database';
import { stripSyncedOps } from './strip';
import { sentThrough } from './sent';

// The letters table (declared by version 1): one row per issued letter, with its delivery.

export interface LetterRow {
  id: string;
  kind: LetterKind;
  templateId: string;
  templateVersion?: number;
  dossierId?: string;
  /** The home client a letter without a dossier is for (a longevity letter). */
  clientId?: string;
  /** The recipient, the occasion and the text leave the tablet under the retention rule (privacy.ts). */
  recipientName?: string;
  occasion?: string;
  /** The merged text as printed. */
  body?: string;
  staffId: string;
  issuedAt: string;
  delivered?: { at: string; staffId: string; method?: DeliveryMethod };
}

/**
 * Re-derive a letter from the ops this tablet holds for it: the first `letter.issued` (by HLC) is
 * the letter, the first `letter.delivered` its delivery (a letter is delivered once; a second
 * delivery recorded on another tablet stays in the op log). The app gives both ops the letter's id
 * as entity id; an outside client may not, so deliveries naming the letter by `letterId` are read
 * too (a commune delivers a few letters a day: the type index holds few).
 */
export async function refreshLetter(db: FriendlyDeskDB, letterId: string): Promise<void> {
  const [own, named] = await Promise.all([
    db.ops.where('entityId').equals(letterId).toArray(),
    db.ops
      .where('type')
      .equals('letter.delivered')
      .filter((op) => op.entityId !== letterId && op.data.letterId === letterId)
      .toArray(),
  ]);
  const ops = [...own, ...named].sort(compareOps);
  const issued = ops.find((op) => op.type === 'letter.issued');
  if (!issued) return; // a delivery pulled before its letter: projected when the letter arrives
  // After the retention sweep the op no longer holds the recipient's name or the text.
  const d = issued.data as Partial<LetterIssuedData> & Pick<LetterIssuedData, 'kind' | 'templateId' | 'staffId'>;
  const row: LetterRow = {
    id: letterId,
    kind: d.kind,
    templateId: d.templateId,
    staffId: d.staffId,
    issuedAt: issued.at,
    ...(d.recipientName !== undefined ? { recipientName: d.recipientName } : {}),
    ...(d.body !== undefined ? { body: d.body } : {}),
    ...(d.templateVersion ? { templateVersion: d.templateVersion } : {}),
    ...(d.dossierId ? { dossierId: d.dossierId } : {}),
    ...(d.clientId ? { clientId: d.clientId } : {}),
    ...(d.occasion ? { occasion: d.occasion } : {}),
  };
  const delivery = ops.find((op) => op.type === 'letter.delivered' && op.data.letterId === letterId);
  if (delivery) {
    const { deliveredAt, staffId, method } = delivery.data as { deliveredAt: string; staffId: string; method?: DeliveryMethod };
    row.delivered = { at: deliveredAt, staffId, ...(method ? { method } : {}) };
  }
  await db.letters.put(row);
}

/** The projectors of `letter.issued` and `letter.delivered` (see projections.ts). */
export const projectLetterIssued = (db: FriendlyDeskDB, op: StoredOp) => refreshLetter(db, op.entityId);
export const projectLetterDelivered = (db: FriendlyDeskDB, op: StoredOp) =>
  typeof op.data.letterId === 'string' ? refreshLetter(db, op.data.letterId) : Promise.resolve();

/** Every letter, newest first (a commune issues a few a day: the whole table is small). */
export async function listLetters(db: FriendlyDeskDB): Promise<LetterRow[]> {
  return (await db.letters.toArray()).sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1));
}

export async function lettersOfDossier(db: FriendlyDeskDB, dossierId: string): Promise<LetterRow[]> {
  return db.letters.where('dossierId').equals(dossierId).toArray();
}

/**
 * The retention rule (DESIGN.md › Security) for letters: a letter delivered (or, undelivered, whose
 * dossier closed) longer than `retentionDays` ago loses its recipient's name, the occasion and the
 * text from this tablet's synced ops and, by projecting again, from the letters table. Kind, dates,
 * dossier and delivery stay, so the letters list and the figures do not change. A letter with an
 * unsent op keeps everything until it is sent. A commune issues a few letters a day: one read of
 * the table, and only rows still holding the recipient's data are looked at.
 */
export async function sweepLetterRetention(db: FriendlyDeskDB, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(retentionDays, now);
  const holding = await db.letters.filter((l) => LETTER_PERSONAL_FIELDS.some((f) => l[f] !== undefined)).toArray();
  const dossiers = new Map((await db.dossiers.bulkGet([...new Set(holding.flatMap((l) => l.dossierId ?? []))])).flatMap((d) => (d ? [[d.id, d]] : [])));
  const stale = holding.filter((l) => {
    const done = letterDoneAt(l, l.dossierId ? dossiers.get(l.dossierId) : undefined);
    return done !== undefined && done < cutoff;
  });
  const through = await sentThrough(db);
  let swept = 0;
  for (const letter of stale) {
    swept += await db.transaction('rw', db.ops, db.letters, async () => {
      if (!(await stripSyncedOps(db, letter.id, stripLetterPersonalData, through))) return 0;
      await refreshLetter(db, letter.id);
      return 1;
    });
  }
  return swept;
}
