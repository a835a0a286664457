import {
  communeFigures,
  EXCLUSION_REASONS,
  letterFigures,
  suggestedKinds,
  triggeredKinds,
  vnDateTime,
  type CalendarData,
  type CommuneConfig,
  type ExclusionReason,
  type FigureDossier,
  type FigureSurvey,
  type LetterKind,
  type SurveyDefinition,
} from '../domain';
import type { Sql } from './sql';
import { checklistBlock } from './projections/checklists';
import { homeFigures } from './projections/home';

const iso = (v: string | Date | null) => (v === null ? undefined : new Date(v).toISOString());

/**
 * The commune's figures for dossiers received, surveys answered and letters issued between two
 * Vietnam dates. The procedures say which letter each registration calls for.
 */
export async function communeReport(
  sql: Sql,
  communeId: string,
  config: { calendar: CalendarData; survey: SurveyDefinition | null; procedures: CommuneConfig['procedures'] },
  from: string,
  to: string,
  now: Date,
) {
  const { calendar, survey } = config;
  const start = vnDateTime(from, '00:00').toISOString();
  const end = new Date(vnDateTime(to, '00:00').getTime() + 86_400_000).toISOString();
  const [dossiers, surveys, excluded, checklists, letters, dossierLetters, home] = await Promise.all([
    sql.query<{
      id: string;
      procedure_id: string | null;
      extended: boolean;
      supplement_requests: number;
      status: string;
      channel: string;
      received_at: string | Date;
      due_at: string | Date;
      processed_at: string | Date | null;
      supplement_periods: { from: string; to?: string }[];
    }>(
      `SELECT id, procedure_id, extended, supplement_requests, status, channel, received_at, due_at, processed_at, supplement_periods FROM dossiers
        WHERE commune_id = $1 AND received_at >= $2 AND received_at < $3`,
      [communeId, start, end],
    ),
    // One answer per dossier: the first one counts; answers not linked to a dossier all count.
    sql.query<{ rating: FigureSurvey['rating']; at: string | Date }>(
      `SELECT DISTINCT ON (COALESCE(dossier_code, op_id::text)) rating, at FROM surveys
        WHERE commune_id = $1 AND at >= $2 AND at < $3 AND excluded IS NULL ORDER BY COALESCE(dossier_code, op_id::text), at`,
      [
        communeId,
        start,
        end,
      ],
    ),
    // What was left out, and why: ops dated in the period, or received by the server in it (a
    // clock a year ahead dates its ops outside any period the admin would look at).
    sql.query<{ excluded: ExclusionReason; n: number }>(
      `SELECT excluded, count(*)::int AS n FROM ops
        WHERE commune_id = $1 AND excluded IS NOT NULL
          AND ((at::timestamptz >= $2 AND at::timestamptz < $3) OR (received_at >= $2 AND received_at < $3))
        GROUP BY excluded`,
      [communeId, start, end],
    ),
    checklistBlock(sql, communeId, survey, from, to, start, end),
    sql.query<{ kind: LetterKind; issued_at: string | Date; delivered_at: string | Date | null }>(
      `SELECT kind, issued_at, delivered_at FROM letters WHERE commune_id = $1 AND issued_at >= $2 AND issued_at < $3`,
      [communeId, start, end],
    ),
    // The letters the period's dossiers already had, whenever they were issued.
    sql.query<{ dossier_id: string; kind: LetterKind }>(
      `SELECT l.dossier_id, l.kind FROM letters l JOIN dossiers d ON d.id = l.dossier_id
        WHERE d.commune_id = $1 AND l.commune_id = $1 AND d.received_at >= $2 AND d.received_at < $3 AND l.issued_at IS NOT NULL`,
      [communeId, start, end],
    ),
    homeFigures(sql, communeId, from, to),
  ]);
  const figures = communeFigures({
    dossiers: dossiers.rows.map(
      (d): FigureDossier => ({
        status: d.status as FigureDossier['status'],
        channel: d.channel as FigureDossier['channel'],
        receivedAt: iso(d.received_at)!,
        dueAt: iso(d.due_at)!,
        processedAt: iso(d.processed_at),
        supplementPeriods: d.supplement_periods ?? [],
        supplementRequests: d.supplement_requests,
      }),
    ),
    surveys: surveys.rows.map((s) => ({ rating: s.rating, at: iso(s.at)! })),
    calendar,
    from,
    to,
    now,
  });
  // Letters the period's dossiers called for (their procedure, an extension, lateness) and never had.
  const letterKindOf = new Map(config.procedures.map((p) => [p.id, p.letterKind]));
  const issuedFor = new Map<string, LetterKind[]>();
  for (const l of dossierLetters.rows) issuedFor.set(l.dossier_id, [...(issuedFor.get(l.dossier_id) ?? []), l.kind]);
  const suggested = dossiers.rows.flatMap((d) => {
    const state = {
      status: d.status as FigureDossier['status'],
      dueAt: iso(d.due_at)!,
      extended: d.extended,
      processedAt: iso(d.processed_at),
      supplementPeriods: d.supplement_periods ?? [],
      supplementRequests: d.supplement_requests,
    };
    const triggered = triggeredKinds(state, letterKindOf.get(d.procedure_id ?? ''), calendar, now);
    return suggestedKinds(triggered, issuedFor.get(d.id) ?? []);
  });
  const letterBlock = letterFigures({
    letters: letters.rows.map((l) => ({ kind: l.kind, issuedAt: iso(l.issued_at)!, deliveredAt: iso(l.delivered_at) })),
    suggested,
    from,
    to,
  });
  const left = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, excluded.rows.find((row) => row.excluded === r)?.n ?? 0]));
  return {
    communeId,
    from,
    to,
    ...figures,
    letters: letterBlock,
    home,
    excluded: { rate: left.rate, burst: left.burst, backdated: left.backdated, clockAhead: left['clock-ahead'] },
    checklists,
  };
}
