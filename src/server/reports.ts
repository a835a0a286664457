import { communeFigures, EXCLUSION_REASONS, vnDateTime, type CalendarData, type ExclusionReason, type FigureDossier, type FigureSurvey } from '../domain';
import type { Sql } from './sql';
import { homeFigures } from './projections/home';

const iso = (v: string | Date | null) => (v === null ? undefined : new Date(v).toISOString());

/** The commune's figures for dossiers received and surveys answered between two Vietnam dates. */
export async function communeReport(sql: Sql, communeId: string, calendar: CalendarData, from: string, to: string, now: Date) {
  const start = vnDateTime(from, '00:00').toISOString();
  const end = new Date(vnDateTime(to, '00:00').getTime() + 86_400_000).toISOString();
  const [dossiers, surveys, excluded, home] = await Promise.all([
    sql.query<{
      status: string;
      channel: string;
      received_at: string | Date;
      due_at: string | Date;
      processed_at: string | Date | null;
      supplement_periods: { from: string; to?: string }[];
    }>(
      `SELECT status, channel, received_at, due_at, processed_at, supplement_periods FROM dossiers
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
      }),
    ),
    surveys: surveys.rows.map((s) => ({ rating: s.rating, at: iso(s.at)! })),
    calendar,
    from,
    to,
    now,
  });
  const left = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, excluded.rows.find((row) => row.excluded === r)?.n ?? 0]));
  return {
    communeId,
    from,
    to,
    ...figures,
    home,
    excluded: { rate: left.rate, burst: left.burst, backdated: left.backdated, clockAhead: left['clock-ahead'] },
  };
}
