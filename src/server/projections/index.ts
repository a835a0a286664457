import type { Op, OpType } from '../../domain';
import type { Sql } from '../sql';
import { insertChecklistRecords } from './checklists';
import { refoldHome } from './home';
import { projectLetters } from './letters';

/**
 * Append-only report rows written after a batch's ops are stored, one line per op type: each
 * writer gets the batch's stored ops of its type that count for the figures (one statement each,
 * and none when the batch has no op of that type). Dossiers and surveys are written inside the
 * push's own statement (see oplog.ts), being in nearly every batch.
 */
const APPENDED: Partial<Record<OpType, (tx: Sql, communeId: string, ops: Op[]) => Promise<void>>> = {
  'checklist.recorded': insertChecklistRecords,
  'letter.issued': projectLetters,
  'letter.delivered': projectLetters,
  // Home clients and visits are folded again from all their ops (updates merge field by field).
  'home.client-registered': refoldHome,
  'home.client-updated': refoldHome,
  'home.visit-planned': refoldHome,
  'home.visit-completed': refoldHome,
};

export async function writeAppendedRows(tx: Sql, communeId: string, applied: Op[]): Promise<void> {
  for (const [type, write] of Object.entries(APPENDED)) {
    const ops = applied.filter((op) => op.type === type);
    if (ops.length > 0) await write(tx, communeId, ops);
  }
}
