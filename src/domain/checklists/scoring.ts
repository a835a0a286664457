import { addDaysToKey, vnWeekday } from '../time';
import type { SurveyDefinition } from '../surveys/definition';
import type { CheckMode, ChecklistRecordedData } from './ops';

/** A `checklist.recorded` with the 1.0 gaps filled: no mode is a self-check, ticked by the officer. */
export interface ChecklistRecord {
  id: string;
  templateId: string;
  templateVersion: number;
  staffId: string;
  checkedBy: string;
  mode: CheckMode;
  date: string;
  dossierId?: string;
  items: Record<string, boolean>;
  skipped: boolean;
  at: string;
}

export function checklistRecord(id: string, at: string, data: ChecklistRecordedData): ChecklistRecord {
  return {
    id,
    at,
    templateId: data.templateId,
    templateVersion: data.templateVersion,
    staffId: data.staffId,
    checkedBy: data.checkedBy ?? data.staffId,
    mode: data.mode ?? 'self',
    date: data.date,
    ...(data.dossierId ? { dossierId: data.dossierId } : {}),
    items: data.items,
    skipped: data.skipped === true,
  };
}

export interface Tally {
  /** Answers given about the item. */
  checks: number;
  /** Of them, "held". */
  yes: number;
}

/** yes / checks, or null when nobody answered: a rate of nothing is not 0 %. */
export const rate = (t: Tally): number | null => (t.checks ? t.yes / t.checks : null);

/** One record's score: a skipped check scores nothing (it is not a check that failed). */
export function recordScore(r: Pick<ChecklistRecord, 'items' | 'skipped'>): Tally {
  if (r.skipped) return { checks: 0, yes: 0 };
  const answers = Object.values(r.items);
  return { checks: answers.length, yes: answers.filter(Boolean).length };
}

/** `"<templateId>/<itemId>"`, as a survey question names the item it asks about. Item ids have no slash. */
export function parseItemRef(ref: string): { templateId: string; itemId: string } | null {
  const cut = ref.lastIndexOf('/');
  if (cut <= 0 || cut === ref.length - 1) return null;
  return { templateId: ref.slice(0, cut), itemId: ref.slice(cut + 1) };
}

/** A citizen's yes/no to a question that names a checklist item: a citizen's check of that item. */
export interface CitizenCheck {
  templateId: string;
  itemId: string;
  yes: boolean;
  date: string;
  /** The officer it is about, when the answer is linked to a dossier the tablet knows. */
  staffId?: string;
}

/** The survey answers that count as citizens' checks, by the questions' `checklistItem`. */
export function citizenItemAnswers(
  def: Pick<SurveyDefinition, 'questions'> | null | undefined,
  answers: Record<string, boolean> | undefined,
): { templateId: string; itemId: string; yes: boolean }[] {
  if (!def || !answers) return [];
  return def.questions.flatMap((q) => {
    const ref = q.checklistItem ? parseItemRef(q.checklistItem) : null;
    const yes = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    return ref && typeof yes === 'boolean' ? [{ ...ref, yes }] : [];
  });
}

/** The Monday of a date's week (weeks run Monday to Sunday in Vietnam). */
export function weekOf(dateKey: string): string {
  return addDaysToKey(dateKey, -((vnWeekday(dateKey) + 6) % 7));
}

export type CheckSource = CheckMode | 'citizen';
export const CHECK_SOURCES: readonly CheckSource[] = ['self', 'leader', 'peer', 'citizen'];
export type BySource = Record<CheckSource, Tally>;

export interface ChecklistGroup {
  /** Records done (skipped ones apart). */
  records: number;
  skipped: number;
  by: BySource;
}

export interface ChecklistFigures {
  total: ChecklistGroup;
  items: (ChecklistGroup & { templateId: string; itemId: string })[];
  officers: (ChecklistGroup & { staffId: string })[];
  weeks: (ChecklistGroup & { week: string })[];
}

const emptyGroup = (): ChecklistGroup => ({
  records: 0,
  skipped: 0,
  by: { self: { checks: 0, yes: 0 }, leader: { checks: 0, yes: 0 }, peer: { checks: 0, yes: 0 }, citizen: { checks: 0, yes: 0 } },
});

function groupIn<K extends string>(map: Map<string, ChecklistGroup & Record<K, string>>, key: K, value: string) {
  let g = map.get(value);
  if (!g) map.set(value, (g = { ...emptyGroup(), [key]: value } as ChecklistGroup & Record<K, string>));
  return g;
}

/**
 * Compliance per item, per officer and per week, each seen by the officer, a leader, a colleague
 * and citizens. Records count once per group they fall in; a record's items count per item.
 */
export function checklistFigures(records: readonly ChecklistRecord[], citizen: readonly CitizenCheck[]): ChecklistFigures {
  const total = emptyGroup();
  const items = new Map<string, ChecklistGroup & { templateId: string; itemId: string }>();
  const officers = new Map<string, ChecklistGroup & { staffId: string }>();
  const weeks = new Map<string, ChecklistGroup & { week: string }>();
  const item = (templateId: string, itemId: string) => {
    const key = `${templateId}/${itemId}`;
    let g = items.get(key);
    if (!g) items.set(key, (g = { ...emptyGroup(), templateId, itemId }));
    return g;
  };
  const count = (t: Tally, yes: boolean) => {
    t.checks++;
    if (yes) t.yes++;
  };
  for (const r of records) {
    const groups = [total, groupIn(officers, 'staffId', r.staffId), groupIn(weeks, 'week', weekOf(r.date))];
    for (const g of groups) g[r.skipped ? 'skipped' : 'records']++;
    if (r.skipped) continue;
    for (const [itemId, yes] of Object.entries(r.items)) for (const g of [...groups, item(r.templateId, itemId)]) count(g.by[r.mode], yes);
  }
  for (const c of citizen) {
    const groups = [total, item(c.templateId, c.itemId), groupIn(weeks, 'week', weekOf(c.date))];
    if (c.staffId) groups.push(groupIn(officers, 'staffId', c.staffId));
    for (const g of groups) count(g.by.citizen, c.yes);
  }
  const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  return { total, items: sorted(items), officers: sorted(officers), weeks: sorted(weeks) };
}

/** A gap worth a leader's eye: staff's own rate and another view differ by this much (20 points). */
export const GAP_THRESHOLD = 0.2;

/** How far the officer's own view is above another view (positive: staff see themselves better). */
export function gap(own: Tally, other: Tally): number | null {
  const a = rate(own);
  const b = rate(other);
  return a === null || b === null ? null : a - b;
}

export const isWideGap = (g: number | null): boolean => g !== null && Math.abs(g) >= GAP_THRESHOLD - 1e-9;
