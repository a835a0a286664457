import type { StaffRole } from '../entities';

/**
 * Who may issue a letter that no dossier calls for (thanks, longevity): a leader only, since such a
 * letter speaks for the commune on the leader's own judgement; a dossier's letter any officer issues.
 * Returns null when allowed, else why not (a key under `letters.why`), so a clerk sees the reason.
 */
export function whyNotWithoutDossier(role: StaffRole | undefined): 'leaderOnly' | null {
  return role === 'leader' ? null : 'leaderOnly';
}
