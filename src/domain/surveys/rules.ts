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

/** One question per screen, in this order. Everything after the overall rating can be skipped. */
export type SurveyStep =
  | { kind: 'rating' }
  | { kind: 'criterion'; id: string }
  | { kind: 'question'; id: string }
  | { kind: 'comment' }
  | { kind: 'dossier' };

export function surveySteps(def: SurveyDefinition): SurveyStep[] {
  return [
    { kind: 'rating' },
    ...def.criteria.map((c) => ({ kind: 'criterion' as const, id: c.id })),
    ...def.questions.map((q) => ({ kind: 'question' as const, id: q.id })),
    { kind: 'comment' },
    { kind: 'dossier' },
  ];
}

export interface SurveyAnswers {
  rating?: Rating;
  criteria: Record<string, Rating>;
  answers: Record<string, boolean>;
  comment: string;
  dossierCode?: string;
}

export const emptyAnswers = (): SurveyAnswers => ({ criteria: {}, answers: {}, comment: '' });

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
