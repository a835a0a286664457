import { SURVEY_RATE_LIMIT, SURVEY_RATE_WINDOW_MS } from '../../domain';
import { jsonText, type Column } from '../rows';
import type { IncomingOp } from '../stored-op';

type SurveyData = { rating: string; criteria?: unknown; answers?: unknown; comment?: string; dossierCode?: string; flags?: string[] };

/** The surveys report rows: one per answer, with why it is left out of the figures, if it is. */
export const SURVEY_COLUMNS: Column<IncomingOp>[] = [
  { name: 'op_id', type: 'uuid', of: ({ op }) => op.opId },
  { name: 'rating', type: 'text', of: ({ op }) => (op.data as SurveyData).rating },
  { name: 'criteria', type: 'jsonb', of: ({ op }) => jsonText((op.data as SurveyData).criteria) },
  // Yes/no answers: those to questions naming a checklist item are citizens' checks of it.
  { name: 'answers', type: 'jsonb', of: ({ op }) => jsonText((op.data as SurveyData).answers) },
  { name: 'dossier_code', type: 'text', of: ({ op }) => (op.data as SurveyData).dossierCode ?? null },
  // The citizen's comment, for the leaders' list of comments (GET …/reports/comments).
  { name: 'comment', type: 'text', of: ({ op }) => (op.data as SurveyData).comment ?? null },
  { name: 'flags', type: 'jsonb', of: ({ op }) => jsonText((op.data as SurveyData).flags) },
  { name: 'at', type: 'timestamptz', of: ({ op }) => op.at },
  { name: 'excluded', type: 'text', of: ({ excluded }) => excluded },
];

export const surveysOf = (fresh: IncomingOp[]) => fresh.filter(({ op }) => op.type === 'survey.submitted');

/**
 * Stuffing (DESIGN.md › Server rules, 1.1): a kiosk's own `burst` flag, and answers past the rate
 * within any window, counting `earlier` (the times of the device's stored answers near the batch's).
 */
export function markSurveyExclusions(surveys: IncomingOp[], earlier: number[]): void {
  for (const f of surveys) if (!f.excluded && (f.op.data as SurveyData).flags?.includes('burst')) f.excluded = 'burst';
  const events = [...earlier.map((t) => ({ t, f: null as IncomingOp | null })), ...surveys.map((f) => ({ t: Date.parse(f.op.at), f }))].sort((a, b) => a.t - b.t);
  let from = 0;
  events.forEach((e, i) => {
    while (events[from].t <= e.t - SURVEY_RATE_WINDOW_MS) from++;
    if (e.f && !e.f.excluded && i - from + 1 > SURVEY_RATE_LIMIT) e.f.excluded = 'rate';
  });
}
