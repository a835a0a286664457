import { useLiveQuery } from 'dexie-react-hooks';
import type { CommuneConfig, HomeClient, HomeVisit } from '../../domain';
import { db } from '../../app/db';

export type Missing = 'client' | 'dossier' | 'procedure' | 'letter';

/**
 * What a planned visit needs that is not on this tablet (the person, the dossier to return, the
 * procedure to receive, the letter to hand over): the officer sees it before leaving the office,
 * while a sync can still fix it.
 */
export function useReadiness(visit: HomeVisit, client: HomeClient | undefined, config: CommuneConfig): Missing[] {
  const hasDossier = useLiveQuery(async () => !visit.dossierId || (await db.dossiers.get(visit.dossierId)) !== undefined, [visit.dossierId], true);
  const hasLetter = useLiveQuery(async () => !visit.letterId || (await db.letters.get(visit.letterId)) !== undefined, [visit.letterId], true);
  const missing: Missing[] = [];
  if (!client) missing.push('client');
  if (!hasDossier) missing.push('dossier');
  if (visit.procedureId && !config.procedures.some((p) => p.id === visit.procedureId)) missing.push('procedure');
  if (!hasLetter) missing.push('letter');
  return missing;
}
