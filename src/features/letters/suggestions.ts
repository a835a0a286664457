import { longevityDue, suggestedKinds, triggeredKinds, vnYear, type CommuneConfig, type HomeClient, type LetterKind } from '../../domain';
import type { DossierRow, FriendlyDeskDB, LetterRow } from '../../db';

/** How far back the letters list looks for dossiers that call for a letter. */
const LOOK_BACK_DAYS = 90;

export interface Suggestion {
  dossier: DossierRow;
  kind: LetterKind;
}

/** The letters a dossier calls for and has not had yet. */
export function suggestionsFor(dossier: DossierRow, letters: LetterRow[], config: CommuneConfig, now: Date): LetterKind[] {
  const procedure = config.procedures.find((p) => p.id === dossier.procedureId);
  const triggered = triggeredKinds(dossier, procedure?.letterKind, config.calendar, now);
  return suggestedKinds(triggered, letters.filter((l) => l.dossierId === dossier.id).map((l) => l.kind));
}

/** "Suggested, not issued": dossiers of the last 90 days whose letter is still to be written. */
export async function listSuggestions(db: FriendlyDeskDB, config: CommuneConfig, now = new Date()): Promise<Suggestion[]> {
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const [dossiers, letters] = await Promise.all([
    db.dossiers.where('receivedAt').aboveOrEqual(since).reverse().toArray(),
    db.letters.where('dossierId').aboveOrEqual('').toArray(),
  ]);
  return dossiers.flatMap((dossier) => suggestionsFor(dossier, letters, config, now).map((kind) => ({ dossier, kind })));
}

export interface LongevitySuggestion {
  client: HomeClient;
  /** The age the person turns this year. */
  age: number;
}

/** People on the home list turning 70, 75 … 95, 100+ this year who have had no longevity letter this year. */
export async function listLongevity(db: FriendlyDeskDB, now = new Date()): Promise<LongevitySuggestion[]> {
  const [clients, letters] = await Promise.all([db.homeClients.toArray(), db.letters.toArray()]);
  const byId = new Map(clients.map((c) => [c.id, c]));
  return longevityDue(clients, letters, vnYear(now)).map(({ clientId, age }) => ({ client: byId.get(clientId)!, age }));
}
