import { FINAL_STATUSES, type DossierState } from '../dossiers/lifecycle';

/** Central settings tablets follow (config part `settings`); these are the defaults when a server sends none. */
export const DEFAULT_RETENTION_DAYS = 90;
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

/** The applicant fields that are personal data beyond the name (PDP Law 2025: kept only while the work needs them). */
export const PERSONAL_FIELDS = ['idNumber', 'phone', 'address'] as const;

/**
 * When a closed dossier that still holds personal fields was closed (its last recorded change);
 * undefined for open dossiers and for those already stripped. The retention sweep reads by this.
 */
export function personalClosedAt(state: Pick<DossierState, 'status' | 'applicant' | 'history'>): string | undefined {
  if (!(FINAL_STATUSES as readonly string[]).includes(state.status)) return undefined;
  if (!PERSONAL_FIELDS.some((f) => state.applicant?.[f] !== undefined)) return undefined;
  let last: string | undefined;
  for (const event of state.history) if (!last || event.at > last) last = event.at;
  return last;
}

/** The instant before which closed dossiers lose their personal fields. */
export function retentionCutoff(retentionDays: number, now: Date): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
}

/**
 * An op's data with the personal fields of a dossier's applicant left out (a receipt's applicant,
 * a correction's changes). Anything else is returned as it is; undefined when nothing changes.
 */
export function stripPersonalData(type: string, data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (type === 'dossier.received') {
    const applicant = data.applicant as Record<string, unknown> | undefined;
    if (!applicant || !PERSONAL_FIELDS.some((f) => f in applicant)) return undefined;
    const kept = Object.fromEntries(Object.entries(applicant).filter(([k]) => !(PERSONAL_FIELDS as readonly string[]).includes(k)));
    return { ...data, applicant: kept };
  }
  if (type === 'dossier.updated') {
    const changes = data.changes as Record<string, unknown> | undefined;
    const personal = PERSONAL_FIELDS.map((f) => `applicant.${f}`);
    if (!changes || !personal.some((f) => f in changes)) return undefined;
    return { ...data, changes: Object.fromEntries(Object.entries(changes).filter(([k]) => !personal.includes(k))) };
  }
  return undefined;
}

/** A survey's data without the citizen's free-text comment (undefined when it has none): kept on no tablet once sent. */
export function withoutComment(type: string, data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (type !== 'survey.submitted' || !('comment' in data)) return undefined;
  const { comment: _comment, ...rest } = data;
  return rest;
}
