import type { SurveyDefinition } from './definition';
import type { Rating } from './ratings';
import type { SurveySubmittedData } from './ops';

export interface SurveyRules {
  repeatWindowSeconds: number;
  burstLimit: number;
  burstWindowSeconds: number;
  pruneSyncedAfterDays: number;
  inactivitySeconds: number;
  countdownSeconds: number;
}

export const DEFAULT_SURVEY_RULES: SurveyRules = {
  repeatWindowSeconds: 5,
  burstLimit: 5,
  burstWindowSeconds: 60,
  pruneSyncedAfterDays: 7,
  inactivitySeconds: 60,
  countdownSeconds: 10,
};

export function surveyRules(def: Pick<SurveyDefinition, 'rules'> | null | undefined): SurveyRules {
  return { ...DEFAULT_SURVEY_RULES, ...Object.fromEntries(Object.entries(def?.rules ?? {}).filter(([, v]) => v !== undefined)) };
}

/** One question per screen. The faces always come first; everything after them can be skipped. */
export type SurveyStep =
  | { kind: 'rating' }
  | { kind: 'criterion'; id: string }
  | { kind: 'question'; id: string }
  | { kind: 'comment' }
  | { kind: 'dossier' };

/**
 * Without a configured `flow`, a citizen answers at most three short screens after the face: the
 * receipt code, then the first two questions in plain words (yes/no questions, else criteria that
 * carry a `question`), and ends on the optional comment. Elderly people stop early: ask little.
 */
function defaultFlow(def: SurveyDefinition): SurveyStep[] {
  const plain: SurveyStep[] = [
    ...def.questions.map((q) => ({ kind: 'question' as const, id: q.id })),
    ...def.criteria.filter((c) => c.question).map((c) => ({ kind: 'criterion' as const, id: c.id })),
  ];
  return [{ kind: 'dossier' }, ...plain.slice(0, 2), { kind: 'comment' }];
}

export function surveySteps(def: SurveyDefinition): SurveyStep[] {
  // A flow may name a criterion or question removed since: that screen is simply not shown.
  const exists = (s: SurveyStep) =>
    s.kind === 'criterion' ? def.criteria.some((c) => c.id === s.id) : s.kind === 'question' ? def.questions.some((q) => q.id === s.id) : true;
  return [{ kind: 'rating' }, ...(def.flow ?? defaultFlow(def)).filter(exists)];
}

/** The words a step asks, in the citizen's language: a criterion's plain question before its label. */
export function stepQuestion(def: SurveyDefinition, step: SurveyStep & { id: string }, lang: 'vi' | 'en'): string {
  if (step.kind === 'criterion') {
    const c = def.criteria.find((x) => x.id === step.id);
    return (c?.question ?? c?.label)?.[lang] ?? step.id;
  }
  return def.questions.find((q) => q.id === step.id)?.label[lang] ?? step.id;
}

export interface SurveyAnswers {
  rating?: Rating;
  criteria: Record<string, Rating>;
  answers: Record<string, boolean>;
  comment: string;
  dossierCode?: string;
}

export const emptyAnswers = (): SurveyAnswers => ({ criteria: {}, answers: {}, comment: '' });

/** Marks an answer the citizen left before sending: recorded when the kiosk starts over, and counted. */
export const PARTIAL_FLAG = 'partial';

/** The `survey.submitted` data, exactly as DESIGN.md shapes it, with the survey's version. */
export function buildSurveyData(a: SurveyAnswers, def: SurveyDefinition, flags: string[] = []): SurveySubmittedData {
  if (!a.rating) throw new Error('a survey needs the overall rating');
  const comment = a.comment.trim().slice(0, 1000);
  return {
    rating: a.rating,
    ...(Object.keys(a.criteria).length ? { criteria: { ...a.criteria } } : {}),
    ...(Object.keys(a.answers).length ? { answers: { ...a.answers } } : {}),
    ...(comment ? { comment } : {}),
    ...(a.dossierCode ? { dossierCode: a.dossierCode } : {}),
    surveyVersion: def.version,
    ...(flags.length ? { flags } : {}),
  };
}

export type SubmissionDecision = { accept: false; reason: 'repeat' } | { accept: true; flags: string[] };

/**
 * Against misuse at an unattended kiosk: a submission right after another (a second tap, a child
 * playing) counts once; many in a short time are kept but flagged for whoever reads the figures.
 */
export function judgeSubmission(previousMs: number[], nowMs: number, rules: SurveyRules): SubmissionDecision {
  const last = previousMs.length ? Math.max(...previousMs) : -Infinity;
  if (nowMs - last < rules.repeatWindowSeconds * 1000) return { accept: false, reason: 'repeat' };
  const recent = previousMs.filter((t) => nowMs - t < rules.burstWindowSeconds * 1000).length;
  return { accept: true, flags: recent + 1 > rules.burstLimit ? ['burst'] : [] };
}
